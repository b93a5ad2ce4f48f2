// The streaming sink and the pure steps on small, hand-checked line sets (shapes taken from the
// real captures under test/fixtures/strace).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixtureLines } from '../helpers.js';
import { CASES_DIR } from '../accuracy/score.js';
import { parseLines } from '../../src/sources/run.js';
import { strace } from '../../src/sources/strace.js';
import { createStraceSink } from '../../src/sources/strace/sink.js';
import { appLog } from '../../src/sources/app-log.js';
import { analyzeStrace } from '../../src/model/strace/analyze.js';
import { mergeEvents } from '../../src/model/strace/merge.js';
import { decodeCString, parseTimeText, splitArgs } from '../../src/sources/strace/syntax.js';
import type { StraceArtifact } from '../../src/sources/strace/types.js';

const parse = (lines: string[], file = 'trace.log') => parseLines(strace, lines, { file });
const kinds = (a: StraceArtifact) => a.events.map((e) => `${e.kind}:${e.tid}:${e.fd}${e.child ? '>' + e.child : ''}`);

test('unfinished / resumed pairs are rejoined per tid; padded results without -tt', () => {
  const { artifact, warnings } = parse([
    '10 socket(AF_INET, SOCK_STREAM, IPPROTO_IP <unfinished ...>',
    '11 futex(0x1, FUTEX_WAKE_PRIVATE, 1) = 0',
    '10 <... socket resumed>)              = 5',
    '11 openat(AT_FDCWD, "/var/log/app.log", O_WRONLY|O_APPEND|O_CLOEXEC <unfinished ...>',
    '10 connect(5, {sa_family=AF_INET, sin_port=htons(2280), sin_addr=inet_addr("127.0.0.1")}, 16 <unfinished ...>',
    '11 <... openat resumed>) = 6',
    '10 <... connect resumed>) = -1 ECONNREFUSED (Connection refused)',
  ]);
  assert.deepEqual(warnings, []);
  assert.deepEqual(kinds(artifact), ['create:10:5', 'create:11:6', 'connect:10:5']);
  assert.equal(artifact.events[1].cloexec, true);
  assert.equal(artifact.events[1].path, '/var/log/app.log');
  assert.equal(artifact.events[2].detail, 'connect(127.0.0.1:2280) = -1 ECONNREFUSED');
  assert.equal(artifact.threads.find((t) => t.tid === 10)?.failedConnects, 1);
});

test('a thread has one call in flight: a call whose resumption was lost is not completed by a later one', () => {
  const { artifact } = parse([
    '10 12:00:00.000001 clone(child_stack=NULL, flags=CLONE_CHILD_CLEARTID|CLONE_CHILD_SETTID|SIGCHLD <unfinished ...>',
    '11 12:00:00.000002 futex(0x1, FUTEX_WAKE_PRIVATE, 1) = 0',
    // The clone's resumption is missing; this resumes another call of thread 10.
    '10 12:00:00.000003 <... wait4 resumed>NULL, 0, NULL) = 7',
    '10 12:00:00.000004 <... clone resumed>, child_tidptr=0x7f) = 20',
    '10 12:00:00.000005 openat(AT_FDCWD, "/etc/hosts", O_RDONLY <unfinished ...>',
    '10 12:00:00.000006 <... openat resumed>) = 3',
  ]);
  assert.deepEqual(kinds(artifact), ['fork:10:-1', 'create:10:3']);
  assert.equal(artifact.events[0].child, undefined, 'the clone at line 1 never learnt its child');
  assert.equal(artifact.unfinishedAtEnd, 0);
});

