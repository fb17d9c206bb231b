// Fails when src/api/schema.d.ts is stale: regenerates the types from openapi.json
// into a temporary file and compares the two byte by byte.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const committed = 'src/api/schema.d.ts';
const dir = mkdtempSync(join(tmpdir(), 'obzvon-api-'));
const fresh = join(dir, 'schema.d.ts');
try {
  execFileSync('npx', ['--no-install', 'openapi-typescript', 'openapi.json', '-o', fresh], { stdio: 'pipe' });
  if (readFileSync(fresh, 'utf8') !== readFileSync(committed, 'utf8')) {
    console.error(`${committed} is out of date with openapi.json: run "npm run gen:api" and commit the result.`);
    process.exitCode = 1;
  } else {
    console.log(`${committed} matches openapi.json.`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
