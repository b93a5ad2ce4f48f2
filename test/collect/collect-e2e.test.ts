// End to end on this machine: a real leaking program, the real tools, the collect CLI.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { IN_CI } from '../helpers.js';
import { findTool } from '../../src/collect/host.js';
import type { BundleManifest } from '../../src/collect/manifest.js';
import { startLeaker, type Leaker } from './leaker.js';
import { analyzeBundle } from '../../src/analysis.js';

// Compiled beside this test, whichever dist folder the build wrote.
const CLI = fileURLToPath(new URL('./cli-entry.js', import.meta.url));
const needs = ['strace', 'python3', 'ss', 'ps', 'tar'].filter((t) => !findTool(t));
const skip =
  !IN_CI && (needs.length > 0 || process.getuid?.() !== 0) ? `needs root and ${needs.join(', ') || 'nothing else'} (runs in CI)` : false;

let work: string;
let leaker: Leaker;

before(async () => {
  if (skip) return;
  work = mkdtempSync(join(tmpdir(), 'fdleak-collect-e2e-'));
  // 20 ms between leaks: ~50 sockets a second, so it out-leaks anything else on the host for --auto.
  leaker = await startLeaker(join(work, 'applogs', 'cat'), 0.02, 80);
});

after(async () => {
  if (skip) return;
  // undefined when it did not start: its own error says why.
  await leaker?.stop();
  assert.equal(leaker.alive(), false, 'the leaker is stopped by its pid');
  rmSync(work, { recursive: true, force: true });
});

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function fdleak(args: string[], env: NodeJS.ProcessEnv = process.env): Promise<Run> {
  return new Promise((resolveRun) => {
    const child = spawn(process.execPath, [CLI, ...args], { env, cwd: work });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c));
    child.stderr.on('data', (c: Buffer) => (stderr += c));
    child.on('close', (code) => resolveRun({ code, stdout, stderr }));
  });
}

const readManifest = (dir: string): BundleManifest => JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));

function assertFilesMatchManifest(dir: string, m: BundleManifest): void {
  for (const f of m.files) {
    assert.ok(existsSync(join(dir, f.path)), `${f.path} is in the manifest and on disk`);
    assert.match(f.startedAt, /[+-]\d\d:\d\d$/);
    assert.ok(Date.parse(f.endedAt) >= Date.parse(f.startedAt), `${f.path} ends after it starts`);
  }
}

/** The Cat-ChannelManager thread's tid, from the captured thread names. */
function leakingTid(dir: string, pid: number): number {
  const text = readFileSync(join(dir, `task-comm-${pid}.txt`), 'utf8');
  const m = new RegExp(`^/proc/${pid}/task/(\\d+)/comm:Cat-ChannelMana$`, 'm').exec(text);
  assert.ok(m, `Cat-ChannelManager in task-comm-${pid}.txt:\n${text}`);
  return Number(m[1]);
}

/** What the analysis of a collected bundle must conclude: the leaker, its leaking thread, its log and message. */
async function assertDiagnosis(bundle: string, pid: number, tid: number): Promise<void> {
  const { result } = await analyzeBundle(bundle);
  assert.equal(result.verdict, 'leak');
  assert.equal(result.suspects[0]?.pid, pid, JSON.stringify(result.suspects.map((s) => s.pid)));
  assert.equal(result.suspects[0].leak.kind, 'socket-unconnected');
  const rc = result.rootCause;
  assert.ok(rc, `a root cause: ${JSON.stringify(result.findings.filter((f) => f.step >= 8).map((f) => f.detail))}`);
  assert.equal(rc.pid, pid);
  assert.equal(rc.tid, tid);
  assert.match(rc.path ?? '', new RegExp(`^${leaker.logDir.replace(/[/.]/g, '\\$&')}/cat_\\d{8}\\.log$`));
  assert.match(rc.message ?? '', new RegExp(`Error when try connecting to /127\\.0\\.0\\.1:${leaker.port}`));
}