test('a child that opens an fd over one it inherited (its close missed) no longer holds the inherited one', () => {
  const { artifact } = parse([
    '100 10:00:00.000001 socket(AF_INET, SOCK_STREAM, IPPROTO_IP) = 3',
    '100 10:00:00.000002 clone(child_stack=NULL, flags=CLONE_CHILD_CLEARTID|CLONE_CHILD_SETTID|SIGCHLD, child_tidptr=0x7f) = 200',
    '200 10:00:00.000003 openat(AT_FDCWD, "/etc/hosts", O_RDONLY) = 3',
    '200 10:00:00.000004 close(3) = 0',
    '200 10:00:00.000005 exit_group(0) = ?',
    '200 10:00:00.000006 +++ exited with 0 +++',
  ]);
  const child = analyzeStrace([{ file: 'trace.log', artifact }]).nonExecChildren.find((c) => c.child === 200);
  assert.deepEqual(child?.fds, []);
});

test('errors create nothing; dup2 over an open fd releases it; close_range; exits and signals', () => {
  const { artifact } = parse([
    '7 socket(AF_INET, SOCK_STREAM, IPPROTO_IP) = -1 EMFILE (Too many open files)',
    '7 pipe2([3, 4], O_CLOEXEC) = 0',
    '7 clone(child_stack=NULL, flags=CLONE_CHILD_CLEARTID|CLONE_CHILD_SETTID|SIGCHLD, child_tidptr=0x7f) = 8',
    '8 dup2(3, 4) = 4',
    '8 close_range(5, 4294967295, 0) = 0',
    '7 --- SIGCHLD {si_signo=SIGCHLD, si_code=CLD_EXITED, si_pid=8, si_uid=0, si_status=0} ---',
    '8 exit_group(0)                     = ?',
    '8 +++ exited with 0 +++',
  ]);
  assert.deepEqual(kinds(artifact), ['create:7:3', 'create:7:4', 'fork:7:-1>8', 'close:8:4', 'create:8:4', 'close-range:8:5', 'exit:8:-1']);
  assert.equal(artifact.threads.find((t) => t.tid === 7)?.signals.SIGCHLD, 1);
  assert.equal(artifact.events[2].thread, false);
});

test('healthy create→close pairs of one thread are folded into counts', () => {
  const { artifact } = parse([
    '20 openat(AT_FDCWD, "/etc/hosts", O_RDONLY) = 9',
    '20 close(9) = 0',
    '20 socket(AF_UNIX, SOCK_STREAM|SOCK_CLOEXEC, 0) = 9',
    '21 clone(child_stack=NULL, flags=SIGCHLD) = 30',
    '20 close(9) = 0',
  ]);
  assert.deepEqual(artifact.foldedPairs, { 20: 2 });
  // The second pair spans a fork: folded too, the fork records the child's copy of fd 9
  // (close-on-exec: 9 * 2 + 1).
  assert.deepEqual(kinds(artifact), ['fork:21:-1>30']);
  assert.deepEqual(artifact.events[0].inherit, [19]);
});

test('pairs that span a fork: the child keeps its copy, an exposed fd keeps its events', () => {
  const { artifact } = parse([
    '20 socket(AF_INET, SOCK_STREAM, IPPROTO_IP) = 9',
    '20 openat(AT_FDCWD, "/etc/hosts", O_RDONLY|O_CLOEXEC) = 10',
    '21 clone(child_stack=NULL, flags=SIGCHLD <unfinished ...>',
    '30 close(10) = 0',
    '21 <... clone resumed>) = 30',
    '20 close(9) = 0',
    '20 close(10) = 0',
    '30 close(9) = 0',
  ]);
  // fd 9 (no CLOEXEC, made by 20, forked by 21) is exposed: kept for the cloexec-race finding.
  // fd 10 folds; the child's close of its copy, queued until the clone returned, stays.
  assert.deepEqual(kinds(artifact), ['create:20:9', 'fork:21:-1>30', 'close:30:10', 'close:20:9', 'close:30:9']);
  assert.deepEqual(artifact.events[1].inherit, [18, 21]);
  assert.deepEqual(artifact.foldedPairs, { 20: 1 });
  const a = analyzeStrace([{ file: 'trace.log', artifact }], { pid: 20 });
  assert.equal(a.preexisting, 0, 'the child closed fds it had inherited');
  assert.deepEqual(
    a.cloexecRaces.map((r) => `${r.kind}:${r.fd}:${r.child}`),
    ['never-set:9:30'],
  );
  assert.deepEqual(
    a.nonExecChildren.map((c) => [c.child, c.inherited, c.fds]),
    [[30, 2, []]],
  );
  assert.equal(a.leakedTotal, 0);
});

