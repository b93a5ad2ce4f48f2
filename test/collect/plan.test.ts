import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildPlan, shellJoin, type PlanInput } from '../../src/collect/plan.js';
import { ptraceBlocker, type Tools } from '../../src/collect/host.js';

const ALL: Tools = {
  ss: '/usr/bin/ss',
  netstat: '/usr/bin/netstat',
  lsof: '/usr/bin/lsof',
  strace: '/usr/bin/strace',
  ps: '/usr/bin/ps',
  ls: '/usr/bin/ls',
  jstack: '/usr/bin/jstack',
  bash: '/usr/bin/bash',
  sh: '/usr/bin/sh',
  tar: '/usr/bin/tar',
  timeout: '/usr/bin/timeout',
};
const ROOT = { root: true, ptraceCap: true, ptraceScope: 1 };

function input(over: Partial<PlanInput> = {}): PlanInput {
  return {
    pid: 25204,
    tools: ALL,
    privileges: ROOT,
    hostLsof: true,
    straceSeconds: 10,
    java: false,
    timeoutMs: 60_000,
    slowTimeoutMs: 300_000,
    logGlobs: [],
    logBytes: 1 << 20,
    ...over,
  };
}
const files = (p: ReturnType<typeof buildPlan>): string[] => p.captures.map((c) => c.file);
const without = (...names: (keyof Tools)[]): Tools =>
  Object.fromEntries(Object.entries(ALL).filter(([k]) => !names.includes(k as keyof Tools)));

test('full plan on a root host: every capture of the issue, cheap host-wide first, host lsof last', () => {
  const p = buildPlan(input());
  assert.deepEqual(files(p), [
    'fd-counts.txt',
    'proc-net-sockstat.txt',
    'proc-net-sockstat6.txt',
    'ss-s.txt',
    'ss-tanp.txt',
    'netstat-antp.txt',
    'file-max.txt',
    'file-nr.txt',
    'ulimit-a.txt',
    'ps-auxww.txt',
    'proc-25204-limits.txt',
    'ps-T-25204.txt',
    'task-comm-25204.txt',
    'ls-l-proc-25204-fd.txt',
    'lsof-p-25204.txt',
    'strace-25204.txt',
    'logs/',
    'lsof-host.txt',
  ]);
  assert.deepEqual(p.missing, []);
  const byFile = new Map(p.captures.map((c) => [c.file, c]));
  assert.equal(byFile.get('lsof-p-25204.txt')!.command, 'lsof -n -P -p 25204');
  assert.equal(byFile.get('ps-T-25204.txt')!.command, 'ps -T -p 25204 -o pid,tid,comm');
  assert.equal(byFile.get('task-comm-25204.txt')!.command, 'grep . /proc/25204/task/*/comm');
  assert.equal(byFile.get('ulimit-a.txt')!.command, 'ulimit -a');
  assert.deepEqual(byFile.get('ulimit-a.txt')!.action, { kind: 'exec', argv: ['/usr/bin/bash', '-c', 'ulimit -a'], timeoutMs: 60_000 });
  const strace = byFile.get('strace-25204.txt')!;
  assert.equal(strace.command, 'timeout -s INT 10 strace -f -tt -T -y -s 256 -p 25204 -o strace-25204.txt');
  assert.deepEqual(strace.action, {
    kind: 'strace',
    seconds: 10,
    argv: [
      '/usr/bin/timeout',
      '-s',
      'INT',
      '-k',
      '10',
      '15',
      '/usr/bin/strace',
      '-f',
      '-tt',
      '-T',
      '-y',
      '-s',
      '256',
      '-p',
      '25204',
      '-o',
      'strace-25204.txt',
    ],
  });
  const bare = buildPlan(input({ tools: without('timeout') })).captures.find((c) => c.file === 'strace-25204.txt')!;
  assert.equal((bare.action as { argv: string[] }).argv[0], '/usr/bin/strace', 'without timeout, collect alone bounds strace');
  assert.equal(
    byFile.get('lsof-host.txt')!.action.kind === 'exec' && (byFile.get('lsof-host.txt')!.action as { timeoutMs: number }).timeoutMs,
    300_000,
  );
  for (const c of p.captures.filter((c) => c.file.includes('25204'))) assert.equal(c.pid, 25204, c.file);
});

test('no pid: host-wide captures only', () => {
  const p = buildPlan(input({ pid: undefined }));
  assert.ok(
    files(p).every((f) => !/\d/.test(f.replace('sockstat6', ''))),
    files(p).join(' '),
  );
  assert.ok(files(p).includes('lsof-host.txt'));
});

test('lsof and netstat hidden: /proc listing and ss stand in, and both are recorded as missing', () => {
  const p = buildPlan(input({ tools: without('lsof', 'netstat') }));
  assert.ok(files(p).includes('ls-l-proc-25204-fd.txt'));
  assert.ok(!files(p).some((f) => f.startsWith('lsof') || f.startsWith('netstat')));
  assert.deepEqual(
    p.missing.map((m) => m.what),
    ['netstat -antp', 'lsof -n -P -p 25204', 'lsof -n -P (whole host)'],
  );
  assert.match(p.missing[0].reason, /ss-tanp\.txt lists the same connection table/);
  assert.match(p.missing[1].reason, /ls-l-proc-25204-fd\.txt/);
  assert.match(p.missing[2].reason, /fd-counts\.txt/);
});

