// Shared by the benchmark sections.
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Measured } from './measure.js';

export const BENCH_ROOT = resolve(fileURLToPath(import.meta.url), '..', '..', '..');
/** Generated inputs live here (git-ignored) and are kept between runs. */
export const BENCH_DIR = join(BENCH_ROOT, '.bench');
export const FDLEAK = `node ${join(BENCH_ROOT, 'bin', 'fdleak.js')}`;

export interface BenchSection {
  title: string;
  run(): Promise<Measured[]> | Measured[];
  notes?: (rows: Measured[]) => string[];
}
