// Captures made to hurt (issue 18): millions of fds never closed, closes of fds never seen, the
// same fd made again and again, and values strace cannot print. Memory stays bounded, the counts
// stay right, and no NaN, Infinity or Invalid Date reaches the analysis or a report.
import { readCapture } from '../../src/sources/parse.js';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strace } from '../../src/sources/strace.js';
import { analyzeStrace } from '../../src/model/strace/analyze.js';
import { MAX_TRACKED_FDS, MAX_UNKNOWN_CLOSES } from '../../src/sources/strace/compact.js';
import { renderMarkdownFull } from '../../src/report/markdown.js';
import { analyzeTranscript } from '../analyze-transcript.js';

/** The capture in a file of its own, read as ingest reads it (chunks, pre-filter, text path). */
async function readTrace(lines: string[]) {
  const path = join(mkdtempSync(join(tmpdir(), 'fdleak-hostile-')), 'strace.txt');
  writeFileSync(path, lines.join('\n') + '\n');
  const warnings: string[] = [];
  const { artifact } = await readCapture(strace, path, { file: 'strace.txt', warn: (line, m) => warnings.push(`${line}: ${m}`) });
  return { artifact, warnings, analysis: analyzeStrace([{ file: 'strace.txt', artifact }], { pid: 7 }) };
}

const clock = (k: number) =>
  `${String(10 + Math.floor(k / 3_600_000)).padStart(2, '0')}:${String(Math.floor(k / 60_000) % 60).padStart(2, '0')}:${String(Math.floor(k / 1000) % 60).padStart(2, '0')}.${String(k % 1000).padStart(3, '0')}000`;

test(`sockets never closed past ${MAX_TRACKED_FDS} open in one process: counted, not kept, and the leak says how many`, async () => {
  const extra = 30_000;
  const lines = Array.from(
    { length: MAX_TRACKED_FDS + extra },
    (_, k) => `7  ${clock(k)} socket(AF_INET, SOCK_STREAM, IPPROTO_IP) = ${3 + k}`,
  );
  // Ten of the fds past the cap are closed again.
  for (let k = 0; k < 10; k++) lines.push(`7  ${clock(MAX_TRACKED_FDS + extra + k)} close(${3 + MAX_TRACKED_FDS + k}) = 0`);
  const { artifact, analysis } = await readTrace(lines);
  assert.equal(artifact.events.length, MAX_TRACKED_FDS);
  assert.deepEqual(
    artifact.untracked?.map((u) => [u.tid, u.detail, u.created, u.ended]),
    [[7, 'socket(AF_INET, SOCK_STREAM)', extra, 10]],
  );
  const open = MAX_TRACKED_FDS + extra - 10;
  assert.equal(analysis.leakedTotal, open);
  assert.deepEqual(
    analysis.leaks.map((l) => [l.tid, l.signature, l.count]),
    [[7, 'socket(AF_INET, SOCK_STREAM) → (no close)', open]],
  );
  assert.equal(analysis.threads[0].leaked, open);
  assert.equal(analysis.leaks[0].spread, 10);
  assert.equal(analysis.rootCause?.tid, 7);
});

test('the same fd made again and again without a close: one event, one fd open', async () => {
  const lines = Array.from({ length: 50_000 }, (_, k) => `7  ${clock(k)} socket(AF_INET, SOCK_STREAM, IPPROTO_IP) = 5`);
  const { artifact, analysis } = await readTrace(lines);
  assert.equal(artifact.events.length, 1);
  assert.equal(analysis.leakedTotal, 1);
  assert.equal(artifact.threads[0].creates, 50_000);
});

test(`closes of fds never seen open past ${MAX_UNKNOWN_CLOSES}: counted, not kept`, async () => {
  const n = MAX_UNKNOWN_CLOSES + 5_000;
  const lines = Array.from({ length: n }, (_, k) => `7  ${clock(k)} close(${3 + k}) = 0`);
  const { artifact, analysis } = await readTrace(lines);
  assert.equal(artifact.events.length, MAX_UNKNOWN_CLOSES);
  assert.equal(artifact.untrackedCloses, 5_000);
  assert.equal(analysis.preexisting, n);
});

/** Every number and text reachable from x; NaN, Infinity and "Invalid Date" must not be among them. */
function assertFinite(x: unknown, path = '$'): void {
  if (typeof x === 'number') assert.ok(Number.isFinite(x), `${path} = ${x}`);
  else if (typeof x === 'string') assert.ok(!/\bNaN\b|Infinity|Invalid Date/.test(x), `${path} = ${x}`);
  else if (Array.isArray(x)) for (const [i, v] of x.entries()) assertFinite(v, `${path}[${i}]`);
  else if (x && typeof x === 'object') for (const [k, v] of Object.entries(x)) assertFinite(v, `${path}.${k}`);
}

test('a -ttt time past 2^64 and results no call returns: warnings on their lines; analysis and report hold no NaN, Infinity or Invalid Date', async () => {
  const lines: string[] = [];
  for (let k = 0; k < 20; k++) {
    const t = 1795633799 + k;
    lines.push(`7  ${t}.100000 socket(AF_INET, SOCK_STREAM, IPPROTO_IP) = ${10 + k}<socket:[${500 + k}]>`);
    lines.push(
      `7  ${t}.200000 connect(${10 + k}<socket:[${500 + k}]>, {sa_family=AF_INET, sin_port=htons(2280), sin_addr=inet_addr("127.0.0.1")}, 16) = ${k % 2 ? '-0x7fffffff' : '-1 ECONNREFUSED (Connection refused)'}`,
    );
    lines.push(`7  ${t}.300000 write(3</var/log/app.log>, "ERROR connect failed\\n", 21) = 21`);
  }
  lines.splice(
    7,
    0,
    '7  18446744073709551616 socket(AF_INET, SOCK_STREAM, IPPROTO_IP) = 99',
    '7  1e400 close(3) = 0',
    '99999999999999999999999 1795633799.5 close(4) = 0',
  );
  const result = await analyzeTranscript(lines.join('\n') + '\n', 'strace.txt', undefined, { folder: true });
  const source = result.sources.find((s) => s.file === 'strace.txt');
  assert.equal(source?.kind, 'strace');
  // Ten connects return what no call returns: five are said on their lines, the rest counted in one.
  const warnings = source?.warnings ?? [];
  assert.deepEqual(
    warnings.slice(0, -1).map((w) => Number(/^strace\.txt:(\d+):/.exec(w)?.[1])),
    [5, 8, 9, 10, 14, 20, 26, 32],
  );
  assert.ok(
    warnings.slice(0, -1).every((w) => /no time|no value strace prints/.test(w)),
    JSON.stringify(warnings),
  );
  assert.equal(warnings.at(-1), 'strace.txt: 5 more lines like the result warnings above');
  assert.equal(result.rootCause?.tid, 7);
  assertFinite(result);
  const md = renderMarkdownFull(result);
  assert.ok(!/\bNaN\b|Infinity|Invalid Date/.test(md));
});