test('an execed child keeps only the copies its fork exposed: its closes of those stay, of the rest they go', () => {
  const lines = ['20 socket(AF_INET, SOCK_STREAM, IPPROTO_IP) = 9', '20 socket(AF_INET, SOCK_STREAM, IPPROTO_IP) = 10'];
  lines.push(
    '21 clone(child_stack=NULL, flags=SIGCHLD) = 30',
    '30 execve("/bin/true", ["true"], 0x7ffd /* 2 vars */) = 0',
    '30 close(9) = 0',
    '30 close(1) = 0',
    '30 +++ exited with 0 +++',
  );
  lines.push(
    '21 clone(child_stack=NULL, flags=SIGCHLD) = 31',
    '31 close(10) = 0',
    '31 close(2) = 0',
    '31 execve("/bin/true", ["true"], 0x7ffd /* 2 vars */) = 0',
  );
  const { artifact } = parse(lines);
  const forks = artifact.events.filter((e) => e.kind === 'fork');
  // Both children were exposed to 9 and 10 (made by 20, forked by 21) and execed: their forks' lists
  // are let go; the copies are followed through the children's own lines.
  assert.deepEqual(
    forks.map((f) => [f.child, f.childExeced ?? false, f.inherit]),
    [
      [30, true, []],
      [31, true, []],
    ],
  );
  // Closes of exposed copies stay, before and after execve; of fds 1 and 2 they go (31's at its execve).
  assert.deepEqual(
    artifact.events.filter((e) => e.kind === 'close').map((e) => `${e.tid}:${e.fd}`),
    ['30:9', '31:10'],
  );
  const a = analyzeStrace([{ file: 'trace.log', artifact }], { pid: 20 });
  assert.equal(a.preexisting, 0, "a child's closes are of fds it inherited, not of fds open before the capture");
  assert.equal(a.leakedTotal, 2, 'the parent still holds both sockets');
  const outcomes = a.cloexecRaces.map(
    (r) => `${r.fd}>${r.child}:${r.outcome}${r.outcome === 'closed' ? (r.closedBeforeExec ? ' before execve' : ' after execve') : ''}`,
  );
  // Child 31 is still running when the capture (which has no times) ends: what it does with 9 is not shown.
  assert.deepEqual(outcomes.sort(), ['10>30:kept', '10>31:closed before execve', '9>30:closed after execve', '9>31:unknown']);
  const closed = a.cloexecRaces.find((r) => r.fd === 9 && r.child === 30)!;
  assert.deepEqual(
    closed.evidence.map((e) => e.line),
    [1, 3, 5],
    "the create, the fork, the child's close",
  );
});

