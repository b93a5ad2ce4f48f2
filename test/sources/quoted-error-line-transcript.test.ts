// A paste whose only output is one log line set in an inline code span between lines of prose, with
// no fence, prompt or command: a write-up to split (its span read as an output of its own), not a log
// file to read whole. Real lines: emissary-ingress/emissary#1317.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ingest } from '../../src/sources/parse.js';
import { hasQuotedErrorLine } from '../../src/bundle/code-spans.js';

const RECORD =
  '[2019-03-15 00:14:11.730][000182][critical][assert] [source/common/network/listener_impl.cc:82] panic: listener accept failure: Too many open files';

const LINES = [
  '**Describe the bug**',
  'I seem to reach the open file limit fairly quickly which causes pods to restart leading to downtime. I see ',
  `\`${RECORD}\` `,
  'in the logs and the container is restarted by Kubernetes. The load per Ambassador node is between ~1300 to ~1,800 request per second. Ulimit seems to default to 2048.',
];

test('a line that is one code span quoting a ran-out error marks a write-up', () => {
  assert.equal(hasQuotedErrorLine(LINES), true);
  // A span that names the error alone, or says nothing of running out, does not.
  assert.equal(hasQuotedErrorLine(['see `EMFILE`', '`ulimit -n`']), false);
  assert.equal(hasQuotedErrorLine([`I see \`${RECORD}\` in the logs.`]), false);
});

test('the quoted log line is read as an app log, the prose around it is not', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'fdleak-r156-'));
  const file = join(dir, 'transcript.md');
  writeFileSync(file, ['# Too many open files', '', ...LINES, ''].join('\n'));
  const got = await ingest(file);
  const read = got.entries.filter((e) => e.source !== null);
  assert.deepEqual(
    read.map((e) => [e.source, e.firstLine]),
    [['app-log', 5]],
  );
});
