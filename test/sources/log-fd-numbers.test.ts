// An fd number a log line names (an error about that fd): fd N handed out means N lower fds were
// open. The lines are the threads' own: OpenSIPS#2457's FD_SETSIZE error, Kamailio#2796's
// io_watch_del errors, libwebsockets' `fd … too high` and libbpf's perf_event error.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { fdNumberNamed } from '../../src/sources/log-fd-numbers.js';
import { appLog } from '../../src/sources/app-log.js';
import { parseLines } from '../../src/sources/run.js';
import { analyzeBundle } from '../../src/analysis.js';
import { CASES_DIR } from '../accuracy/score.js';

const OPENSIPS = [
  'Apr  5 19:51:07 localhost opensips[5437]: Socket descriptor larger than FD_SETSIZE: 1163 > 1024',
  'Apr  5 20:14:00 opensips opensips[3615549]: Socket descriptor larger than FD_SETSIZE: 1423 > 1024',
  'Apr  5 20:14:00 opensips opensips[3615549]: Socket descriptor larger than FD_SETSIZE: 1423 > 1024',
];

const KAMAILIO = [
  'Jun 29 08:08:14 fep-1 /usr/local/fep-kamailio/sbin/kamailio[14111]: ERROR: <core> [core/tcp_main.c:4451]: handle_tcpconn_ev(): io_watch_del(3) failed: for 0x7f524f7862d0, fd 30406',
  'Jun 29 08:06:27 fep-1 /usr/local/fep-kamailio/sbin/kamailio[14111]: CRITICAL: <core> [core/io_wait.h:596]: io_watch_del(): invalid fd 30355, not in [0, 4607)',
];

test('an error about one fd names its number', () => {
  assert.equal(fdNumberNamed(OPENSIPS[1]), 1423);
  assert.equal(fdNumberNamed(KAMAILIO[0]), 30406);
  assert.equal(fdNumberNamed(KAMAILIO[1]), 30355);
  assert.equal(
    fdNumberNamed('[2024/12/11 15:23:41:0919] E: localhost: __insert_wsi_socket_into_fds: Socket fd 2587 is too high (2560) offset 0'),
    2587,
  );
  assert.equal(
    fdNumberNamed("libbpf: prog 'handle_uprobe': failed to create BPF link for perf_event FD 1023: -24 (Too many open files)"),
    1023,
  );
  assert.equal(fdNumberNamed('select: fd=1500 >= FD_SETSIZE'), 1500);
});

test('a limit, a count, an address or a key of fds names no fd', () => {
  assert.equal(fdNumberNamed('raised max fd 65536'), undefined);
  assert.equal(fdNumberNamed('nofile: fd limit: 1024'), undefined);
  assert.equal(fdNumberNamed('maximum fd: 4096'), undefined);
  assert.equal(fdNumberNamed('stats open_fds=235 max_fds=256 fd_count=12'), undefined);
  assert.equal(fdNumberNamed('poll on fd 0x7f52 failed'), undefined);
  assert.equal(fdNumberNamed('bootstrap checks: max file descriptors [4096] is too low'), undefined);
  assert.equal(fdNumberNamed('x'.repeat(3000) + ' fd 1234'), undefined);
});

test("each pid's lines keep their highest fd number, where it is said", () => {
  const r = parseLines(appLog, [...OPENSIPS, ...KAMAILIO]);
  assert.deepEqual(
    r.artifact.namedFds?.map((x) => [x.pid, x.fd, x.ev.line]),
    [
      [5437, 1163, 1],
      [3615549, 1423, 2],
      [14111, 30406, 4],
    ],
  );
});

test('a line naming no process says whose fd it is to nobody', () => {
  const r = parseLines(appLog, ['2024-12-11 15:23:41 ERROR fd 2587 too high (2560)']);
  assert.equal(r.artifact.namedFds, undefined);
});

test("OpenSIPS's fd 1423 is at least 1,424 fds of pid 3615549: a candidate, no proof", async () => {
  const { result } = await analyzeBundle(join(CASES_DIR, 'gh-opensips-2457-fd-setsize-log-fd-1423', 'transcript.md'));
  assert.equal(result.verdict, 'inconclusive');
  assert.equal(result.suspects[0]?.pid, 3615549);
  assert.ok(result.suspects[0]?.reasons.some((x) => x.signal === 'fds-unexplained'));
});

// Python's select() refusing an fd at or above FD_SETSIZE (accuracy round 295, on the real record of
// celery/celery#1768: test/accuracy/pending/gh-celery-sighup-exec-fds-select-out-of-range).
const CELERY_POOL_STOP = "ERROR celery.bootsteps Error on stopping Pool: ValueError('filedescriptor out of range in select()',)";

test("Python's `filedescriptor out of range in select()` names an fd of at least 1,024", () => {
  assert.equal(fdNumberNamed(CELERY_POOL_STOP), 1024);
  assert.equal(fdNumberNamed('ValueError: filedescriptor out of range in select()'), 1024);
  // A number the line also names as an fd, higher, wins; a negative fd's own text is no such line.
  assert.equal(fdNumberNamed('fd 1500: filedescriptor out of range in select()'), 1500);
  assert.equal(fdNumberNamed('ValueError: file descriptor cannot be a negative integer (-1)'), undefined);
});

test("the select() error under a record that names its writer is that pid's fd 1,024", () => {
  // Two journal lines of a worker (the record and its exception's last line), written for this test.
  const r = parseLines(appLog, [
    'Dec  7 10:00:01 host celery[4242]: ERROR celery.bootsteps Error on stopping Pool',
    'Dec  7 10:00:01 host celery[4242]: ValueError: filedescriptor out of range in select()',
  ]);
  assert.deepEqual(
    r.artifact.namedFds?.map((x) => [x.pid, x.fd, x.ev.line]),
    [[4242, 1024, 2]],
  );
});
