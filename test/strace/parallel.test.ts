// Big strace files are read in two parts on two cores (src/strace/parallel.ts). Forced onto small
// real captures (FDLEAK_PARALLEL_MIN_BYTES=0) and cut at several places, the analysis must find
// what the one-pass read finds: the same leaks, root cause, cloexec races and fd-log link.
// Known seam difference: each part quotes the text of its own first lines per call pattern, so
// evidence may carry a quoted line where the one-pass read has only the line number (compared
// without `text`). -r times are summed in another order: equal to ~1e-12 s, not bit for bit.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { ROOT, damage, filesUnder, fixturePath } from '../helpers.js';
import { ingestFile } from '../../src/bundle/ingest.js';
import { readLineBytes } from '../../src/bundle/lines.js';
import { strace } from '../../src/sources/strace.js';
import { analyzeStrace } from '../../src/strace/analyze.js';
import { carryIntoForks, mergeStraceParts, seamTimeShift } from '../../src/strace/merge-parts.js';
import { parseStraceFile, type ParsedFile } from '../../src/strace/parallel.js';
import { createStraceSink } from '../../src/strace/stream.js';
import type { FdEvent, StraceArtifact } from '../../src/strace/types.js';
import type { SourceWarning } from '../../src/types.js';

const FILES = [
  ...filesUnder(fixturePath('strace'), /\.strace$|\/ff\/trace\.\d+$/),
  ...filesUnder(join(ROOT, 'samples'), /\/strace[^/]*\.(txt|log)$/),
];

/** The JSON form without quoted line texts. */
const noText = (x: unknown): unknown => JSON.parse(JSON.stringify(x ?? null, (k, v) => (k === 'text' ? undefined : v)));

async function parse(path: string, file: string, minBytes: string, at?: number): Promise<ParsedFile & { warnings: SourceWarning[] }> {
  const saved = process.env.FDLEAK_PARALLEL_MIN_BYTES;
  process.env.FDLEAK_PARALLEL_MIN_BYTES = minBytes;
  try {
    const warnings: SourceWarning[] = [];
    const parsed = await parseStraceFile(path, { file, warn: (line, message) => warnings.push({ file, line, message }) }, statSync(path).size, { at, read: 'parts' });
    return { ...parsed, warnings };
  } finally {
    if (saved === undefined) delete process.env.FDLEAK_PARALLEL_MIN_BYTES;
    else process.env.FDLEAK_PARALLEL_MIN_BYTES = saved;
  }
}

function assertSameAnswer(seq: StraceArtifact, par: StraceArtifact, file: string, where: string): void {
  const a = analyzeStrace([{ file, artifact: seq }]);
  const b = analyzeStrace([{ file, artifact: par }]);
  const leaks = (x: typeof a) => x.leaks.map((l) => [l.pid, l.tid, l.signature, l.count, l.fds]);
  assert.deepEqual(leaks(b), leaks(a), `${where}: leaks`);
  assert.deepEqual(noText(b.rootCause), noText(a.rootCause), `${where}: root cause`);
  assert.deepEqual(noText(b.cloexecRaces), noText(a.cloexecRaces), `${where}: cloexec races`);
  assert.deepEqual(noText(b.fdLog), noText(a.fdLog), `${where}: fd-log link`);
  assert.deepEqual(noText(b.nonExecChildren), noText(a.nonExecChildren), `${where}: children without exec`);
  assert.equal(b.preexisting, a.preexisting, `${where}: fds open before the capture`);
  assert.deepEqual(b.threads, a.threads, `${where}: thread summary`);
  const counts = (x: StraceArtifact) => ({
    lines: x.lines, parsedLines: x.parsedLines, unfinishedAtEnd: x.unfinishedAtEnd, shape: x.shape, attached: x.attached,
    threads: x.threads.map((t) => [t.tid, t.lines, t.creates, t.closes, t.forks, t.failedConnects, t.signals, t.firstLine]),
    writes: x.writes.map((w) => [w.tid, w.fd, w.path, w.count, w.bytes, w.samples.map((s) => [s.line, s.text, s.bytes])]),
  });
  assert.deepEqual(counts(par), counts(seq), `${where}: artifact counts`);
}