test('a copy is decided by the child: close_range, FD_CLOEXEC before or between execves, a create over it, or an exit without execve', () => {
  const lines = [
    '20 12:00:00.000000 socket(AF_INET, SOCK_STREAM, IPPROTO_IP) = 5',
    '21 12:00:00.100000 clone(child_stack=NULL, flags=SIGCHLD) = 30',
    '30 12:00:00.100100 close_range(3, 4294967295, 0) = 0',
    '30 12:00:00.100200 execve("/bin/true", ["true"], 0x7ffd /* 2 vars */) = 0',
    '21 12:00:00.200000 clone(child_stack=NULL, flags=SIGCHLD) = 31',
    '31 12:00:00.200100 close_range(3, 4294967295, CLOSE_RANGE_CLOEXEC) = 0',
    '31 12:00:00.200200 execve("/bin/true", ["true"], 0x7ffd /* 2 vars */) = 0',
    '21 12:00:00.300000 clone(child_stack=NULL, flags=SIGCHLD) = 32',
    '32 12:00:00.300100 execve("/bin/sleep", ["sleep", "30"], 0x7ffd /* 2 vars */) = 0',
    '32 12:00:00.300200 openat(AT_FDCWD, "/etc/ld.so.cache", O_RDONLY|O_CLOEXEC) = 5',
    '21 12:00:00.400000 clone(child_stack=NULL, flags=SIGCHLD) = 33',
    '33 12:00:00.400100 +++ exited with 0 +++',
    '21 12:00:00.500000 clone(child_stack=NULL, flags=SIGCHLD) = 34',
    '34 12:00:00.500100 execve("/bin/sleep", ["sleep", "30"], 0x7ffd /* 2 vars */) = 0',
    '21 12:00:00.600000 clone(child_stack=NULL, flags=SIGCHLD) = 36',
    '36 12:00:00.600100 execve("/usr/lib/jvm/java-17-openjdk-amd64/lib/jspawnhelper", ["/usr/lib/jvm/java-17-openjdk-amd"..., "17.0.15+6", "22:23:25"], 0x7fff /* 35 vars */) = 0',
    '21 12:00:00.700000 clone(child_stack=NULL, flags=SIGCHLD) = 37',
    '37 12:00:00.700100 execve("/bin/sh", ["sh", "-c", "exec sleep 30"], 0x7ffd /* 2 vars */) = 0',
    '37 12:00:00.700200 fcntl(5, F_SETFD, FD_CLOEXEC) = 0',
    '37 12:00:00.700300 execve("/bin/sleep", ["sleep", "30"], 0x7ffd /* 2 vars */) = 0',
    '21 12:00:01.100000 clone(child_stack=NULL, flags=SIGCHLD) = 35',
    '35 12:00:01.150000 execve("/bin/sleep", ["sleep", "30"], 0x7ffd /* 2 vars */) = 0',
    '20 12:00:01.200000 close(5) = 0',
  ];
  for (const compact of [true, false]) {
    const artifact = parseLines({ ...strace, sink: (ctx) => createStraceSink(ctx, { compact }) }, lines, { file: 't' }).artifact;
    const a = analyzeStrace([{ file: 't', artifact }], { pid: 20 });
    const outcomes = Object.fromEntries(a.cloexecRaces.map((r) => [r.child, `${r.outcome} ${r.evidence.at(-1)?.line}`]));
    assert.deepEqual(
      outcomes,
      {
        30: 'closed 3',
        31: 'exec-closed 7',
        // The ld.so.cache open got fd 5 after execve: the copy was gone without a close.
        32: 'exec-closed 10',
        33: 'no-exec 12',
        // Still running 0.7 s after its execve when the capture ended: kept.
        34: 'kept 14',
        // Still in the JDK's spawn helper, which closes every fd before it execs the command.
        36: 'unknown 15',
        // A shell that marked its copy close-on-exec after its own execve, then execed the command.
        37: 'exec-closed 20',
        // Only 0.05 s: the program could still close it as it starts.
        35: 'unknown 21',
      },
      compact ? 'compacted' : 'all events',
    );
  }
});

test("the leaking thread's log fd is named by the file open on it at its first write, never a later one", () => {
  const lines = [
    '10 08:00:00.000000 openat(AT_FDCWD, "/tmp/old.log", O_WRONLY) = 7',
    '10 08:00:00.100000 close(7) = 0',
    '10 08:00:00.200000 openat(AT_FDCWD, "/var/log/app.log", O_WRONLY|O_APPEND) = 7',
  ];
  for (let k = 0; k < 10; k++) {
    lines.push(
      `10 08:00:0${k}.500000 socket(AF_INET, SOCK_STREAM, IPPROTO_IP) = ${20 + k}`,
      `10 08:00:0${k}.600000 connect(${20 + k}, {sa_family=AF_INET, sin_port=htons(2280), sin_addr=inet_addr("127.0.0.1")}, 16) = -1 ECONNREFUSED (Connection refused)`,
      '10 08:00:0' + k + '.700000 write(7, "ERROR connect failed\\n", 21) = 21',
    );
  }
  lines.push('10 08:00:09.900000 close(7) = 0', '10 08:00:09.950000 openat(AT_FDCWD, "/tmp/later.log", O_WRONLY) = 7');
  const { artifact } = parse(lines);
  const a = analyzeStrace([{ file: 'trace.log', artifact }], { pid: 10 });
  assert.equal(a.rootCause?.tid, 10);
  // Never the file opened on fd 7 after the writes; the log's create is kept though it was closed
  // (the thread wrote to it), so it names the fd even without -y or lsof.
  assert.deepEqual([a.fdLog[0]?.fd, a.fdLog[0]?.path, a.fdLog[0]?.pathSource], [7, '/var/log/app.log', 'strace-open']);
  assert.ok(!artifact.events.some((e) => e.path === '/tmp/old.log'), 'a file nobody wrote to still folds away');
});

