// Cases the fixtures do not show on their own: column splitting, command hints, who claims a
// bare number, fs.* lines deep in a long sysctl -a, JDK 8 headers, several dumps in one log.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fixtureLines } from '../helpers.js';
import { join } from 'node:path';
import { analyzeBundle } from '../../src/analysis.js';
import { CASES_DIR } from '../accuracy/score.js';
import { PARSERS } from '../../src/sources/registry.js';
import { parseLines } from '../../src/sources/run.js';
import { outputSpec, pgrepList, ps, psHeader, shortName, splitRow } from '../../src/sources/ps.js';
import { jstack, threadHeader } from '../../src/sources/jstack.js';
import { kernelFiles, NO_FILE_LIMIT } from '../../src/sources/kernel-files.js';
import { countTable } from '../../src/sources/count-table.js';
import { lineCount } from '../../src/sources/line-count.js';
import { appLog } from '../../src/sources/app-log.js';
import { logMessage } from '../../src/sources/log-message.js';
import { glogStamp } from '../../src/sources/log-stamps.js';
import { procLimits } from '../../src/sources/proc-limits.js';
import { taskComm } from '../../src/sources/task-comm.js';
import { ulimit } from '../../src/sources/ulimit.js';
import { procFd } from '../../src/sources/proc-fd.js';
import type { DetectInput } from '../../src/sources/parser.js';

function winner(input: DetectInput): string {
  const scores = PARSERS.map((p) => ({ id: p.id, score: p.detect(input) })).sort((a, b) => b.score - a.score);
  return scores[0].score > 0 ? scores[0].id : 'none';
}

test('a bare number goes to whoever the command names', () => {
  const head = ['2442976'];
  assert.equal(winner({ head, name: 'out.txt', command: 'cat /proc/sys/fs/file-max' }), 'kernel-files');
  assert.equal(winner({ head, name: 'out.txt', command: 'sysctl -n fs.nr_open' }), 'kernel-files');
  assert.equal(winner({ head, name: 'proc/sys/fs/file-max' }), 'kernel-files');
  assert.equal(winner({ head, name: 'out.txt', command: 'lsof | wc -l' }), 'line-count');
  assert.equal(winner({ head, name: 'out.txt', command: 'ulimit -n' }), 'ulimit');
  assert.equal(winner({ head, name: 'out.txt' }), 'line-count');
  assert.ok(lineCount.detect({ head, name: 'out.txt' }) < 0.5, 'without a command a bare number is a weak claim');
});

test('a bare number is matched to the files the command names, in order', () => {
  const { artifact, warnings } = parseLines(kernelFiles, ['1048576', '2442976'], {
    command: 'cat /proc/sys/fs/nr_open /proc/sys/fs/file-max',
  });
  assert.equal(artifact.nrOpen?.value, 1048576);
  assert.equal(artifact.fileMax?.value, 2442976);
  assert.deepEqual(warnings, []);
});

test('a file-max of LONG_MAX (systemd 240 and later) is read as no limit, in file-max and in file-nr', () => {
  // gpustack/gpustack#5259: the worker container's host.
  assert.equal(winner({ head: ['9223372036854775807'], name: 'out.txt', command: 'cat /proc/sys/fs/file-max' }), 'kernel-files');
  assert.equal(winner({ head: ['37088\t0\t9223372036854775807'], name: 'out.txt', command: 'cat /proc/sys/fs/file-nr' }), 'kernel-files');
  assert.equal(winner({ head: ['37088\t0\t9223372036854775807'], name: 'out.txt' }), 'kernel-files');
  const max = parseLines(kernelFiles, ['9223372036854775807'], { command: 'cat /proc/sys/fs/file-max' });
  assert.equal(max.artifact.fileMax?.value, NO_FILE_LIMIT);
  assert.deepEqual(max.warnings, []);
  const nr = parseLines(kernelFiles, ['37088\t0\t9223372036854775807'], { command: 'cat /proc/sys/fs/file-nr' });
  assert.deepEqual(nr.artifact.fileNr && [nr.artifact.fileNr.allocated, nr.artifact.fileNr.max], [37088, NO_FILE_LIMIT]);
  const sysctl = parseLines(kernelFiles, ['fs.file-max = 9223372036854775807'], { command: 'sysctl fs.file-max' });
  assert.equal(sysctl.artifact.fileMax?.value, NO_FILE_LIMIT);
  // Only as a maximum: no count, and no per-process ceiling, is LONG_MAX.
  const wrong = parseLines(kernelFiles, ['9223372036854775807'], { command: 'cat /proc/sys/fs/nr_open' });
  assert.equal(wrong.artifact.nrOpen, undefined);
  assert.equal(parseLines(kernelFiles, ['12345678901234567'], { command: 'cat /proc/sys/fs/file-max' }).artifact.fileMax, undefined);
});

