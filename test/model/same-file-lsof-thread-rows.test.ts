// `lsof -p PID | grep -c FILE` with no listing of the process: rows a thread may repeat, so no
// proof of one file open on many fds — but they name the file and point at the process, as lsof
// rows of one kind do for the piles. Real lines: test/accuracy/cases/cpp-ratesvc-ifstream-map-
// same-file-lsof-grep-c-only (a C++ service's std::ifstream per request, 843 rows).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { analyzeBundle } from '../../src/analysis.js';
import { analyzeTranscript } from '../analyze-transcript.js';
import { CASES_DIR } from '../accuracy/score.js';

const CASE = join(CASES_DIR, 'cpp-ratesvc-ifstream-map-same-file-lsof-grep-c-only', 'transcript.md');

test('843 lsof rows of rates.conf, no listing: a pointer at ratesvc, of kind file, no leak alone', async () => {
  const { result } = await analyzeBundle(CASE, { now: new Date('2026-12-08T00:00:00Z') });
  assert.equal(result.verdict, 'inconclusive');
  const s = result.suspects[0];
  assert.equal(s?.pid, 21150);
  assert.equal(s?.leak?.kind, 'file');
  const r = s?.reasons.find((x) => x.signal === 'same-file-open');
  assert.equal(r?.weight, 1);
  assert.match(r?.statement ?? '', /843 lsof rows naming rates\.conf \(a thread may repeat a row/);
});

test('the same rows beside a listing that shows each fd once: one file on 843 fds, decisive', async () => {
  const rows = Array.from(
    { length: 60 },
    (_, i) => `ratesvc 21150 root ${10 + i}r   REG  254,0        9  1613826 /srv/r310/etc/rates.conf`,
  );
  const result = await analyzeTranscript(
    [
      '```',
      '# lsof -p 21150 | grep -c rates.conf',
      '843',
      '# lsof -p 21150 | head -64',
      'COMMAND   PID USER   FD   TYPE DEVICE SIZE/OFF    NODE NAME',
      'ratesvc 21150 root  cwd    DIR  254,0     4096  2246853 /',
      'ratesvc 21150 root    0r   CHR    1,3      0t0        3 /dev/null',
      'ratesvc 21150 root    1w   CHR    1,3      0t0        3 /dev/null',
      'ratesvc 21150 root    2w   REG  254,0     1117 15163393 /var/log/ratesvc/error.log',
      ...rows,
      '```',
    ],
    'ratesvc.md',
  );
  assert.equal(result.suspects[0]?.reasons.find((x) => x.signal === 'same-file-open')?.weight, 3);
});

test('a grep count of ls -l rows stays a count of fds (no pointer cap)', async () => {
  const result = await analyzeTranscript(
    ['```', '# ls -l /proc/21150/fd | grep -c rates.conf', '851', '# ls /proc/21150/fd | wc -l', '856', '```'],
    'ls.md',
  );
  assert.equal(result.verdict, 'leak');
  assert.equal(result.suspects[0]?.reasons.find((x) => x.signal === 'same-file-open')?.weight, 3);
});
