// `{{{` … `}}}`: Trac's code block in an issue imported from a Trac ticket, read as a fenced one.
// Real lines: dmwm/DAS#529 (test/accuracy/cases/gh-das-mongod-netstat-established-27017-uniq-c-negative, round 101).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tracBlocksAsFences } from '../../src/bundle/trac-blocks.js';
import { splitTranscript } from '../../src/bundle/transcript.js';

const DAS = [
  'Regarding open connections, they are connected sockets, i.e sockets between DAS and MongoDB. Just ssh to cmsweb@… and run netstat -tanlp | grep ESTABLISHED | grep 27017 to see them. We have currently: {{{',
  "$ netstat -tanlp | grep ESTABLISHED | grep 27017 | awk '{print $NF}' | sort | uniq -c",
  '    212 4500/mongod',
  '    138 4860/python',
  '     74 4875/python',
  '}}}',
  "Why there are that many I can't answer. Maybe every DAS thread creates some number of connections?",
];

test('a Trac block opened at the end of a sentence and closed by `}}}` reads as a fenced block', () => {
  const lines = tracBlocksAsFences(DAS);
  assert.equal(lines[0], '```');
  assert.equal(lines[5], '```');
  assert.deepEqual(lines.slice(1, 5), DAS.slice(1, 5));
  const items = splitTranscript(DAS);
  const tally = items.find((x) => x.command?.startsWith('netstat -tanlp'));
  assert.ok(tally);
  assert.deepEqual(
    tally.output.map((o) => o.line),
    [3, 4, 5],
  );
});

test('an opener with no closer, braces inside a line, or a lone closer change nothing', () => {
  assert.deepEqual(tracBlocksAsFences(['We have currently: {{{', 'x']), ['We have currently: {{{', 'x']);
  assert.deepEqual(tracBlocksAsFences(['a {{{x}}} b', '}}}']), ['a {{{x}}} b', '}}}']);
  assert.deepEqual(tracBlocksAsFences(['{{{#!sh', 'ls', '}}}']), ['```', 'ls', '```']);
});
