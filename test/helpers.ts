import { fileURLToPath } from 'node:url';
import { dirname, resolve } from 'node:path';
import { readFileSync } from 'node:fs';
import { splitLines } from '../src/sources/run.js';

/** Repository root (tests run from dist/test/). */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

export function fixturePath(...parts: string[]): string {
  return resolve(ROOT, 'test', 'fixtures', ...parts);
}

export function fixtureLines(...parts: string[]): string[] {
  return splitLines(readFileSync(fixturePath(...parts), 'utf8'));
}

/** True in CI: tests that need a tool must run there, never skip. */
export const IN_CI = process.env.CI === 'true' || process.env.CI === '1';
