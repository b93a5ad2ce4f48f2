// What the fd a creating call makes is (calls.ts's `fdMadeBy`), read once for both of its users:
// the kind a creation pattern leaks (signals/strace.ts's kindOfSignature) and whether a thread's
// writes to the fd can be a log line (model/strace/fd-log.ts). Real lines: the call-table fixture
// and the captured cases c-ringq-… (io_uring) and c-ifwatch-… (netlink).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, fixtureLines } from '../helpers.js';
import { CALLS, MADE_FD_CALLS, fdMadeBy, type FdEffects } from '../../src/sources/strace/calls.js';
import { parseLine } from '../../src/sources/strace/line.js';
import { kindOfSignature } from '../../src/model/signals/strace.js';

const CASES = join(ROOT, 'test', 'accuracy', 'cases');
const caseLines = (id: string, file: string): string[] => readFileSync(join(CASES, id, 'bundle', file), 'utf8').split('\n');
const RINGQ = caseLines('c-ringq-io-uring-per-request-strace-f-y-emfile-log', 'strace-f-y-tt.txt');
const IFWATCH = caseLines('c-ifwatch-netlink-per-query-strace-f-y-lsof-tail', 'strace-f-y-tt-e.txt');
const CALLS_FIXTURE = fixtureLines('strace', 'fd-calls', 'f-tt-T-y.strace');

/** The creation detail (the leak signature's head) the call table reports for a captured line. */
function detailOf(lines: string[], pattern: RegExp): string {
  const text = lines.find((x) => pattern.test(x));
  assert.ok(text, `a captured line matching ${pattern}`);
  const l = parseLine(text);
  assert.ok(l.kind === 'call' && l.result);
  const details: string[] = [];
  const none = () => {};
  const fx: FdEffects = {
    create: (_c, _fd, detail) => details.push(detail),
    close: none,
    closeRange: none,
    cloexec: none,
    connect: none,
    exec: none,
    write: none,
    fdLimit: none,
    eof: none,
  };
  CALLS.get(l.name)?.read?.({ tid: 0, time: null, line: 1, text, name: l.name, args: l.args, result: l.result }, fx);
  assert.equal(details.length, 1, text);
  return details[0];
}

test('every call fdMadeBy knows is read by the call table', () => {
  for (const name of MADE_FD_CALLS) assert.ok(CALLS.get(name)?.read, name);
});

test('an io_uring instance and a perf event are anonymous inodes', () => {
  const ring = detailOf(RINGQ, / io_uring_setup\(.*= 224</);
  assert.equal(ring, 'io_uring_setup()');
  assert.equal(kindOfSignature(ring), 'anon-inode');
  assert.equal(kindOfSignature(detailOf(CALLS_FIXTURE, / perf_event_open\(/)), 'anon-inode');
  assert.equal(kindOfSignature(detailOf(CALLS_FIXTURE, / userfaultfd\(/)), 'anon-inode');
});

test('a netlink socket is no TCP socket in no table: other', () => {
  const s = detailOf(IFWATCH, / socket\(AF_NETLINK, SOCK_RAW\|SOCK_CLOEXEC, NETLINK_ROUTE\) = 121</);
  assert.equal(s, 'socket(AF_NETLINK, SOCK_RAW)');
  assert.equal(kindOfSignature(s), 'other');
  assert.equal(kindOfSignature('socket(AF_PACKET, SOCK_RAW)'), 'other');
  assert.equal(kindOfSignature('socket(AF_INET, SOCK_STREAM)'), 'socket-unconnected');
  assert.equal(kindOfSignature('socket(AF_INET6, SOCK_DGRAM)'), 'socket-udp');
  assert.equal(kindOfSignature('socketpair(AF_UNIX, SOCK_STREAM)'), 'socket-unix');
});

test('a memfd is a file of no path: a file leak, never a log', () => {
  const m = detailOf(CALLS_FIXTURE, / memfd_create\(/);
  assert.equal(kindOfSignature(m), 'file');
  assert.equal(fdMadeBy('memfd_create'), 'memfd');
  assert.equal(fdMadeBy('openat'), 'path');
  assert.equal(fdMadeBy('mq_open'), 'path');
  assert.equal(fdMadeBy('dup2'), undefined);
});
