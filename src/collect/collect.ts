// `fdleak collect`: runs the capture plan against a live host and writes a bundle folder (or
// .tar.gz) whose manifest is valid after every single capture.
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { archiveBase, isArchiveOut, packFolder } from './archive.js';
import { pickSuspect } from './auto.js';
import { findTools, hostName, hostTimezone, isoWithOffset, privileges, type Privileges, type Tools } from './host.js';
import { logDest, openHeldFile, openLogs, tailFile } from './logs.js';
import { BUNDLE_SCHEMA, ManifestWriter, truncateStderr, type BundleManifest, type ManifestFileEntry } from './manifest.js';
import { buildPlan, type CaptureSpec } from './plan.js';
import { comm, exePath, fdCount, fdLinks, listPids, ownerIds, processExists, taskCommText, threadComms } from './procfs.js';
import type { Progress } from './progress.js';
import { captureEnv, newInterrupt, runStrace, runToFile, signalGroup, type Interrupt, type RunOutcome } from './run.js';
import { sampleSnapshots, snapshotsText, type SnapshotsDoc } from './snapshots.js';
import { sh } from '../shell.js';

export interface CollectOptions {
  pid?: number;
  auto?: boolean;
  straceSeconds: number;
  snapshots: number;
  intervalSeconds: number;
  logs: string[];
  out?: string;
  hostLsof: boolean;
  timeoutSeconds: number;
  maxFileBytes: number;
  logBytes: number;
  title?: string;
  ticket?: string;
  version: string;
  progress: Progress;
  /** Plan and pick the suspect, capture nothing. */
  dryRun?: boolean;
  /** Install SIGINT/SIGTERM handlers for the run (the CLI does; tests calling in-process may not). */
  handleSignals?: boolean;
  env?: NodeJS.ProcessEnv;
  /**
   * Write the bundle redacted (src/redact): the captures go to a private folder beside it, are
   * copied redacted, and are removed.
   */
  redact?: { patterns?: readonly RegExp[]; mapFile?: string };
}

export interface CollectResult {
  /** The folder or archive written (null for a dry run). */
  bundle: string | null;
  /** With `redact`: how many of each kind were replaced. */
  redacted?: Record<string, number>;
  manifest: BundleManifest;
  plan: CaptureSpec[];
  interrupted: boolean;
}

/** A problem with the request the user can fix (bad pid, existing --out). */
class CollectError extends Error {
  constructor(
    message: string,
    readonly hint?: string,
  ) {
    super(message);
    this.name = 'InputError';
  }
}

function defaultOut(host: string, now: Date): string {
  const stamp = isoWithOffset(now).slice(0, 19).replace(/[-:]/g, '').replace('T', '-');
  return `fdleak-${host.replace(/[^\w.-]/g, '_')}-${stamp}`;
}

function isJvm(pid: number): boolean {
  const exe = exePath(pid);
  return (exe !== null && basename(exe) === 'java') || comm(pid) === 'java';
}

/** The JDK's own jstack next to the JVM's java binary beats whatever jstack is on PATH. */
function jstackBesideJvm(pid: number): string | undefined {
  const exe = exePath(pid);
  if (!exe) return undefined;
  const candidate = join(dirname(exe), 'jstack');
  return existsSync(candidate) ? candidate : undefined;
}

function prepareFolder(out: string): { dir: string; stage: string | null; archive: string | null } {
  const abs = resolve(out);
  if (isArchiveOut(abs)) {
    if (existsSync(abs)) throw new CollectError(`${out} already exists`, 'choose another --out; collect never overwrites');
    mkdirSync(dirname(abs), { recursive: true });
    // Staged beside the archive, so nothing lands outside the --out's folder; removed once packed.
    const stage = mkdtempSync(join(dirname(abs), `.${archiveBase(abs)}.partial-`));
    const dir = join(stage, archiveBase(abs));
    mkdirSync(dir);
    return { dir, stage, archive: abs };
  }
  if (existsSync(abs) && (!statSync(abs).isDirectory() || readdirSync(abs).length > 0)) {
    throw new CollectError(`${out} exists and is not an empty folder`, 'choose another --out; collect never overwrites');
  }
  mkdirSync(abs, { recursive: true });
  chmodSync(abs, 0o700);
  return { dir: abs, stage: null, archive: null };
}

