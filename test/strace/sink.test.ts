// The sink alone, fed lines as text: threads and their counts, unfinished calls and their
// resumption, the clock, write samples, the texts events keep, fd-limit failures, and the bounds
// and warnings a broken capture meets.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createStraceSink, MAX_WRITE_PAIRS, WRITE_SAMPLES } from '../../src/sources/strace/sink.js';
import type { StraceArtifact } from '../../src/sources/strace/types.js';

function read(lines: string[], file = 'trace.log'): { artifact: StraceArtifact; warnings: string[] } {
  const warnings: string[] = [];
  const sink = createStraceSink({ file, warn: (line, message) => warnings.push(`${line ?? '-'}: ${message}`) });
  for (const [i, l] of lines.entries()) sink.line(l, i + 1);
  return { artifact: sink.end(), warnings };
}

test('an unfinished call is read when it resumes, at the resumption line; a thread has one call in flight', () => {
  const { artifact } = read([
    '10 12:00:00.000001 openat(AT_FDCWD, "/var/log/app.log", O_WRONLY|O_APPEND <unfinished ...>',
    '11 12:00:00.000002 futex(0x1, FUTEX_WAKE_PRIVATE, 1) = 0',
    '10 12:00:00.000003 <... openat resumed>) = 6</var/log/app.log>',
    '10 12:00:00.000004 close(6 <unfinished ...>',
    '10 12:00:00.000005 <... read resumed>"x", 1) = 1',
    '10 12:00:00.000006 <... close resumed>) = 0',
    '12 12:00:00.000007 socket(AF_INET, SOCK_STREAM, IPPROTO_IP <unfinished ...>',
  ]);
  assert.deepEqual(
    artifact.events.map((e) => [e.kind, e.fd, e.line, e.path]),
    [['create', 6, 3, '/var/log/app.log']],
  );
  assert.equal(artifact.events[0].time, 12 * 3600 + 0.000003);
  // The close's resumption was lost (another call resumed): fd 6 is still open; the socket never returned.
  assert.equal(artifact.unfinishedAtEnd, 1);
  assert.deepEqual(
    artifact.threads.map((t) => [t.tid, t.lines, t.creates, t.closes]),
    [
      [10, 5, 1, 0],
      [11, 1, 0, 0],
      [12, 1, 0, 0],
    ],
  );
  assert.equal(artifact.parsedLines, 1);
});

test('the clock: -tt adds a day when it wraps past midnight, -r sums deltas, -ttt is kept as it is', () => {
  const tt = read(['5 23:59:59.500000 close(3) = 0', '5 00:00:00.250000 close(4) = 0', '5 23:59:59.000000 close(5) = 0']).artifact;
  assert.deepEqual([tt.shape.timeBase, tt.firstTime, tt.lastTime], ['clock', 86399.5, 86400.25 + 86399 - 0.25]);
  const r = read(['5      0.000000 close(3) = 0', '5      0.250000 close(4) = 0', '5      1.500000 close(5) = 0']).artifact;
  assert.deepEqual([r.shape.timeBase, r.firstTime, r.lastTime], ['relative', 0, 1.75]);
  const ttt = read(['5  1795633799.890537 close(3) = 0', '5  1795633800.000001 close(4) = 0']).artifact;
  assert.deepEqual([ttt.shape.timeBase, ttt.firstTime, ttt.lastTime], ['epoch', 1795633799.890537, 1795633800.000001]);
});

test(`writes keep their first ${WRITE_SAMPLES} samples, count the rest, and learn the -y path and -s cuts`, () => {
  const lines = Array.from(
    { length: 12 },
    (_, k) =>
      `7 12:00:00.0000${String(k).padStart(2, '0')} write(3${k === 5 ? '</var/log/a.log>' : ''}, "line ${k}\\n"${k === 9 ? '...' : ''}, ${7 + k}) = ${7 + k}`,
  );
  const { artifact } = read(lines);
  const [w] = artifact.writes;
  assert.deepEqual([w.tid, w.fd, w.path, w.count, w.bytes], [7, 3, '/var/log/a.log', 12, 12 * 7 + 66]);
  assert.deepEqual(
    w.samples.map((s) => [s.line, s.text, s.bytes]),
    Array.from({ length: WRITE_SAMPLES }, (_, k) => [k + 1, `line ${k}\n`, 7 + k]),
  );
  assert.equal(w.first, w.samples[0]);
  assert.equal(artifact.shape.truncatedStrings, true);
});

