// A TCP socket read to its end (`read(…) = 0`: the peer closed) and never closed after is a socket
// in CLOSE_WAIT, caught as the path that met the end skipped close(). strace -yy names the socket's
// endpoints on every fd. Real lines of a capture here (test/accuracy/cases/c-acceptd-close-wait-strace-yy):
//   $ timeout -s INT 3 strace -f -e trace=%desc -yy -p 2379 2>&1 | head -40
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createStraceSink } from '../../src/sources/strace/sink.js';
import { analyzeStrace } from '../../src/model/strace/analyze.js';
import { tcpPeer } from '../../src/sources/strace/eof-kept.js';
import { analyzeTranscript } from '../analyze-transcript.js';

const COMMAND = 'timeout -s INT 3 strace -f -e trace=%desc -yy -p 2379 2>&1 | head -40';
const LINES = [
  'strace: Process 2379 attached',
  'read(44<TCP:[127.0.0.1:7302->127.0.0.1:32840]>, "PING\\n", 256) = 5',
  'write(44<TCP:[127.0.0.1:7302->127.0.0.1:32840]>, "OK\\n", 3) = 3',
  'close(44<TCP:[127.0.0.1:7302->127.0.0.1:32840]>) = 0',
  'read(44<TCP:[127.0.0.1:7302->127.0.0.1:32850]>, "", 256) = 0',
  'read(45<TCP:[127.0.0.1:7302->127.0.0.1:32854]>, "PING\\n", 256) = 5',
  'write(45<TCP:[127.0.0.1:7302->127.0.0.1:32854]>, "OK\\n", 3) = 3',
  'close(45<TCP:[127.0.0.1:7302->127.0.0.1:32854]>) = 0',
  'read(45<TCP:[127.0.0.1:7302->127.0.0.1:32858]>, "PING\\n", 256) = 5',
  'write(45<TCP:[127.0.0.1:7302->127.0.0.1:32858]>, "OK\\n", 3) = 3',
  'close(45<TCP:[127.0.0.1:7302->127.0.0.1:32858]>) = 0',
  'read(45<TCP:[127.0.0.1:7302->127.0.0.1:32874]>, "PING\\n", 256) = 5',
  'write(45<TCP:[127.0.0.1:7302->127.0.0.1:32874]>, "OK\\n", 3) = 3',
  'close(45<TCP:[127.0.0.1:7302->127.0.0.1:32874]>) = 0',
  'read(45<TCP:[127.0.0.1:7302->127.0.0.1:32876]>, "", 256) = 0',
  'read(46<TCP:[127.0.0.1:7302->127.0.0.1:32882]>, "PING\\n", 256) = 5',
  'write(46<TCP:[127.0.0.1:7302->127.0.0.1:32882]>, "OK\\n", 3) = 3',
  'close(46<TCP:[127.0.0.1:7302->127.0.0.1:32882]>) = 0',
  'read(46<TCP:[127.0.0.1:7302->127.0.0.1:32890]>, "PING\\n", 256) = 5',
  'write(46<TCP:[127.0.0.1:7302->127.0.0.1:32890]>, "OK\\n", 3) = 3',
  'close(46<TCP:[127.0.0.1:7302->127.0.0.1:32890]>) = 0',
  'read(46<TCP:[127.0.0.1:7302->127.0.0.1:32892]>, "PING\\n", 256) = 5',
  'write(46<TCP:[127.0.0.1:7302->127.0.0.1:32892]>, "OK\\n", 3) = 3',
  'close(46<TCP:[127.0.0.1:7302->127.0.0.1:32892]>) = 0',
  'read(46<TCP:[127.0.0.1:7302->127.0.0.1:32896]>, "", 256) = 0',
  'read(47<TCP:[127.0.0.1:7302->127.0.0.1:32906]>, "PING\\n", 256) = 5',
];

function analysis(lines: readonly string[], command = COMMAND) {
  const sink = createStraceSink({ file: 'transcript.md', command, warn: () => {} });
  for (const [i, l] of lines.entries()) sink.line(l, i + 5);
  return analyzeStrace([{ file: 'transcript.md', artifact: sink.end() }]);
}

