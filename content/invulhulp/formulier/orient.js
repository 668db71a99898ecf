// What tells a region where it is (issue 26): the explanation on Decap's login screen (what this
// is, who may use it, what saving does) and, while a file is open, which region and year it is.
// The texts are in the page (templates/invulhulp_formulier.html.j2, Dutch, rendered at build
// time); this module shows them at the right moment and fills in the file's name with textContent.
//
// Decap has no setting for a text on its login screen, so the explanation is moved into Decap's
// login section once Decap draws it: found by the component name emotion keeps in its class
// ("-StyledAuthenticationPage", Decap CMS 3.16.3). tests/browser/test_invulhulp_orient.py checks
// the text is on that screen, so an upgrade that renames it fails the test.

const params = new URLSearchParams(location.search);
const withoutAccount = params.has('zonder-account');

function fileFor(files, entry) {
  return files.find(file => file.name === entry);
}

// The explanation's paragraphs for this way of working: with an account, without one, or with no sign-in set up.
function prepare(welcome, files, chosen, mode) {
  welcome.querySelectorAll('[data-alleen]').forEach(node => { node.hidden = !node.dataset.alleen.split(' ').includes(mode); });
  const file = fileFor(files, chosen);
  const opened = welcome.querySelector('[data-geopend]');
  if (file && opened) {
    opened.querySelector('strong').textContent = file.label;
    opened.hidden = false;
  }
  const onward = welcome.querySelector('[data-zonder-account]');
  if (onward) onward.href = file ? `?bestand=${encodeURIComponent(file.name)}&zonder-account` : '../';
  welcome.hidden = false;
}

// No sign-in set up (no app_id or OAuth proxy in mkdocs.yml): Decap is not started, so it offers no
// login button that cannot work; the page explains and offers the route without an account.
export function standAloneWelcome(files, chosen) {
  const welcome = document.getElementById('invulhulp-welkom');
  document.getElementById('nc-root').replaceChildren(welcome);
  welcome.classList.add('invulhulp-welkom-alleen');
  prepare(welcome, files, chosen, 'geen-login');
}

// While Decap shows its login screen, the explanation stands on it, above the login button.
export function showWelcome(root, files, chosen) {
  const welcome = document.getElementById('invulhulp-welkom');
  prepare(welcome, files, chosen, withoutAccount ? 'zonder-account' : 'account');
  welcome.hidden = true;
  const place = () => {
    const login = root.querySelector('section[class*="-StyledAuthenticationPage"]');
    if (login && welcome.parentElement !== login) login.prepend(welcome);
    welcome.hidden = !login;
    document.body.classList.toggle('invulhulp-inloggen', Boolean(login));  // the open-file bar waits (invulhulp.css)
  };
  new MutationObserver(place).observe(root, { subtree: true, childList: true });
  place();
}

// While a file is open in the editor (Decap's route #/collections/<collection>/entries/<file>), a bar
// under Decap's toolbar names its region and year, and so does the window's title.
export function showOpenFile(collection, files) {
  const bar = document.getElementById('invulhulp-bestand');
  const title = document.title;
  const prefix = `#/collections/${collection}/entries/`;
  const update = () => {
    const file = location.hash.startsWith(prefix) ? fileFor(files, decodeURIComponent(location.hash.slice(prefix.length))) : null;
    bar.hidden = !file;
    document.body.classList.toggle('invulhulp-bestand-open', Boolean(file));
    document.title = file ? `${file.label} · ${title}` : title;
    if (file) {
      bar.querySelector('[data-naam]').textContent = file.label;
      bar.querySelector('[data-pad]').textContent = file.file;
    }
  };
  window.addEventListener('hashchange', update);
  update();
}