test('events keep the text of the first and the last few of each call pattern per thread', () => {
  const lines = Array.from(
    { length: 50 },
    (_, k) => `9 12:00:00.${String(k).padStart(6, '0')} socket(AF_INET, SOCK_STREAM, IPPROTO_IP) = ${100 + k}`,
  );
  const { artifact } = read(lines);
  const texts = artifact.events.map((e) => e.text !== undefined);
  assert.deepEqual(texts, [...Array(20).fill(true), ...Array(10).fill(false), ...Array(20).fill(true)]);
  assert.equal(artifact.events[0].text, lines[0]);
});

test('creating calls that fail at the fd limit: counted per thread, the first lines kept', () => {
  const lines = [
    ...Array.from(
      { length: 10 },
      (_, k) => `4 12:00:00.00000${k} accept4(3<TCP:[0.0.0.0:80]>, NULL, NULL, SOCK_CLOEXEC) = -1 EMFILE (Too many open files)`,
    ),
    '5 12:00:01.000000 openat(AT_FDCWD, "/etc/hosts", O_RDONLY) = -1 ENFILE (Too many open files in system)',
    '5 12:00:01.000001 openat(AT_FDCWD, "/etc/nope", O_RDONLY) = -1 ENOENT (No such file or directory)',
  ];
  const { artifact } = read(lines);
  assert.deepEqual(
    artifact.threads.map((t) => [t.tid, t.emfile, t.enfile]),
    [
      [4, 10, undefined],
      [5, undefined, 1],
    ],
  );
  assert.deepEqual(
    artifact.fdLimitFailures?.map((f) => [f.tid, f.line, f.errno]),
    Array.from({ length: 8 }, (_, k) => [4, k + 1, 'EMFILE']),
  );
  assert.equal(artifact.fdLimitFailures?.[0].text, lines[0]);
  assert.equal(read(['4 12:00:00.000001 close(3) = 0']).artifact.fdLimitFailures, undefined);
});

test('values strace cannot print are warnings on their lines, never numbers: a -ttt time past 2^64, a negative hex result', () => {
  const { artifact, warnings } = read([
    '8  1795633799.890537 socket(AF_INET, SOCK_STREAM, IPPROTO_IP) = 3',
    '8  18446744073709551616 socket(AF_INET, SOCK_STREAM, IPPROTO_IP) = 4',
    '8  1795633799.990537 connect(3, {sa_family=AF_INET, sin_port=htons(80), sin_addr=inet_addr("10.0.0.1")}, 16) = -0x7fffffff',
    '8  1795633800.000000 socket(AF_INET, SOCK_STREAM, IPPROTO_IP) = 99999999999',
  ]);
  assert.deepEqual(warnings, [
    '2: a time column that is no time (18446744073709551616)',
    '3: connect returned -0x7fffffff, which is no value strace prints',
    '4: socket returned 99999999999, which is no value strace prints',
  ]);
  assert.deepEqual(
    artifact.events.map((e) => `${e.kind} ${e.fd}`),
    ['create 3'],
  );
  assert.deepEqual([artifact.lines, artifact.threads[0].lines, artifact.lastTime], [4, 3, 1795633800]);
});

