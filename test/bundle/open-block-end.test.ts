// A paste that ends inside a block it opened (src/bundle/open-block-end.ts): prometheus/node_exporter#2513's
// `lsof -n -p 3197945`, opened by a lone backtick and cut after fd 7 in the stored copy
// (test/accuracy/cases/gh-node-exporter-downgraded-kernel-lsof-cut-negative).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { blockMarker, blockOpenAtEnd } from '../../src/bundle/open-block-end.js';
import { analyzeTranscript } from '../analyze-transcript.js';

const ROWS = [
  '$ sudo lsof -n -p 3197945',
  'COMMAND       PID     USER   FD      TYPE             DEVICE SIZE/OFF     NODE NAME',
  'node_expo 3197945 node-exp  cwd       DIR              254,1     4096        2 /',
  'node_expo 3197945 node-exp  rtd       DIR              254,1     4096        2 /',
  'node_expo 3197945 node-exp  txt       REG              254,1 18228926  2838619 /usr/local/bin/node_exporter',
  'node_expo 3197945 node-exp    0r      CHR                1,3      0t0        5 /dev/null',
  'node_expo 3197945 node-exp    1u     unix 0xffff9aaf4b8f7400      0t0 38786938 type=STREAM',
  'node_expo 3197945 node-exp    2u     unix 0xffff9aaf4b8f7400      0t0 38786938 type=STREAM',
  'node_expo 3197945 node-exp    3u     IPv6           38788069      0t0      TCP *:9100 (LISTEN)',
  'node_expo 3197945 node-exp    4u  a_inode               0,13        0     3998 [eventpoll]',
  'node_expo 3197945 node-exp    5r     FIFO               0,12      0t0 38788057 pipe',
  'node_expo 3197945 node-exp    6w     FIFO               0,12      0t0 38788057 pipe',
  'node_expo 3197945 node-exp    7u     IPv6           38789786      0t0      TCP 10.5.3.40:9100->10.7.64.122:35118 (ESTABLISHED)',
];
const INTRO = ['Some additional debug info.', '', 'node_exporter `lsof` output with downgraded kernel (5.4.0-1078-kvm in our case):'];

test('a lone backtick, a fence and a quoted fence open blocks; a fence with a span on it does not', () => {
  assert.equal(blockMarker('`'), '`');
  assert.equal(blockMarker('```text'), '```');
  assert.equal(blockMarker('> ~~~'), '~~~');
  assert.equal(blockMarker('```text```'), null);
  assert.equal(blockMarker(ROWS[0]), null);
});

test('the block the text ends inside: the lone backtick above the rows, never closed', () => {
  assert.equal(blockOpenAtEnd([...INTRO, '`', ...ROWS]), 3);
  assert.equal(blockOpenAtEnd([...INTRO, '`', ...ROWS, '`']), null);
  assert.equal(blockOpenAtEnd(['```', ...ROWS, '```', '', '```bash', '$ ulimit -n', '1024']), ROWS.length + 3);
  // A fence with info after it does not close one.
  assert.equal(blockOpenAtEnd(['```', ...ROWS, '```text']), 0);
});

test('node_exporter#2513: the listing cut with its block is no listing in full, so no health', async () => {
  const cut = await analyzeTranscript([...INTRO, '`', ...ROWS], 'transcript.md');
  assert.equal(cut.verdict, 'inconclusive');
  // Closed, the same rows are the whole listing of a healthy server.
  const whole = await analyzeTranscript([...INTRO, '`', ...ROWS, '`'], 'transcript.md');
  assert.equal(whole.verdict, 'no-leak');
});
