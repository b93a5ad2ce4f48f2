// The analysis on real captures: each strace shape of the Java CAT-style leak names the leaking
// thread, the log fd, its path and the log message; the C programs show the fork/cloexec race and
// what the children do with the copies; the Java one, a JVM's children closing every copy.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { fixtureLines, fixturePath } from '../helpers.js';
import { parseLines } from '../../src/sources/run.js';
import { strace } from '../../src/sources/strace.js';
import { appLog } from '../../src/sources/app-log.js';
import { analyzeStrace, type StraceInput } from '../../src/model/strace/analyze.js';
import type { CloexecRace, FdPathInfo, StraceAnalysis, StraceContext } from '../../src/model/strace/types.js';
import { SETTLE_SECONDS } from '../../src/model/strace/lifecycle.js';
import type { EvidenceRef } from '../../src/types.js';

const JAVA = 'strace/java-cat-leak';
const meta = JSON.parse(readFileSync(fixturePath(JAVA, 'meta.json'), 'utf8')) as {
  pid: number;
  leakTid: number;
  forkTid: number;
  captureDate: string;
  timezone: string;
  logPath: string;
};
const logName = meta.logPath.split('/').pop()!;

function input(...parts: string[]): StraceInput {
  const file = parts.join('/');
  const { artifact, warnings } = parseLines(strace, fixtureLines(...parts), { file });
  assert.deepEqual(warnings, [], `warnings for ${file}`);
  return { file, artifact };
}

/** Names from the jstack taken with the capture: `"Cat-ChannelManager" #19 prio=5 ... nid=0x2189`. */
function jstackNames(): Map<number, { name: string }> {
  const names = new Map<number, { name: string }>();
  for (const l of fixtureLines(JAVA, 'jstack.txt')) {
    const m = /^"([^"]+)".* nid=0x([0-9a-f]+)/.exec(l);
    if (m) names.set(parseInt(m[2], 16), { name: m[1] });
  }
  return names;
}

/** `ls -l /proc/PID/fd`: `l-wx------ 1 root root 64 Nov 25 19:10 4 -> /tmp/.../cat_20261125.log`. */
function procFdPaths(): Map<number, Map<number, FdPathInfo>> {
  const fds = new Map<number, FdPathInfo>();
  fixtureLines(JAVA, 'proc-fd.txt').forEach((l, i) => {
    const m = / (\d+) -> (.+)$/.exec(l);
    if (m) fds.set(Number(m[1]), { path: m[2], source: 'proc-fd', ev: { file: `${JAVA}/proc-fd.txt`, line: i + 1 } });
  });
  return new Map([[meta.pid, fds]]);
}

function javaContext(extra: Partial<StraceContext> = {}): StraceContext {
  const file = `${JAVA}/${logName}`;
  const log = parseLines(appLog, fixtureLines(JAVA, logName), { file }).artifact;
  return {
    pid: meta.pid,
    threadNames: jstackNames(),
    logs: [{ file, path: meta.logPath, artifact: log }],
    captureDate: meta.captureDate,
    timezone: meta.timezone,
    ...extra,
  };
}

/** Every cited line must say what the evidence claims it says. */
function assertEvidenceReal(evidence: EvidenceRef[]): void {
  for (const ev of evidence) {
    const lines = fixtureLines(...ev.file.split('/'));
    assert.ok(ev.line >= 1 && ev.line <= lines.length, `${ev.file}:${ev.line} exists`);
    if (ev.text !== undefined)
      assert.equal(ev.text.replace(/\.\.\.$/, ''), lines[ev.line - 1].slice(0, ev.text.replace(/\.\.\.$/, '').length));
  }
}

function assertCatRootCause(a: StraceAnalysis, pathSource: FdPathInfo['source']): void {
  const rc = a.rootCause;
  assert.ok(rc, 'a root cause');
  assert.equal(rc.pid, meta.pid);
  assert.equal(rc.tid, meta.leakTid);
  assert.equal(rc.fd, 4);
  assert.equal(rc.path, meta.logPath);
  assert.equal(rc.message, '[ERROR] [ChannelManager] Error when try connecting to /127.0.0.1:2280');
  assert.match(
    rc.statement,
    new RegExp(`^Thread ${meta.leakTid} "Cat-ChannelManager" of pid ${meta.pid} created \\d+ sockets it never closed`),
  );
  assert.match(rc.statement, /connect\(127\.0\.0\.1:2280\) = -1 EINPROGRESS → SO_ERROR ECONNREFUSED → \(no close\)/);
  assert.equal(a.fdLog[0].pathSource, pathSource);
  assert.ok(a.fdLog[0].matchingLines.length > 0, 'written lines found in the bundle log');
  assert.ok(a.fdLog[0].matchingLines.every((m) => m.file.endsWith(logName)));
  assertEvidenceReal(rc.evidence);
  const top = a.leaks[0];
  assert.equal(top.tid, meta.leakTid);
  assert.equal(top.threadName, 'Cat-ChannelManager');
  assert.equal(
    top.signature,
    'socket(AF_INET, SOCK_STREAM) → connect(127.0.0.1:2280) = -1 EINPROGRESS → SO_ERROR ECONNREFUSED → (no close)',
  );
  assert.ok(top.count >= 3, `several leaks (${top.count})`);
  assertEvidenceReal(top.evidence);
}

