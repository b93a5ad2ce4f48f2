// Micro-benchmark of the lsof sink alone against the shell pipeline the write-up used:
//   node dist-fd/bench/lsof-parse.js [file] [lines] [bytes|strings]
// Generates the file (bench/lsof-gen.ts) when it does not exist. Prints MB/s and peak RSS of
// reading + parsing, next to `wc -l` and `awk '{print $2}' | sort | uniq -c | sort -nr | head`.
// `strings` reads with src/bundle/lines.ts (a string per line); `bytes` hands the sink byte
// ranges (LsofSink.bytes), which is what meeting the target takes.
import { spawnSync } from 'node:child_process';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { generateLsof } from './lsof-gen.js';
import { readLines } from '../src/bundle/lines.js';
import { lsof, type LsofSink } from '../src/sources/lsof.js';
import type { FdTableArtifact } from '../src/sources/artifacts.js';

const file = process.argv[2] ?? '/tmp/fdleak-bench-lsof.txt';
const lines = Number(process.argv[3] ?? 1_000_000);
const mode = process.argv[4] === 'strings' ? 'strings' : 'bytes';

/** Wall and CPU (user + sys of the whole pipeline, from bash's `time`) seconds of a pipeline. */
function timeShell(script: string): { seconds: number; cpuSeconds: number; output: string } {
  const r = spawnSync('bash', ['-c', `TIMEFORMAT='%R %U %S'; time ( ${script} )`], { encoding: 'utf8', maxBuffer: 1 << 26 });
  const [real, user, sys] = r.stderr.trim().split('\n').pop()!.split(' ').map(Number);
  return { seconds: real, cpuSeconds: user + sys, output: r.stdout };
}

/** Hands the sink each line as a byte range of the chunk it is in (CR before LF dropped). */
async function readByteLines(path: string, sink: LsofSink): Promise<number> {
  let n = 1;
  let carry: Buffer | null = null;
  const emit = (buf: Buffer, from: number, to: number) => sink.bytes(buf, from, to > from && buf[to - 1] === 13 ? to - 1 : to, n++);
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    let from = 0;
    let nl = chunk.indexOf(10);
    if (carry) {
      // Only the line split across chunks is copied.
      if (nl === -1) {
        carry = Buffer.concat([carry, chunk]);
        continue;
      }
      const joined = Buffer.concat([carry, chunk.subarray(0, nl)]);
      emit(joined, 0, joined.length);
      carry = null;
      from = nl + 1;
      nl = chunk.indexOf(10, from);
    }
    while (nl !== -1) {
      sink.bytes(chunk, from, nl > from && chunk[nl - 1] === 13 ? nl - 1 : nl, n++);
      from = nl + 1;
      nl = chunk.indexOf(10, from);
    }
    if (from < chunk.length) carry = Buffer.from(chunk.subarray(from));
  }
  if (carry) emit(carry, 0, carry.length);
  return n - 1;
}

async function timeSink(): Promise<{ seconds: number; cpuSeconds: number; artifact: FdTableArtifact; lines: number; warnings: number }> {
  let warnings = 0;
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const sink = lsof.sink({ file, warn: () => void warnings++ }) as LsofSink;
  const count = mode === 'bytes' ? await readByteLines(file, sink) : (await readLines(file, (text, n) => sink.line(text, n))).lines;
  const artifact = sink.end();
  const cpu = process.cpuUsage(cpu0);
  return { seconds: (performance.now() - t0) / 1000, cpuSeconds: (cpu.user + cpu.system) / 1e6, artifact, lines: count, warnings };
}

async function main(): Promise<void> {
  if (!existsSync(file)) {
    const t0 = performance.now();
    await generateLsof(file, lines);
    console.log(`generated ${file} in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  }
  const mb = statSync(file).size / 1e6;
  const q = `'${file.replace(/'/g, "'\\''")}'`;

  const { seconds, cpuSeconds, artifact, lines: count, warnings } = await timeSink();
  const rssMb = process.resourceUsage().maxRSS / 1024;
  const wc = timeShell(`wc -l < ${q}`);
  const awk = timeShell(`awk '{print $2}' ${q} | sort | uniq -c | sort -nr | head`);

  const top = [...artifact.holders].sort((a, b) => b.rows - a.rows)[0];
  console.log(`file: ${count} lines, ${mb.toFixed(1)} MB`);
  console.log(
    `lsof sink (${mode === 'bytes' ? 'byte ranges, bytes()' : 'a string per line, src/bundle/lines.ts'}): ${seconds.toFixed(2)} s (CPU ${cpuSeconds.toFixed(2)} s), ` +
      `${(mb / seconds).toFixed(0)} MB/s, peak RSS ${rssMb.toFixed(0)} MB, ${artifact.rows} rows, ${artifact.holders.length} processes, ${warnings} warnings`,
  );
  console.log(
    `  top holder: pid ${top.pid} ${top.command}: ${top.rows} rows, ${top.fds} fds, ${top.threadRows} thread rows, ${top.unidentifiedSockets} unidentified sockets`,
  );
  console.log(`wc -l: ${wc.seconds.toFixed(2)} s (CPU ${wc.cpuSeconds.toFixed(2)} s) (${wc.output.trim()})`);
  console.log(
    `awk | sort | uniq -c | sort -nr | head: ${awk.seconds.toFixed(2)} s (CPU ${awk.cpuSeconds.toFixed(2)} s); first: ${awk.output.split('\n')[0].trim()}`,
  );
  console.log(
    `sink / awk pipeline: wall ${(seconds / awk.seconds).toFixed(2)}, CPU ${(cpuSeconds / awk.cpuSeconds).toFixed(2)} (target < 0.5)`,
  );
}

await main();
