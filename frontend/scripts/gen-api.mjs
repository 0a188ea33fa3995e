// Generate src/api/schema.d.ts from the committed OpenAPI contract.
//
//   node scripts/gen-api.mjs           regenerate src/api/schema.d.ts
//   node scripts/gen-api.mjs --check   regenerate to a temporary file and fail when it
//                                      differs from the committed one (the spec drifted)
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';

const here = dirname(fileURLToPath(import.meta.url));
const frontend = resolve(here, '..');
const specPath = resolve(frontend, '..', 'openapi', 'openapi.json');
const targetPath = resolve(frontend, 'src', 'api', 'schema.d.ts');
const check = process.argv.includes('--check');

const BANNER = `/**
 * Generated from openapi/openapi.json by openapi-typescript (npm run gen:api).
 * Do not edit by hand: change the API, run \`make openapi\`, and commit both files.
 */

`;

/** @returns {Promise<string>} */
async function generate() {
  if (!existsSync(specPath)) {
    throw new Error(`OpenAPI spec not found at ${specPath}`);
  }
  const ast = await openapiTS(pathToFileURL(specPath), {
    // Keep optional properties as `?:` and report nullable fields as `| null`.
    alphabetize: false,
  });
  return BANNER + astToString(ast);
}

async function main() {
  const generated = await generate();
  if (!check) {
    await writeFile(targetPath, generated, 'utf8');
    console.log(`wrote ${targetPath}`);
    return;
  }
  // Write to a temporary file first so the check reads exactly what gen:api would write.
  const dir = await mkdtemp(join(tmpdir(), 'gwella-api-'));
  try {
    const tmp = join(dir, 'schema.d.ts');
    await writeFile(tmp, generated, 'utf8');
    const fresh = await readFile(tmp, 'utf8');
    const committed = existsSync(targetPath) ? await readFile(targetPath, 'utf8') : '';
    if (fresh !== committed) {
      const freshLines = fresh.split('\n');
      const committedLines = committed.split('\n');
      const index = freshLines.findIndex((line, i) => line !== committedLines[i]);
      const firstDiff = index === -1 ? Math.min(freshLines.length, committedLines.length) : index;
      console.error(
        'check:api: frontend/src/api/schema.d.ts is out of date with openapi/openapi.json ' +
          `(first difference at line ${firstDiff + 1}).\n` +
          'run make openapi (or npm run gen:api in frontend/) and commit the result.',
      );
      process.exitCode = 1;
      return;
    }
    console.log('check:api: src/api/schema.d.ts matches openapi/openapi.json');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(`gen-api: ${err instanceof Error ? err.message : String(err)}`);
  process.exitCode = 1;
});