test('a bare number with no hint is not guessed to be file-max', () => {
  const { artifact, warnings } = parseLines(kernelFiles, ['2442976'], { file: 'x.txt' });
  assert.equal(artifact.fileMax, undefined);
  assert.equal(artifact.records, 0);
  assert.equal(warnings.length, 2);
});

test('sysctl -a: fs.* lines are found anywhere in a long file', () => {
  const real = fixtureLines('sources', 'kernel-files', 'sysctl-a-head.txt');
  const fs = real.filter((l) => l.startsWith('fs.'));
  const other = real.filter((l) => !l.startsWith('fs.'));
  const lines: string[] = [];
  while (lines.length < 5000) lines.push(...other);
  lines.push(...fs);
  assert.equal(winner({ head: lines.slice(0, 60), name: 'sos_commands/kernel/sysctl_-a', command: 'sysctl -a' }), 'kernel-files');
  const { artifact, warnings } = parseLines(kernelFiles, lines, { command: 'sysctl -a' });
  assert.equal(artifact.fileMax?.value, 2466174);
  assert.equal(artifact.fileMax?.ev.line, lines.indexOf('fs.file-max = 2466174') + 1);
  assert.deepEqual(artifact.fileNr && [artifact.fileNr.allocated, artifact.fileNr.unused, artifact.fileNr.max], [419, 0, 2466174]);
  assert.equal(artifact.nrOpen?.value, 1048576);
  assert.deepEqual(warnings, []);
});

test('line-count keeps the command and warns on a second number', () => {
  const { artifact, warnings } = parseLines(lineCount, ['75924', '12'], { command: 'lsof |wc -l' });
  assert.equal(artifact.value, 75924);
  assert.equal(artifact.command, 'lsof |wc -l');
  assert.equal(warnings.length, 1);
  const empty = parseLines(lineCount, ['lsof: command not found']);
  assert.equal(empty.artifact.records, 0);
  assert.ok(Number.isNaN(empty.artifact.value));
});

test('`| wc` with no option prints lines, words and bytes: the lines are the count (https://github.com/kubernetes/node-problem-detector/issues/297)', () => {
  const command = 'cd /proc/17224/fd && ls |wc';
  assert.equal(winner({ head: ['     47      47     132'], name: 'transcript.md', command }), 'line-count');
  const { artifact, warnings } = parseLines(lineCount, ['     47      47     132'], { command });
  assert.equal(artifact.value, 47);
  assert.deepEqual(warnings, []);
  // Three numbers under any other command are no count.
  assert.equal(lineCount.detect({ head: ['     47      47     132'], name: 'transcript.md', command: 'ls | wc -w' }), 0);
});