for (const path of FILES) {
  const file = relative(ROOT, path);
  test(`parallel read of ${file}: the one-pass answer, wherever the file is cut`, async () => {
    const seq = await parse(path, file, '1e18');
    assert.equal(seq.parts, 1);
    const size = statSync(path).size;
    for (let k = 1; k < 10; k++) {
      const par = await parse(path, file, '0', Math.floor((size * k) / 10));
      assert.equal(par.parts, 2, `cut ${k}/10 read in two parts (${par.whole ?? ''})`);
      assertSameAnswer(seq.artifact, par.artifact, file, `cut ${k}/10`);
      assert.deepEqual(par.stats, seq.stats, `cut ${k}/10: line stats`);
      assert.deepEqual(par.warnings, seq.warnings, `cut ${k}/10: warnings`);
    }
  });
}

test('a worker holding too many events gives up: the first part\'s sink reads on, as one pass', async () => {
  const path = fixturePath('strace', 'java-cat-leak', 'f-tt-T-y.strace');
  const seq = await parse(path, 'f-tt-T-y.strace', '1e18');
  const saved = process.env.FDLEAK_PARALLEL_MIN_BYTES;
  process.env.FDLEAK_PARALLEL_MIN_BYTES = '0';
  try {
    const warnings: SourceWarning[] = [];
    const file = 'f-tt-T-y.strace';
    const par = await parseStraceFile(path, { file, warn: (line, message) => warnings.push({ file, line, message }) }, statSync(path).size, { workerMaxEvents: -1, read: 'parts' });
    assert.equal(par.parts, 1);
    assert.match(par.whole ?? '', /more than -1 events held/);
    assert.deepEqual(par.artifact, seq.artifact);
    assert.deepEqual(par.stats, seq.stats);
    assert.deepEqual(warnings, seq.warnings);
  } finally {
    if (saved === undefined) delete process.env.FDLEAK_PARALLEL_MIN_BYTES;
    else process.env.FDLEAK_PARALLEL_MIN_BYTES = saved;
  }
});

test('ingest uses the two-part read for a big strace file (threshold forced to 0, FDLEAK_STRACE_READ=parts)', async () => {
  const path = fixturePath('strace', 'java-cat-leak', 'f-tt-T-y.strace');
  const saved = process.env.FDLEAK_PARALLEL_MIN_BYTES;
  process.env.FDLEAK_PARALLEL_MIN_BYTES = '0';
  process.env.FDLEAK_STRACE_READ = 'parts';
  try {
    const [entry] = await ingestFile(path, 'f-tt-T-y.strace', undefined, [strace]);
    const seq = await parse(path, 'f-tt-T-y.strace', '1e18');
    assert.equal(entry.source, 'strace');
    assert.equal(entry.lines, seq.stats.lines);
    // The compactors of the two parts fold fewer pairs: more events, the same answer (and records:
    // the calls read).
    assert.ok((entry.artifact as StraceArtifact).events.length > seq.artifact.events.length);
    assert.equal((entry.artifact as StraceArtifact).records, seq.artifact.records);
    assertSameAnswer(seq.artifact, entry.artifact as StraceArtifact, 'f-tt-T-y.strace', 'ingest');
  } finally {
    delete process.env.FDLEAK_STRACE_READ;
    if (saved === undefined) delete process.env.FDLEAK_PARALLEL_MIN_BYTES;
    else process.env.FDLEAK_PARALLEL_MIN_BYTES = saved;
  }
});

