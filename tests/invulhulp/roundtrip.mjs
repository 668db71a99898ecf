// Runs the invulhulp's YAML format (content/invulhulp/formulier/yaml-rt.js) under Node for the
// pytest suite: reads {order, dates, cases: [{raw, ops, writer}]} as JSON on stdin and writes, per
// case, the text that toFile() returns after fromFile(raw) and the ops (or the error it throws),
// as JSON on stdout. writer "rewrite" runs the last-resort writer on the same edit instead.
// An op is {op: "set" | "push" | "remove" | "unset", path: [key or index, ...], value}; "unset"
// sets the key to undefined, as the tekst_of_null widget does when its text is emptied.
import { makeFormat, normalize, rewriteYaml } from '../../content/invulhulp/formulier/yaml-rt.js';
import * as YAML from '../../content/invulhulp/formulier/vendor/yaml/index.js';

function apply(data, { op, path, value }) {
  const parent = path.slice(0, -1).reduce((node, key) => node[key], data);
  const last = path[path.length - 1];
  if (op === 'set') parent[last] = value;
  else if (op === 'push') parent[last].push(value);
  else if (op === 'unset') parent[last] = undefined;
  else if (op === 'remove') Array.isArray(parent) ? parent.splice(last, 1) : delete parent[last];
  else throw new Error(`unknown op ${op}`);
}

const input = JSON.parse(await new Promise(resolve => {
  let text = '';
  process.stdin.on('data', chunk => { text += chunk; });
  process.stdin.on('end', () => resolve(text));
}));
const warnings = [];
console.warn = message => warnings.push(String(message));
const results = input.cases.map(({ raw, ops, writer }) => {
  const format = makeFormat(input.order, input.dates);
  const data = JSON.parse(JSON.stringify(format.fromFile(raw))); // what Decap hands back: plain data
  for (const op of ops) apply(data, op);
  const before = warnings.length;
  try {
    if (writer === 'rewrite') return { text: rewriteYaml(raw, normalize(data, YAML.parse(raw)), input.dates), fallback: true };
    const text = format.toFile(data);
    return { text, fallback: warnings.length > before };
  } catch (error) {
    return { error: error.message };
  }
});
process.stdout.write(JSON.stringify(results));