test("a unit's messages as the journal shows them without prefix are a log; nginx's `nginx: [emerg]` names its program (https://github.com/hestiacp/hestiacp/issues/3774)", () => {
  const lines = [
    'errors in logs :',
    'Starting nginx - high performance web server...',
    'nginx: [emerg] socket() 127.0.0.1:80 failed (24: Too many open files)',
    'nginx.service: Control process exited, code=exited, status=1/FAILURE',
    "nginx.service: Failed with result 'exit-code'.",
    'Failed to start nginx - high performance web server.',
  ];
  assert.equal(winner({ head: lines, name: 'transcript.md' }), 'app-log');
  const { artifact } = parseLines(appLog, lines, { file: 'transcript.md' });
  assert.equal(artifact.exhaustion.emfile, 1);
  assert.deepEqual(
    artifact.exhaustion.samples.map((x) => [x.program, x.pid, x.ev.line]),
    [['nginx', undefined, 3]],
  );
  // Prose that merely starts like one of systemd's lines is no log.
  assert.equal(appLog.detect({ head: ['Starting the server took a while', 'then it stopped'], name: 'notes.txt' }), 0);
});

test("Go's glog/klog header names the pid (`I0410 17:54:57.997000    3672 server.go:145] `); C++ glog's number is a thread id, no pid (https://github.com/etcd-io/zetcd/issues/43)", () => {
  const lines = [
    'I0410 17:54:57.997000    3672 server.go:145] Accept()=accept tcp [::]:2182: accept: too many open files',
    'I0410 17:54:58.062469    3672 server.go:145] Accept()=accept tcp [::]:2182: accept: too many open files',
  ];
  const { artifact } = parseLines(appLog, lines, { file: 'transcript.md' });
  assert.equal(artifact.exhaustion.emfile, 2);
  assert.deepEqual(
    artifact.exhaustion.samples.map((x) => [x.program, x.pid, x.ev.line]),
    [
      [undefined, 3672, 1],
      [undefined, 3672, 2],
    ],
  );
  assert.deepEqual(artifact.exhaustion.byPid, { 3672: 2 });
  const cpp = parseLines(appLog, ['E0410 17:54:57.997000  3690 server.cc:145] accept: Too many open files'], { file: 'x.log' });
  assert.equal(cpp.artifact.exhaustion.samples[0]?.pid, undefined);
});

test("gRPC core's glog-format lines (level letter, MMDD, time, thread id, file:line]) are a log: detected, the message quoted without the header, the thread id no pid (https://github.com/jina-ai/serve/issues/4725)", () => {
  const lines = [
    'E0429 15:10:27.741673000 4681657856 wakeup_fd_pipe.cc:39]              pipe creation failed (24): Too many open files',
    'E0429 15:10:27.744256000 4681657856 ev_poll_posix.cc:1415]             Skipping poll because of no wakeup fd.',
    'E0429 15:10:27.744857000 4681657856 ev_posix.cc:228]                   No event engine could be initialized from all',
  ];
  assert.ok(appLog.detect({ head: lines, name: 'transcript.md' }) >= 0.6);
  const { artifact } = parseLines(appLog, lines, { file: 'transcript.md' });
  assert.equal(artifact.exhaustion.emfile, 1);
  assert.equal(artifact.exhaustion.samples[0]?.pid, undefined);
  assert.equal(logMessage(lines[0]), 'pipe creation failed (24): Too many open files');
  // Not a clock: month 13.
  assert.equal(glogStamp('E1329 15:10:27.741673 1 a.cc:1] x'), null);
  assert.equal(glogStamp('I0410 17:54:57.997000    3672 server.go:145] Accept()')?.level, 'INFO');
});

