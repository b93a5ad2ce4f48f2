// Writes to one fd that end no line go on with the next write: one line of the file. Real lines of
// the round's captured cases: rust-spawnr-probe-pipes-ls-tail-cut-strace-p-no-f (Rust's eprintln!
// writing `spawnr[`, `12884`, `]: `, `150`, ` probes\n` as five calls) and
// py-pollc-lsof-head-40-cut-mid-address-close-wait-strace-p (Python's print, its text cut by -s 32).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createStraceSink } from '../../src/sources/strace/sink.js';

function writes(lines: readonly string[]) {
  const sink = createStraceSink({ file: 'strace.txt', warn: () => {} });
  for (const [i, l] of lines.entries()) sink.line(l, i + 1);
  return sink.end().writes;
}

test("eprintln's five writes are one line, sampled once", () => {
  const w = writes([
    '21:14:58.655455 getpid()                = 12884',
    '21:14:58.655479 write(2, "spawnr[", 7)  = 7',
    '21:14:58.655512 write(2, "12884", 5)    = 5',
    '21:14:58.655536 write(2, "]: ", 3)      = 3',
    '21:14:58.655561 write(2, "150", 3)      = 3',
    '21:14:58.655585 write(2, " probes\\n", 8) = 8',
    '21:14:58.655610 clock_nanosleep(CLOCK_MONOTONIC, 0, {tv_sec=0, tv_nsec=50000000}, 0x7ffefa32e0c8) = 0',
    '21:14:58.705854 write(2, "spawnr[", 7)  = 7',
  ]);
  assert.equal(w.length, 1);
  assert.equal(w[0].count, 6);
  assert.deepEqual(
    w[0].samples.map((s) => [s.text, s.bytes, s.line]),
    [
      ['spawnr[12884]: 150 probes\n', 26, 2],
      ['spawnr[', 7, 8],
    ],
  );
});

test('a write cut by -s ends its sample: the newline after it is a sample of its own', () => {
  const w = writes([
    '21:14:33.264905 write(1, "21:14:33 pollc[12539]: 100 polls"..., 35) = 35',
    '21:14:33.264949 write(1, "\\n", 1)       = 1',
  ]);
  assert.deepEqual(
    w[0].samples.map((s) => s.text),
    ['21:14:33 pollc[12539]: 100 polls', '\n'],
  );
});