test("a time column of another kind than the file's is a warning too; warnings of a kind past five are counted in one", () => {
  const lines = ['8 12:00:00.000001 close(3) = 0', '8 1795633799.890537 close(4) = 0'];
  for (let k = 0; k < 8; k++) lines.push(`8 99:00:0${k}.000000 close(5) = 0`);
  const { warnings } = read(lines);
  assert.equal(warnings.length, 6);
  assert.match(warnings[0], /^2: a time column unlike the file's others/);
  assert.equal(warnings[5], '-: 4 more lines like the time warnings above');
});

test(`writes to more than ${MAX_WRITE_PAIRS} (thread, fd) pairs: one warning, the others not sampled`, () => {
  const lines = Array.from({ length: MAX_WRITE_PAIRS + 10 }, (_, k) => `3 12:00:00.000001 write(${k}, "x", 1) = 1`);
  const { artifact, warnings } = read(lines);
  assert.equal(artifact.writes.length, MAX_WRITE_PAIRS);
  assert.deepEqual(warnings.filter((w) => /pairs/.test(w)).length, 1);
});

test('signals, exits and attach notes', () => {
  const { artifact } = read([
    'strace: Process 40 attached',
    '[pid    40] 12:00:00.000001 --- SIGPIPE {si_signo=SIGPIPE, si_code=SI_USER} ---',
    '[pid    40] 12:00:00.000002 --- SIGPIPE {si_signo=SIGPIPE, si_code=SI_USER} ---',
    '[pid    41] 12:00:00.000003 +++ killed by SIGKILL +++',
  ]);
  assert.deepEqual(artifact.attached, [40]);
  assert.equal(artifact.shape.pidPrefix, 'bracket');
  assert.deepEqual(artifact.threads[0].signals, { SIGPIPE: 2 });
  assert.deepEqual(
    artifact.events.map((e) => [e.kind, e.tid, e.detail]),
    [['exit', 41, 'killed by SIGKILL']],
  );
});

test('a resumption whose head the capture lacks reports a failure at the fd limit, and nothing else of it', () => {
  // TabNine's strace (codota/TabNine#69): the paste starts mid-call, so the first lines resume
  // calls whose `<unfinished ...>` heads were printed before it.
  const lines = [
    '[pid 26959] <... accept4 resumed> 0x7eff357d3720, [128], SOCK_CLOEXEC) = -1 EMFILE (Too many open files)',
    '[pid 26958] <... accept4 resumed> 0x7eff301a8720, [128], SOCK_CLOEXEC) = -1 EMFILE (Too many open files)',
    '[pid 26959] accept4(11,  <unfinished ...>',
    '[pid 26958] accept4(11,  <unfinished ...>',
  ];
  const { artifact } = read(lines);
  assert.deepEqual(
    artifact.fdLimitFailures?.map((f) => [f.tid, f.line, f.errno, f.text]),
    [
      [26959, 1, 'EMFILE', lines[0]],
      [26958, 2, 'EMFILE', lines[1]],
    ],
  );
  // A headless resumption that made an fd, or resumed a call other than the one in flight, makes
  // no event: its arguments are partly lost.
  const other = read([
    '7 <... openat resumed>) = 5',
    '7 close(9 <unfinished ...>',
    '7 <... socket resumed>) = -1 ENFILE (Too many open files in system)',
  ]).artifact;
  assert.deepEqual(other.events, []);
  assert.deepEqual(
    other.fdLimitFailures?.map((f) => [f.tid, f.line, f.errno]),
    [[7, 3, 'ENFILE']],
  );
});

test("a forking call's line cut by strace's attach note resumes in a resumed line, or in the next line when it has no pid or time", () => {
  const { artifact } = read([
    // py-fork-execv-fionclex-strace-f: one process traced, no pid column yet; the rest on the next line.
    'strace: Process 751 attached',
    '1796636755.227923 clone(child_stack=NULL, flags=CLONE_CHILD_CLEARTID|CLONE_CHILD_SETTID|SIGCHLDstrace: Process 977 attached',
    ', child_tidptr=0x7f4ccae34e50) = 977',
    '[pid   977] 1796636755.229559 execve("/bin/sleep", ["sleep", "3"], 0x5609da178c60 /* 40 vars */) = 0',
    // c-posix-spawn-refresher-thread-strace-f: ` <unfinished ...>` on the next line, resumed later.
    '[pid   751] 1796636808.271625 clone3({flags=CLONE_VM|CLONE_VFORK, exit_signal=SIGCHLD, stack=0x7f5712f14000, stack_size=0x9000}, 88strace: Process 3449 attached',
    ' <unfinished ...>',
    '[pid  3449] 1796636808.340335 execve("/bin/sleep", ["sleep", "2"], 0x7ffce029ad98 /* 35 vars */ <unfinished ...>',
    '[pid   751] 1796636808.340549 <... clone3 resumed>) = 3449',
  ]);
  assert.deepEqual(artifact.attached, [751, 977, 3449]);
  assert.deepEqual(
    artifact.events.filter((e) => e.kind === 'fork').map((e) => [e.tid, e.child, e.line]),
    [
      // Lines without a pid column are thread 0's, as any such line (the model names it the traced process).
      [0, 977, 3],
      [751, 3449, 8],
    ],
  );
});

test("a -ff file printed at a prompt (`cat relay.16157`) is that thread's, as its own name would say", () => {
  // round 257, test/accuracy/cases/go-relayd-locked-thread-pipes-strace-ff: `strace -ff -tt -o relay -p 16157`, then each file cat'd
  const lines = ['16:25:29.656060 pipe2([84, 85], O_CLOEXEC) = 0', '16:25:29.769549 pipe2([88, 89], O_CLOEXEC) = 0'];
  const readAs = (command: string) => {
    const sink = createStraceSink({ file: 'transcript.md', command, warn: () => {} });
    for (const [i, l] of lines.entries()) sink.line(l, i + 1);
    return sink.end();
  };
  const one = readAs('cat relay.16157');
  assert.equal(one.fileTid, 16157);
  assert.deepEqual(
    one.threads.map((t) => [t.tid, t.creates]),
    [[16157, 4]],
  );
  assert.equal(readAs('head -n 20 /tmp/tr/relay.16188').fileTid, 16188);
  // a glob or a pipe runs files together: no one thread
  assert.equal(readAs('cat relay.*').fileTid, undefined);
  assert.equal(readAs('cat relay.16157 | grep pipe2').fileTid, undefined);
  assert.equal(readAs('cat relay.16157 relay.16160').fileTid, undefined);
});
