import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AnalysisResult } from '../../src/result.js';
import { formatNotebookStatus, nextCapture, notebookSteps } from '../../src/collect/notebook.js';
import { simpleArgv } from '../../src/shell.js';
import { ROOT } from '../helpers.js';
import { fileNameFor, notebookCapture, outputOption, pidOfCommand } from '../../src/collect/capture.js';
import type { BundleManifest } from '../../src/collect/manifest.js';

/** A real analysis result, as the end-to-end test keeps it. */
function golden(name: string): AnalysisResult {
  return JSON.parse(readFileSync(join(ROOT, 'test', 'golden', `${name}.json`), 'utf8')) as AnalysisResult;
}

test("notebook status reads each step from the analysis (the report's source); the next capture is the first gap", () => {
  const r = golden('flume-redis-host');
  const steps = notebookSteps(r);
  assert.deepEqual(
    steps.map((s) => s.status),
    r.steps.map((s) => s.status),
  );
  assert.deepEqual(
    steps.filter((s) => s.status === 'missing').map((s) => s.step),
    [8, 9, 10, 11],
  );
  const next = nextCapture('incident dir', steps)!;
  assert.equal(next.step, 6);
  assert.equal(
    next.notebook,
    `fdleak notebook capture 'incident dir' --name fd-count-4684.txt -- sh -c 'for i in 1 2 3 4 5 6; do echo "$(date +%T) $(ls /proc/4684/fd | wc -l)"; sleep 10; done'`,
  );
  const text = formatNotebookStatus('incident dir', r, steps);
  assert.match(text, /^ 6\. \[~\] Distance to the limit/m);
  assert.match(
    text,
    /^ 8\. \[ \] Catching the leak in the act\n(.*\n)* {6}needs .*: timeout -s INT 60 strace -f -tt -T -y -s 256 -p 4684 -o strace-4684\.txt/m,
  );
  assert.match(
    text,
    /Next capture \(step 6, distance to the limit: .*\):\n {2}fdleak notebook capture 'incident dir' --name fd-count-4684\.txt -- sh -c /,
  );
});

test('a simple capture runs as argv; a healthy bundle with its evidence has no next capture', () => {
  const tomcat = notebookSteps(golden('tomcat-cat-leak'));
  assert.equal(nextCapture('b', tomcat)!.notebook, 'fdleak notebook capture b -- ps -o pid,ppid,user,lstart,args -p 4730');
  const healthy = golden('py-healthy-server');
  const steps = notebookSteps(healthy);
  assert.ok(
    steps.every((s) => s.status === 'evidence' || s.status === 'not-needed'),
    JSON.stringify(steps.map((s) => s.status)),
  );
  assert.equal(nextCapture('b', steps), null);
  assert.match(formatNotebookStatus('b', healthy, steps), /Every step the verdict needs has its evidence/);
});

test('simpleArgv reads back what sh writes, and refuses what needs a shell', () => {
  assert.deepEqual(simpleArgv(String.raw`tail -c 5 -- 'a b'\''c'   # hint`), ['tail', '-c', '5', '--', "a b'c"]);
  assert.deepEqual(simpleArgv('ss -s'), ['ss', '-s']);
  for (const line of ['a | b', 'a; b', 'a > f', 'echo $(id)', "echo $'\\x41'", 'ls *', 'echo "x"'])
    assert.equal(simpleArgv(line), null, line);
});

test('capture file names, pids and -o outputs from the command', () => {
  assert.equal(fileNameFor(['lsof', '-n', '-P', '-p', '123']), 'lsof-n-P-p-123.txt');
  assert.equal(fileNameFor(['cat', '/proc/123/limits']), 'cat-proc-123-limits.txt');
  assert.equal(fileNameFor(['timeout', '-s', 'INT', '30', 'ss', '-s']), 'ss-s.txt');
  assert.equal(
    fileNameFor(['grep', '.', '/proc/9/task/9/comm', '/proc/9/task/10/comm']),
    'grep-.-proc-9-task-9-comm-proc-9-task-10-comm.txt',
  );
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
  // An idle process: this one's fds come and go while other tests run (ls then exits 1).
  const idle = spawn('sleep', ['60'], { stdio: 'ignore' });
  t.after(() => idle.kill());
  const pid = idle.pid!;

  const e1 = await notebookCapture(dir, ['ls', '-l', `/proc/${pid}/fd`], opts);
  assert.equal(e1.path, `ls-l-proc-${pid}-fd.txt`);
  assert.equal(e1.pid, pid);
  assert.equal(e1.exitCode, 0);
  assert.match(readFileSync(join(dir, e1.path), 'utf8'), /^total \d+\n/);

  const again = await notebookCapture(dir, ['ls', '-l', `/proc/${pid}/fd`], opts);
  assert.equal(again.path, `ls-l-proc-${pid}-fd-2.txt`, 'never overwrites an earlier capture');

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
  assert.deepEqual(
    m.files.map((f) => f.path),
    [e1.path, again.path, 'sorted.txt', 'ls-nonexistent-fdleak.txt'],
  );
  assert.equal(m.files[2].command, 'sort -o sorted.txt in.txt');
  await assert.rejects(notebookCapture(dir, ['no-such-tool-fdleak'], opts), /command not found/);
  await assert.rejects(notebookCapture(join(dir, 'in.txt'), ['ls'], opts), /not a bundle folder/);
});
