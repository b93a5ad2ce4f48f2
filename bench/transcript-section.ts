// A transcript is read whole to be split into its commands (up to 32 MiB): a hostile one of a
// million one-line commands must cost what its first 10,000 do, not memory in proportion to its
// size. Peak RSS of fdleak on 1 and 32 MiB of `$ ls /proc/N/fd | wc -l` commands: flat is the target.
import { createWriteStream, existsSync } from 'node:fs';
import { join } from 'node:path';
import { once } from 'node:events';
import { BENCH_DIR, FDLEAK, type BenchSection } from './common.js';
import { measure, sizeMb, type Measured } from './measure.js';

const SIZES_MB = [1, 32];

/** `$ ls /proc/N/fd | wc -l` and its count, over and over, up to `mb` MiB (less a few bytes: the transcript cap is 32 MiB). */
async function generateCommands(path: string, mb: number): Promise<void> {
  const out = createWriteStream(path);
  const limit = mb * 1024 * 1024 - 256;
  let written = 0;
  for (let n = 0; written < limit; n++) {
    const chunk = `$ ls /proc/${n}/fd | wc -l\n${n % 1000}\n`;
    written += chunk.length;
    if (!out.write(chunk)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

async function run(): Promise<Measured[]> {
  const rows: Measured[] = [];
  for (const mb of SIZES_MB) {
    const file = join(BENCH_DIR, `transcript-commands-${mb}mb.md`);
    if (!existsSync(file)) await generateCommands(file, mb);
    const q = JSON.stringify(file);
    rows.push(
      measure(
        `fdleak analyze --json, ${mb} MiB of one-line commands`,
        `${FDLEAK} analyze --json ${q} > /dev/null`,
        sizeMb(file) * 1024 * 1024,
      ),
    );
  }
  return rows;
}

function notes(rows: Measured[]): string[] {
  const [small, large] = rows;
  if (!small?.peakRssMb || !large?.peakRssMb) return [];
  return [
    `peak RSS ${small.peakRssMb.toFixed(0)} MB at 1 MiB, ${large.peakRssMb.toFixed(0)} MB at 32 MiB: ${(large.peakRssMb / small.peakRssMb).toFixed(2)}x (target: <= 1.5x, memory flat as the transcript grows)`,
  ];
}

export const section: BenchSection = { title: 'transcript: 1 and 32 MiB of one-line commands', run, notes };
