import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AnalysisResult, SourceSummary } from '../../src/result.js';
import { formatNotebookStatus, knownOf, nextCapture, notebookSteps } from '../../src/collect/notebook.js';
import { fileNameFor, notebookCapture, outputOption, pidOfCommand } from '../../src/collect/capture.js';
import type { BundleManifest } from '../../src/collect/manifest.js';

function result(sources: [string, string][], over: Partial<AnalysisResult> = {}): AnalysisResult {
  return {
    schema: 'fdleak/analysis@1', tool: { name: 'fdleak', version: '0.1.0' }, generatedAt: '2019-07-22T14:00:00+08:00',
    incident: { title: null, ticket: null, host: null, timezone: null, capturedAt: null, input: 'b' },
    verdict: 'leak', confidence: 'high', summary: 'pid 25204 (java) leaks sockets.', severity: 'critical',
    suspects: [{
      pid: 25204, command: 'java', cmdline: null, user: null, fdCount: 65966, fdCountBasis: null, fdCountMeasure: 'rows', fdLimit: 65536,
      leak: { kind: 'socket-unconnected', count: 64214 }, threads: [], reason: 'most fds', evidence: [], confidence: 'high', reasons: [], decide: [],
    }],
    rootCause: null,
    findings: [
      { id: 'ss-closed-sockets', step: 2, status: 'fail', severity: 'high', title: 'ss -s counts 157,624 closed TCP sockets', detail: 'TCP: 157740 (estab 103, closed 157624).', evidence: [] },
    ],
    missing: [],
    sources: sources.map(([file, kind]): SourceSummary => ({ file, kind, records: 1, warnings: [] })),
    ...over,
  };
}

