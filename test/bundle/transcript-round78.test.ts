// A shell comment over a block's first command (accuracy round 78), the thread's real lines:
// - haproxy/haproxy#1453: `# 4.3.2.1 is a backend server`, then `sudo ss -tp state CLOSE-WAIT dst
//   4.3.2.1` typed without a prompt, then its rows (no State column: the filter's state).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { splitTranscript } from '../../src/bundle/transcript.js';

const ROWS = [
  'Recv-Q          Send-Q                   Local Address:Port                     Peer Address:Port          Process',
  '0               0                        1.2.3.4:34342                    4.3.2.1:8082           users:(("haproxy",pid=3768768,fd=168524))',
  '34602           0                        1.2.3.4:37058                    4.3.2.1:8082           users:(("haproxy",pid=3768768,fd=533701))',
];

test('a comment over the first command of a block leaves that command its block', () => {
  const items = splitTranscript(['```', '# 4.3.2.1 is a backend server', 'sudo ss -tp state CLOSE-WAIT dst 4.3.2.1', ...ROWS, '```']);
  const ss = items.find((i) => i.command !== null);
  assert.equal(ss?.command, 'sudo ss -tp state CLOSE-WAIT dst 4.3.2.1');
  assert.deepEqual(
    ss?.output.map((o) => o.text),
    ROWS,
  );
});

test("a comment's next line is a command only in a command's shape; an output line stays output", () => {
  const items = splitTranscript(['```', '# counts of the last hour', '1017', '1022', '```']);
  assert.equal(
    items.every((i) => i.command === null),
    true,
  );
  // Under a command, a comment is a caption in its output; the row under it stays output.
  const under = splitTranscript(['```', '$ ss -tan', '# the first rows', 'ESTAB 0 0 1.2.3.4:1 5.6.7.8:2', '```']);
  assert.equal(under.filter((i) => i.command !== null).length, 1);
});