test("a Go program's other loggers between its glog lines are its own: their EMFILE lines get the glog pid (https://github.com/mesosphere-backup/etcd-mesos/issues/99)", () => {
  const lines = [
    'W0411 18:52:35.436744   19305 zk.go:154] Failed to configure cluster for new instance: zk: could not connect to a server.  Backing off for 8 seconds and retrying.',
    '2016-04-11 18:52:43.437144 I | Failed to connect to 10.2.0.7:2181: dial tcp 10.2.0.7:2181: too many open files',
    '2016-04-11 18:52:43.437294 I | Failed to connect to 10.2.0.5:2181: dial tcp 10.2.0.5:2181: too many open files',
    'W0411 18:52:43.437451   19305 zk.go:154] Failed to configure cluster for new instance: zk: could not connect to a server.  Backing off for 8 seconds and retrying.',
  ];
  const { artifact } = parseLines(appLog, lines, { file: 'transcript.md' });
  assert.deepEqual(
    artifact.exhaustion.samples.map((x) => [x.pid, x.ev.line]),
    [
      [19305, 2],
      [19305, 3],
    ],
  );
  // Before any glog line, or after a line another process wrote (a syslog prefix), nothing is carried.
  const first = parseLines(appLog, [lines[1], lines[0]], { file: 'x.log' });
  assert.equal(first.artifact.exhaustion.samples[0]?.pid, undefined);
  const other = parseLines(appLog, [lines[0], 'Apr 11 18:52:40 host nginx[77]: started', lines[1]], { file: 'x.log' });
  assert.equal(other.artifact.exhaustion.samples[0]?.pid, undefined);
});

test('a log `fdleak collect` copied (`tail -c N -- FILE`) is an application log even with no level word on its lines', () => {
  // logs/tmp/accn/rust-thumbd/thumbd.log of rust-thumbd-memfd-per-render (epoch stamps, `prog[pid] thread[tid]:`): its first lines and an EMFILE one.
  const rust = [
    '1796571640.291 thumbd[26293] main[26293]: thumbd starting, 2 fetchers',
    '1796571640.293 thumbd[26293] fetch-1[26295]: started',
    '1796571640.293 thumbd[26293] fetch-2[26296]: started',
    '1796571673.064 thumbd[26293] render[26297]: job 1041: cannot render thumbnail: memfd_create: Too many open files (os error 24)',
  ];
  // logs/tmp/accn/c-timerd/timerd.log of c-scheduler-timerfd-one-thread, cut by tail at a line start.
  const c = [
    '2026-12-06 15:37:59.486 timerd[16323] worker-1[16325]: job 872 done (checksum 5708)',
    '2026-12-06 15:37:59.511 timerd[16323] worker-3[16327]: job 873 done (checksum 1643)',
    '2026-12-06 15:37:59.536 timerd[16323] worker-2[16326]: job 874 done (checksum 7551)',
    '2026-12-06 15:38:03.854 timerd[16323] scheduler[16328]: job 1021: cannot arm deadline: timerfd_create: Too many open files',
  ];
  for (const [lines, path] of [
    [rust, '/tmp/accn/rust-thumbd/thumbd.log'],
    [c, '/tmp/accn/c-timerd/timerd.log'],
  ] as const) {
    const name = `logs${path}`;
    // Its ordinary lines alone are no log fdleak knows (a stamped line that says it ran out is one, weakly).
    const ordinary = lines.slice(0, 3);
    assert.equal(winner({ head: ordinary, name }), 'none', 'by its lines alone it is no log fdleak knows');
    assert.equal(winner({ head: ordinary, name, command: `tail -c 16384 -- ${path}` }), 'app-log');
    assert.equal(winner({ head: [...lines], name, command: `tail -c 16384 -- ${path}` }), 'app-log');
    assert.equal(parseLines(appLog, [...lines], { file: name }).artifact.exhaustion.emfile, 1);
  }
  // The same command over nothing is no log.
  assert.equal(appLog.detect({ head: [''], name: 'logs/x.log', command: 'tail -c 16384 -- /x.log' }), 0);
});

test('count-table vs task-comm loop: padded, falling counts vs rising tids', () => {
  assert.equal(winner({ head: fixtureLines('sources', 'count-table', 'lsof-pid-no-command.txt'), name: 'a.txt' }), 'count-table');
  assert.equal(winner({ head: fixtureLines('sources', 'task-comm', 'for-loop-no-command.txt'), name: 'a.txt' }), 'task-comm');
  // The write-up's lsof rows (grep'd, no header) are no ps, count table or thread list.
  const lsofRows = ["java        4684      apps *280u     sock                0,6       0t0 675441359 can't identify protocol"];
  for (const p of [ps, countTable, taskComm, lineCount]) assert.equal(p.detect({ head: lsofRows, name: 'x' }), 0, p.id);
});

