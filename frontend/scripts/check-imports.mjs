// Three rules about how src/ fits together, checked by `npm run lint`:
//  1. No import circle: a module never ends up importing itself through relative imports.
//  2. Only the data layer talks to the API: the openapi-fetch client (src/api/client.ts)
//     is imported by src/api/ and by the feature api modules (src/features/<feature>/api*.ts),
//     never by pages or components, which use the hooks of those modules. Neither may
//     they go round it: outside the data layer (and tests) there is no `fetch` (bare, or
//     as globalThis/window/self.fetch, by name or destructured), XMLHttpRequest, EventSource
//     or sendBeacon, and no dynamic import() of the client or of a path it cannot check.
//     A legitimate non-API request is allowed by a comment on its line or the line above:
//       // check-imports: allow-network <why it is not an API call>
//  3. Features never import pages: src/features/ sits under src/pages/, not beside it
//     (a pure model a feature needs lives in the feature), statically or dynamically.
// Modules are parsed with the TypeScript parser (no type checking), so comments, strings
// and `query.refetch()` are never mistaken for calls.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'src');
const CLIENT = join(root, 'api', 'client.ts');
const EXTENSIONS = ['.ts', '.tsx', '/index.ts', '/index.tsx'];
/** Globals that reach the network, and the objects they can be read from. */
const NETWORK_NAMES = new Set(['fetch', 'XMLHttpRequest', 'EventSource', 'sendBeacon']);
const GLOBAL_OBJECTS = new Set(['globalThis', 'window', 'self', 'navigator']);
const ALLOW_NETWORK = /\/\/\s*check-imports:\s*allow-network\s+\S/;

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
  // './client.js' names client.ts for TypeScript and Vite alike.
  const script = /\.[mc]?jsx?$/.exec(base);
  if (script) {
    const stem = base.slice(0, script.index);
    for (const ext of ['.ts', '.tsx']) if (existsSync(stem + ext)) return stem + ext;
  }
  for (const ext of EXTENSIONS) {
    if (existsSync(base + ext)) return base + ext;
  }
  return null; // a stylesheet, a JSON file or an asset
}

const show = (/** @type {string} */ path) => relative(root, path).split(sep).join('/');

/**
 * What one module imports and which network globals it touches.
 * @typedef {{ line: number, what: string }} Use
 * @typedef {{ imports: Set<string>, dynamic: { target: string | null, line: number, text: string, literal: boolean }[], network: Use[] }} ModuleFacts
 */

/** @param {ts.Node} node */
const propertyText = (node) =>
  ts.isIdentifier(node) || ts.isPrivateIdentifier(node) || ts.isStringLiteralLike(node) ? node.text : null;

/** globalThis, window, self or navigator, also as window.globalThis or (self). @param {ts.Expression} node @returns {boolean} */
function isGlobalObject(node) {
  if (ts.isParenthesizedExpression(node)) return isGlobalObject(node.expression);
  if (ts.isIdentifier(node)) return GLOBAL_OBJECTS.has(node.text);
  if (ts.isPropertyAccessExpression(node)) return GLOBAL_OBJECTS.has(node.name.text);
  return false;
}

/**
 * Whether this identifier names a network global (rather than a property of something
 * else, or the key of an object literal).
 * @param {ts.Identifier} node
 */
function isNetworkReference(node) {
  if (!NETWORK_NAMES.has(node.text)) return false;
  const parent = node.parent;
  if (ts.isPropertyAccessExpression(parent) && parent.name === node) {
    // x.fetch: only when x is the global object (globalThis.fetch, window.fetch, navigator.sendBeacon).
    return isGlobalObject(parent.expression);
  }
  if (
    (ts.isPropertyAssignment(parent) ||
      ts.isPropertyDeclaration(parent) ||
      ts.isPropertySignature(parent) ||
      ts.isMethodDeclaration(parent) ||
      ts.isMethodSignature(parent) ||
      ts.isGetAccessorDeclaration(parent) ||
      ts.isSetAccessorDeclaration(parent)) &&
    parent.name === node
  ) {
    return false; // { fetch: ... }, an object's own member of that name
  }
  if (ts.isImportSpecifier(parent) || ts.isExportSpecifier(parent)) return false; // a module's export of that name
  return true; // fetch(...), const f = fetch, { fetch } = globalThis, new XMLHttpRequest()
}

