// Tails of the log files a process has open: the messages its leaking thread wrote.
import { closeSync, constants, fstatSync, mkdirSync, openSync, readSync, writeFileSync } from 'node:fs';
import { dirname, join, normalize, posix } from 'node:path';
import type { FdLink } from './procfs.js';

/** A shell-style glob (`*`, `?`, `**`) as a regex; a glob without `/` matches the base name. */
export function globToRegExp(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*') {
      if (glob[i + 1] === '*') {
        re += '.*';
        i++;
      } else re += '[^/]*';
    } else if (c === '?') re += '[^/]';
    else re += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

export function matchesLogPath(path: string, globs: readonly string[]): boolean {
  const base = posix.basename(path);
  if (/\.log$/i.test(base)) return true;
  return globs.some((g) => globToRegExp(g).test(g.includes('/') ? path : base));
}

/** The fds that hold a log (a path that looks like one, or matches a glob): the first fd of each path, by path. */
export function openLogs(links: readonly FdLink[], globs: readonly string[]): FdLink[] {
  const byPath = new Map<string, FdLink>();
  for (const l of links) {
    if (!l.target.startsWith('/') || l.target.endsWith(' (deleted)')) continue;
    if (matchesLogPath(l.target, globs) && !byPath.has(l.target)) byPath.set(l.target, l);
  }
  return [...byPath.values()].sort((a, b) => (a.target < b.target ? -1 : a.target > b.target ? 1 : 0));
}

/**
 * Opens the file behind fd `fd` of `pid` for reading: `/proc/PID/fd/N` is the open file itself,
 * whatever its path names now. Never the path: as root, `/proc/PID/root<path>` follows a symlink
 * the process (any user) swapped in after its path was read, to a file only root may read.
 */
export function openHeldFile(pid: number, fd: number): number {
  const handle = openSync(`/proc/${pid}/fd/${fd}`, constants.O_RDONLY | constants.O_NOCTTY | constants.O_NONBLOCK);
  if (!fstatSync(handle).isFile()) {
    closeSync(handle);
    throw new Error(`fd ${fd} of pid ${pid} is no longer a regular file`);
  }
  return handle;
}

/** `logs/<absolute path mirrored>`, refusing anything that would leave logs/. */
export function mirroredLogPath(absPath: string): string {
  const rel = normalize(absPath).replace(/^\/+/, '');
  if (rel === '' || rel.split('/').includes('..')) throw new Error(`refusing log path ${absPath}`);
  return `logs/${rel}`;
}

export interface TailOutcome {
  size: number;
  bytes: number;
  /** The tail starts after the first newline inside the window, so no line is cut in half. */
  cut: boolean;
}

/** Copies the last `maxBytes` of the open file `fd` (closed here) to a new file `dest`, 0600 (whole lines only when cut). */
export function tailFile(fd: number, dest: string, maxBytes: number): TailOutcome {
  try {
    const size = fstatSync(fd).size;
    const start = Math.max(0, size - maxBytes);
    const buf = Buffer.alloc(size - start);
    let got = 0;
    while (got < buf.length) {
      const n = readSync(fd, buf, got, buf.length - got, start + got);
      if (n === 0) break;
      got += n;
    }
    let body = buf.subarray(0, got);
    if (start > 0) {
      const nl = body.indexOf(0x0a);
      body = nl >= 0 ? body.subarray(nl + 1) : body;
    }
    mkdirSync(dirname(dest), { recursive: true, mode: 0o700 });
    writeFileSync(dest, body, { flag: 'wx', mode: 0o600 });
    return { size, bytes: body.length, cut: start > 0 };
  } finally {
    closeSync(fd);
  }
}

export function logDest(bundleDir: string, absPath: string): { rel: string; full: string } {
  const rel = mirroredLogPath(absPath);
  return { rel, full: join(bundleDir, rel) };
}
