// docs/bundle-format.md lists every parser, in the order the registry asks them: a parser added
// without its line (or a line left for one removed) fails here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ROOT } from '../helpers.js';
import { PARSERS } from '../../src/sources/registry.js';

test('docs/bundle-format.md lists every parser, with its title, in the registry order', () => {
  const doc = readFileSync(resolve(ROOT, 'docs', 'bundle-format.md'), 'utf8');
  const listed = [...doc.matchAll(/^\| `([a-z0-9-]+)` \| (.+) \|$/gm)].map((m) => [m[1], m[2].replaceAll('\\|', '|')]);
  assert.deepEqual(
    listed,
    PARSERS.map((p) => [p.id, p.title]),
  );
});
