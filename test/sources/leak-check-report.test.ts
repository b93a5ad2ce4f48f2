// A leak checker's own words that the process it ran in left fds open (leak-check-report.ts,
// model/kept-output-pipes.ts): Ruby's LeakChecker (ruby/prism#1048, ruby/ruby#4312, ruby/resolv#60),
// Python's ResourceWarning (pika/pika#667, python-markdown2#98, harvard-lil/perma#2957), Go's os/exec
// tests (golang/go#19243, golang/go#49500). Real lines.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { leakCheckReport } from '../../src/sources/leak-check-report.js';
import { appLog } from '../../src/sources/app-log.js';
import { parseLines } from '../../src/sources/run.js';
import { lsof } from '../../src/sources/lsof.js';
import { fstat } from '../../src/sources/fstat.js';
import { analyzeBundle } from '../../src/analysis.js';
import { CASES_DIR } from '../accuracy/score.js';

test("Ruby's LeakChecker: the fd after the test's name (which may hold ': '), with ' : ' or without", () => {
  assert.deepEqual(
    leakCheckReport(
      'Leaked file descriptor: TestResolvDNS#test_multiple_servers_with_timeout_and_truncated_tcp_fallback: 12 : #<TCPSocket:fd 12, AF_INET, 127.0.0.1, 50888>',
    ),
    { checker: 'ruby-leakchecker', fd: 12, count: 1 },
  );
  assert.deepEqual(
    leakCheckReport(
      'Leaked file descriptor: TestEtc#test_ractor: 5 #<File::Stat dev=0x100058, ino=4908211, mode=0100644, nlink=1, uid=0, gid=0, rdev=0x0, size=1317, blksize=4096, blocks=8, atime=2021-03-11 09:25:20 +0000, mtime=2021-03-11 09:25:20 +0000, ctime=2021-03-11 17:19:50.071249721 +0000>',
    ),
    { checker: 'ruby-leakchecker', fd: 5, count: 1 },
  );
  assert.equal(
    leakCheckReport(
      'Leaked file descriptor: ParseTest#test_filepath_/home/runner/work/ruby/ruby/src/test/yarp/fixtures/unparser/corpus/literal/empty.txt: 9 #<File::Stat dev=0x811, ino=783189, mode=0100644>',
    )?.fd,
    9,
  );
  // A pull request's title that names the report without its fd and object.
  assert.equal(leakCheckReport('Fix `Leaked file descriptor: TestIO_Console#test_console_kw`'), null);
});

test("Python's ResourceWarning: sockets with their fd (both reprs), files without; not a socket already closed", () => {
  assert.deepEqual(
    leakCheckReport(
      "sys:1: ResourceWarning: unclosed <socket.socket fd=43, family=AddressFamily.AF_INET, type=SocketKind.SOCK_STREAM, proto=0, laddr=('127.0.0.1', 53379), raddr=('127.0.0.1', 5672)>",
    ),
    { checker: 'python-resourcewarning', fd: 43, count: 1 },
  );
  assert.equal(
    leakCheckReport(
      'Jul 21 21:28:49 ip-172-31-60-3 docker-compose[17270]: app_1 | /usr/local/lib/python3.7/http/client.py:1200: ResourceWarning: unclosed <socket object, fd=16, family=2, type=1, proto=6>',
    )?.fd,
    16,
  );
  assert.deepEqual(
    leakCheckReport(
      "./test_markdown2.py:207: ResourceWarning: unclosed file <_io.TextIOWrapper name='./tm-cases/sublist-para.tags' mode='r' encoding='UTF-8'>",
    ),
    { checker: 'python-resourcewarning', count: 1 },
  );
  assert.equal(leakCheckReport('ResourceWarning: unclosed <socket.socket [closed] fd=-1, family=AddressFamily.AF_INET>'), null);
  assert.equal(leakCheckReport('ResourceWarning: Enable tracemalloc to get the object allocation traceback'), null);
});

test("Go's os/exec tests: the count of fds leaked, and the child's fd its parent passed down", () => {
  assert.deepEqual(leakCheckReport('\texec_test.go:314: leaked 4 fds; want ~0; have:'), { checker: 'go-exec-test', count: 4 });
  assert.deepEqual(leakCheckReport('        leaked parent file. fd = 88; want 87'), { checker: 'go-exec-test', fd: 87, count: 1 });
  assert.equal(leakCheckReport('leaked parent file. fd = 87; want 87'), null);
  assert.equal(leakCheckReport('the test leaked 4 goroutines'), null);
});