test('java -f -tt -T -y: thread, fd 4, log path and message; times aligned with the log', () => {
  const inp = input(JAVA, 'f-tt-T-y.strace');
  assert.deepEqual(inp.artifact.shape, { pidPrefix: 'column', timeBase: 'clock', durations: true, fdPaths: true, truncatedStrings: true });
  const a = analyzeStrace([inp], javaContext());
  assertCatRootCause(a, 'strace-y');
  const top = a.leaks[0];
  // 8 sockets in the 1.57 s window, one every ~200 ms.
  assert.equal(top.count, 8);
  assert.ok(top.perMinute !== null && top.perMinute > 250 && top.perMinute < 350, String(top.perMinute));
  assert.match(a.fdLog[0].alignment ?? '', /taken as the host's local time \(Etc\/UTC\) on 2026-11-25/);
  assert.ok(a.fdLog[0].errorsNearLeaks.length >= 8, 'log errors around the leak times');
  // The capture-quality list says nothing is missing but notes cut strings.
  assert.deepEqual(
    a.quality.map((q) => q.id),
    ['truncated-strings', 'unfinished-at-end'],
  );
  assert.ok(a.leaksOverTime.some((b) => b.tid === meta.leakTid && b.count > 0));
  // Ops-Runner forks (clone3 CLONE_VM|CLONE_VFORK, no CLONE_FILES): the leaked sockets, never
  // close-on-exec, are copied into the child.
  const exposed = a.cloexecRaces.filter((r) => r.creatorTid === meta.leakTid);
  assert.ok(exposed.length > 0);
  assert.ok(exposed.every((r) => r.kind === 'never-set' && r.forkTid === meta.forkTid));
});

test('java -f -ttt and -f -r and -f (no times): the same answer, path from /proc/PID/fd', () => {
  for (const [name, base] of [
    ['f-ttt', 'epoch'],
    ['f-r', 'relative'],
    ['f-notime', 'none'],
  ] as const) {
    const inp = input(JAVA, `${name}.strace`);
    assert.equal(inp.artifact.shape.timeBase, base, name);
    assert.equal(inp.artifact.shape.fdPaths, false, name);
    const a = analyzeStrace([inp], javaContext({ fdPaths: procFdPaths() }));
    assertCatRootCause(a, 'proc-fd');
    if (base !== 'epoch')
      assert.ok(
        a.quality.some((q) => q.id === (base === 'none' ? 'no-times' : 'relative-times')),
        name,
      );
  }
});

test('java strace -f to stderr: [pid N] prefixes and strace: lines', () => {
  const inp = input(JAVA, 'stderr.strace');
  assert.equal(inp.artifact.shape.pidPrefix, 'bracket');
  assert.equal(inp.artifact.attached[0], meta.pid);
  // No pid given: the `Process N attached` line supplies it.
  const a = analyzeStrace([inp], javaContext({ pid: undefined }));
  assertCatRootCause(a, 'strace-y');
});

test('java -ff: one file per thread, tid from the name, merged by time', () => {
  const files = readdirSync(fixturePath(JAVA, 'ff')).sort();
  const inputs = files.map((f) => input(JAVA, 'ff', f));
  for (const i of inputs) {
    assert.equal(i.artifact.shape.pidPrefix, 'file-suffix');
    assert.equal(i.artifact.fileTid, Number(i.file.split('.').pop()));
  }
  const a = analyzeStrace(inputs, javaContext());
  assertCatRootCause(a, 'strace-y');
  assert.ok(a.threads.some((t) => t.tid === meta.forkTid && t.forks > 0));
});

test('c-cloexec-race: forks between socket()/open() and fcntl(FD_CLOEXEC), and children without exec', () => {
  const inp = input('strace', 'c-cloexec-race', 'race-f-tt-T-y.strace');
  const lines = fixtureLines('strace', 'c-cloexec-race', 'race-f-tt-T-y.strace');
  const raceMeta = JSON.parse(readFileSync(fixturePath('strace', 'c-cloexec-race', 'meta.json'), 'utf8')) as { dataFile: string };
  const tidOf = (re: RegExp) => Number(lines.find((l) => re.test(l))!.split(' ')[0]);
  const opener = tidOf(/ socket\(AF_INET/);
  const spawner = tidOf(/ clone\(child_stack=NULL/);
  const a = analyzeStrace([inp], { captureDate: '2026-11-25', timezone: 'Etc/UTC' });
  const races = a.cloexecRaces.filter((r) => r.kind === 'race');
  assert.ok(races.length >= 10, `races: ${races.length}`);
  for (const r of races) {
    assert.equal(r.creatorTid, opener);
    assert.equal(r.forkTid, spawner);
    assert.ok(r.gap !== null && r.gap >= 0 && r.gap < 0.005, `gap ${r.gap}`);
    assert.ok(r.setAfter !== null && r.setAfter > 0, `set after ${r.setAfter}`);
    // The create, the fork, the FD_CLOEXEC, and the child's line that decides (none when not shown).
    assert.equal(r.evidence.length, r.outcome === 'unknown' ? 3 : 4);
    assertEvidenceReal(r.evidence);
  }
  assert.ok(races.some((r) => r.fd === 3 && /^socket:\[\d+\]$/.test(r.path ?? '')));
  assert.ok(races.some((r) => r.fd === 4 && r.path === raceMeta.dataFile));
  const outcomes: Record<string, number> = {};
  for (const r of races) outcomes[r.outcome] = (outcomes[r.outcome] ?? 0) + 1;
  assert.deepEqual(outcomes, { kept: 34, 'no-exec': 12, 'exec-closed': 1, unknown: 2 });
  // The /bin/true children exec with the copies open and never close them: the child's execve decides.
  for (const r of races.filter((x) => x.outcome === 'kept'))
    assert.match(decisive(r, lines), new RegExp(`^${r.child} .* execve\\("/bin/true"`));
  // One FD_CLOEXEC completed while the clone was in flight: after execve the child's loader got fd 3 back.
  const won = races.find((r) => r.outcome === 'exec-closed')!;
  assert.match(won.evidence[3].text ?? '', new RegExp(`^${won.child} .* openat\\(.*"/etc/ld.so.cache".* = 3<`));
  // The last child forked before the 1,500 lines kept end has no line past its fork.
  assert.ok(races.filter((r) => r.outcome === 'unknown').every((r) => r.child === Math.max(...races.map((x) => x.child ?? 0))));
  // Every fourth child exits without execve and holds what it inherited.
  assert.ok(a.nonExecChildren.length >= 5);
  // They hold the socket (3) and the file (4) copied during the window (stdio was open before it).
  assert.ok(a.nonExecChildren.every((c) => c.forkTid === spawner && c.exited && c.fds.join() === '3,4'));
  // The opener closes what it opens: no recurring leak. The root cause is the inheritance.
  assert.equal(a.rootCause?.basis, 'inherited');
  assert.ok(a.leaks.every((l) => l.spread === 1));
});

/** How many copies had each fate. */
function fates(a: StraceAnalysis): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of a.cloexecRaces) out[r.outcome] = (out[r.outcome] ?? 0) + 1;
  return out;
}

/** The call on line `at` (1-based); a `<... resumed>` line joined to its `<unfinished ...>` start. */
function callAt(lines: string[], at: number): string {
  const line = lines[at - 1];
  const tid = line.split(' ')[0];
  if (!/ <\.\.\. \w+ resumed>/.test(line)) return line;
  for (let i = at - 2; i >= 0; i--)
    if (lines[i].startsWith(`${tid} `) && lines[i].endsWith('<unfinished ...>')) return `${lines[i]} ${line}`;
  return line;
}

/** The call that decides what the child did with its copy (the last evidence line). */
function decisive(r: CloexecRace, lines: string[]): string {
  return callAt(lines, r.evidence[r.evidence.length - 1].line);
}

test('c-cloexec-race with /bin/sleep 30 helpers: children still holding their copies when the capture ends kept them', () => {
  const file = ['strace', 'c-cloexec-race', 'race-sleep-f-tt-T-y.strace'];
  const lines = fixtureLines(...file);
  const a = analyzeStrace([input(...file)]);
  assert.deepEqual(fates(a), { kept: 9, 'exec-closed': 1, 'no-exec': 2, unknown: 2 });
  for (const r of a.cloexecRaces) assertEvidenceReal(r.evidence);
  for (const r of a.cloexecRaces.filter((x) => x.outcome === 'kept')) {
    assert.match(decisive(r, lines), new RegExp(`^${r.child} .* execve\\("/bin/sleep"`));
    assert.ok(!lines.some((l) => l.startsWith(`${r.child} `) && / \+\+\+ /.test(l)), `child ${r.child} is still running at the end`);
  }
  // The last helper execed within SETTLE_SECONDS of the end: whether it keeps them is not shown.
  const last = Number(lines[lines.length - 1].split(' ')[1].split(':')[2]);
  for (const r of a.cloexecRaces.filter((x) => x.outcome === 'unknown')) {
    const exec = lines.find((l) => l.startsWith(`${r.child} `) && / execve\(/.test(l))!;
    assert.ok(last - Number(exec.split(' ')[1].split(':')[2]) < SETTLE_SECONDS, exec);
  }
});

test('c-cloexec-race traced without -f: no line of any child, so every copy is unknown and no child is shown never execing', () => {
  const a = analyzeStrace([input('strace', 'c-cloexec-race', 'race-nof-tt-T-y.strace')]);
  assert.ok(a.cloexecRaces.length >= 20, String(a.cloexecRaces.length));
  assert.ok(a.cloexecRaces.every((r) => r.outcome === 'unknown' && !r.childTraced && r.evidence.length === 3));
  assert.deepEqual(a.nonExecChildren, []);
});

test('c-close-range: close_range(3, ~0U, 0) after fork closes every copy before execve; with CLOSE_RANGE_CLOEXEC, the execve does', () => {
  for (const [name, fate] of [
    ['close', 'closed'],
    ['cloexec', 'exec-closed'],
  ] as const) {
    const file = ['strace', 'c-close-range', `${name}-f-tt-T-y.strace`];
    const lines = fixtureLines(...file);
    const a = analyzeStrace([input(...file)]);
    assert.ok(a.cloexecRaces.length >= 10, `${name}: ${a.cloexecRaces.length}`);
    assert.deepEqual(Object.keys(fates(a)), [fate], name);
    for (const r of a.cloexecRaces) {
      assertEvidenceReal(r.evidence);
      const line = decisive(r, lines);
      if (fate === 'closed') {
        assert.ok(r.closedBeforeExec);
        assert.match(line, new RegExp(`^${r.child} .* close_range\\(3, 4294967295, 0`));
      } else {
        assert.match(line, new RegExp(`^${r.child} .* execve\\("/bin/true"`));
        assert.ok(lines.some((l) => new RegExp(`^${r.child} .* close_range\\(3, 4294967295, CLOSE_RANGE_CLOEXEC`).test(l)));
      }
    }
  }
});

test('java ProcessBuilder, POSIX_SPAWN (jspawnhelper) and VFORK: the child closes every copy before it execs the command', () => {
  for (const name of ['posix-spawn', 'vfork']) {
    const file = ['strace', 'java-processbuilder', `${name}-f-tt-T-y.strace`];
    const lines = fixtureLines(...file);
    const a = analyzeStrace([input(...file)]);
    assert.ok(a.cloexecRaces.length >= 20, `${name}: ${a.cloexecRaces.length}`);
    assert.deepEqual(fates(a), { closed: a.cloexecRaces.length }, name);
    for (const r of a.cloexecRaces) {
      assertEvidenceReal(r.evidence);
      assert.ok(r.closedBeforeExec, `${name}: fd ${r.fd} of child ${r.child}`);
      const at = r.evidence[r.evidence.length - 1].line;
      assert.match(callAt(lines, at), new RegExp(`^${r.child} .* close\\(${r.fd}<`));
      // jspawnhelper closes after its own execve, then execs /bin/true; the vforked child closes, then execs.
      const execs = lines.map((l, i) => [l, i + 1] as const).filter(([l]) => l.startsWith(`${r.child} `) && / execve\(/.test(l));
      const helper = execs.find(([l]) => /jspawnhelper/.test(l));
      assert.equal(helper !== undefined, name === 'posix-spawn', name);
      if (helper) assert.ok(helper[1] < at);
      assert.ok(
        execs.some(([l, n]) => /execve\("\/bin\/true"/.test(l) && n > at),
        `${name}: child ${r.child} execs /bin/true after the close`,
      );
    }
  }
});
