// `npm run bench`: speed and memory of fdleak on big inputs, next to the shell baselines the
// write-up used, measured in the same run on the same files. Prints figures; asserts nothing.
// Inputs are generated under .bench/ (git-ignored) and kept between runs.
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { generateHostLsof, generateLsof } from './lsof-gen.js';
import { RUNS, machineProbe, measure, sizeMb, table, type Measured } from './measure.js';
import { BENCH_DIR as OUT, BENCH_ROOT, FDLEAK, type BenchSection } from './common.js';

async function lsofSection(): Promise<Measured[]> {
  const file = join(OUT, 'lsof-1M.txt');
  if (!existsSync(file)) await generateLsof(file, 1_000_000);
  return lsofRuns(file);
}

/** A host of 1,000 processes with 1,000 fds each, as lsof aligns it or as a paste squeezes it. */
function hostLsofSection(squeezed: boolean): () => Promise<Measured[]> {
  return async () => {
    const file = join(OUT, `lsof-host-1000x1000${squeezed ? '-squeezed' : ''}.txt`);
    if (!existsSync(file)) await generateHostLsof(file, 1000, 1000, squeezed);
    return lsofRuns(file);
  };
}

/** fdleak next to the write-up's pipeline (and `wc -l`, the floor) on one lsof file. */
function lsofRuns(file: string): Measured[] {
  const bytes = sizeMb(file) * 1024 * 1024;
  const q = JSON.stringify(file);
  return [
    measure('wc -l', `wc -l ${q}`, bytes),
    measure("awk '{print $2}' | sort | uniq -c | sort -nr | head", `awk '{print $2}' ${q} | sort | uniq -c | sort -nr | head`, bytes),
    measure('fdleak analyze --json (start-up included)', `${FDLEAK} analyze --json ${q} > /dev/null`, bytes),
    measure('node: start, read, count rows per pid (the floor)', `node ${join(BENCH_ROOT, 'dist', 'bench', 'lsof-floor.js')} ${q}`, bytes),
  ];
}

function lsofNotes(rows: Measured[]): string[] {
  const awk = rows[1];
  const tool = rows[2];
  const floor = rows[3];
  return [
    `fdleak / awk pipeline: ${(tool.seconds / awk.seconds).toFixed(2)}x the time (target: <= 1x); peak RSS ${tool.peakRssMb?.toFixed(0)} MB for a ${(tool.mbPerSecond! * tool.seconds).toFixed(0)} MB input`,
    `the floor / awk pipeline: ${(floor.seconds / awk.seconds).toFixed(2)}x (Node starting, reading and counting rows per pid, nothing else)`,
  ];
}

const SECTIONS: BenchSection[] = [
  { title: 'lsof: 1,000,000 lines', run: lsofSection, notes: lsofNotes },
  { title: 'lsof: a host of 1,000 processes x 1,000 fds, aligned', run: hostLsofSection(false), notes: lsofNotes },
  { title: 'lsof: the same host, columns squeezed (pasted)', run: hostLsofSection(true), notes: lsofNotes },
];

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const only = process.argv[2];
  console.log(`Each command runs ${RUNS} times (FDLEAK_BENCH_RUNS): median, and the best run.`);
  const before = machineProbe();
  for (const s of await loadSections()) {
    if (only && !s.title.toLowerCase().includes(only.toLowerCase())) continue;
    const rows = await s.run();
    console.log(`\n== ${s.title}`);
    console.log(table(rows));
    for (const n of s.notes?.(rows) ?? []) console.log(`   ${n}`);
  }
  const after = machineProbe();
  const best = Math.min(before.best, after.best);
  const worst = Math.max(before.worst, after.worst);
  console.log(
    `\nmachine speed probe (one fixed CPU loop on both cores at once, ${RUNS} runs before and after): ${best.toFixed(2)}-${worst.toFixed(2)} s, the slowest run ${(((worst - best) / best) * 100).toFixed(0)}% over the fastest`,
  );
}

/** Sections contributed by other benchmark modules (strace, report). */
async function loadSections(): Promise<BenchSection[]> {
  const extra: BenchSection[] = [];
  for (const mod of ['./strace-section.js', './report-section.js', './transcript-section.js']) {
    try {
      const m = (await import(mod)) as { section?: BenchSection };
      if (m.section) extra.push(m.section);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ERR_MODULE_NOT_FOUND') throw err;
    }
  }
  return [...SECTIONS, ...extra];
}

await main();