test('count-table keeps keys with spaces and counts rows past its cap', () => {
  const { artifact } = parseLines(countTable, ['      3 GC Thread#0', '      1 C1 CompilerThre']);
  assert.deepEqual(
    artifact.rows.map((r) => [r.count, r.key]),
    [
      [3, 'GC Thread#0'],
      [1, 'C1 CompilerThre'],
    ],
  );
  const many = Array.from({ length: 20_005 }, (_, i) => `${30_000 - i} ${i}`);
  const big = parseLines(countTable, many);
  assert.equal(big.artifact.records, 20_005);
  assert.equal(big.artifact.rows.length, 20_000);
  assert.equal(big.warnings.length, 1);
});

test('ps headers: lsof, lsfd and top headers are not ps', () => {
  assert.ok(psHeader('UID        PID  PPID  C STIME TTY          TIME CMD'));
  assert.equal(psHeader('COMMAND  PID USER   FD   TYPE             DEVICE  SIZE/OFF    NODE NAME'), undefined);
  assert.equal(psHeader('COMMAND     PID   TID TASKCMD   USER   FD      TYPE DEVICE SIZE/OFF NODE NAME'), undefined);
  assert.equal(psHeader('COMMAND PID USER ASSOC MODE TYPE SOURCE MNTID INODE NAME'), undefined);
  assert.equal(psHeader('    PID USER      PR  NI    VIRT    RES    SHR S  %CPU  %MEM     TIME+ COMMAND'), undefined);
});

test('ps rows: lstart takes five tokens, a middle comm takes the spaces', () => {
  assert.deepEqual(
    splitRow(' 5740     1 root     Wed Nov 25 18:58:18 2026 java -cp /tmp/jnt NamedThreads', ['PID', 'PPID', 'USER', 'STARTED', 'COMMAND']),
    ['5740', '1', 'root', 'Wed Nov 25 18:58:18 2026', 'java -cp /tmp/jnt NamedThreads'],
  );
  assert.deepEqual(splitRow('GC Thread#0      5740  5743', ['COMMAND', 'PID', 'TID']), ['GC Thread#0', '5740', '5743']);
  assert.equal(splitRow(' 5740 5743', ['PID', 'TID', 'NLWP']), undefined);
  assert.equal(shortName('[kworker/0:1-events]'), 'kworker/0:1-events');
  assert.equal(shortName('/usr/lib/jvm/java-17/bin/java -Xmx1g -jar app.jar'), 'java');
  // A title the program set for itself: its name before the colon (dhcpcd#316's `pgrep -lfa`).
  assert.equal(shortName('nginx: worker process'), 'nginx');
  assert.equal(shortName('dhcpcd: [manager] [ip4] [ip6]'), 'dhcpcd');
});

test('ps -o spec decides whether COMMAND is a thread name', () => {
  assert.deepEqual(outputSpec('ps -T -p 4730 -o tid,comm'), ['tid', 'comm']);
  assert.deepEqual(outputSpec('ps axo pid,lwp,args | grep -o java'), ['pid', 'lwp', 'args']);
  // Same header and same short values: only the command tells args from comm.
  const lines = ['  PID   TID COMMAND', ' 4730  4730 java', ' 4730  4783 java'];
  assert.equal(parseLines(ps, lines, { command: 'ps -eLo pid,tid,args' }).artifact.threads.length, 0);
  assert.equal(parseLines(ps, lines, { command: 'ps -eLo pid,tid,comm' }).artifact.threads.length, 2);
});

