// With its own limit not in the bundle, a process is held against the limit it gets unless raised:
// macOS's 256 when its lsof listing is macOS's (KQUEUE, PIPE rows, internet sockets whose DEVICE is a
// kernel address), else Linux's 1,024. Real rows: test/accuracy/cases/gh-zephyr-macos-lsof-kqueue-pipes-negative
// (macOS lsof of zephyr, pid 29460), gh-proxyee-java-macos-lsof-i-self-loop-enfile-zh (`lsof -i:9999`).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeBundle } from '../../src/analysis.js';
import { CASES_DIR } from '../accuracy/score.js';
import { analyzeTranscript } from '../analyze-transcript.js';

const now = new Date('2026-01-01T00:00:00Z');
const ZEPHYR = readFileSync(join(CASES_DIR, 'gh-zephyr-macos-lsof-kqueue-pipes-negative', 'transcript.md'), 'utf8');
/** Its fd 6 row, cut as pasted (`->` with no peer), left out: the six rows above it are whole. */
const WHOLE = ZEPHYR.replace(/^zephyr {2}29460 trotter {4}6 .*\n/m, '');
const PIPE_ROW = /^(zephyr {2}29460 trotter {4})5( {5}PIPE .*)$/m;

/** The listing with its pipe row repeated on fds 6 … last (each a pipe end of its own, as a leak would). */
function withPipesTo(last: number): string {
  const [row, head, tail] = PIPE_ROW.exec(WHOLE)!;
  const more = Array.from({ length: last - 5 }, (_, i) => `${head}${String(6 + i).padEnd(1)}${tail}`);
  return WHOLE.replace(row, [row, ...more].join('\n'));
}

const analyse = (text: string) => analyzeTranscript(text, 'transcript.md', now);

test("a macOS listing's process is held against macOS's usual 256: 7 fds are healthy, 150 listed in full are not shown healthy", async () => {
  const small = await analyse(WHOLE);
  assert.equal(small.verdict, 'no-leak');
  assert.equal(small.processes?.find((p) => p.pid === 29460)?.usualLimit, 256);
  const big = await analyse(withPipesTo(149));
  assert.equal(big.processes?.find((p) => p.pid === 29460)?.fdCount, 150);
  assert.notEqual(big.verdict, 'no-leak');
});

test("a Linux listing's process says no usual limit of its own (Linux's 1,024 is the default)", async () => {
  const { result } = await analyzeBundle(join(CASES_DIR, 'gh-es-translog-one-file-star-fd-rows', 'transcript.md'), { now });
  assert.ok(result.processes?.every((p) => p.usualLimit === undefined));
});

test("a macOS `lsof -i` of sockets only (DEVICE 0x…) is macOS's: fd 130 is past half of 256, so pid 9581 is pointed at", async () => {
  const text = readFileSync(join(CASES_DIR, 'gh-proxyee-java-macos-lsof-i-self-loop-enfile-zh', 'transcript.md'), 'utf8');
  const result = await analyse(text);
  assert.equal(result.processes?.find((p) => p.pid === 9581)?.usualLimit, 256);
  assert.equal(result.verdict, 'inconclusive');
  assert.equal(result.suspects?.[0]?.pid, 9581);
});