test('steps a bundle supports follow its recognised sources; the next capture is the first gap, with the pid filled in', () => {
  const r = result([['ss-s.txt', 'ss-summary'], ['sockstat.txt', 'sockstat'], ['netstat.txt', 'netstat'], ['lsof.txt', 'lsof'], ['ps.txt', 'ps']]);
  const steps = notebookSteps(r, knownOf(r));
  const supported = steps.filter((s) => s.supported).map((s) => s.step);
  assert.deepEqual(supported, [1, 2, 3, 4, 5, 7, 10]);
  assert.deepEqual(steps[5].lacking.map((l) => l.command), ['cat /proc/25204/limits', 'cat /proc/sys/fs/file-nr /proc/sys/fs/file-max']);
  assert.deepEqual(steps[1].findings.map((f) => f.status), ['fail']);
  assert.deepEqual(nextCapture(steps), { step: 6, title: 'Distance to the limit', what: 'the process\'s open-files limit', command: 'cat /proc/25204/limits' });
  const text = formatNotebookStatus('incident dir', r, steps);
  assert.match(text, /^ 2\. \[x\] The socket summary {2}\(ss-s\.txt\)\n {6}✗ ss -s counts 157,624 closed TCP sockets: TCP: 157740/m);
  assert.match(text, /^ 8\. \[ \] Catching the leak in the act\n {6}needs a strace of the suspect: timeout -s INT 30 strace -f -tt -T -y -s 256 -p 25204 -o strace-25204.txt$/m);
  assert.match(text, /Next capture \(step 6, distance to the limit: the process's open-files limit\):\n {2}fdleak notebook capture 'incident dir' -- cat \/proc\/25204\/limits\n$/);
});

test('a complete bundle has no next capture; a root cause path names the log to tail', () => {
  const all: [string, string][] = [
    ['a', 'netstat'], ['b', 'ss-summary'], ['c', 'sockstat'], ['d', 'lsof'], ['e', 'ps'], ['f', 'proc-limits'], ['g', 'kernel-files'],
    ['h', 'strace'], ['i', 'task-comm'],
  ];
  const rootCause = { basis: 'leak' as const, pid: 25204, tid: 4783, fd: 369, path: '/data/applogs/cat/cat_20190722.log', message: null, statement: 's', evidence: [] };
  const r = result(all, { rootCause });
  const steps = notebookSteps(r, knownOf(r));
  assert.deepEqual(nextCapture(steps), { step: 11, title: 'Reading the log', what: 'the application log', command: 'tail -c 1048576 -- /data/applogs/cat/cat_20190722.log' });
  const done = result([...all, ['logs/x.log', 'app-log']]);
  assert.equal(nextCapture(notebookSteps(done, knownOf(done))), null);
  assert.match(formatNotebookStatus('b', done, notebookSteps(done, knownOf(done))), /Every step 1-11 has its evidence/);
});

test('capture file names, pids and -o outputs from the command', () => {
  assert.equal(fileNameFor(['lsof', '-n', '-P', '-p', '123']), 'lsof-n-P-p-123.txt');
  assert.equal(fileNameFor(['cat', '/proc/123/limits']), 'cat-proc-123-limits.txt');
  assert.equal(fileNameFor(['timeout', '-s', 'INT', '30', 'ss', '-s']), 'ss-s.txt');
  assert.equal(fileNameFor(['grep', '.', '/proc/9/task/9/comm', '/proc/9/task/10/comm']), 'grep-.-proc-9-task-9-comm-proc-9-task-10-comm.txt');
  assert.equal(pidOfCommand(['lsof', '-n', '-p', '123']), 123);
  assert.equal(pidOfCommand(['cat', '/proc/77/limits']), 77);
  assert.equal(pidOfCommand(['/opt/jdk/bin/jstack', '4242']), 4242);
  assert.equal(pidOfCommand(['ss', '-s']), undefined);
  assert.equal(outputOption(['strace', '-p', '1', '-o', 'strace-1.txt'], '/b'), 'strace-1.txt');
  assert.equal(outputOption(['strace', '-o', '/tmp/elsewhere.txt'], '/b'), undefined, 'outside the bundle: stdout is filed instead');
});

test('notebook capture runs the command in the bundle, files stdout or the -o file, and appends to the manifest', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'fdleak-nb-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const opts = { timeoutSeconds: 30, maxBytes: 1 << 20, version: '0.1.0' };

  const e1 = await notebookCapture(dir, ['ls', '-l', `/proc/${process.pid}/fd`], opts);
  assert.equal(e1.path, `ls-l-proc-${process.pid}-fd.txt`);
  assert.equal(e1.pid, process.pid);
  assert.equal(e1.exitCode, 0);
  assert.match(readFileSync(join(dir, e1.path), 'utf8'), /^total \d+\n/);

  const again = await notebookCapture(dir, ['ls', '-l', `/proc/${process.pid}/fd`], opts);
  assert.equal(again.path, `ls-l-proc-${process.pid}-fd-2.txt`, 'never overwrites an earlier capture');

  writeFileSync(join(dir, 'in.txt'), 'b\na\n');
  const sorted = await notebookCapture(dir, ['sort', '-o', 'sorted.txt', 'in.txt'], opts);
  assert.equal(sorted.path, 'sorted.txt', 'a relative -o output is the capture');
  assert.equal(readFileSync(join(dir, 'sorted.txt'), 'utf8'), 'a\nb\n');
  assert.ok(!existsSync(join(dir, 'sorted.stdout.txt')), 'no empty stdout file left');

  const failing = await notebookCapture(dir, ['ls', '/nonexistent-fdleak'], opts);
  assert.notEqual(failing.exitCode, 0);
  assert.match(failing.stderr ?? '', /nonexistent-fdleak/);

  const m: BundleManifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
  assert.equal(m.schema, 'fdleak/bundle@1');
  assert.deepEqual(m.files.map((f) => f.path), [e1.path, again.path, 'sorted.txt', 'ls-nonexistent-fdleak.txt']);
  assert.equal(m.files[2].command, 'sort -o sorted.txt in.txt');
  await assert.rejects(notebookCapture(dir, ['no-such-tool-fdleak'], opts), /command not found/);
  await assert.rejects(notebookCapture(join(dir, 'in.txt'), ['ls'], opts), /not a bundle folder/);
});
