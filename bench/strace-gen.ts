// Writes an N-MB multi-thread strace log (`strace -f -tt -T -y` shape) for the parse benchmark,
// built from the real Java capture: the capture is repeated block after block with its tids
// (also the child tids that forks return) renumbered per block and its times shifted so the file
// stays in time order.
//   node dist/bench/strace-gen.js OUT.strace [MB=500] [fd-churn|busy-server]
import { createWriteStream, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, resolve } from 'node:path';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const JAVA = resolve(ROOT, 'test/fixtures/strace/java-cat-leak/f-tt-T-y.strace');
const SERVER = resolve(ROOT, 'test/fixtures/strace/py-healthy-server/f-tt-T-y.strace');

/**
 * Which real captures make up the log, block by block:
 * - 'fd-churn': the Java capture alone; its worker threads open and close files and sockets
 *   non-stop, so ~22% of the lines are fd lifecycle calls: a worst case.
 * - 'busy-server': the busy Python server (recvfrom/sendto on 600 live sockets, epoll) with one
 *   block of the Java leak capture in four: mostly calls on fds that are not in question.
 */
export type StraceMix = 'fd-churn' | 'busy-server';
const MIXES: Record<StraceMix, string[]> = {
  'fd-churn': [JAVA],
  'busy-server': [SERVER, SERVER, SERVER, JAVA],
};
const PREFIX = /^(\d+)(\s+)(\d\d):(\d\d):(\d\d\.\d+)(.*)$/;

interface Row {
  tid: number;
  gap: string;
  t: number;
  rest: string /** A fork's result: the child's tid, renumbered with the others. */;
  child?: number;
}

/** `clone3(...) = 8660 <0.006410>` and `<... clone resumed>) = 8660`: the new task's tid. */
const FORK = /^\s*(?:(?:clone3?|v?fork)\(|<\.\.\. (?:clone3?|v?fork) resumed>)/;
const RESULT = / = (\d+)((?: <[\d.]+>)?)$/;

function clock(t: number): string {
  const h = Math.floor(t / 3600) % 24;
  const m = Math.floor((t % 3600) / 60);
  const s = t % 60;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:${s.toFixed(6).padStart(9, '0')}`;
}

function rowsOf(source: string): { rows: Row[]; t0: number; span: number; tids: number[] } {
  const rows: Row[] = [];
  for (const line of readFileSync(source, 'utf8').split('\n')) {
    const m = PREFIX.exec(line);
    if (m) rows.push({ tid: Number(m[1]), gap: m[2], t: Number(m[3]) * 3600 + Number(m[4]) * 60 + Number(m[5]), rest: m[6] });
  }
  const t0 = rows[0].t;
  const tids = [...new Set(rows.map((r) => r.tid))];
  for (const r of rows) {
    const m = FORK.test(r.rest) ? RESULT.exec(r.rest) : null;
    if (m && tids.includes(Number(m[1]))) r.child = Number(m[1]);
  }
  return { rows, t0, span: rows[rows.length - 1].t - t0 + 0.001, tids };
}

export async function generate(
  out: string,
  megabytes: number,
  mix: StraceMix = 'fd-churn',
): Promise<{ bytes: number; lines: number; blocks: number }> {
  const sources = MIXES[mix].map(rowsOf);
  const target = megabytes * 1024 * 1024;
  const stream = createWriteStream(out);
  let bytes = 0;
  let lines = 0;
  let block = 0;
  // Blocks cycle through 8 tid ranges, so the file looks like one busy process with many threads.
  let shift = 0;
  while (bytes < target) {
    const { rows, t0, span, tids } = sources[block % sources.length];
    const tidBase = 100000 + (block % 8) * 1000;
    const chunk: string[] = [];
    for (const r of rows) {
      const tid = tidBase + tids.indexOf(r.tid);
      // The child's tid in a fork's result is renumbered like the child's own lines.
      const rest =
        r.child === undefined ? r.rest : r.rest.replace(RESULT, (_m, _n, dur: string) => ` = ${tidBase + tids.indexOf(r.child!)}${dur}`);
      chunk.push(`${tid}${r.gap}${clock(8 * 3600 + (r.t - t0) + shift)}${rest}`);
    }
    const text = chunk.join('\n') + '\n';
    shift += span;
    bytes += Buffer.byteLength(text);
    lines += chunk.length;
    if (!stream.write(text)) await new Promise<void>((ok) => stream.once('drain', () => ok()));
    block++;
  }
  await new Promise<void>((ok, fail) => stream.end((e?: Error | null) => (e ? fail(e) : ok())));
  return { bytes, lines, blocks: block };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  const [out, mb, mix] = process.argv.slice(2);
  if (!out) {
    console.error('usage: strace-gen OUT.strace [MB=500]');
    process.exit(2);
  }
  generate(out, Number(mb ?? 500), (mix as StraceMix | undefined) ?? 'fd-churn').then((r) => console.log(JSON.stringify(r)));
}