test('-tt clock wraps at midnight; fds open before the window are not leaks', () => {
  const { artifact } = parse([
    '5  23:59:59.900000 socket(AF_INET, SOCK_DGRAM, IPPROTO_IP) = 3',
    '5  00:00:00.100000 close(7) = 0',
    '5  00:00:01.100000 socket(AF_INET, SOCK_DGRAM, IPPROTO_IP) = 4',
  ]);
  assert.equal(artifact.shape.timeBase, 'clock');
  assert.ok(Math.abs((artifact.lastTime ?? 0) - (artifact.firstTime ?? 0) - 1.2) < 1e-6);
  const a = analyzeStrace([{ file: 'trace.log', artifact }], { pid: 5 });
  assert.equal(a.preexisting, 1);
  assert.equal(a.leakedTotal, 2);
  assert.deepEqual(
    a.leaks.map((l) => l.count),
    [2],
  );
  assert.equal(a.files[0].lastTime, '00:00:01.100000 (+1d)');
});

test('-ff: tid from the file name suffix; merge orders by time across files', () => {
  const a = parse(
    ['12:00:00.000001 socket(AF_INET, SOCK_STREAM, IPPROTO_IP) = 3', '12:00:00.000005 close(3) = 0'],
    'out/trace.101',
  ).artifact;
  const b = parse(['12:00:00.000003 clone(child_stack=NULL, flags=SIGCHLD) = 300'], 'out/trace.102').artifact;
  assert.equal(a.fileTid, 101);
  assert.deepEqual(a.foldedPairs, {}, '-ff files are never folded: another file may fork in between');
  const m = mergeEvents([
    { file: 'a', artifact: a },
    { file: 'b', artifact: b },
  ]);
  assert.deepEqual(
    m.events.map((e) => `${e.file}:${e.ev.kind}`),
    ['a:create', 'b:fork', 'a:close'],
  );
  const r = analyzeStrace(
    [
      { file: 'a', artifact: a },
      { file: 'b', artifact: b },
    ],
    { pid: 101 },
  );
  assert.equal(r.cloexecRaces.length, 1);
  assert.equal(r.cloexecRaces[0].kind, 'never-set');
  assert.equal(r.cloexecRaces[0].forkTid, 102);
  // No file of child 300: strace did not follow it, so it is not shown never execing.
  assert.deepEqual([r.cloexecRaces[0].outcome, r.cloexecRaces[0].childTraced], ['unknown', false]);
  assert.deepEqual(r.nonExecChildren, []);
});

test('syntax helpers: escapes, times, argument splitting', () => {
  assert.equal(decodeCString('a\\nb\\t\\"c\\\\\\0\\x41\\101'), 'a\nb\t"c\\\0AA');
  assert.equal(parseTimeText('18:59:57.621126 x', 0, 15), 18 * 3600 + 59 * 60 + 57.621126);
  assert.equal(parseTimeText('1795633799.890537', 0, 17), 1795633799.890537);
  assert.ok(Number.isNaN(parseTimeText('futex', 0, 5)));
  assert.deepEqual(splitArgs('4</a, b.log>, "x, \\"y\\"", [{iov_base="1", iov_len=1}], 1'), [
    '4</a, b.log>',
    '"x, \\"y\\""',
    '[{iov_base="1", iov_len=1}]',
    '1',
  ]);
});

