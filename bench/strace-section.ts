// strace: generated 500 MB multi-thread logs built from real captured lines (see strace-gen.ts for
// the two mixes), analysed end to end by `fdleak analyze`, next to `wc -l` and `grep -c` on the
// same file. Targets: >= 200 MB/s end to end, peak RSS < 300 MB.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { generate, type StraceMix } from './strace-gen.js';
import { generateForks } from './strace-forks-gen.js';
import { measure, sizeMb, type Measured } from './measure.js';
import { BENCH_DIR, FDLEAK, type BenchSection } from './common.js';

const MB = Number(process.env.FDLEAK_BENCH_STRACE_MB ?? 500);
const MIXES: StraceMix[] = ['busy-server', 'fd-churn'];

async function run(): Promise<Measured[]> {
  const rows: Measured[] = [];
  for (const mix of MIXES) {
    const file = join(BENCH_DIR, mix === 'fd-churn' ? `strace-${MB}M.txt` : `strace-${MB}M-${mix}.txt`);
    if (!existsSync(file)) await generate(file, MB, mix);
    const bytes = sizeMb(file) * 1024 * 1024;
    const q = JSON.stringify(file);
    rows.push(
      measure(`[${mix}] wc -l`, `wc -l ${q}`, bytes),
      measure(`[${mix}] grep -c connect`, `grep -c connect ${q}`, bytes),
      measure(`[${mix}] fdleak analyze --json (start-up included)`, `${FDLEAK} analyze --json ${q} > /dev/null`, bytes),
    );
  }
  // A leaking process that forks: 500 forks, each with up to 50,000 fds open that the child inherits.
  const forky = join(BENCH_DIR, 'strace-forks-50k-nocloexec.txt');
  if (!existsSync(forky)) await generateForks(forky, 50_000, 100);
  const q = JSON.stringify(forky);
  rows.push(measure('[forks] 50,000 leaked sockets, 500 vfork+exec: analyze --json', `${FDLEAK} analyze --json ${q} > /dev/null`));
  // The same JVM-like process whose children close every fd they got before execve (the JDK's VFORK
  // launch): up to 50,000 closes a child, 50 children.
  const closing = join(BENCH_DIR, 'strace-forks-50k-close-all.txt');
  if (!existsSync(closing)) await generateForks(closing, 50_000, 1000, 'close-all');
  rows.push(
    measure(
      '[forks] 50,000 leaked sockets, 50 vforks closing all: analyze --json',
      `${FDLEAK} analyze --json ${JSON.stringify(closing)} > /dev/null`,
    ),
  );
  return rows;
}

export const section: BenchSection = {
  title: `strace: ${MB} MB, multi-thread`,
  run,
  notes: (rows) => [
    ...rows
      .filter((r) => r.label.endsWith('(start-up included)'))
      .map(
        (r) =>
          `${r.label.split(']')[0]}]: ${r.mbPerSecond?.toFixed(0)} MB/s median, ${r.bestMbPerSecond?.toFixed(0)} MB/s best (target >= 200), peak RSS ${r.peakRssMb?.toFixed(0)} MB (target < 300)`,
      ),
    ...rows
      .filter((r) => r.label.startsWith('[forks]'))
      .map((r) => `${r.label}: ${r.seconds.toFixed(2)} s median, peak RSS ${r.peakRssMb?.toFixed(0)} MB (target < 300)`),
  ],
};
