// Runs a command several times and reports its median and best wall time and its peak RSS (GNU
// time's %M), so tool and baseline are measured the same way, in the same run, on the same file.
// Several runs: this kind of machine's speed wanders by up to half between seconds (see
// machineProbe), and one run can land in a slow spell.
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';

export interface Measured {
  label: string;
  /** The median of the runs. */
  seconds: number;
  /** The fastest run. */
  bestSeconds?: number;
  runs?: number;
  peakRssMb: number | null;
  mbPerSecond: number | null;
  bestMbPerSecond?: number | null;
  output: string;
}

/** Runs per command: FDLEAK_BENCH_RUNS, default 5. */
export const RUNS = Math.max(1, Number(process.env.FDLEAK_BENCH_RUNS ?? 5) || 5);

const GNU_TIME = '/usr/bin/time';

export function measure(label: string, shellCommand: string, inputBytes?: number, runs = RUNS): Measured {
  const useTime = existsSync(GNU_TIME);
  const args = useTime ? [GNU_TIME, '-f', '__RSS_KB=%M', 'bash', '-c', shellCommand] : ['bash', '-c', shellCommand];
  const times: number[] = [];
  let peak: number | null = null;
  let output = '';
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    const r = spawnSync(args[0], args.slice(1), { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    times.push(Number(process.hrtime.bigint() - start) / 1e9);
    if (r.status !== 0 && r.status !== 1) throw new Error(`${label}: exit ${r.status}: ${r.stderr.slice(-500)}`);
    const rss = /__RSS_KB=(\d+)/.exec(r.stderr)?.[1];
    if (rss) peak = Math.max(peak ?? 0, Number(rss) / 1024);
    output = r.stdout;
  }
  times.sort((a, b) => a - b);
  const seconds = times[Math.floor((times.length - 1) / 2)];
  const perSecond = (t: number) => (inputBytes ? inputBytes / 1024 / 1024 / t : null);
  return {
    label,
    seconds,
    bestSeconds: times[0],
    runs,
    peakRssMb: peak,
    mbPerSecond: perSecond(seconds),
    bestMbPerSecond: perSecond(times[0]),
    output,
  };
}

// In a function: top-level `let`s of a script live in its context and run several times slower.
const PROBE =
  '(() => { const t = process.hrtime.bigint(); let x = 0; for (let k = 0; k < 300_000_000; k++) x = (Math.imul(x, 31) + k) | 0; console.log(x === 42 ? 0 : Number(process.hrtime.bigint() - t) / 1e9); })()';

/**
 * The same fixed CPU-bound loop on both cores at once, `runs` times: how much the machine's own
 * speed varied while the benchmarks ran. Here one core has run the same loop 1.3x-1.7x slower than
 * the other for spells of seconds, which a two-core read feels in full.
 */
export function machineProbe(runs = RUNS): { best: number; worst: number } {
  const times: number[] = [];
  const loop = JSON.stringify(PROBE);
  for (let i = 0; i < runs; i++) {
    const r = spawnSync('bash', ['-c', `node -e ${loop} & node -e ${loop}; wait`], { encoding: 'utf8' });
    for (const t of r.stdout.trim().split(/\s+/)) if (Number(t) > 0) times.push(Number(t));
  }
  return { best: Math.min(...times), worst: Math.max(...times) };
}

export function sizeMb(path: string): number {
  return statSync(path).size / 1024 / 1024;
}

export function table(rows: Measured[]): string {
  const lines = rows.map((m) => {
    const runs = m.runs && m.runs > 1;
    const time = runs ? `${m.seconds.toFixed(2)} s (best ${m.bestSeconds!.toFixed(2)})` : `${m.seconds.toFixed(3)} s`;
    const rate = m.mbPerSecond
      ? runs
        ? `${m.mbPerSecond.toFixed(0)} MB/s (best ${m.bestMbPerSecond!.toFixed(0)})`
        : `${m.mbPerSecond.toFixed(0)} MB/s`
      : '';
    return [
      m.label.padEnd(58),
      time.padStart(20),
      rate.padStart(22),
      m.peakRssMb ? `${m.peakRssMb.toFixed(0)} MB RSS`.padStart(13) : '',
    ].join(' ');
  });
  return lines.join('\n');
}