test('pgrep -a / -l rows are a process table: the pid and its command line or name (test/accuracy/cases/c-logd-dup-log-fd-strace, gh-dhcpcd-privsep-tiny-limits-netdata)', () => {
  assert.equal(pgrepList('pgrep -af logd'), 'full');
  assert.equal(pgrepList('pgrep -lfa dhcp'), 'full');
  assert.equal(pgrepList('pgrep -l nginx'), 'name');
  assert.equal(pgrepList('pgrep -f ReportD'), undefined);
  assert.equal(pgrepList('ls /proc/$(pgrep -f x)/fd'), undefined);
  const logd = ['15662 /tmp/cm159/src/logd /tmp/cm159/run/logd/logd.log'];
  assert.equal(ps.detect({ head: logd, name: 'x', command: 'pgrep -af logd' }), 0.9);
  // Without the command the same row is nobody's ps row.
  assert.equal(ps.detect({ head: logd, name: 'x' }), 0);
  const full = parseLines(ps, logd, { command: 'pgrep -af logd' }).artifact.processes;
  assert.deepEqual(
    full.map((p) => [p.pid, p.command, p.cmdline]),
    [[15662, 'logd', '/tmp/cm159/src/logd /tmp/cm159/run/logd/logd.log']],
  );
  // https://github.com/NetworkConfiguration/dhcpcd/issues/316: `-lfa`, the -a wins: command lines.
  const dhcp = [
    '820793 dhcpcd: [manager] [ip4] [ip6]                                                  ',
    '820794 dhcpcd: [privileged proxy]                                                     ',
  ];
  const procs = parseLines(ps, dhcp, { command: 'pgrep -lfa dhcp' }).artifact.processes;
  assert.deepEqual(
    procs.map((p) => [p.pid, p.cmdline?.trim()]),
    [
      [820793, 'dhcpcd: [manager] [ip4] [ip6]'],
      [820794, 'dhcpcd: [privileged proxy]'],
    ],
  );
  const named = parseLines(ps, ['26575 java'], { command: 'pgrep -l java' }).artifact.processes;
  assert.deepEqual(
    named.map((p) => [p.pid, p.command]),
    [[26575, 'java']],
  );
});

test('ps -ef rows without a header are recognised by their shape', () => {
  const rows = [
    'root      5740     1  1 18:58 ?        00:00:00 java -cp /tmp/jnt NamedThreads',
    'root      5963  2722  0 18:58 ?        00:00:00 grep java',
  ];
  assert.equal(winner({ head: rows, name: 'x.txt' }), 'ps');
  const { artifact } = parseLines(ps, rows, { command: 'ps -ef | grep java' });
  assert.equal(artifact.variant, 'ef');
  assert.deepEqual(
    artifact.processes.map((p) => [p.pid, p.ppid, p.command]),
    [[5740, 1, 'java']],
  );
});

test('jstack: JDK 8 header (no cpu/elapsed), names with quotes, the last of several dumps', () => {
  // The JDK 8 layout as documented for HotSpot 25.x: no cpu=, elapsed=, [tid].
  const h = threadHeader(
    '"http-nio-8080-exec-1" #27 daemon prio=5 os_prio=0 tid=0x00007f3c3c0f8800 nid=0x12af waiting on condition [0x00007f3c0d6f5000]',
  );
  assert.deepEqual(h && [h.tid, h.name, h.daemon], [0x12af, 'http-nio-8080-exec-1', true]);
  const q = threadHeader('"say "hi"" #9 prio=5 os_prio=0 tid=0x1 nid=0x10 runnable');
  assert.equal(q?.name, 'say "hi"');
  const dump = fixtureLines('sources', 'jstack', 'jdk17.txt');
  const { artifact, warnings } = parseLines(jstack, [...dump, ...dump.slice(0, 23)], { command: 'kill -3 5740' });
  assert.equal(artifact.pid, 5740);
  assert.deepEqual(
    artifact.threads.map((t) => t.name),
    ['main', 'Reference Handler'],
  );
  assert.equal(artifact.threads[0].ev.line, dump.length + 13);
  assert.equal(warnings.length, 1);
});

