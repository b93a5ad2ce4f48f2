// Micro-benchmark of the lsof sink alone against the shell pipeline the write-up used:
//   node dist-fd/bench/lsof-parse.js [file] [lines]
// Generates the file (bench/lsof-gen.ts) when it does not exist. Prints MB/s and peak RSS of
// reading + parsing, next to `wc -l` and `awk '{print $2}' | sort | uniq -c | sort -nr | head`.
import { execFileSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { generateLsof } from './lsof-gen.js';
import { readLines } from '../src/bundle/lines.js';
import { lsof } from '../src/sources/lsof.js';

const file = process.argv[2] ?? '/tmp/fdleak-bench-lsof.txt';
const lines = Number(process.argv[3] ?? 1_000_000);

function timeShell(script: string): { seconds: number; output: string } {
  const t0 = performance.now();
  const output = execFileSync('sh', ['-c', script], { encoding: 'utf8', maxBuffer: 1 << 26 });
  return { seconds: (performance.now() - t0) / 1000, output };
}

async function main(): Promise<void> {
  if (!existsSync(file)) {
    const t0 = performance.now();
    await generateLsof(file, lines);
    console.log(`generated ${file} in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  }
  const bytes = statSync(file).size;
  const mb = bytes / 1e6;
  const q = `'${file.replace(/'/g, "'\\''")}'`;

  let warnings = 0;
  const t0 = performance.now();
  const sink = lsof.sink({ file, warn: () => void warnings++ });
  const stats = await readLines(file, (text, n) => sink.line(text, n));
  const artifact = sink.end();
  const parseSeconds = (performance.now() - t0) / 1000;
  const rssMb = process.resourceUsage().maxRSS / 1024;

  const wc = timeShell(`wc -l < ${q}`);
  const awk = timeShell(`awk '{print $2}' ${q} | sort | uniq -c | sort -nr | head`);

  const top = [...artifact.holders].sort((a, b) => b.rows - a.rows)[0];
  console.log(`file: ${stats.lines} lines, ${mb.toFixed(1)} MB`);
  console.log(`lsof sink: ${parseSeconds.toFixed(2)} s, ${(mb / parseSeconds).toFixed(0)} MB/s, peak RSS ${rssMb.toFixed(0)} MB, ${artifact.rows} rows, ${artifact.holders.length} processes, ${warnings} warnings`);
  console.log(`  top holder: pid ${top.pid} ${top.command}: ${top.rows} rows, ${top.fds} fds, ${top.threadRows} thread rows, ${top.unidentifiedSockets} unidentified sockets`);
  console.log(`wc -l: ${wc.seconds.toFixed(2)} s (${wc.output.trim()})`);
  console.log(`awk | sort | uniq -c | sort -nr | head: ${awk.seconds.toFixed(2)} s; first: ${awk.output.split('\n')[0].trim()}`);
  console.log(`sink / awk pipeline: ${(parseSeconds / awk.seconds).toFixed(2)} (must be < 0.5)`);
}

await main();
