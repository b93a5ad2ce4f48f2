// A strace file's warnings, bounded: a hostile file can make every line a problem. Each kind is
// said line by line up to a few, the rest counted in one line at the end; a bound reached is said
// once, where.
import type { ParseContext } from '../parser.js';

/** Warnings of one kind said line by line; the rest are counted in one. */
const WARNINGS_PER_KIND = 5;

export interface StraceWarnings {
  warn(kind: string, line: number | undefined, message: string): void;
  reached(bound: string, line: number, message: string): void;
  /** The count of each kind's lines past the first few. */
  finish(): void;
}

export function createStraceWarnings(ctx: Pick<ParseContext, 'warn'>): StraceWarnings {
  const warned = new Map<string, number>();
  const bounds = new Set<string>();
  return {
    warn(kind, line, message) {
      const n = (warned.get(kind) ?? 0) + 1;
      warned.set(kind, n);
      if (n <= WARNINGS_PER_KIND) ctx.warn(line, message);
    },
    reached(bound, line, message) {
      if (bounds.has(bound)) return;
      bounds.add(bound);
      ctx.warn(line, message);
    },
    finish() {
      for (const [kind, n] of warned)
        if (n > WARNINGS_PER_KIND) ctx.warn(undefined, `${n - WARNINGS_PER_KIND} more lines like the ${kind} warnings above`);
    },
  };
}