test('damaged captures cut in two: the one-pass answer, wherever the file is cut', async () => {
  // Seam cases a damaged capture makes: a call left pending at the seam whose resumption was lost
  // is replaced by the thread's next call; a close lost before the seam is shown by the fd being
  // created again after it; a child whose execve was lost opens fds over the ones it inherited.
  const dir = mkdtempSync(join(tmpdir(), 'fdleak-damaged-'));
  let compared = 0;
  for (const source of FILES.filter((f) => f.endsWith('.strace'))) {
    for (let k = 0; k < 3; k++) {
      const path = join(dir, `${k}.strace`);
      writeFileSync(path, damage(readFileSync(source, 'utf8').split('\n'), 99 + k, { strays: true }).join('\n'));
      const seq = await parse(path, 'trace.log', '1e18');
      const size = statSync(path).size;
      for (let c = 1; c < 6; c++) {
        const par = await parse(path, 'trace.log', '0', Math.floor((size * c) / 6));
        const where = `${relative(ROOT, source)}, damage ${k}, cut ${c}/6`;
        assertSameAnswer(seq.artifact, par.artifact, 'trace.log', where);
        assert.equal(par.artifact.unfinishedAtEnd, seq.artifact.unfinishedAtEnd, `${where}: unfinished at the end`);
        compared++;
      }
    }
  }
  assert.ok(compared > 50);
});

test('readLineBytes reads a byte range like a file of its own', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'fdleak-lines-'));
  const path = join(dir, 'x.txt');
  writeFileSync(path, 'one\ntwo\r\nthree\nfour');
  const read = async (start: number, end: number) => {
    const lines: string[] = [];
    const stats = await readLineBytes(path, (b, s, e, n) => lines.push(`${n}:${Buffer.from(b.subarray(s, e)).toString()}`), { start, end, firstLine: 7 });
    return { lines, stats };
  };
  const mid = await read(4, 15);
  assert.deepEqual(mid.lines, ['7:two', '8:three']);
  assert.deepEqual(mid.stats, { lines: 2, bytes: 11, crlf: 1, binaryHint: false, noFinalNewline: false });
  const tail = await read(15, 19);
  assert.deepEqual(tail.lines, ['7:four']);
  assert.equal(tail.stats.noFinalNewline, true);
});

// ------------------------------------------------------------------ merge-parts

const ctx = { file: 'cap.strace', warn: () => {} };

/** One sink over all lines, and two sinks over lines[0, cut) and lines[cut, end) merged. */
function oneAndTwo(lines: string[], cut: number): { one: StraceArtifact; two: StraceArtifact } {
  const whole = createStraceSink(ctx);
  lines.forEach((l, i) => whole.line(l, i + 1));
  const first = createStraceSink(ctx, { firstPart: true });
  lines.slice(0, cut).forEach((l, i) => first.line(l, i + 1));
  const second = createStraceSink(ctx, { seam: true });
  lines.slice(cut).forEach((l, i) => second.line(l, i + 1));
  return { one: whole.end(), two: mergeStraceParts({ first: first.end(), second: second.end(), lineOffset: cut }) };
}

const strip = (a: StraceArtifact) => ({
  ...a,
  records: undefined,
  foldedPairs: undefined,
  events: a.events.map((e) => [e.kind, e.tid, e.fd, e.time, e.line, e.detail]),
});