test('collect --pid: every capture, a bounded strace that leaves the program running, the ERROR log tail', { skip }, async () => {
  const out = join(work, 'b-pid');
  const r = await fdleak([
    'collect',
    '--pid',
    String(leaker.pid),
    '--strace-seconds',
    '2',
    '--snapshots',
    '3',
    '--interval',
    '1',
    '--out',
    out,
  ]);
  assert.equal(r.code, 0, r.stderr);
  assert.ok(leaker.alive(), 'the traced program is still running after the strace window');
  const m = readManifest(out);
  const pid = leaker.pid;
  assert.equal(m.schema, 'fdleak/bundle@1');
  assert.equal(m.suspectPid, pid);
  assert.equal(m.collector.name, 'fdleak');
  assert.match(m.capturedAt, /^\d{4}-\d\d-\d\dT.*[+-]\d\d:\d\d$/);
  assert.doesNotThrow(() => new Intl.DateTimeFormat('en', { timeZone: m.timezone }));
  const paths = m.files.map((f) => f.path);
  for (const f of [
    'fd-counts.txt',
    'proc-net-sockstat.txt',
    'proc-net-sockstat6.txt',
    'ss-s.txt',
    'ss-tanp.txt',
    'file-max.txt',
    'file-nr.txt',
    'ulimit-a.txt',
    'ps-auxww.txt',
    `proc-${pid}-limits.txt`,
    `ps-T-${pid}.txt`,
    `task-comm-${pid}.txt`,
    `ls-l-proc-${pid}-fd.txt`,
    `strace-${pid}.txt`,
    'snapshots.json',
    'snapshots.txt',
  ])
    assert.ok(paths.includes(f), `${f} captured (have: ${paths.join(' ')})`);
  if (findTool('lsof')) assert.ok(paths.includes(`lsof-p-${pid}.txt`) && paths.includes('lsof-host.txt'));
  if (findTool('netstat')) assert.ok(paths.includes('netstat-antp.txt'));
  assertFilesMatchManifest(out, m);

  // fd-counts: `uniq -c` shape, the leaker among the rows with its count
  assert.match(readFileSync(join(out, 'fd-counts.txt'), 'utf8'), new RegExp(`^ +\\d+ ${pid}$`, 'm'));
  assert.match(readFileSync(join(out, `ls-l-proc-${pid}-fd.txt`), 'utf8'), / -> socket:\[\d+\]$/m);

  // strace: the leaking thread's failed connects to the closed port, with -tt times and -T durations
  const tid = leakingTid(out, pid);
  const strace = readFileSync(join(out, `strace-${pid}.txt`), 'utf8');
  const connect = new RegExp(
    `^${tid} +\\d\\d:\\d\\d:\\d\\d\\.\\d{6} connect\\(\\d+<(socket|TCP):[^>]*>, \\{sa_family=AF_INET, sin_port=htons\\(${leaker.port}\\).* = -1 ECONNREFUSED \\(Connection refused\\) <\\d+\\.\\d+>$`,
    'm',
  );
  assert.match(strace, connect);
  assert.match(
    strace,
    new RegExp(
      `^${tid} .*write\\(\\d+<[^>]*/cat_\\d{8}\\.log>, ".*\\[ERROR\\] \\[ChannelManager\\] Error when try connecting to /127\\.0\\.0\\.1:${leaker.port}`,
      'm',
    ),
  );
  const straceEntry = m.files.find((f) => f.path === `strace-${pid}.txt`)!;
  assert.equal(straceEntry.pid, pid);
  assert.match(straceEntry.stderr ?? '', /attached/);
  assert.match(straceEntry.stderr ?? '', /detached/);

  // the log the program has open, tailed under logs/<absolute path>
  const log = m.files.find((f) => f.path.startsWith('logs/') && f.path.endsWith('.log'));
  assert.ok(log, 'a log tail');
  assert.equal(log.path, `logs${leaker.logDir}/${log.path.split('/').pop()}`);
  assert.match(
    readFileSync(join(out, log.path), 'utf8'),
    new RegExp(`\\[ERROR\\] \\[ChannelManager\\] Error when try connecting to /127\\.0\\.0\\.1:${leaker.port}`),
  );

  // snapshots: growing unconnected sockets
  const snaps = JSON.parse(readFileSync(join(out, 'snapshots.json'), 'utf8'));
  assert.equal(snaps.samples.length, 3);
  assert.ok(snaps.growth.unconnectedPerMinute > 0, JSON.stringify(snaps.growth));
  assert.match(readFileSync(join(out, 'snapshots.txt'), 'utf8'), new RegExp(`pid=${pid} total=\\d+ limit=\\d+ .*socket-unconnected=\\d+`));
  assert.match(r.stdout, new RegExp(`next: fdleak analyze ${out.replace(/[/.]/g, '\\$&')}`));
  // The guided notebook reads the same bundle through the analysis.
  const status = await fdleak(['notebook', 'status', out]);
  assert.equal(status.code, 0, status.stderr);
  assert.match(status.stdout, new RegExp(`^Suspect: pid ${pid} python3`, 'm'));
  assert.match(status.stdout, /^ 4\. \[x\] Who holds the descriptors/m);
  await assertDiagnosis(out, pid, tid);
});

