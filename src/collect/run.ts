// Runs one capture command with a timeout and a size cap, its stdout going straight to a file.
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, statSync, writeSync } from 'node:fs';
import { createNew } from './safe-files.js';

export interface RunOutcome {
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
  bytes: number;
  truncated: boolean;
  timedOut: boolean;
  /** The command could not start (ENOENT, EACCES). */
  spawnError?: string;
}

/** The child currently running, so Ctrl-C can be passed on to it. */
export interface Interrupt {
  interrupted: boolean;
  current: ChildProcess | null;
}

export function newInterrupt(): Interrupt {
  return { interrupted: false, current: null };
}

/** Stable output formats: C locale (no localised headers or dates), the host's time zone. */
export function captureEnv(env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  return { ...env, LC_ALL: 'C', LANG: 'C' };
}

const STDERR_KEEP = 16 * 1024;

/** Signals the child's process group (it leads one: spawned detached), else the child alone. */
export function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  try {
    if (child.pid !== undefined) process.kill(-child.pid, signal);
    else child.kill(signal);
  } catch {
    child.kill(signal);
  }
}
const KILL_GRACE_MS = 3000;

export interface RunOptions {
  argv: string[];
  outFile: string;
  timeoutMs: number;
  maxBytes: number;
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  uid?: number;
  gid?: number;
  interrupt?: Interrupt;
}

export function runToFile(o: RunOptions): Promise<RunOutcome> {
  return new Promise((resolveRun) => {
    // A new file, never through a link: in a bundle folder from a ticket, any name may be one.
    const fd = createNew(o.outFile);
    let bytes = 0;
    let truncated = false;
    let timedOut = false;
    let child: ChildProcess;
    try {
      child = spawn(o.argv[0], o.argv.slice(1), {
        stdio: ['ignore', 'pipe', 'pipe'],
        env: o.env ?? captureEnv(),
        cwd: o.cwd,
        uid: o.uid,
        gid: o.gid,
        // Its own process group, so a timeout stops the command's children too (they hold stdout).
        detached: true,
      });
    } catch (err) {
      closeSync(fd);
      resolveRun({
        exitCode: null,
        signal: null,
        stderr: '',
        bytes: 0,
        truncated: false,
        timedOut: false,
        spawnError: (err as Error).message,
      });
      return;
    }
    if (o.interrupt) o.interrupt.current = child;
    const stop = (): void => {
      signalGroup(child, 'SIGTERM');
      setTimeout(() => child.exitCode === null && child.signalCode === null && signalGroup(child, 'SIGKILL'), KILL_GRACE_MS).unref();
    };
    const timer = setTimeout(() => {
      timedOut = true;
      stop();
    }, o.timeoutMs);
    child.stdout!.on('data', (chunk: Buffer) => {
      if (truncated) return;
      const room = o.maxBytes - bytes;
      const part = chunk.length > room ? chunk.subarray(0, room) : chunk;
      writeSync(fd, part);
      bytes += part.length;
      if (chunk.length > room) {
        truncated = true;
        stop();
      }
    });
    const watched = watchChild(child);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      closeSync(fd);
      if (o.interrupt && o.interrupt.current === child) o.interrupt.current = null;
      resolveRun({ exitCode: code, signal, stderr: watched.stderr(), bytes, truncated, timedOut, spawnError: watched.spawnError() });
    });
  });
}

/** Keeps the first STDERR_KEEP characters of a child's stderr, and the error if it could not start. */
function watchChild(child: ChildProcess): { stderr: () => string; spawnError: () => string | undefined } {
  let stderr = '';
  let spawnError: string | undefined;
  child.stderr!.on('data', (chunk: Buffer) => {
    if (stderr.length < STDERR_KEEP) stderr += chunk.toString('utf8');
  });
  child.on('error', (err) => {
    spawnError = err.message;
  });
  return { stderr: () => stderr, spawnError: () => spawnError };
}

export interface StraceOptions {
  /** strace's argv, with `-o outFile` in it. */
  argv: string[];
  outFile: string;
  seconds: number;
  maxBytes: number;
  /** Where a relative `-o` lands: the bundle folder. */
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  interrupt?: Interrupt;
}

const SIZE_POLL_MS = 200;

/**
 * Runs strace for a bounded time. It is stopped with SIGINT, on which strace detaches from every
 * thread and the traced process runs on; SIGTERM, then SIGKILL, go only to strace itself and only
 * if it ignores SIGINT (the kernel detaches the tracees of a dying tracer). The traced process is
 * never signalled.
 */
export function runStrace(o: StraceOptions): Promise<RunOutcome> {
  return new Promise((resolveRun) => {
    let truncated = false;
    const child = spawn(o.argv[0], o.argv.slice(1), {
      stdio: ['ignore', 'ignore', 'pipe'],
      env: o.env ?? captureEnv(),
      cwd: o.cwd,
    });
    if (o.interrupt) o.interrupt.current = child;
    const escalate: NodeJS.Timeout[] = [];
    let stopping = false;
    const stop = (): void => {
      if (stopping) return;
      stopping = true;
      child.kill('SIGINT');
      escalate.push(setTimeout(() => child.kill('SIGTERM'), 5000));
      escalate.push(setTimeout(() => child.kill('SIGKILL'), 10000));
    };
    const timer = setTimeout(stop, o.seconds * 1000);
    const poll = setInterval(() => {
      try {
        if (statSync(o.outFile).size > o.maxBytes) {
          truncated = true;
          stop();
        }
      } catch {
        // not created yet
      }
    }, SIZE_POLL_MS);
    const watched = watchChild(child);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      clearInterval(poll);
      escalate.forEach(clearTimeout);
      if (o.interrupt && o.interrupt.current === child) o.interrupt.current = null;
      let bytes = 0;
      try {
        bytes = statSync(o.outFile).size;
      } catch {
        // strace never wrote it
      }
      resolveRun({ exitCode: code, signal, stderr: watched.stderr(), bytes, truncated, timedOut: false, spawnError: watched.spawnError() });
    });
  });
}