test('merge-parts: a -tt capture cut just after midnight continues on the next day', () => {
  const lines = [
    '100  23:59:59.100000 socket(AF_INET, SOCK_STREAM, IPPROTO_IP) = 5<socket:[1]> <0.000010>',
    '100  23:59:59.900000 write(5<socket:[1]>, "a", 1) = 1 <0.000010>',
    '101  00:00:00.200000 socket(AF_INET, SOCK_STREAM, IPPROTO_IP) = 6<socket:[2]> <0.000010>',
    '100  00:00:01.000000 write(5<socket:[1]>, "b", 1) = 1 <0.000010>',
    '101  00:00:01.500000 close(6<socket:[2]>) = 0 <0.000010>',
  ];
  const { one, two } = oneAndTwo(lines, 2);
  assert.equal(two.lastTime, 86401.5);
  // The second part keeps the first create of an fd it had not seen (it may replace one the first
  // part left open): its events are on the next day too.
  assert.deepEqual(two.events.filter((e) => e.fd === 6).map((e) => [e.kind, e.time]), [['create', 86400.2], ['close', 86401.5]]);
  assert.deepEqual({ ...strip(two), events: undefined }, { ...strip(one), events: undefined });
  assert.deepEqual(noText(analyzeStrace([{ file: 'trace.log', artifact: two }])), noText(analyzeStrace([{ file: 'trace.log', artifact: one }])));
  assert.deepEqual(two.writes[0].samples.map((s) => [s.line, s.time, s.text]), [[2, 86399.9, 'a'], [4, 86401, 'b']]);
});

test('merge-parts: seam time shifts for each time column', () => {
  const art = (timeBase: StraceArtifact['shape']['timeBase'], firstTime: number | null, lastTime: number | null): StraceArtifact => ({
    records: 0, shape: { pidPrefix: 'column', timeBase, durations: false, fdPaths: false, truncatedStrings: false },
    lines: 0, parsedLines: 0, firstTime, lastTime, events: [], foldedPairs: {}, writes: [], threads: [], attached: [], unfinishedAtEnd: 0,
  });
  assert.equal(seamTimeShift(art('clock', 80000, 86390), art('clock', 5, 9)), 86400);
  assert.equal(seamTimeShift(art('clock', 100, 50000), art('clock', 50001, 60000)), 0);
  // Already a day on in the first part (wrapped before the seam): the second part is too.
  assert.equal(seamTimeShift(art('clock', 86000, 86400 + 100), art('clock', 110, 200)), 86400);
  assert.equal(seamTimeShift(art('relative', 0, 12.5), art('relative', 0.1, 3)), 12.5);
  assert.equal(seamTimeShift(art('epoch', 1.7e9, 1.7e9 + 5), art('epoch', 1.7e9 + 6, 1.7e9 + 9)), 0);
  assert.equal(seamTimeShift(art('none', null, null), art('none', null, null)), 0);
});

test('merge-parts: counts summed, writes merged per (tid, fd), -r times continued', () => {
  const lines = [
    '7  0.000000 openat(AT_FDCWD, "/var/log/a.log", O_WRONLY|O_APPEND) = 3',
    ...Array.from({ length: 6 }, (_, i) => `7  0.001000 write(3, "line ${i}\\n", 7) = 7`),
    '8  0.002000 --- SIGPIPE {si_signo=SIGPIPE} ---',
    ...Array.from({ length: 6 }, (_, i) => `7  0.001000 write(3, "line ${i + 6}\\n", 7) = 7`),
    '8  0.002000 --- SIGPIPE {si_signo=SIGPIPE} ---',
    '7  0.004000 close(3) = 0',
  ];
  const { one, two } = oneAndTwo(lines, 8);
  const w = two.writes[0];
  assert.equal(w.count, 12);
  assert.equal(w.bytes, 84);
  assert.deepEqual(w.samples.map((s) => s.text), one.writes[0].samples.map((s) => s.text));
  assert.equal(w.samples.length, 8);
  assert.deepEqual(two.threads.map((t) => [t.tid, t.lines, t.signals, t.firstLine]), [[7, 14, {}, 1], [8, 2, { SIGPIPE: 2 }, 8]]);
  assert.ok(Math.abs(two.lastTime! - one.lastTime!) < 1e-9);
  assert.deepEqual(two.eventTids, [7]);
  assert.equal(two.lines, 16);
  assert.equal(two.parsedLines, one.parsedLines);
});

