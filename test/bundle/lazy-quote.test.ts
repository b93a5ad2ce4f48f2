// A blockquote's lazy continuation line (accuracy round 131), the thread's real lines:
// - envoyproxy/envoy#2685: a fenced journal line, then a reply that quotes `>ulimit -n` with its
//   output `65536` on the next line, without `>` — GitHub shows both inside the quote.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { splitTranscript } from '../../src/bundle/transcript.js';

const THREAD = [
  'dio · comment · 2018-02-28',
  '```',
  'Feb 28 07:55:33 envoy-machine hot-restarter.py[6744]: [2018-02-28 07:55:33.610][6751][critical][assert] source/common/network/address_impl.cc:112] assert failure: fd != -1',
  '```',
  '',
  'Seems it is related to your ulimit settings?',
  '',
  'yudiandreanp · comment · 2018-02-28',
  '>ulimit -n',
  '65536',
  '',
  "That's the ulimit setting.",
];

test("in a fenced write-up, the line under a quoted command is the quote's, its output", () => {
  const items = splitTranscript(THREAD);
  const ulimit = items.find((i) => i.command === 'ulimit -n');
  assert.deepEqual(
    ulimit?.output.map((o) => o.text),
    ['65536'],
  );
});

test('a blank line, a fence or a heading ends the quote; a paste without fences is read as before', () => {
  const fenced = splitTranscript(['```', 'x', '```', '>ulimit -n', '', '65536']);
  assert.equal(fenced.find((i) => i.command === 'ulimit -n')?.output.length ?? 0, 0);
  // siddhi-io/siddhi-io-http#92: no fences; the count under the quoted command stays its output,
  // and the prose step under it stays out of it.
  const plain = splitTranscript(['>lsof -p 7921  | wc -l', '351', 'step3: start siddhi of this siddhi-sql appliaction, ']);
  const lsof = plain.find((i) => i.command?.startsWith('lsof') === true);
  assert.equal(lsof?.output[0]?.text, '351');
});
