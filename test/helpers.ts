import { fileURLToPath } from 'node:url';
import { dirname, join, resolve } from 'node:path';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { splitLines } from '../src/bundle/lines.js';

/** Repository root (tests run from dist/test/). */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

export function fixturePath(...parts: string[]): string {
  return resolve(ROOT, 'test', 'fixtures', ...parts);
}

export function fixtureLines(...parts: string[]): string[] {
  return splitLines(readFileSync(fixturePath(...parts), 'utf8'));
}

/** The files under `dir` (every level) whose path matches `pattern`. */
export function filesUnder(dir: string, pattern: RegExp): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? filesUnder(p, pattern) : pattern.test(p) ? [p] : [];
  });
}

/** True in CI: tests that need a tool must run there, never skip. */
export const IN_CI = process.env.CI === 'true' || process.env.CI === '1';

/**
 * A capture damaged here and there, the way a capture stopped mid-line or mangled in transit is
 * (lines cut, blank, garbled, padded, with non-ASCII text; `strays`: fd calls with a stray character); seeded, so a failure repeats.
 */
const STRAYS = ['<', '>', ' ', '"', '\\', ')', '=', '-', '1', ',', '[', ']', '...', ' = ', '<0.1>', 'O_CLOEXEC', '\u00e9'];

export function damage(lines: string[], seed: number, opts: { strays?: boolean } = {}): string[] {
  let x = seed;
  const rnd = () => (x = (x * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
  return lines.flatMap((l) => {
    const r = rnd();
    if (r < 0.03) return [l, ''];
    if (r < 0.05) return [l.slice(0, Math.floor(rnd() * l.length))];
    if (r < 0.06) return [`garbage ${l.slice(5)}`];
    if (r < 0.07) return [l.replace(/ /, '  ')];
    if (r < 0.08) return [`${l} \u00e9\u4e2d`];
    if (r < 0.09) return [l.slice(0, 6 + Math.floor(rnd() * 20))];
    if (r < 0.095) return [l.replace(/\d/, 'x')];
    if (r < 0.1) return [l.slice(0, l.length - 1 - Math.floor(rnd() * 10))];
    if (r < 0.105) return [`\t${l}`];
    if (r < 0.11) return [l.replace(' = ', ' =  ')];
    // A stray character in an fd call, after its tid and time (the byte path reads these calls
    // without the text parser; damaged heads are above).
    const call = /(open|openat|creat|socket|close|connect|write|sendto|pipe2|dup2|accept)\(|<\.\.\. /.exec(l);
    if (opts.strays === true && r < 0.4 && call) {
      const at = call.index + Math.floor(rnd() * (l.length - call.index));
      return [l.slice(0, at) + STRAYS[Math.floor(rnd() * STRAYS.length)] + l.slice(at)];
    }
    return [l];
  });
}
