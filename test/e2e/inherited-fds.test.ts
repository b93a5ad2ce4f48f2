// Forks that copy fds into children, through the whole pipeline on real captures: only copies a
// child still holds after its execve are a signal (`inherited-fds`) and fail `cloexec-fork-race`;
// copies the child closes first (close_range, the JDK's spawn helper) never do; copies whose fate
// the capture does not show point at the process and say what would decide.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixtureLines, fixturePath } from '../helpers.js';
import { analyzeBundle } from '../../src/analysis.js';
import type { AnalysisResult, Finding } from '../../src/result.js';

async function analyzeCapture(...parts: string[]): Promise<AnalysisResult> {
  const dir = mkdtempSync(join(tmpdir(), 'fdleak-inherit-'));
  try {
    cpSync(fixturePath(...parts), join(dir, 'strace.txt'));
    return (await analyzeBundle(join(dir, 'strace.txt'))).result;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The call on line `at` (1-based); a `<... resumed>` line joined to its `<unfinished ...>` start. */
function callAt(lines: string[], at: number): string {
  const line = lines[at - 1];
  const tid = line.split(' ')[0];
  if (!/ <\.\.\. \w+ resumed>/.test(line)) return line;
  for (let i = at - 2; i >= 0; i--)
    if (lines[i].startsWith(`${tid} `) && lines[i].endsWith('<unfinished ...>')) return `${lines[i]} ${line}`;
  return line;
}

function race(r: AnalysisResult): Finding {
  const f = r.findings.find((x) => x.id === 'cloexec-fork-race');
  assert.ok(f, 'cloexec-fork-race finding');
  return f;
}

const inheritedSignals = (r: AnalysisResult) => r.suspects.flatMap((s) => s.reasons.filter((x) => x.signal === 'inherited-fds'));

/** Every citation is a line of the capture, and the text it quotes (when it keeps one) is that line. */
function assertCitesCapture(f: Finding, lines: string[]): void {
  for (const e of f.evidence) {
    assert.equal(e.file, 'strace.txt');
    assert.ok(e.line >= 1 && e.line <= lines.length, `strace.txt:${e.line}`);
    if (e.text !== undefined) assert.equal(e.text, lines[e.line - 1], `strace.txt:${e.line}`);
  }
}

test('a C daemon whose /bin/true helpers exec with the copies open: fails, high, a leak of inherited fds, each kind kept named and cited', async () => {
  const file = ['strace', 'c-cloexec-race', 'race-f-tt-T-y.strace'] as const;
  const lines = fixtureLines(...file);
  const dataFile = (JSON.parse(readFileSync(fixturePath('strace', 'c-cloexec-race', 'meta.json'), 'utf8')) as { dataFile: string })
    .dataFile;
  const r = await analyzeCapture(...file);
  const f = race(r);
  assert.deepEqual([f.status, f.severity], ['fail', 'high']);
  assert.equal(r.verdict, 'leak');
  assert.deepEqual([r.suspects[0].leak.kind, r.suspects[0].leak.count], ['inherited', 34]);
  const [s] = inheritedSignals(r);
  assert.deepEqual([s?.weight, s?.count], [3, 34]);
  // The socket (fd 3) and the data file (fd 4), each kept by 17 of the 18 children.
  assert.ok(
    f.detail.startsWith(
      '34 fds copied into 18 children before FD_CLOEXEC were still open in the child after its execve: ' +
        `socket(AF_INET, SOCK_STREAM) (fd 3, in 17 children); ${dataFile} (fd 4, in 17 children). E.g. thread `,
    ),
    f.detail,
  );
  assertCitesCapture(f, lines);
  // The example: the socket's creation, the fork, the late FD_CLOEXEC, the child's execve of /bin/true;
  // then the data file's creation (the same child's execve is cited once).
  const cited = f.evidence.map((e) => callAt(lines, e.line));
  assert.equal(cited.length, 5);
  assert.match(cited[0], / socket\(AF_INET, SOCK_STREAM, IPPROTO_IP\) = 3</);
  assert.match(cited[1], / clone\(/);
  assert.match(cited[2], / fcntl\(3<.*FD_CLOEXEC/);
  assert.match(cited[3], /^\d+ .* execve\("\/bin\/true"/);
  assert.ok(/ openat\(/.test(cited[4]) && cited[4].includes(`"${dataFile}"`) && / = 4</.test(cited[4]), cited[4]);
  // The table lists the kept copies first.
  const rows = f.details?.[0].type === 'table' ? f.details[0].rows : [];
  assert.ok(rows.length > 0 && rows.every((row) => row[7] === 'kept after execve'));
});

test('/bin/sleep helpers still holding their copies when the capture ends: fails, high, though only five children were caught', async () => {
  const file = ['strace', 'c-cloexec-race', 'race-sleep-f-tt-T-y.strace'] as const;
  const lines = fixtureLines(...file);
  const r = await analyzeCapture(...file);
  const f = race(r);
  assert.deepEqual([f.status, f.severity], ['fail', 'high']);
  assert.notEqual(r.verdict, 'no-leak');
  assert.match(
    f.detail,
    /^9 fds copied into 5 children before FD_CLOEXEC were still open in the child after its execve: \/tmp\/cloexec\.\w+\/app\.conf \(fd 4, in 5 children\); socket\(AF_INET, SOCK_STREAM\) \(fd 3, in 4 children\)\. E\.g\. /,
  );
  // Five children, nine copies: fewer than MANY_KEEPERS and MANY_KEPT, so the signal is not decisive.
  const [s] = inheritedSignals(r);
  assert.deepEqual([s?.weight, s?.count, r.suspects[0].leak.kind], [2, 9, 'inherited']);
  assertCitesCapture(f, lines);
  // The file's creation, the fork, the FD_CLOEXEC set and the child's execve of /bin/sleep; then the
  // socket's creation (the same child kept it: its execve is cited once).
  const cited = f.evidence.map((e) => callAt(lines, e.line));
  assert.equal(cited.length, 5);
  assert.match(cited[0], / openat\(.*app\.conf.* = 4</);
  assert.match(cited[1], / clone\(/);
  assert.match(cited[2], / fcntl\(4<.*FD_CLOEXEC/);
  assert.match(cited[3], /^\d+ .* execve\("\/bin\/sleep"/);
  assert.match(cited[4], / socket\(AF_INET, SOCK_STREAM, IPPROTO_IP\) = 3</);
});

test('strace without -f: every copy unknown; the signal stays at 1 and names what would decide', async () => {
  const r = await analyzeCapture('strace', 'c-cloexec-race', 'race-nof-tt-T-y.strace');
  const f = race(r);
  assert.equal(f.status, 'info');
  assert.match(
    f.detail,
    /whose fate the capture does not show: the capture holds no line of these children \(strace without -f does not follow them\); strace -f following the children past their execve, or `ls -l \/proc\/CHILD\/fd` of a few children/,
  );
  const signals = inheritedSignals(r);
  assert.deepEqual(
    signals.map((s) => s.weight),
    [1],
  );
  assert.match(signals[0].statement, /whether they kept them after execve is not shown/);
  assert.notEqual(r.verdict, 'leak');
});

const CLOSED = 'closed by the child';
const AT_EXEC = 'closed at execve (close-on-exec in the child)';
for (const [dir, name, how, fate] of [
  [
    'c-close-range',
    'close-f-tt-T-y.strace',
    /^25 fds copied into 13 children but closed by the child before execve \(as the JDK's spawn helper does\)\./,
    CLOSED,
  ],
  ['c-close-range', 'cloexec-f-tt-T-y.strace', /^22 fds copied into 11 children were close-on-exec in the child when it execed\./, AT_EXEC],
  [
    'java-processbuilder',
    'posix-spawn-f-tt-T-y.strace',
    /^42 fds copied into 5 children but closed by the child before execve \(as the JDK's spawn helper does\)\./,
    CLOSED,
  ],
  [
    'java-processbuilder',
    'vfork-f-tt-T-y.strace',
    /^50 fds copied into 5 children but closed by the child before execve \(as the JDK's spawn helper does\)\./,
    CLOSED,
  ],
] as const) {
  test(`${dir}/${name}: copies the children never held past execve are no signal and fail nothing`, async () => {
    const lines = fixtureLines('strace', dir, name);
    const r = await analyzeCapture('strace', dir, name);
    const f = race(r);
    assert.deepEqual([f.status, f.severity], ['info', 'info']);
    assert.match(f.detail, how);
    assert.deepEqual(inheritedSignals(r), []);
    assert.ok(r.suspects.every((s) => s.leak.kind !== 'inherited'));
    assert.notEqual(r.verdict, 'leak');
    // No copy kept: the table says what the child did with every one.
    const rows = f.details?.[0].type === 'table' ? f.details[0].rows : [];
    assert.ok(rows.length >= 10, String(rows.length));
    assert.deepEqual([...new Set(rows.map((row) => row[7]))], [fate]);
    // Only the capture's own quality may fail (no capture names the traced pid).
    assert.deepEqual(
      r.findings.filter((x) => x.status === 'fail').map((x) => x.id),
      ['capture-quality'],
    );
    // The example ends with the child's own line that settles it: its close, close_range or execve.
    const child = /forked child (\d+)/.exec(f.detail)?.[1];
    const settles = lines[f.evidence[f.evidence.length - 1].line - 1];
    assert.ok(settles.startsWith(`${child} `), settles);
    assert.match(settles, / (close|close_range|execve)\(|<\.\.\. (close|close_range|execve) resumed>/);
  });
}
