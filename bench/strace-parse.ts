// Parses a big strace log with the streaming sink and runs the whole analysis; prints MB/s and
// peak RSS next to `wc -l` and `grep -c connect` on the same file in the same run.
//   node dist/bench/strace-parse.js FILE.strace
import { readCapture } from '../src/sources/parse.js';
import { spawnSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import { strace } from '../src/sources/strace.js';
import { analyzeStrace } from '../src/model/strace/analyze.js';

function timed(cmd: string, args: string[]): { seconds: number; out: string } {
  const t = process.hrtime.bigint();
  const r = spawnSync(cmd, args, { encoding: 'utf8' });
  return { seconds: Number(process.hrtime.bigint() - t) / 1e9, out: r.stdout.trim() };
}

export async function benchParse(file: string) {
  const mb = statSync(file).size / (1024 * 1024);
  const warnings: string[] = [];
  const t0 = process.hrtime.bigint();
  // As ingest reads a file.
  const { artifact, stats } = await readCapture(strace, file, {
    file,
    warn: (_l, m) => {
      if (warnings.length < 5) warnings.push(m);
    },
  });
  const t1 = process.hrtime.bigint();
  const analysis = analyzeStrace([{ file, artifact }], {});
  const t2 = process.hrtime.bigint();
  const parseS = Number(t1 - t0) / 1e9;
  const totalS = Number(t2 - t0) / 1e9;
  const wc = timed('wc', ['-l', file]);
  const grep = timed('grep', ['-c', 'connect', file]);
  return {
    file,
    mb: Math.round(mb),
    lines: stats.lines,
    events: artifact.events.length,
    leaked: analysis.leakedTotal,
    topLeak: analysis.leaks[0]?.signature ?? null,
    parseSeconds: +parseS.toFixed(2),
    analysisSeconds: +(totalS - parseS).toFixed(2),
    mbPerSecond: Math.round(mb / totalS),
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    wcSeconds: +wc.seconds.toFixed(2),
    wcMbPerSecond: Math.round(mb / wc.seconds),
    grepSeconds: +grep.seconds.toFixed(2),
    grepMbPerSecond: Math.round(mb / grep.seconds),
    grepCount: Number(grep.out),
    warnings,
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  const file = process.argv[2];
  if (!file) {
    console.error('usage: strace-parse FILE.strace');
    process.exit(2);
  }
  benchParse(file).then((r) => console.log(JSON.stringify(r, null, 1)));
}