test('the peer of a TCP annotation; other annotations are no connection', () => {
  assert.equal(tcpPeer('TCP:[127.0.0.1:7302->127.0.0.1:32850]'), '127.0.0.1:32850');
  assert.equal(tcpPeer('TCPv6:[[::1]:7302->[::1]:40000]'), '[::1]:40000');
  assert.equal(tcpPeer('TCP:[127.0.0.1:7302]'), null);
  assert.equal(tcpPeer('socket:[10529602]'), null);
  assert.equal(tcpPeer('UNIX:[123->124]'), null);
});

test('sockets read to their end and not closed are kept; those closed after, or reused, are not', () => {
  const a = analysis(LINES);
  assert.equal(a.eofKept.total, 3);
  assert.deepEqual(
    a.eofKept.fds.map((k) => [k.fd, k.peer, k.line]),
    [
      [44, '127.0.0.1:32850', 9],
      [45, '127.0.0.1:32876', 19],
      [46, '127.0.0.1:32896', 29],
    ],
  );
  // The same reads, each followed by its close: nothing kept.
  const closed = LINES.flatMap((l) => {
    const m = /^read\((\d+)(<TCP:\[[^\]]+\]>), "", 256\) = 0$/.exec(l);
    return m ? [l, `close(${m[1]}${m[2]}) = 0`] : [l];
  });
  assert.equal(analysis(closed).eofKept.total, 0);
  // A read that returned data, or asked for 0 bytes, is no end.
  assert.equal(analysis(['read(44<TCP:[127.0.0.1:7302->127.0.0.1:32840]>, "", 0) = 0']).eofKept.total, 0);
  // A capture that prints no close shows nothing kept.
  assert.equal(analysis(LINES, 'strace -f -e trace=read -yy -p 2379').eofKept.total, 0);
});

test('a read to the end that its thread made no call after may be closed past the capture: not kept', () => {
  // The capture cut right after the third read to the end (fd 46): its close may be the next line.
  const cut = LINES.slice(0, LINES.indexOf('read(46<TCP:[127.0.0.1:7302->127.0.0.1:32896]>, "", 256) = 0') + 1);
  const a = analysis(cut);
  assert.equal(a.eofKept.total, 2);
  assert.deepEqual(
    a.eofKept.fds.map((k) => k.fd),
    [44, 45],
  );
});

test('three of them make a CLOSE_WAIT leak of the traced process', async () => {
  const text = ['```', '$ ls /proc/2379/fd | wc -l', '44', `$ ${COMMAND}`, ...LINES, '$ ls /proc/2379/fd | wc -l', '48', '```'];
  const result = await analyzeTranscript(text, 'transcript.md');
  assert.equal(result.verdict, 'leak');
  const top = result.suspects[0];
  assert.equal(top.pid, 2379);
  assert.equal(top.leak.kind, 'socket-close-wait');
  const reason = top.reasons.find((r) => r.signal === 'strace-eof-kept');
  assert.equal(reason?.weight, 3);
});

test('the thread that kept them is the root cause: the traced pid for lines without a pid column', async () => {
  const text = ['```', '$ ls /proc/2379/fd | wc -l', '44', `$ ${COMMAND}`, ...LINES, '$ ls /proc/2379/fd | wc -l', '48', '```'];
  const result = await analyzeTranscript(text, 'transcript.md');
  assert.equal(result.rootCause?.pid, 2379);
  assert.equal(result.rootCause?.tid, 2379);
  assert.match(result.rootCause?.statement ?? '', /read 3 TCP sockets to their end .* \(fd 44, 45, 46\)/);
  assert.deepEqual(
    result.rootCause?.evidence.map((e) => e.line),
    [9, 19, 29],
  );
});

test('two sockets kept are no root cause (the signal weighs them 1)', () => {
  const cut = LINES.slice(0, LINES.indexOf('read(46<TCP:[127.0.0.1:7302->127.0.0.1:32896]>, "", 256) = 0') + 1);
  assert.equal(analysis(cut).rootCause, null);
  assert.equal(analysis(LINES).rootCause?.basis, 'leak');
});
