// Round 191: a command typed as a one-line code span (containerd#5670: ```` ```$ find … | uniq -c |
// sort -nr | grep root``` ````, which GitHub renders as inline code, not as a block), a blank line,
// then what it printed as a paragraph of its own: the paragraph is that command's output.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { splitTranscript } from '../../src/bundle/transcript.js';
import { hasSpanOutput, spanOutputEnd } from '../../src/bundle/span-output.js';
import { promptCommand } from '../../src/bundle/prompts.js';
import { analyzeTranscript } from '../analyze-transcript.js';

const SHIM = [
  'To add more context, this is running on a kubernetes node with containerd as the runtime. Pods which are crash looping are contributing more to the problem. ',
  '',
  "```$ find /proc/*/fd -lname anon_inode:inotify |    cut -d/ -f3 |    xargs -I '{}' -- ps --no-headers -o '%p %U %c %a %P' -p '{}' |    uniq -c |    sort -nr | grep root```",
  '',
  'COUNT PID USER     COMMAND         COMMAND                        PPID',
  ' 46 3276111 root     containerd-shim /usr/local/bin/containerd-s       1',
];
const prompted = (l: string) => promptCommand(l) !== null;

test('containerd#5670: the paragraph under a spanned command is its output', () => {
  assert.ok(hasSpanOutput(SHIM, prompted));
  const items = splitTranscript(SHIM);
  const tally = items.find((it) => it.command?.startsWith('find /proc/*/fd'));
  assert.deepEqual(
    tally?.output.map((o) => [o.text, o.line]),
    [
      ['COUNT PID USER     COMMAND         COMMAND                        PPID', 5],
      [' 46 3276111 root     containerd-shim /usr/local/bin/containerd-s       1', 6],
    ],
  );
});

test('prose, a lead-in or another command under a spanned command is no output of it', () => {
  const span = '`$ lsof -p 42 | wc -l`';
  assert.equal(spanOutputEnd([span, '', 'Then I restarted the service and it went away.'], 0, prompted), -1);
  assert.equal(spanOutputEnd([span, '', 'and this is what it printed:'], 0, prompted), -1);
  assert.equal(spanOutputEnd([span, '', '$ ls /proc/42/fd | wc -l'], 0, prompted), -1);
  assert.equal(spanOutputEnd(['`lsof -p 42 | wc -l`', '', '358'], 0, prompted), -1);
  assert.equal(spanOutputEnd([span, '', '358'], 0, prompted), 3);
});

test('containerd#5670: the shim holding 46 inotify instances is the suspect, inconclusive', async () => {
  // Without the header the reporter typed over the rows (count-table-typed-header.test.ts reads it).
  const rows = SHIM.filter((l) => !l.startsWith('COUNT '));
  const result = await analyzeTranscript(`${rows.join('\n')}\n`, 'transcript.md', new Date('2026-01-01T00:00:00Z'));
  assert.equal(result.verdict, 'inconclusive');
  assert.equal(result.suspects[0]?.pid, 3276111);
  assert.equal(result.suspects[0]?.leak.kind, 'anon-inode');
});
