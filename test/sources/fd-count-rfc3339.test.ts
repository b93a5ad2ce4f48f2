// Accuracy round 127, oVirt/vdsm#240: a loop printing `date --rfc-3339=seconds` and a count, apart
// by a comma, set as a Markdown indented block under the PR's prose. The real lines.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseLines } from '../../src/sources/run.js';
import { fdCountSamples } from '../../src/sources/fd-count-samples.js';
import { ingest } from '../../src/sources/parse.js';

const COMMAND =
  'for i in $(seq 3600); do echo "$(date --rfc-3339=seconds), $(readlink /proc/$(pidof -x vdsmd)/fd/* | wc -l)"; sleep 10; done';
const SAMPLES = [
  '2022-06-07 22:52:14+03:00, 374',
  '2022-06-07 22:52:24+03:00, 375',
  '2022-06-07 22:52:34+03:00, 376',
  '2022-06-07 22:52:44+03:00, 377',
];

test('`date --rfc-3339=seconds`, a comma, the count: one timed sample a line, the offset dropped', () => {
  const r = parseLines(fdCountSamples, SAMPLES, { command: COMMAND });
  assert.deepEqual(
    r.artifact.samples.map((s) => [s.at, s.total]),
    [
      ['2022-06-07T22:52:14', 374],
      ['2022-06-07T22:52:24', 375],
      ['2022-06-07T22:52:34', 376],
      ['2022-06-07T22:52:44', 377],
    ],
  );
  // `date -Iseconds` (T and Z) and blanks instead of the comma read the same.
  const iso = parseLines(fdCountSamples, ['2022-06-07T22:52:14Z 374', '2022-06-07T22:52:24+0300 375'], { command: COMMAND });
  assert.deepEqual(
    iso.artifact.samples.map((s) => [s.at, s.total]),
    [
      ['2022-06-07T22:52:14', 374],
      ['2022-06-07T22:52:24', 375],
    ],
  );
  // A comma with no count after it, or words, is no sample.
  const none = parseLines(fdCountSamples, ['2022-06-07 22:52:14+03:00, vdsmd'], { command: COMMAND });
  assert.equal(none.artifact.samples.length, 0);
});

test('a loop typed without a prompt in an indented block under prose is read as the command of its counts', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'fdleak-r127-'));
  const file = join(dir, 'transcript.md');
  writeFileSync(
    file,
    [
      'However we see clear leak in the case when a storage domain becomes',
      'inaccessible. Strangely, only failing checks from inaccessible storage',
      'domains leak, and we see very clear leak of one file descriptor every 10',
      'seconds:',
      '',
      '    for i in $(seq 3600); do',
      '        echo "$(date --rfc-3339=seconds), $(readlink /proc/$(pidof -x vdsmd)/fd/* | wc -l)"',
      '        sleep 10',
      '    done',
      '    ...',
      ...SAMPLES.map((l) => `    ${l}`),
      '',
    ].join('\n'),
  );
  const got = await ingest(file);
  const read = got.entries.filter((e) => e.source !== null);
  assert.deepEqual(
    read.map((e) => [e.source, e.command]),
    [['fd-count-samples', COMMAND]],
  );
});