test('detection: strace captures are claimed by strace, the log by app-log, and not the other way', () => {
  const head = (...p: string[]) => fixtureLines(...p).slice(0, 60);
  for (const f of ['f-tt-T-y.strace', 'f-ttt.strace', 'f-r.strace', 'f-notime.strace', 'stderr.strace']) {
    const h = head('strace', 'java-cat-leak', f);
    assert.ok(strace.detect({ head: h, name: f }) >= 0.9, f);
    assert.equal(appLog.detect({ head: h, name: f }), 0, f);
  }
  const race = head('strace', 'c-cloexec-race', 'race-f-tt-T-y.strace');
  assert.ok(strace.detect({ head: race, name: 'x' }) >= 0.9);
  const log = head('strace', 'java-cat-leak', 'cat_20261125.log');
  assert.ok(appLog.detect({ head: log, name: 'cat.log' }) >= 0.9);
  assert.equal(strace.detect({ head: log, name: 'cat.log' }), 0);
  for (const other of ['proc-fd.txt', 'task-comm.txt', 'jstack.txt']) {
    const h = head('strace', 'java-cat-leak', other);
    assert.equal(appLog.detect({ head: h, name: other }), 0, other);
    assert.equal(strace.detect({ head: h, name: other }), 0, other);
  }
});

test('app-log keeps ERROR records and exception lines with times, counts everything', () => {
  const lines = fixtureLines('strace', 'java-cat-leak', 'cat_20261125.log');
  const { artifact, warnings } = parseLines(appLog, lines, { file: 'cat.log' });
  assert.deepEqual(warnings, []);
  assert.equal(artifact.totalLines, lines.length);
  const errors = lines.filter((l) => l.includes('[ERROR]')).length;
  assert.equal(artifact.byLevel.ERROR, errors);
  assert.equal(artifact.byLevel.INFO, 1);
  assert.equal(artifact.kept.length, errors * 3);
  const first = artifact.kept[0];
  assert.equal(first.level, 'ERROR');
  assert.equal(first.date, '11-25');
  assert.equal(first.line, lines.findIndex((l) => l.includes('[ERROR]')) + 1);
  assert.equal(artifact.kept[1].exception, true);
  assert.equal(artifact.kept[1].text, 'java.net.ConnectException: Connection refused');
});

test('strace to stderr with -r: `[pid N]` and the right-aligned relative time are a strace, not a log that mentions EMFILE', () => {
  // https://github.com/moby/moby/issues/37061 (test/accuracy/cases/gh-moby-dockerd-memberlist-strace)
  const lines = readFileSync(join(CASES_DIR, 'gh-moby-dockerd-memberlist-strace', 'transcript.md'), 'utf8')
    .split('\n')
    .filter((l) => l.startsWith('[pid '));
  assert.equal(lines.length, 5);
  const head = { head: lines, name: 'transcript.md' };
  assert.ok(strace.detect(head) > appLog.detect(head), `strace ${strace.detect(head)}, app-log ${appLog.detect(head)}`);
});

test('app-log: one "too many open files" record wrapped over the lines under it is a log (mesos-dns, Go)', () => {
  // https://github.com/d2iq-archive/mesos-dns/issues/422 (test/accuracy/cases/gh-mesos-dns-udp-fd-1023)
  const lines = readFileSync(join(CASES_DIR, 'gh-mesos-dns-udp-fd-1023', 'transcript.md'), 'utf8')
    .split('\n')
    .slice(8, 12);
  assert.match(lines[0], /^ERROR: 2016\/04\/26 13:02:02 exchanger\.go:45: dial udp/);
  assert.ok(appLog.detect({ head: lines, name: 'transcript.md' }) > 0);
  const { artifact } = parseLines(appLog, lines, { file: 'transcript.md' });
  assert.equal(artifact.exhaustion.emfile, 1);
  // A block of unstamped lines, one of which says it, is not.
  assert.equal(appLog.detect({ head: ['some output', 'socket: too many open files', 'more', 'and more'], name: 'x.txt' }), 0);
});