/** @param {string} file @returns {ModuleFacts} */
function readModule(file) {
  const text = readFileSync(file, 'utf8');
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const lines = text.split('\n');
  const lineOf = (/** @type {ts.Node} */ node) => source.getLineAndCharacterOfPosition(node.getStart(source)).line;
  const allowed = (/** @type {number} */ line) => ALLOW_NETWORK.test(lines[line] ?? '') || ALLOW_NETWORK.test(lines[line - 1] ?? '');
  /** @type {ModuleFacts} */
  const facts = { imports: new Set(), dynamic: [], network: [] };
  /** @param {ts.Node} node */
  function walk(node) {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      const target = resolveImport(file, node.moduleSpecifier.text);
      if (target) facts.imports.add(target);
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
      const expression = node.moduleReference.expression;
      if (ts.isStringLiteral(expression)) {
        const target = resolveImport(file, expression.text);
        if (target) facts.imports.add(target);
      }
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const [argument] = node.arguments;
      const line = lineOf(node);
      if (argument && ts.isStringLiteralLike(argument)) {
        const target = argument.text.startsWith('.') ? resolveImport(file, argument.text) : null;
        facts.dynamic.push({ target, line, text: argument.text, literal: true });
      } else {
        facts.dynamic.push({ target: null, line, text: argument ? argument.getText(source) : '', literal: false });
      }
    } else if (ts.isElementAccessExpression(node) && isGlobalObject(node.expression)) {
      // globalThis['fetch']
      const name = propertyText(node.argumentExpression);
      if (name === null || NETWORK_NAMES.has(name)) {
        const line = lineOf(node);
        if (!allowed(line)) facts.network.push({ line, what: node.getText(source) });
      }
    } else if (ts.isBindingElement(node)) {
      // const { fetch } = globalThis, or const { fetch: get } = window
      const name = node.propertyName ? propertyText(node.propertyName) : ts.isIdentifier(node.name) ? node.name.text : null;
      if (name !== null && NETWORK_NAMES.has(name)) {
        const line = lineOf(node);
        if (!allowed(line)) facts.network.push({ line, what: node.getText(source) });
      }
      // the property and the binding's own name are names, not uses
      if (node.propertyName && ts.isComputedPropertyName(node.propertyName)) walk(node.propertyName);
      if (node.initializer) walk(node.initializer);
      if (!ts.isIdentifier(node.name)) walk(node.name);
      return;
    } else if (ts.isIdentifier(node) && isNetworkReference(node)) {
      const line = lineOf(node);
      if (!allowed(line)) {
        const parent = node.parent;
        const shown = ts.isPropertyAccessExpression(parent) ? parent.getText(source) : node.text;
        facts.network.push({ line, what: shown });
      }
    }
    ts.forEachChild(node, walk);
  }
  walk(source);
  return facts;
}

const files = sourceFiles(root);
/** @type {Map<string, ModuleFacts>} */
const modules = new Map(files.map((file) => [file, readModule(file)]));
/** The static imports, for the circle check. @type {Map<string, string[]>} */
const graph = new Map([...modules].map(([file, facts]) => [file, [...facts.imports]]));

/** @type {string[]} */
const problems = [];

// Rule 2: who may import the client, and who may reach the network.
const isTest = (/** @type {string} */ file) => /\.test\.tsx?$/.test(file) || file.includes(`${sep}test${sep}`);
const mayUseClient = (/** @type {string} */ file) =>
  file.startsWith(join(root, 'api') + sep) || /[\\/]features[\\/][^\\/]+[\\/]api[^\\/]*\.ts$/.test(file) || isTest(file);
const where = (/** @type {string} */ file, /** @type {number} */ line) => `${show(file)}:${line + 1}`;
for (const [file, facts] of modules) {
  if (mayUseClient(file)) continue;
  if (facts.imports.has(CLIENT)) {
    problems.push(`${show(file)} imports the API client: use the hooks of a src/features/<feature>/api.ts module`);
  }
  for (const use of facts.dynamic) {
    if (use.target === CLIENT) {
      problems.push(`${where(file, use.line)} imports the API client dynamically: use the hooks of a src/features/<feature>/api.ts module`);
    } else if (use.target === null && (!use.literal || !/^[@\w]/.test(use.text))) {
      // an expression, an unresolved relative path or a root path ('/src/api/client.ts')
      problems.push(`${where(file, use.line)} imports ${use.text || 'nothing'} dynamically, which cannot be checked: import a module by its relative path`);
    }
  }
  for (const use of facts.network) {
    problems.push(
      `${where(file, use.line)} reaches the network itself (${use.what}): API calls belong in a src/features/<feature>/api.ts module; ` +
        'a request that is not to the API can say so with "// check-imports: allow-network <why>"',
    );
  }
}

// Rule 3: features never import pages.
const FEATURES = join(root, 'features') + sep;
const PAGES = join(root, 'pages') + sep;
for (const [file, facts] of modules) {
  if (!file.startsWith(FEATURES)) continue;
  const targets = [...facts.imports, ...facts.dynamic.flatMap((use) => (use.target ? [use.target] : []))];
  for (const target of new Set(targets)) {
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
console.log(
  `imports: ${files.length} modules, no circle, the API client and the network only in the data layer, no feature importing a page`,
);
