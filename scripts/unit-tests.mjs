// The unit test files scripts/test.mjs hands over (FDLEAK_UNIT_TESTS, one path per line), loaded
// into this one process: their tests run here one after another, as in files of their own. A file
// that fails to load fails as a test named after it, and the files after it still run.
import { test } from 'node:test';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const files = (process.env.FDLEAK_UNIT_TESTS ?? '').split('\n').filter(Boolean);
if (files.length === 0) throw new Error('scripts/unit-tests.mjs: run it through scripts/test.mjs (no FDLEAK_UNIT_TESTS)');
for (const f of files) {
  try {
    await import(pathToFileURL(resolve(f)).href);
  } catch (err) {
    test(`${f} loads`, () => {
      throw err;
    });
  }
}