test('merge-parts: a fork keeps the fd its parent made, though a child forked in the first part holds that number', () => {
  // The second part's compactor takes child 200 for a thread of 100: its fd 5 and 100's fd 5 meet
  // in one table. The merge must take out of fork 300's list only what 200 made.
  const clone = (child: number) => `clone(child_stack=NULL, flags=CLONE_CHILD_CLEARTID|CLONE_CHILD_SETTID|SIGCHLD, child_tidptr=0x7f) = ${child}`;
  const lines = [
    `100 10:00:00.000001 socket(AF_INET, SOCK_STREAM, IPPROTO_IP) = 5`,
    `100 10:00:00.000002 ${clone(200)}`,
    `200 10:00:00.000003 close(5) = 0`,
    `200 10:00:00.000004 openat(AT_FDCWD, "/var/log/worker.log", O_WRONLY|O_APPEND) = 5`,
    `100 10:00:00.000005 close(5) = 0`,
    `100 10:00:00.000006 socket(AF_INET, SOCK_STREAM, IPPROTO_IP) = 5`,
    `100 10:00:00.000007 ${clone(300)}`,
    `100 10:00:00.000008 close(5) = 0`,
    `300 10:00:00.000009 exit_group(0) = ?`,
    `300 10:00:00.000010 +++ exited with 0 +++`,
  ];
  const { one, two } = oneAndTwo(lines, 2);
  const children = (a: StraceArtifact) => analyzeStrace([{ file: 'trace.log', artifact: a }]).nonExecChildren.map((c) => [c.child, c.fds]);
  assert.deepEqual(children(one), [[200, []], [300, [5]]]);
  assert.deepEqual(children(two), children(one));
});

test('merge-parts: a fork in the second part inherits the fds the first part left open', () => {
  const ev = (kind: FdEvent['kind'], tid: number, fd: number, extra: Partial<FdEvent> = {}): FdEvent => ({ kind, time: null, tid, fd, detail: kind, line: 1, ...extra });
  const first = [ev('create', 10, 5, { cloexec: true }), ev('create', 10, 6), ev('close', 10, 6)];
  const fork = ev('fork', 10, -1, { child: 20, inherit: [7 * 2] });
  carryIntoForks(first, [ev('create', 10, 7), fork]);
  assert.deepEqual(fork.inherit, [7 * 2, 5 * 2 + 1]);
});

test('a second part folds the closes of sockets another thread made once a close names the same socket, complete or resumed', () => {
  // Threads 200 and 300 were made in the first part: the second part does not know they share an fd
  // table until 300 closes a socket whose -y annotation is the one 200's create returned.
  for (const resumed of [false, true]) {
    const lines: string[] = [];
    for (let i = 0; i < 500; i++) {
      const t = `08:00:${String(10 + Math.floor(i / 100)).padStart(2, '0')}.${String((i % 100) * 1000).padStart(6, '0')}`;
      lines.push(`200  ${t} socket(AF_INET, SOCK_STREAM, IPPROTO_IP) = 5<socket:[${7000 + i}]> <0.000010>`);
      if (resumed) {
        lines.push(`300  ${t} close(5<socket:[${7000 + i}]> <unfinished ...>`);
        lines.push(`300  ${t} <... close resumed>) = 0 <0.000010>`);
      } else lines.push(`300  ${t} close(5<socket:[${7000 + i}]>) = 0 <0.000010>`);
    }
    for (const how of ['text', 'bytes'] as const) {
      const sink = createStraceSink(ctx, { seam: true });
      lines.forEach((l, i) => (how === 'text' ? sink.line(l, i + 1) : sink.bytes!(Buffer.from(l), 0, Buffer.byteLength(l), i + 1)));
      const part = sink.end();
      // The first create stays (it may replace an fd the first part left open), and so does its close.
      assert.ok(part.events.length <= 2, `${resumed ? 'resumed' : 'complete'} closes read as ${how}: ${part.events.length} events held`);
      assert.equal(part.foldedPairs[200], 499);
    }
  }
});
