// Tails of the log files a process has open: the messages its leaking thread wrote.
import { closeSync, fstatSync, mkdirSync, openSync, readSync, statSync, writeFileSync } from 'node:fs';
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

/** Paths of regular files the process has open that look like logs (or match a glob). Deduplicated. */
export function openLogPaths(pid: number, links: readonly FdLink[], globs: readonly string[]): string[] {
  const out = new Set<string>();
  for (const l of links) {
    if (!l.target.startsWith('/') || l.target.endsWith(' (deleted)')) continue;
    if (!matchesLogPath(l.target, globs)) continue;
    try {
      // Through the fd link: the file the process has open, even if renamed since.
      if (statSync(`/proc/${pid}/fd/${l.fd}`).isFile()) out.add(l.target);
    } catch {
      // closed meanwhile
    }
  }
  return [...out].sort();
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

/** Copies the last `maxBytes` of `src` to `dest` (whole lines only when cut). */
export function tailFile(src: string, dest: string, maxBytes: number): TailOutcome {
  const fd = openSync(src, 'r');
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
    mkdirSync(dirname(dest), { recursive: true });
    writeFileSync(dest, body);
    return { size, bytes: body.length, cut: start > 0 };
  } finally {
    closeSync(fd);
  }
}

export function logDest(bundleDir: string, absPath: string): { rel: string; full: string } {
  const rel = mirroredLogPath(absPath);
  return { rel, full: join(bundleDir, rel) };
}