test('limits: /proc/PID/limits pid from a sosreport path or a proc-PID-limits.txt name; ulimit lines of other shells', () => {
  const lines = fixtureLines('sources', 'proc-limits', 'java.txt');
  assert.equal(parseLines(procLimits, lines, { file: 'sosreport-h-2024/proc/4730/limits' }).artifact.pid, 4730);
  // The name `fdleak collect` saves it under (round 154's Go bundles were saved the same way).
  assert.equal(parseLines(procLimits, lines, { file: 'bundle/proc-18424-limits.txt' }).artifact.pid, 18424);
  assert.equal(parseLines(procLimits, lines, { file: 'bundle/segstore-limits.txt' }).artifact.pid, undefined);
  assert.equal(winner({ head: lines, name: 'limits' }), 'proc-limits');
  const u = parseLines(ulimit, ['open files                      (-n) unlimited', '-u: processes    4096']);
  assert.equal(u.artifact.openFiles?.soft, null);
  assert.equal(u.artifact.maxProcesses?.soft, 4096);
});

// isaki68k/sayaka#63: NetBSD sh's `ulimit -a`, the flag first in its parentheses (the reporter's
// full-width mark after the nofiles row is taken off with the transcript's other notes).
test("ulimit -a of NetBSD's sh: '(-n descriptors)' names the limit by its flag", async () => {
  const lines = [
    'time          (-t seconds    )    unlimited',
    'coredump      (-c blocks     )    unlimited',
    'process       (-p processes  )          160',
    'nofiles       (-n descriptors)          128',
  ];
  assert.equal(winner({ head: lines, name: 'out.txt', command: 'ulimit -a' }), 'ulimit');
  const u = parseLines(ulimit, lines);
  assert.equal(u.artifact.openFiles?.soft, 128);
  assert.equal(u.artifact.maxProcesses?.soft, 160);
  const r = (await analyzeBundle(join(CASES_DIR, 'gh-sayaka-netbsd-ulimit-nofiles-128-fetch-image-emfile-ja', 'transcript.md'))).result;
  assert.equal(r.sources.find((x) => x.command === 'ulimit -a')?.kind, 'ulimit');
});

// elastic/beats#5391 (test/accuracy/cases/gh-filebeat-find-proc-fd-ls-two-deleted-negative): the
// rows of `find /proc/*/fd -ls`, inode and block count first, the blank before `(deleted)` escaped.
test('`find /proc/*/fd -ls` rows are fd links of the pid their path names', () => {
  const head = [
    ' 14327    0 lrwx------   1 xxx     xxx           64 Oct 13 13:23 /proc/1079/fd/7 -> /tmp/ffi4PXrM7\\ (deleted)',
    ' 15953    0 l-wx------   1 xxx    xxx            64 Oct 13 13:23 /proc/1265/fd/3 -> /var/log/temp.log\\ (deleted)',
  ];
  assert.equal(winner({ head, name: 'transcript.md' }), 'proc-fd');
  const { artifact } = parseLines(procFd, head, { file: 'find.txt' });
  const byPid = new Map(artifact.holders.map((h) => [h.pid, [...h.entries]]));
  assert.deepEqual(
    byPid.get(1079)?.map((e) => [e.fd, e.name]),
    [['7', '/tmp/ffi4PXrM7 (deleted)']],
  );
  assert.deepEqual(
    byPid.get(1265)?.map((e) => [e.fd, e.name]),
    [['3', '/var/log/temp.log (deleted)']],
  );
  // A name's escaped backslash is one backslash; an ls -l row is read as before.
  const { artifact: plain } = parseLines(procFd, ['lrwx------ 1 root root 64 Oct 13 13:23 /proc/9/fd/4 -> /tmp/a\\ b'], { file: 'ls.txt' });
  assert.equal([...plain.holders[0].entries][0].name, '/tmp/a\\ b');
  const { artifact: found } = parseLines(procFd, [' 1 0 lrwx------ 1 root root 64 Oct 13 13:23 /proc/9/fd/4 -> /tmp/a\\\\b\\ c'], {
    file: 'find.txt',
  });
  assert.equal([...found.holders[0].entries][0].name, '/tmp/a\\b c');
});
