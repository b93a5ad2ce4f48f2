// A strace whose lines carry no pid (`strace ./prog`), of a process nothing else names, is a
// process of its own known only by that capture: pid null, named by the strace; no number stands in
// for its pid or its thread's tid in any output.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeBundle } from '../../src/analysis.js';
import { formatSummary } from '../../src/cli/summary.js';
import { renderReport } from '../../src/report/render.js';
import { tracedProgram } from '../../src/model/pipeline.js';
import { ulimitSet } from '../../src/sources/ulimit.js';
import { CASES_DIR } from '../accuracy/score.js';
import { analyzeTranscript } from '../analyze-transcript.js';

const now = new Date('2026-01-01T00:00:00Z');
const TIO = join(CASES_DIR, 'gh-tio-devnull-strace-emfile', 'transcript.md');

test('the program a strace command runs', () => {
  assert.equal(tracedProgram('strace -o x tio /dev/null'), 'tio');
  assert.equal(tracedProgram('strace -e file bpftrace -e x'), 'bpftrace');
  assert.equal(tracedProgram('strace -f -s 256 -- /usr/bin/prog arg'), 'prog');
  assert.equal(tracedProgram('strace -p 4242'), undefined);
  assert.equal(tracedProgram('strace --seccomp-bpf prog'), undefined);
  assert.equal(tracedProgram('ls -l'), undefined);
});

test('tio: the traced process is the case, named by its strace, and no negative number or tid 0 is shown', async () => {
  const { result } = await analyzeBundle(TIO, { now });
  const s = result.suspects[0];
  assert.equal(s.pid, null);
  assert.equal(s.traced, true);
  assert.equal(s.namedBy, 'the strace in transcript.md');
  assert.equal(s.pidCommand, undefined);
  assert.doesNotMatch(result.summary, /traced process is not in the bundle/);
  assert.match(result.summary, /^The traced process \(its pid is not in the bundle; named by the strace in transcript\.md\)/);
  const texts = [
    JSON.stringify(result),
    formatSummary(result),
    (await renderReport(result, 'md-full')) as string,
    (await renderReport(result, 'html')) as string,
  ];
  for (const text of texts) {
    assert.doesNotMatch(text, /pid -\d|thread -\d|tid -\d|"-1"|\/proc\/-\d|pid 0\b|thread 0\b|tid 0\b|"(pid|tid)":\s*-\d/);
  }
});

test('tio: open() returns ever higher fds, never closed, up to 8191 and then EMFILE: a leak of files', async () => {
  const { result } = await analyzeBundle(TIO, { now });
  const s = result.suspects[0];
  assert.equal(result.verdict, 'leak');
  assert.equal(s.leak.kind, 'file');
  assert.equal(s.fdCount, 8192);
  assert.equal(s.fdCountMeasure, 'at-least');
  assert.match(s.fdCountBasis ?? '', /^fd 8191, which it made at transcript\.md:22/);
  // The fds handed out rise, none closed, until EMFILE: growth, besides running out; and the thread
  // closes none of the files it opens in the window (round 170: a pattern below the pile of ten).
  assert.deepEqual(
    s.reasons.map((r) => r.signal),
    ['strace-unclosed', 'emfile-in-strace', 'fds-unexplained', 'strace-fd-rose'],
  );
  // The traced thread's pattern is the root cause now (it closes none of what it opens).
  assert.match(
    result.rootCause?.statement ?? '',
    /created 4 files it never closed in the capture \(open\("\/dev\/null"\) → \(no close\)\)/,
  );
  assert.doesNotMatch(result.rootCause?.statement ?? '', /opened before the capture began/);
});

test('`ulimit -n N` typed at a prompt sets the limit; -H alone does not set the soft one', () => {
  assert.equal(ulimitSet('ulimit -n 10', 'x.md', 5)?.openFiles?.soft, 10);
  assert.equal(ulimitSet('ulimit -SHn 4096', 'x.md', 5)?.openFiles?.soft, 4096);
  assert.equal(ulimitSet('ulimit -n unlimited', 'x.md', 5)?.openFiles?.soft, null);
  assert.deepEqual(ulimitSet('ulimit -n 10', 'x.md', 5)?.openFiles?.ev, { file: 'x.md', line: 5, text: 'ulimit -n 10' });
  assert.equal(ulimitSet('ulimit -Hn 10', 'x.md', 5), null);
  assert.equal(ulimitSet('ulimit -n', 'x.md', 5), null);
  assert.equal(ulimitSet('ulimit -a', 'x.md', 5), null);
  assert.equal(ulimitSet('ulimit -n 0', 'x.md', 5), null);
});

test('one thread alone in a strace is no pid: strace prints a tid only when it follows several tasks (dockerd, [pid 14665])', async () => {
  const { result } = await analyzeBundle(join(CASES_DIR, 'gh-moby-dockerd-memberlist-strace', 'transcript.md'), { now });
  const s = result.suspects[0];
  assert.equal(s.pid, null);
  assert.equal(s.traced, true);
  assert.equal(s.ranOut?.tid, 14665);
  assert.match(s.ranOut?.statement ?? '', /^Thread 14665 of the traced process fails with EMFILE/);
  assert.doesNotMatch(JSON.stringify(result), /pid -\d/);
});

// gh-puma-puppet-unix-sockets-accept-emfile-strace (puma#252): `[pid 30966] accept(5, …) = -1
// EMFILE` lines of one thread, and lsof rows of puma 30941, the only process listed.
test('a strace of a lone thread nothing names is of the only process the bundle lists, when its tid is above that pid', async () => {
  const file = join(CASES_DIR, 'gh-puma-puppet-unix-sockets-accept-emfile-strace', 'transcript.md');
  const { result } = await analyzeBundle(file, { now: new Date('2026-01-01T00:00:00Z') });
  const s = result.suspects[0];
  assert.equal(s.pid, 30941);
  assert.equal(s.leak.kind, 'socket-unix');
  assert.ok(s.reasons.some((r) => r.signal === 'emfile-in-strace'));
  assert.ok(!result.suspects.some((x) => x.pid === null));
});

test('…but not when its tid is below that pid: a thread is made after its process', async () => {
  const text = readFileSync(join(CASES_DIR, 'gh-puma-puppet-unix-sockets-accept-emfile-strace', 'transcript.md'), 'utf8');
  const result = await analyzeTranscript(text.replaceAll('[pid 30966]', '[pid 30900]'), 'transcript.md', new Date('2026-01-01T00:00:00Z'));
  const listed = result.suspects.find((x) => x.pid === 30941);
  assert.ok(!listed?.reasons.some((r) => r.signal === 'emfile-in-strace'));
});