test('collect --auto picks the leaker, says why, and packs a .tar.gz', { skip }, async () => {
  // Plan first: the real run must trace nothing but the leaker.
  const dry = await fdleak(['collect', '--auto', '--dry-run']);
  assert.equal(dry.code, 0, dry.stderr);
  assert.match(
    dry.stdout,
    new RegExp(
      `^suspect: pid ${leaker.pid}: --auto: pid ${leaker.pid} \\(python3\\) holds [\\d,]+ sockets that are in no connection table`,
      'm',
    ),
  );

  const archive = join(work, 'b-auto.tar.gz');
  const r = await fdleak(['collect', '--auto', '--strace-seconds', '1', '--no-host-lsof', '--out', archive]);
  assert.equal(r.code, 0, r.stderr);
  assert.ok(leaker.alive());
  assert.ok(statSync(archive).size > 0);
  assert.deepEqual(
    readdirSync(work).filter((n) => n.includes('.partial-')),
    [],
    'the staging folder is gone',
  );
  const unpack = join(work, 'unpacked');
  mkdirSync(unpack);
  assert.equal(spawnSync('tar', ['-xzf', archive, '-C', unpack]).status, 0);
  const dir = join(unpack, 'b-auto');
  const m = readManifest(dir);
  assert.equal(m.suspectPid, leaker.pid);
  assert.match(m.suspectReason ?? '', /--auto: pid \d+ \(python3\) holds [\d,]+ sockets that are in no connection table \(\d+% of its/);
  assert.ok(m.files.some((f) => f.path === `strace-${leaker.pid}.txt`));
  assert.ok(!m.files.some((f) => f.path === 'lsof-host.txt'));
  assertFilesMatchManifest(dir, m);
  await assertDiagnosis(archive, leaker.pid, leakingTid(dir, leaker.pid));
});

/** A PATH with every program of the current PATH except the hidden ones. */
function pathWithout(hidden: string[]): string {
  const bin = join(work, `bin-without-${hidden.join('-')}`);
  mkdirSync(bin);
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      continue;
    }
    for (const n of names) {
      if (hidden.includes(n) || existsSync(join(bin, n))) continue;
      symlinkSync(join(dir, n), join(bin, n));
    }
  }
  return bin;
}

test('with lsof and netstat hidden from PATH, /proc and ss stand in and the gaps are recorded', { skip }, async () => {
  const out = join(work, 'b-no-lsof');
  const env = { ...process.env, PATH: pathWithout(['lsof', 'netstat']) };
  const r = await fdleak(['collect', '--pid', String(leaker.pid), '--strace-seconds', '1', '--out', out], env);
  assert.equal(r.code, 0, r.stderr);
  assert.ok(leaker.alive());
  const m = readManifest(out);
  const pid = leaker.pid;
  const paths = m.files.map((f) => f.path);
  assert.ok(!paths.some((p) => p.startsWith('lsof') || p.startsWith('netstat')), paths.join(' '));
  for (const f of [`ls-l-proc-${pid}-fd.txt`, 'fd-counts.txt', 'ss-tanp.txt', `strace-${pid}.txt`]) assert.ok(paths.includes(f), f);
  assert.deepEqual(m.missing.map((x) => x.what).sort(), ['lsof -n -P (whole host)', `lsof -n -P -p ${pid}`, 'netstat -antp'].sort());
  assert.ok(m.missing.every((x) => x.reason.length > 0 && x.command.length > 0));
  assertFilesMatchManifest(out, m);
  assert.match(r.stdout, /missing:\n {2}netstat -antp: netstat \(net-tools\) not installed/);
  await assertDiagnosis(out, pid, leakingTid(out, pid));
});

test('Ctrl-C during strace: strace detaches, the program lives, the bundle is valid and says what was skipped', { skip }, async () => {
  const out = join(work, 'b-interrupted');
  const child = spawn(process.execPath, [CLI, 'collect', '--pid', String(leaker.pid), '--strace-seconds', '60', '--out', out], {
    cwd: work,
  });
  let stderr = '';
  child.stderr.on('data', (c: Buffer) => (stderr += c));
  const code = await new Promise<number | null>((resolveRun) => {
    const poll = setInterval(() => {
      if (/strace-\d+\.txt ←/.test(stderr) && existsSync(join(out, `strace-${leaker.pid}.txt`))) {
        clearInterval(poll);
        setTimeout(() => child.kill('SIGINT'), 500);
      }
    }, 100);
    child.on('close', (c) => {
      clearInterval(poll);
      resolveRun(c);
    });
  });
  assert.equal(code, 130, stderr);
  assert.ok(leaker.alive(), 'the traced program survived the interrupted trace');
  const m = readManifest(out);
  assert.ok(m.files.some((f) => f.path === `strace-${leaker.pid}.txt`));
  assert.ok(
    m.missing.some((x) => x.what === 'logs/' && /interrupted/.test(x.reason)),
    JSON.stringify(m.missing),
  );
  assertFilesMatchManifest(out, m);
  // strace is gone, not left attached
  const tracer = readFileSync(`/proc/${leaker.pid}/status`, 'utf8').match(/^TracerPid:\s+(\d+)/m)![1];
  assert.equal(tracer, '0');
});
