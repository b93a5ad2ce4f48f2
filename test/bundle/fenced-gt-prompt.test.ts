// A `> ` inside a code fence (accuracy round 182), the thread's real lines:
// - phusion/passenger#1325: `> ab -n 1000 -c 10 http://localhost &`, `> # Waiting a couple of
//   seconds`, `> lsof | grep -i passenger-error | wc -l`, then `495` — the `> ` is the prompt's sign
//   typed in the block, not a quote (Markdown quotes nothing inside a fence).
// - a pasted mail's quote inside a fence stays a quote (freebsd-stable's `> # netstat | egrep …`).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { splitTranscript } from '../../src/bundle/transcript.js';

const PR = [
  '# Before fix',
  '',
  '```',
  '> ab -n 1000 -c 10 http://localhost &',
  '> # Waiting a couple of seconds',
  '> lsof | grep -i passenger-error | wc -l',
  '495',
  '```',
  '# After fix',
  '',
  '```',
  '> ab -n 1000 -c 10 http://localhost &',
  '> # Waiting a couple of seconds',
  '> lsof | grep -i passenger-error | wc -l',
  '0',
  '```',
];

test('in a fence, `> ` before a known command is its prompt: the count under it is its output', () => {
  const counts = splitTranscript(PR).filter((i) => i.command === 'lsof | grep -i passenger-error | wc -l');
  assert.deepEqual(
    counts.map((i) => i.output.map((o) => o.text)),
    [['495'], ['0']],
  );
});

test('in a fence, `> ` lines that are no prompt stay a quote, read without their `>`', () => {
  const items = splitTranscript([
    'On Wed, 2 May 2007, Marc G. Fournier wrote:',
    '```',
    '> # netstat | egrep "tcp4|udp4" | awk \'{print $1}\' | uniq -c',
    '> 171 tcp4',
    '> 103 udp4',
    '```',
  ]);
  const text = items.flatMap((i) => i.output.map((o) => o.text));
  assert.ok(text.includes('171 tcp4'));
  assert.ok(!text.some((t) => t.startsWith('>')));
});
