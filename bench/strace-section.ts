// strace: a generated 500 MB multi-thread log built from real captured lines, analysed end to end
// by `fdleak analyze`, next to `wc -l` and `grep -c` on the same file.
// Targets: >= 250 MB/s end to end, peak RSS < 300 MB.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { generate } from './strace-gen.js';
import { measure, sizeMb, type Measured } from './measure.js';
import { BENCH_DIR, FDLEAK, type BenchSection } from './common.js';

const MB = Number(process.env.FDLEAK_BENCH_STRACE_MB ?? 500);

async function run(): Promise<Measured[]> {
  const file = join(BENCH_DIR, `strace-${MB}M.txt`);
  if (!existsSync(file)) await generate(file, MB);
  const bytes = sizeMb(file) * 1024 * 1024;
  const q = JSON.stringify(file);
  return [
    measure('wc -l', `wc -l ${q}`, bytes),
    measure('grep -c connect', `grep -c connect ${q}`, bytes),
    measure('fdleak analyze --json (start-up included)', `${FDLEAK} analyze --json ${q} > /dev/null`, bytes),
  ];
}

export const section: BenchSection = {
  title: `strace: ${MB} MB, multi-thread`,
  run,
  notes: (rows) => [`fdleak: ${rows[2].mbPerSecond?.toFixed(0)} MB/s (target >= 250), peak RSS ${rows[2].peakRssMb?.toFixed(0)} MB (target < 300)`],
};
