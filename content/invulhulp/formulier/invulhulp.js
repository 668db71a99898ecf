// Starts Decap CMS with the form generated from the contract (config.yml, sleutelvolgorde.json, datumvelden.json:
// build_scripts/render/invulhulp.py). Query parameters, set by the links on /invulhulp/:
//   ?bestand=utrecht-2026   open that region-year file
//   &zonder-account         no sign-in: the form works on a copy in the browser, and saving
//                           offers the file for download (to upload in GitLab or GitHub)
import * as YAML from './vendor/yaml/index.js';
import { makeFormat } from './yaml-rt.js';
import { registerWidgets } from './widgets.js';
import { nameDecapControls } from './a11y.js';
import { showWelcome, showOpenFile, standAloneWelcome } from './orient.js';

const { CMS, h, createClass } = window;
const params = new URLSearchParams(location.search);
const chosen = params.get('bestand');
const withoutAccount = params.has('zonder-account');
const notice = document.getElementById('invulhulp-melding');

async function fetchText(url) {
  const response = await fetch(url, { credentials: 'same-origin' });
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return response.text();
}

function say(...nodes) {
  notice.replaceChildren(...nodes);
  notice.hidden = false;
}

function element(tag, attributes, ...children) {
  const node = Object.assign(document.createElement(tag), attributes);
  node.append(...children);
  return node;
}

// Decap's Dutch texts, named for what the buttons do here: saving opens a merge request,
// "publishing" merges it; without an account, it makes the file to download.
function dutch(locale) {
  const texts = structuredClone(locale);
  const toolbar = texts.editor.editorToolbar;
  if (withoutAccount) {
    Object.assign(toolbar, { publish: 'Bestand maken', publishNow: 'Maak het bestand', published: 'Geen nieuwe wijzigingen', publishing: 'Bezig…' });
    texts.auth.login = 'Beginnen zonder account';
  } else {
    Object.assign(toolbar, {
      status: 'Samenvoegverzoek: %{status}', draft: 'concept', inReview: 'ter beoordeling', ready: 'klaar',
      publish: 'Samenvoegen', publishNow: 'Nu samenvoegen', published: 'Samengevoegd', publishing: 'Samenvoegen…',
    });
    texts.app.header.workflow = 'Samenvoegverzoeken';
  }
  return texts;
}

function nest(path, content) {
  const tree = {};
  const parts = path.split('/');
  parts.slice(0, -1).reduce((node, part) => (node[part] = {}), tree)[parts[parts.length - 1]] = { content };
  return tree;
}

// Without an account: Decap's in-browser backend holds one file; after saving, offer it for download.
async function workOnACopy(config, repository) {
  const collection = config.collections[0];
  const file = collection.files.find(f => f.name === chosen);
  if (!file) throw new Error('Kies eerst op de uitlegpagina welk bestand u wilt bijwerken.');
  collection.files = [file];
  Object.assign(config, { backend: { name: 'test-repo' }, publish_mode: 'simple', local_backend: false });
  window.repoFiles = nest(file.file, await fetchText(`bestanden/${file.file.replace(/^data\/regions\//, '')}`));
  CMS.registerEventListener({ name: 'postSave', handler: () => offerDownload(file, repository) });
}

// The file to download, and the two steps that put it in a merge request by the host's web pages.
function offerDownload(file, repository) {
  const content = file.file.split('/').reduce((node, part) => node[part], window.repoFiles).content;
  const name = file.file.split('/').pop();
  const folder = file.file.replace(/[^/]+$/, '');
  const host = repository.host || 'GitLab of GitHub';
  const link = element('a', { href: URL.createObjectURL(new Blob([content], { type: 'text/yaml' })), download: name },
    `Download ${name}`);
  const place = repository.tree_url ? element('a', { href: repository.tree_url + folder }, `de map ${folder}`) : `de map ${folder}`;
  const upload = { GitLab: `, klik op ${name}, kies Replace en upload het gedownloade bestand.`,
    GitHub: ', kies Add file › Upload files en upload het gedownloade bestand.' }[repository.host]
    || ' en upload daar het gedownloade bestand in plaats van het oude.';
  say(element('strong', {}, 'Uw bestand is klaar. '), link,
    element('ol', {},
      element('li', {}, `Open in ${host} `, place, upload),
      element('li', {}, 'Kies bij het vastleggen een nieuwe branch en start een samenvoegverzoek.')),
    element('span', {}, 'Geen account? Mail het bestand naar de redactie: '),
    element('a', { href: 'mailto:redactie@example.org' }, 'redactie@example.org'));
  link.focus();
}

async function start() {
  const [config, order, dates, repository] = await Promise.all([
    fetchText('config.yml').then(text => YAML.parse(text)),
    fetchText('sleutelvolgorde.json').then(text => JSON.parse(text)),
    fetchText('datumvelden.json').then(text => JSON.parse(text)),
    fetchText('repository.json').then(text => JSON.parse(text)),
  ]);
  const files = config.collections[0].files;
  if (!withoutAccount && !repository.login && !(await localBackendAnswers(config))) {
    standAloneWelcome(files, chosen);  // no sign-in set up: no login button, only the route without an account
    return;
  }
  registerWidgets(CMS, h, createClass);
  // No media library (config.yml: media_library "geen"): Decap's own would commit uploads straight
  // to the default branch. This one shows nothing, and no "Media" button (enableStandalone).
  CMS.registerMediaLibrary({ name: 'geen', init: () => ({ show() {}, hide() {}, enableStandalone: () => false }) });
  CMS.registerCustomFormat('yaml-rt', 'yaml', makeFormat(order, dates));
  CMS.registerLocale('nl', dutch(CMS.getLocale('nl')));
  if (withoutAccount) await workOnACopy(config, repository);
  CMS.init({ config: { ...config, load_config_file: false } });
  nameDecapControls(document.getElementById('nc-root'));
  showWelcome(document.getElementById('nc-root'), files, chosen);
  showOpenFile(config.collections[0].name, files);
  if (chosen) openAfterLogin(`#/collections/${config.collections[0].name}`, chosen);
}

// Decap's local backend (decap-server on a developer's machine, or in the tests) signs in without an
// account at the code host. Asked the way Decap asks it (config.ts, handleLocalBackend); not found, Decap
// is told not to ask again.
async function localBackendAnswers(config) {
  const setting = config.local_backend;
  if (!setting || !['localhost', '127.0.0.1'].includes(location.hostname)) return false;
  const url = setting === true ? 'http://localhost:8081/api/v1' : setting.url;
  try {
    const response = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"action":"info"}' });
    if (response.ok && typeof (await response.json()).repo === 'string') return true;
  } catch { /* nothing listens there */ }
  config.local_backend = false;
  return false;
}

// Decap shows its list of files after signing in; open the chosen file instead, once.
function openAfterLogin(list, entry) {
  const target = `${list}/entries/${entry}`;
  const started = Date.now();
  const timer = setInterval(() => {
    if (location.hash === target || Date.now() - started > 600000) clearInterval(timer);
    else if (location.hash === list || location.hash === '#/') { location.hash = target; clearInterval(timer); }
  }, 100);
}

start().catch(error => {
  say(element('strong', {}, 'De invulhulp kon niet starten. '), `${error.message} `, element('a', { href: '../' }, 'Terug naar de uitleg'));
  throw error;
});