export async function collect(o: CollectOptions): Promise<CollectResult> {
  const env = o.env ?? process.env;
  const now = new Date();
  const host = hostName();
  const tools: Tools = findTools(env.PATH);
  const priv: Privileges = privileges();

  let pid = o.pid;
  let reason: string | undefined;
  if (pid !== undefined) {
    if (!processExists(pid)) throw new CollectError(`no process ${pid}`, 'check the pid with ps, or use --auto');
    reason = `given with --pid ${pid}`;
  } else if (o.auto) {
    const pick = pickSuspect();
    if (!pick) throw new CollectError('--auto found no process with open fds it can read', 'run as root, or give --pid');
    pid = pick.pid;
    reason = pick.reason;
    o.progress.info(reason);
  }

  const plan = buildPlan({
    pid,
    tools,
    privileges: priv,
    hostLsof: o.hostLsof,
    straceSeconds: o.straceSeconds,
    sameUser: pid !== undefined && ownerIds(pid)?.uid === process.getuid?.(),
    java: pid !== undefined && isJvm(pid),
    jstack: pid !== undefined ? jstackBesideJvm(pid) : undefined,
    timeoutMs: o.timeoutSeconds * 1000,
    slowTimeoutMs: Math.max(o.timeoutSeconds, 300) * 1000,
    logGlobs: o.logs,
    logBytes: o.logBytes,
  });

  const manifest: BundleManifest = {
    schema: BUNDLE_SCHEMA,
    ...(o.title ? { title: o.title } : {}),
    ...(o.ticket ? { ticket: o.ticket } : {}),
    host,
    timezone: hostTimezone(env),
    capturedAt: isoWithOffset(now),
    ...(pid !== undefined ? { suspectPid: pid, suspectReason: reason } : {}),
    collector: { name: 'fdleak', version: o.version },
    missing: [...plan.missing],
    files: [],
  };
  if (o.dryRun) return { bundle: null, manifest, plan: plan.captures, interrupted: false };

  // The bundle holds what root could read (other users' logs, fd tables, command lines): every file
  // and folder it writes, and those of the tools it runs (strace -o, tar), is the collector's alone.
  const mask = process.umask(0o077);
  try {
    // A redacted bundle is not named after the host either.
    const { dir: outDir, stage, archive } = prepareFolder(o.out ?? defaultOut(o.redact ? 'redacted' : host, now));
    const dir = o.redact ? mkdtempSync(join(dirname(outDir), `.${basename(outDir)}.plain-`)) : outDir;
    const writer = new ManifestWriter(dir, manifest);
    const interrupt = newInterrupt();
    const removeHandlers = o.handleSignals ? installSignalHandlers(interrupt, o.progress, o.redact ? dir : null) : () => undefined;

    try {
      const snapshots: Promise<SnapshotsDoc> | null =
        pid !== undefined && o.snapshots > 0 ? sampleSnapshots(pid, o.snapshots, o.intervalSeconds, () => interrupt.interrupted) : null;

      const ctx: RunContext = { dir, writer, interrupt, o, env: captureEnv(env), root: priv.root };
      for (const [i, spec] of plan.captures.entries()) {
        if (interrupt.interrupted) {
          writer.addMissing({ what: spec.file, command: spec.command, reason: 'not captured: interrupted (Ctrl-C)' });
          continue;
        }
        o.progress.start(i + 1, plan.captures.length, spec.file, spec.command);
        const started = Date.now();
        const { bytes, exitCode, problem } = await runCapture(spec, ctx);
        o.progress.done({ file: spec.file, ms: Date.now() - started, bytes, exitCode, problem });
      }

      if (snapshots && pid !== undefined) {
        if (!interrupt.interrupted) o.progress.info(`waiting for the last of ${o.snapshots} snapshots of pid ${pid}`);
        const startedAt = isoWithOffset();
        const doc = await snapshots;
        const command = `fdleak snapshots: ls -l /proc/${pid}/fd by kind + /proc/net socket states, ${o.snapshots} times every ${o.intervalSeconds} s`;
        writeFileSync(join(dir, 'snapshots.json'), JSON.stringify(doc, null, 2) + '\n');
        writeFileSync(join(dir, 'snapshots.txt'), snapshotsText(doc));
        const base = { command, startedAt: doc.samples[0]?.at ?? startedAt, endedAt: isoWithOffset(), exitCode: 0, pid };
        const cut = doc.samples.length < o.snapshots ? { note: `${doc.samples.length} of ${o.snapshots} samples (interrupted)` } : {};
        writer.addFile({ path: 'snapshots.json', ...base, ...cut });
        writer.addFile({ path: 'snapshots.txt', ...base, ...cut });
      }
    } finally {
      removeHandlers();
      o.progress.close();
    }

    let redacted: Record<string, number> | undefined;
    if (o.redact) {
      try {
        const { redactBundle } = await import('../redact/bundle.js');
        redacted = (await redactBundle(dir, outDir, { patterns: o.redact.patterns, mapFile: o.redact.mapFile })).map.counts();
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }
    let bundle = outDir;
    if (archive && stage) {
      await packFolder(stage, basename(outDir), archive, tools.tar);
      rmSync(stage, { recursive: true, force: true });
      bundle = archive;
    }
    return {
      bundle,
      manifest: writer.manifest,
      plan: plan.captures,
      interrupted: interrupt.interrupted,
      ...(redacted ? { redacted } : {}),
    };
  } finally {
    process.umask(mask);
  }
}

interface RunContext {
  dir: string;
  writer: ManifestWriter;
  interrupt: Interrupt;
  o: CollectOptions;
  env: NodeJS.ProcessEnv;
  root: boolean;
}

interface CaptureOutcome {
  bytes: number;
  exitCode: number | null;
  problem?: string;
}

async function runCapture(spec: CaptureSpec, ctx: RunContext): Promise<CaptureOutcome> {
  const { dir, writer } = ctx;
  const startedAt = isoWithOffset();
  const outFile = join(dir, spec.file);
  const a = spec.action;
  const entry = (r: { exitCode: number | null; stderr?: string; truncated?: boolean; note?: string }): ManifestFileEntry => {
    const e: ManifestFileEntry = { path: spec.file, command: spec.command, startedAt, endedAt: isoWithOffset(), exitCode: r.exitCode };
    const stderr = r.stderr !== undefined ? truncateStderr(r.stderr) : undefined;
    if (stderr) e.stderr = stderr;
    if (spec.pid !== undefined) e.pid = spec.pid;
    if (r.truncated) e.truncated = true;
    const note = [spec.note, r.note].filter(Boolean).join('; ');
    if (note) e.note = note;
    return e;
  };

  if (a.kind === 'read') {
    let text: Buffer;
    try {
      text = readFileSync(a.path);
    } catch (err) {
      const msg = `cat: ${a.path}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'No such file or directory' : (err as Error).message}`;
      writer.addMissing({ what: spec.file, command: spec.command, reason: msg });
      return { bytes: 0, exitCode: 1, problem: msg };
    }
    const cut = text.length > ctx.o.maxFileBytes;
    writeFileSync(outFile, cut ? text.subarray(0, ctx.o.maxFileBytes) : text);
    writer.addFile(entry({ exitCode: 0, truncated: cut }));
    return { bytes: Math.min(text.length, ctx.o.maxFileBytes), exitCode: 0 };
  }

  if (a.kind === 'fd-counts') {
    const rows: { count: number; pid: number }[] = [];
    let unreadable = 0;
    for (const pid of listPids()) {
      const n = fdCount(pid);
      if (n === null) unreadable++;
      else rows.push({ count: n, pid });
    }
    rows.sort((x, y) => y.count - x.count || y.pid - x.pid);
    const text = rows.map((r) => `${String(r.count).padStart(7)} ${r.pid}\n`).join('');
    writeFileSync(outFile, text);
    const note = unreadable
      ? `${unreadable} processes without a readable /proc/PID/fd (kernel threads, exited, or no permission)`
      : undefined;
    writer.addFile(entry({ exitCode: 0, note }));
    return { bytes: Buffer.byteLength(text), exitCode: 0 };
  }

  if (a.kind === 'task-comm') {
    const text = taskCommText(a.pid, threadComms(a.pid));
    if (text === '') {
      writer.addMissing({ what: spec.file, command: spec.command, reason: `/proc/${a.pid}/task unreadable (process gone?)` });
      return { bytes: 0, exitCode: 2, problem: 'process gone' };
    }
    writeFileSync(outFile, text);
    writer.addFile(entry({ exitCode: 0 }));
    return { bytes: Buffer.byteLength(text), exitCode: 0 };
  }

  if (a.kind === 'log-tails') return captureLogs(a.pid, a.globs, a.maxBytes, ctx);

  let r: RunOutcome;
  if (a.kind === 'strace') {
    r = await runStrace({
      argv: a.argv,
      outFile,
      seconds: a.seconds,
      maxBytes: ctx.o.maxFileBytes,
      cwd: dir,
      env: ctx.env,
      interrupt: ctx.interrupt,
    });
  } else {
    const owner = a.asOwnerOf !== undefined && ctx.root ? ownerIds(a.asOwnerOf) : null;
    const asOwner = owner && owner.uid !== 0 ? { uid: owner.uid, gid: owner.gid, cwd: '/' } : {};
    r = await runToFile({
      argv: a.argv,
      outFile,
      timeoutMs: a.timeoutMs,
      maxBytes: ctx.o.maxFileBytes,
      env: ctx.env,
      interrupt: ctx.interrupt,
      ...asOwner,
    });
  }
  const failed = r.spawnError !== undefined || (r.bytes === 0 && r.exitCode !== 0);
  if (failed) {
    // Nothing usable: say why in `missing` rather than leave an empty file to be misread.
    if (existsSync(outFile)) unlinkSync(outFile);
    const why =
      r.spawnError ??
      (r.timedOut
        ? `timed out after ${a.kind === 'exec' ? a.timeoutMs / 1000 : 0} s`
        : firstLine(r.stderr) || `exit ${r.exitCode ?? r.signal}`);
    writer.addMissing({ what: spec.file, command: spec.command, reason: why });
    return { bytes: 0, exitCode: r.exitCode, problem: why };
  }
  const notes: string[] = [];
  if (r.timedOut) notes.push(`stopped after the ${a.kind === 'exec' ? a.timeoutMs / 1000 : 0} s timeout: partial output`);
  if (r.truncated) notes.push(`cut at the ${ctx.o.maxFileBytes} byte size cap`);
  // strace re-raises the SIGINT it detached on (timeout then exits 130, or 124 on its own timer):
  // that is the planned end, not a failure.
  const detached = a.kind === 'strace' && (r.signal === 'SIGINT' || r.exitCode === 130 || r.exitCode === 124);
  if (detached) notes.push(`strace detached on the planned SIGINT (exit ${r.exitCode ?? r.signal})`);
  writer.addFile(
    entry({ exitCode: r.exitCode, stderr: r.stderr, truncated: r.truncated || r.timedOut, note: notes.join('; ') || undefined }),
  );
  return {
    bytes: r.bytes,
    exitCode: detached ? 0 : r.exitCode,
    problem: r.timedOut ? 'timed out (partial)' : r.truncated ? 'cut at the size cap' : undefined,
  };
}

function captureLogs(pid: number, globs: string[], maxBytes: number, ctx: RunContext): CaptureOutcome {
  const links = fdLinks(pid) ?? [];
  const logs = openLogs(links, globs);
  if (logs.length === 0) {
    ctx.writer.addMissing({
      what: `log files open by pid ${pid}`,
      command: `ls -l /proc/${pid}/fd | grep -i log`,
      reason: `pid ${pid} has no *.log file open${globs.length ? ` and none matching ${globs.join(' ')}` : ''}; name its logs with --logs GLOB`,
    });
    return { bytes: 0, exitCode: 0, problem: 'no open log files' };
  }
  let bytes = 0;
  for (const { fd, target: path } of logs) {
    const startedAt = isoWithOffset();
    const { rel, full } = logDest(ctx.dir, path);
    try {
      const t = tailFile(openHeldFile(pid, fd), full, maxBytes);
      bytes += t.bytes;
      const fds = links.filter((l) => l.target === path).map((l) => l.fd);
      ctx.writer.addFile({
        path: rel,
        command: sh`tail -c ${maxBytes} -- ${path}`,
        startedAt,
        endedAt: isoWithOffset(),
        exitCode: 0,
        pid,
        ...(t.cut ? { truncated: true } : {}),
        note:
          `${path}, open as fd ${fds.join(', ')} of pid ${pid}; ` +
          (t.cut
            ? `last ${t.bytes} of ${t.size} bytes, from a line start: line 1 here is not line 1 of the file`
            : `whole file, ${t.size} bytes`),
      });
    } catch (err) {
      ctx.writer.addMissing({ what: rel, command: sh`tail -c ${maxBytes} -- ${path}`, reason: (err as Error).message });
    }
  }
  return { bytes, exitCode: 0 };
}

const firstLine = (s: string): string => s.trim().split('\n')[0] ?? '';

/**
 * First Ctrl-C: finish the current capture (strace detaches), skip the rest, keep a valid bundle.
 * Second: leave now (removing the plain captures of a redacted bundle, which were never to stay).
 */
function installSignalHandlers(interrupt: Interrupt, progress: Progress, plain: string | null): () => void {
  const onSignal = (sig: NodeJS.Signals): void => {
    if (interrupt.interrupted) {
      progress.close();
      if (plain) rmSync(plain, { recursive: true, force: true });
      process.stderr.write('\nfdleak: stopped; the bundle on disk holds every capture finished so far\n');
      process.exit(130);
    }
    interrupt.interrupted = true;
    progress.info(`${sig}: stopping after the current capture; press Ctrl-C again to leave at once`);
    if (interrupt.current) signalGroup(interrupt.current, 'SIGINT');
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return () => {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  };
}
