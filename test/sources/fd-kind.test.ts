import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isElision, linkTargetKind, lsofKind, lsofTcpState, normaliseTcpState } from '../../src/sources/fd-kind.js';
import { lsfdKind } from '../../src/sources/lsfd.js';

test('lsof kinds', () => {
  assert.equal(lsofKind('sock', '', "can't identify protocol"), 'socket-unconnected');
  assert.equal(lsofKind('sock', '', 'protocol: TCP'), 'socket-unconnected');
  assert.equal(lsofKind('IPv4', 'TCP', '1.2.3.4:1->5.6.7.8:2 (CLOSE_WAIT)'), 'socket-tcp');
  assert.equal(lsofKind('IPv6', 'UDP', '*:53'), 'socket-udp');
  assert.equal(lsofKind('REG', '', '/tmp/a.log (deleted)'), 'deleted-file');
  assert.equal(lsofKind('REG', '', '/tmp/a.log'), 'file');
  // A memfd is shown `(deleted)` by every tool, yet is memory of its own (rust-thumbd-memfd-per-render).
  assert.equal(lsofKind('REG', '', '/memfd:thumb-1 (deleted)'), 'file');
  assert.equal(lsofKind('FIFO', '', 'pipe'), 'pipe');
  assert.equal(lsofKind('a_inode', '', '[eventfd:1]'), 'anon');
  assert.equal(lsofKind('unix', '', 'type=STREAM'), 'socket-unix');
  assert.equal(lsofKind('unknown', '', '/proc/1/fd/5 (readlink: Permission denied)'), 'other');
});

test('TCP states from lsof names and other spellings', () => {
  assert.equal(lsofTcpState('127.0.0.1:41166->127.0.0.1:33139 (CLOSE_WAIT)'), 'CLOSE_WAIT');
  assert.equal(lsofTcpState('*:8080 (LISTEN)'), 'LISTEN');
  assert.equal(lsofTcpState('127.0.0.1:1->127.0.0.1:2'), undefined);
  assert.equal(normaliseTcpState('close-wait'), 'CLOSE_WAIT');
  assert.equal(normaliseTcpState('ESTAB'), 'ESTABLISHED');
  assert.equal(normaliseTcpState('bogus'), 'UNKNOWN');
});

test('readlink targets and lsfd names', () => {
  assert.equal(linkTargetKind('socket:[22230]'), 'socket-other');
  assert.equal(linkTargetKind('pipe:[9]'), 'pipe');
  assert.equal(linkTargetKind('anon_inode:[eventfd]'), 'anon');
  assert.equal(linkTargetKind('/tmp/x (deleted)'), 'deleted-file');
  assert.equal(linkTargetKind('/memfd:thumb-7 (deleted)'), 'file');
  assert.equal(linkTargetKind('/dev/null'), 'device');
  // A file rsyslog follows in /dev/shm (a tmpfs) and a renamed copy of it (gh-rsyslog-imfile-rotated-fds).
  assert.equal(linkTargetKind('/dev/shm/rsyslog.tmp'), 'file');
  assert.equal(linkTargetKind('/dev/shm/rsyslog.tmp.6'), 'file');
  assert.deepEqual(lsfdKind('SOCK', 'TCP:[38271]'), { kind: 'socket-other' });
  assert.deepEqual(lsfdKind('TCP', 'state=close-wait laddr=127.0.0.1:1 raddr=127.0.0.1:2'), { kind: 'socket-tcp', state: 'CLOSE_WAIT' });
  assert.deepEqual(lsfdKind('UNKN', 'anon_inode:[eventpoll]'), { kind: 'anon' });
  assert.deepEqual(lsfdKind('REG', '/tmp/leaker-app.log (deleted)'), { kind: 'deleted-file' });
});

test('elisions: the marks people leave where they cut rows out of a listing, and nothing a listing prints', () => {
  for (const l of ['...', ' … ', '[...]', '[snip]', '<snip>', ':', '. . .', '****', '-- ... --']) assert.ok(isElision(l), l);
  // haproxy/haproxy#1985 cuts its lsof with `*snip*`; the others as pasted elsewhere.
  for (const l of ['*snip*', '--- snipped ---', '(truncated)', '... 1,020 more lines ...', '[and 900 more rows]', 'omitted'])
    assert.ok(isElision(l), l);
  for (const l of ['snip snap', 'cut -d: -f1', '1020 more lines of output were here and more text follows']) assert.ok(!isElision(l), l);
  // pytorch/pytorch#973: the writer's own words in brackets above the lsof rows kept.
  for (const l of ['[some typical entries]', ' [lots more rows] ']) assert.ok(isElision(l), l);
  // Not an ini section, a gdb message or a log line in brackets.
  for (const l of [
    '[Unit]',
    '[remote "origin"]',
    '[Thread debugging using libthread_db enabled]',
    '[Inferior 1 (process 4242) exited normally]',
    '[sudo] password for ann:',
  ])
    assert.ok(!isElision(l), l);
  for (const l of ['', '   ', '---', 'total 0', 'COMMAND PID', '0 -> /dev/null', '12u']) assert.ok(!isElision(l), JSON.stringify(l));
});
