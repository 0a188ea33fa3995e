// Three rules about how src/ fits together, checked by `npm run lint`:
//  1. No import circle: a module never ends up importing itself through relative imports.
//  2. Only the data layer talks to the API: the openapi-fetch client (src/api/client.ts)
//     is imported by src/api/ and by the feature api modules (src/features/<feature>/api*.ts),
//     never by pages or components, which use the hooks of those modules.
//  3. Features never import pages: src/features/ sits under src/pages/, not beside it
//     (a pure model a feature needs lives in the feature).
// It reads import/export statements with a regular expression: enough for this code base,
// which has no dynamic imports of its own modules.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'src');
const CLIENT = join(root, 'api', 'client.ts');
const EXTENSIONS = ['.ts', '.tsx', '/index.ts', '/index.tsx'];
const IMPORT = /(?:^|\n)\s*(?:import|export)\s+(?:type\s+)?(?:[^'"`;]*?\s+from\s+)?['"]([^'"]+)['"]/g;

/** @param {string} dir @returns {string[]} */
function sourceFiles(dir) {
  const files = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) files.push(...sourceFiles(path));
    else if (/\.tsx?$/.test(name) && !name.endsWith('.d.ts')) files.push(path);
  }
  return files;
}

/** @param {string} from @param {string} specifier @returns {string | null} */
function resolveImport(from, specifier) {
  if (!specifier.startsWith('.')) return null;
  const base = resolve(dirname(from), specifier);
  if (/\.tsx?$/.test(base) && existsSync(base)) return base;
  for (const ext of EXTENSIONS) {
    if (existsSync(base + ext)) return base + ext;
  }
  return null; // a stylesheet, a JSON file or an asset
}

const show = (/** @type {string} */ path) => relative(root, path).split(sep).join('/');
const files = sourceFiles(root);
/** @type {Map<string, string[]>} */
const graph = new Map();
for (const file of files) {
  const text = readFileSync(file, 'utf8');
  const targets = new Set();
  for (const match of text.matchAll(IMPORT)) {
    const target = resolveImport(file, match[1]);
    if (target) targets.add(target);
  }
  graph.set(file, [...targets]);
}

/** @type {string[]} */
const problems = [];

// Rule 2: who may import the client.
const isTest = (/** @type {string} */ file) => /\.test\.tsx?$/.test(file) || file.includes(`${sep}test${sep}`);
const mayUseClient = (/** @type {string} */ file) =>
  file.startsWith(join(root, 'api') + sep) || /[\\/]features[\\/][^\\/]+[\\/]api[^\\/]*\.ts$/.test(file) || isTest(file);
for (const [file, targets] of graph) {
  if (targets.includes(CLIENT) && !mayUseClient(file)) {
    problems.push(`${show(file)} imports the API client: use the hooks of a src/features/<feature>/api.ts module`);
  }
}

// Rule 3: features never import pages.
const FEATURES = join(root, 'features') + sep;
const PAGES = join(root, 'pages') + sep;
for (const [file, targets] of graph) {
  if (!file.startsWith(FEATURES)) continue;
  for (const target of targets) {
    if (target.startsWith(PAGES)) {
      problems.push(`${show(file)} imports ${show(target)}: a feature never imports a page (move what it needs into the feature)`);
    }
  }
}

// Rule 1: circles, found as strongly connected components (Tarjan).
let counter = 0;
/** @type {Map<string, number>} */
const index = new Map();
/** @type {Map<string, number>} */
const low = new Map();
/** @type {string[]} */
const stack = [];
const onStack = new Set();
/** @param {string} node */
function visit(node) {
  index.set(node, counter);
  low.set(node, counter);
  counter += 1;
  stack.push(node);
  onStack.add(node);
  for (const next of graph.get(node) ?? []) {
    if (!index.has(next)) {
      visit(next);
      low.set(node, Math.min(low.get(node) ?? 0, low.get(next) ?? 0));
    } else if (onStack.has(next)) {
      low.set(node, Math.min(low.get(node) ?? 0, index.get(next) ?? 0));
    }
  }
  if (low.get(node) === index.get(node)) {
    /** @type {string[]} */
    const component = [];
    /** @type {string | undefined} */
    let member;
    do {
      member = /** @type {string} */ (stack.pop());
      onStack.delete(member);
      component.push(member);
    } while (member !== node);
    const selfLoop = (graph.get(node) ?? []).includes(node);
    if (component.length > 1 || selfLoop) {
      problems.push(`import circle: ${component.reverse().map(show).join(' → ')}`);
    }
  }
}
for (const file of files) if (!index.has(file)) visit(file);

if (problems.length > 0) {
  for (const problem of problems) console.error(problem);
  console.error(`\n${problems.length} import problem(s) in frontend/src`);
  process.exit(1);
}
console.log(`imports: ${files.length} modules, no circle, the API client only in the data layer, no feature importing a page`);
