// `ss -tanp state established | grep "pid=N,"`: ss's `state X` filter leaves out the State column
// and the grep drops the header, so the rows are the queues, the two addresses and the owner. The
// command's filter still says their state. Rows from our capture (py-tund-limit-64-…): a tunnel
// endpoint's live sessions, which an fd listing of the same process shows only as `socket:[N]`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { looksLikeStatelessRow, ssSockets } from '../../src/sources/ss-sockets.js';

const LINES = [
  '0      0          127.0.0.1:47321    127.0.0.1:56738 users:(("python3",pid=32725,fd=8))  ',
  '0      0          127.0.0.1:47321    127.0.0.1:56760 users:(("python3",pid=32725,fd=12)) ',
  '0      0          127.0.0.1:47321    127.0.0.1:57098 users:(("python3",pid=32725,fd=45)) ',
];

function parse(command: string | undefined) {
  const sink = ssSockets.sink({ file: 'oncall.txt', command, warn: () => {} });
  for (const [i, l] of LINES.entries()) sink.line(l, i + 1);
  return sink.end();
}

test('headerless rows of a state filter are read in that state, with their owner and fds', () => {
  const t = parse('ss -tanp state established | grep "pid=32725,"');
  assert.equal(t.tcpRows, 3);
  assert.equal(t.byState.ESTABLISHED, 3);
  assert.equal(t.byProcess[0].pid, 32725);
  assert.deepEqual(
    [...(t.byProcess[0].tcpFds ?? [])].sort((a, b) => a - b),
    [8, 12, 45],
  );
});

test('detect: such rows are ss output only under a command that names the state', () => {
  const head = LINES;
  assert.ok(ssSockets.detect({ name: 'oncall.txt', head, command: 'ss -tanp state established | grep "pid=32725,"' }) >= 0.9);
  assert.equal(ssSockets.detect({ name: 'oncall.txt', head, command: 'ss -tanp | grep "pid=32725,"' }), 0);
  assert.equal(ssSockets.detect({ name: 'oncall.txt', head, command: undefined }), 0);
});

test('a row shape: two queues, then two addresses', () => {
  assert.equal(looksLikeStatelessRow(LINES[0]), true);
  assert.equal(looksLikeStatelessRow('ESTAB 0 0 127.0.0.1:1 127.0.0.1:2'), false);
  assert.equal(looksLikeStatelessRow('0 0 hello world'), false);
});

test("a close-wait filter grep'd by program: the rows are that owner's CLOSE_WAIT sockets", () => {
  const t = parse('ss -tnp state close-wait | grep python3');
  assert.equal(t.byState.CLOSE_WAIT, 3);
  assert.equal(t.byProcess[0].byState.CLOSE_WAIT, 3);
});