test('a paste of ResourceWarning lines alone is a log whose reports app-log keeps', () => {
  const lines = [
    "sys:1: ResourceWarning: unclosed <socket.socket fd=43, family=AddressFamily.AF_INET, type=SocketKind.SOCK_STREAM, proto=0, laddr=('127.0.0.1', 53379), raddr=('127.0.0.1', 5672)>",
    "sys:1: ResourceWarning: unclosed <socket.socket fd=44, family=AddressFamily.AF_INET, type=SocketKind.SOCK_STREAM, proto=0, laddr=('127.0.0.1', 53383), raddr=('127.0.0.1', 5672)>",
  ];
  assert.ok(appLog.detect({ head: lines, name: 'transcript.md' }) >= 0.3);
  const { artifact } = parseLines(appLog, lines, {});
  const c = artifact.leakChecks!;
  assert.deepEqual(
    { count: c.count, fds: c.fds, numbers: c.numbers, checker: c.checker },
    {
      count: 2,
      fds: 2,
      numbers: [43, 44],
      checker: 'python-resourcewarning',
    },
  );
});

for (const id of ['gh-pika-667-resourcewarning-sys1-unclosed-amqp-sockets', 'gh-ruby-etc-4312-leakchecker-test-ractor-file-stat-alone']) {
  test(`${id}: inconclusive (was an input error), nobody blamed, the checker's report said`, async () => {
    const { result } = await analyzeBundle(join(CASES_DIR, id, 'transcript.md'));
    assert.equal(result.verdict, 'inconclusive');
    assert.equal(result.suspects.length, 0);
    assert.match(result.summary, /reports in transcript\.md that the process it ran in left/);
  });
}

test("lsof and fstat keep a checker's words printed among their rows (golang/go#19243's lsof, #49500's fstat)", () => {
  const lsofLines = [
    '--- FAIL: TestPipeLookPathLeak (0.97s)',
    'leaked 4 fds; want ~0; have:',
    'COMMAND     PID USER   FD      TYPE DEVICE SIZE/OFF    NODE NAME',
    'exec.test 46001 root    0r      CHR    1,3      0t0    1028 /dev/null',
    'exec.test 46001 root    5r     FIFO    0,9      0t0 1096158 pipe',
  ];
  const l = parseLines(lsof, lsofLines, {}).artifact.leakChecks!;
  assert.deepEqual({ count: l.count, fds: l.fds, line: l.first.line }, { count: 1, fds: 4, line: 2 });
  const fstatLines = [
    'leaked parent file. fd = 88; want 87',
    'USER     CMD          PID   FD MOUNT      INUM MODE         SZ|DV R/W',
    'root     read3.exe   8324    0 /dev         19 crw-rw-rw-    null  r',
    'root     read3.exe   8324    4 /        883099 -rwxr-xr-x  2047910  r',
  ];
  const f = parseLines(fstat, fstatLines, {}).artifact.leakChecks!;
  assert.deepEqual({ count: f.count, numbers: f.numbers }, { count: 1, numbers: [87] });
});

for (const [id, pid, kind] of [
  ['gh-go-exec-test-s390x-pipelookpath-lsof-leaked-4-fds', 46001, 'pipe'],
  ['gh-go-49500-freebsd-extrafiles-leaked-parent-file-fstat', 8324, undefined],
  ['gh-ruby-resolv-leakchecker-close-wait-lsof-row', 3248055, 'socket-close-wait'],
] as const) {
  test(`${id}: the checker's words over one process's listing make it the candidate (was no-leak or nobody)`, async () => {
    const { result } = await analyzeBundle(join(CASES_DIR, id, 'transcript.md'));
    assert.equal(result.verdict, 'inconclusive');
    assert.equal(result.suspects[0]?.pid, pid);
    assert.ok(result.suspects[0]?.reasons.some((r) => r.signal === 'leak-checker-report'));
    if (kind) assert.equal(result.suspects[0]?.leak?.kind, kind);
  });
}
