// A file that is one Markdown indented code block and nothing else (every line four blanks in, no
// prompt, no fence, no prose): read without its indent, as a file of several such blocks is, not
// as an output no reader knows. Real lines: Icinga/icinga-core#524, a Redmine issue migrated to
// GitHub, its `ls -l` of the fd folder kept as an indented block.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ingest } from '../../src/sources/parse.js';

const ROWS = [
  '    lr-x------ 1 root   root   64 2011-01-25 11:13 0 -> /dev/null',
  '    l-wx------ 1 root   root   64 2011-01-25 11:13 1 -> /dev/null',
  '    l-wx------ 1 root   root   64 2011-01-25 11:13 10 -> /usr/local/pnp4nagios/var/service-perfdata (deleted)',
  '    l-wx------ 1 root   root   64 2011-01-25 11:13 11 -> /usr/local/pnp4nagios/var/service-perfdata (deleted)',
  '    l-wx------ 1 root   root   64 2011-01-25 11:13 12 -> /usr/local/pnp4nagios/var/service-perfdata (deleted)',
  '    l-wx------ 1 root   root   64 2011-01-25 11:13 2 -> /dev/null',
];

async function read(lines: readonly string[]) {
  const dir = mkdtempSync(join(tmpdir(), 'fdleak-r272-'));
  const file = join(dir, 'transcript.md');
  writeFileSync(file, `${lines.join('\n')}\n`);
  return (await ingest(file)).entries.filter((e) => e.source !== null);
}

test('one indented block alone is read without its indent: the ls -l rows of the fd folder', async () => {
  const got = await read(ROWS);
  assert.deepEqual(
    got.map((e) => [e.source, e.firstLine]),
    [['proc-fd', 1]],
  );
});

test('the same rows without the indent read the same, and text no reader knows stays unread', async () => {
  assert.deepEqual(
    (await read(ROWS.map((l) => l.slice(4)))).map((e) => e.source),
    ['proc-fd'],
  );
  assert.deepEqual(await read(['    hello', '    world']), []);
});
