// Runs a command and reports wall time and peak RSS (GNU time's %M), so tool and baseline are
// measured the same way, in the same run, on the same file.
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';

export interface Measured {
  label: string;
  seconds: number;
  peakRssMb: number | null;
  mbPerSecond: number | null;
  output: string;
}

const GNU_TIME = '/usr/bin/time';

export function measure(label: string, shellCommand: string, inputBytes?: number): Measured {
  const useTime = existsSync(GNU_TIME);
  const args = useTime ? [GNU_TIME, '-f', '__RSS_KB=%M', 'bash', '-c', shellCommand] : ['bash', '-c', shellCommand];
  const start = process.hrtime.bigint();
  const r = spawnSync(args[0], args.slice(1), { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (r.status !== 0 && r.status !== 1) throw new Error(`${label}: exit ${r.status}: ${r.stderr.slice(-500)}`);
  const rss = /__RSS_KB=(\d+)/.exec(r.stderr)?.[1];
  return {
    label,
    seconds,
    peakRssMb: rss ? Number(rss) / 1024 : null,
    mbPerSecond: inputBytes ? inputBytes / 1024 / 1024 / seconds : null,
    output: r.stdout,
  };
}

export function sizeMb(path: string): number {
  return statSync(path).size / 1024 / 1024;
}

export function table(rows: Measured[]): string {
  const lines = rows.map((m) =>
    [m.label.padEnd(58), `${m.seconds.toFixed(3)} s`.padStart(10), m.mbPerSecond ? `${m.mbPerSecond.toFixed(0)} MB/s`.padStart(11) : ''.padStart(11), m.peakRssMb ? `${m.peakRssMb.toFixed(0)} MB RSS`.padStart(13) : ''].join(' '),
  );
  return lines.join('\n');
}