test('neither ss nor netstat: the raw /proc/net/tcp tables are copied', () => {
  const p = buildPlan(input({ tools: without('ss', 'netstat') }));
  assert.ok(files(p).includes('proc-net-tcp.txt') && files(p).includes('proc-net-tcp6.txt'));
  assert.deepEqual(
    p.missing.map((m) => m.what),
    ['ss -s', 'ss -tanp', 'netstat -antp'],
  );
});

test('strace: missing tool, disabled, or ptrace not allowed each say why and give the command to run by hand', () => {
  const noTool = buildPlan(input({ tools: without('strace') }));
  assert.ok(!files(noTool).includes('strace-25204.txt'));
  assert.equal(noTool.missing[0].reason, 'strace not installed');
  assert.equal(noTool.missing[0].command, 'timeout -s INT 30 strace -f -tt -T -y -s 256 -p 25204 -o strace-25204.txt');
  assert.equal(buildPlan(input({ straceSeconds: 0 })).missing[0].reason, 'disabled (--strace-seconds 0)');
  const user = buildPlan(input({ privileges: { root: false, ptraceCap: false, ptraceScope: 1 }, sameUser: true }));
  assert.match(
    user.missing[0].reason,
    /not root and no CAP_SYS_PTRACE, and kernel.yama.ptrace_scope=1 allows attaching only to descendants/,
  );
  assert.match(user.captures.find((c) => c.file === 'fd-counts.txt')!.note!, /only processes of this user/);
  const own = buildPlan(input({ privileges: { root: false, ptraceCap: false, ptraceScope: 0 }, sameUser: true }));
  assert.ok(files(own).includes('strace-25204.txt'), 'an unprivileged user may trace its own process under scope 0');
  const locked = buildPlan(input({ privileges: { root: true, ptraceCap: true, ptraceScope: 3 } }));
  assert.match(locked.missing[0].reason, /ptrace_scope=3 forbids every ptrace attach/);
});

test('ptrace blocker by privilege, owner and Yama scope', () => {
  assert.equal(ptraceBlocker({ root: true, ptraceCap: true, ptraceScope: 2 }, false), null);
  assert.equal(ptraceBlocker({ root: false, ptraceCap: true, ptraceScope: 2 }, false), null, 'CAP_SYS_PTRACE is enough');
  assert.match(ptraceBlocker({ root: false, ptraceCap: false, ptraceScope: 0 }, false)!, /same user/);
  assert.equal(ptraceBlocker({ root: false, ptraceCap: false, ptraceScope: 0 }, true), null, 'classic rules: own processes');
  assert.equal(ptraceBlocker({ root: false, ptraceCap: false, ptraceScope: null }, true), null, 'no Yama: own processes');
  assert.match(ptraceBlocker({ root: false, ptraceCap: false, ptraceScope: 1 }, true)!, /only to descendants/);
});

test('JVM suspect: jstack run as the JVM owner, preferring the JDK beside the JVM; missing when absent', () => {
  const p = buildPlan(input({ java: true, jstack: '/opt/jdk/bin/jstack' }));
  const j = p.captures.find((c) => c.file === 'jstack-25204.txt')!;
  assert.deepEqual(j.action, { kind: 'exec', argv: ['/opt/jdk/bin/jstack', '25204'], timeoutMs: 60_000, asOwnerOf: 25204 });
  assert.equal(j.command, 'jstack 25204');
  assert.ok(files(p).indexOf('jstack-25204.txt') < files(p).indexOf('strace-25204.txt'), 'thread dump before the trace');
  const none = buildPlan(input({ java: true, tools: without('jstack') }));
  assert.match(none.missing[0].reason, /JVM but no jstack/);
  assert.ok(!files(buildPlan(input())).includes('jstack-25204.txt'), 'no jstack for a non-JVM');
});

test('--no-host-lsof drops the slow whole-host lsof; --logs globs reach the log capture', () => {
  const p = buildPlan(input({ hostLsof: false, logGlobs: ['/data/applogs/**'] }));
  assert.ok(!files(p).includes('lsof-host.txt'));
  const logs = p.captures.find((c) => c.file === 'logs/')!;
  assert.deepEqual(logs.action, { kind: 'log-tails', pid: 25204, globs: ['/data/applogs/**'], maxBytes: 1 << 20 });
});

test('shellJoin quotes only what a shell would need quoted', () => {
  assert.equal(shellJoin(['ls', '-l', '/proc/1/fd']), 'ls -l /proc/1/fd');
  assert.equal(shellJoin(['sh', '-c', "echo 'hi' there"]), `sh -c 'echo '\\''hi'\\'' there'`);
});
