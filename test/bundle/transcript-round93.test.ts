// Round 93: `ls /proc/PID/fd | wc -w` (flux-core#98): a bare ls prints each fd's name, one word,
// so the words it counts are the fds, as `wc -l` would count them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { countsNameWords, printsOneCount } from '../../src/bundle/known-commands.js';
import { interpretCount } from '../../src/model/pipeline.js';
import { analyzeTranscript } from '../analyze-transcript.js';

test('ls of an fd folder counted by words is a count of its fds', () => {
  assert.equal(countsNameWords('ls /proc/192510/fd | wc -w'), true);
  assert.equal(countsNameWords('ls -1 /proc/192510/fd/ | wc --words'), true);
  assert.equal(printsOneCount('ls /proc/192510/fd | wc -w'), true);
  assert.equal(interpretCount('ls /proc/192510/fd | wc -w')?.pid, 192510);
  // A long listing's rows are many words each; so are other listings'.
  assert.equal(countsNameWords('ls -l /proc/192510/fd | wc -w'), false);
  assert.equal(countsNameWords('lsof -p 192510 | wc -w'), false);
  assert.equal(countsNameWords('ls /tmp | wc -w'), false);
  assert.equal(printsOneCount('ls -l /proc/192510/fd | wc -w'), false);
});

test("flux-core#98's three counts by words are one process's rising count", async () => {
  const result = await analyzeTranscript(
    [
      '```',
      ' grondo@hype356:~/git/flux-core$ src/cmd/flux start -o,-v,-L/g/g0/grondo/git/flux-core/cmbd.log',
      '(flux-192509-0) grondo@hype356:~/git/flux-core$ ls /proc/192510/fd | wc -w',
      '80',
      '(flux-192509-0) grondo@hype356:~/git/flux-core$ for i in `seq 0 100`; do src/cmd/flux wreckrun -n4 /bin/true >/dev/null 2>&1; done',
      '(flux-192509-0) grondo@hype356:~/git/flux-core$ ls /proc/192510/fd | wc -w',
      '383',
      '(flux-192509-0) grondo@hype356:~/git/flux-core$ for i in `seq 0 100`; do src/cmd/flux wreckrun -n4 /bin/true >/dev/null 2>&1; done',
      '(flux-192509-0) grondo@hype356:~/git/flux-core$ ls /proc/192510/fd | wc -w',
      '686',
      '```',
      '',
    ].join('\n'),
    'transcript.md',
  );
  assert.equal(result.verdict, 'inconclusive');
  assert.equal(result.suspects[0]?.pid, 192510);
});
