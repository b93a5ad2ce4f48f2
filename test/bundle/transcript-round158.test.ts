// A reply quoting a log line as one code span (accuracy round 158), the thread's real lines:
// elastic/elasticsearch#18022, a maintainer's `> \`[…][WARN ][env …] … max file descriptors [4096] …\``
// under a reporter's fenced `ulimit` outputs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { splitTranscript } from '../../src/bundle/transcript.js';

const WARN =
  '[2016-04-27 19:08:27,576][WARN ][env                      ] [Box IV] max file descriptors [4096] for elasticsearch process likely too low, consider increasing to at least [65536]';

test('a quoted line that is one code span reads as what the span holds, in a fenced write-up', () => {
  const items = splitTranscript([
    "The problem is your max file descriptors are too low. There's even a warning in your logs:",
    '',
    `> \`${WARN}\``,
    '',
    '```ulimit -Hn && ulimit -Sn```',
    '```',
    '98304',
    '98304',
    '```',
  ]);
  const quoted = items.find((i) => i.output.some((o) => o.line === 3));
  assert.deepEqual(
    quoted?.output.map((o) => o.text),
    [WARN],
  );
  // A quoted line of prose with a span inside stays as it is.
  const prose = splitTranscript(['```', 'x', '```', '', '> run `ulimit -n` first']);
  assert.ok(prose.some((i) => i.output.some((o) => o.text === 'run `ulimit -n` first')));
});
