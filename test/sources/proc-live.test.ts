// Live captures of this very test process: ps and /proc/self/task/*/comm must agree on its
// threads, and /proc/self/limits must name the limit this process runs with.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { IN_CI } from '../helpers.js';
import { parseLines } from '../../src/sources/run.js';
import { splitLines } from '../../src/bundle/lines.js';
import { ps } from '../../src/sources/ps.js';
import { taskComm } from '../../src/sources/task-comm.js';
import { procLimits } from '../../src/sources/proc-limits.js';
import { kernelFiles } from '../../src/sources/kernel-files.js';

function hasPs(): boolean {
  try {
    execFileSync('ps', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const skip = !IN_CI && !hasPs() ? 'ps (procps) is not installed' : false;

test('ps -T and /proc/PID/task/*/comm name the same threads of this process', { skip }, () => {
  const pid = process.pid;
  const command = `ps -T -p ${pid} -o pid,tid,comm`;
  const out = execFileSync('ps', ['-T', '-p', String(pid), '-o', 'pid,tid,comm'], { encoding: 'utf8' });
  const fromPs = parseLines(ps, splitLines(out), { command });
  assert.deepEqual(fromPs.warnings, []);
  // What `grep . /proc/PID/task/*/comm` prints, read directly (threads may come and go between the two reads).
  const grepLines = readdirSync(`/proc/${pid}/task`).map((tid) => {
    const name = readFileSync(`/proc/${pid}/task/${tid}/comm`, 'utf8').replace(/\n$/, '');
    return `/proc/${pid}/task/${tid}/comm:${name}`;
  });
  const fromComm = parseLines(taskComm, grepLines, { command: `grep . /proc/${pid}/task/*/comm` });
  assert.deepEqual(fromComm.warnings, []);
  const main = (a: { tid: number; name: string }[]) => a.find((t) => t.tid === pid)?.name;
  assert.ok(main(fromPs.artifact.threads), 'ps lists the main thread');
  assert.equal(main(fromPs.artifact.threads), main(fromComm.artifact.threads));
  assert.equal(fromPs.artifact.processes[0]?.pid, pid);
  const psTids = new Set(fromPs.artifact.threads.map((t) => t.tid));
  const common = fromComm.artifact.threads.filter((t) => psTids.has(t.tid));
  assert.ok(common.length >= 2, 'node runs more than one thread');
  for (const t of common) assert.equal(t.name, fromPs.artifact.threads.find((p) => p.tid === t.tid)!.name);
});

test('/proc/self/limits and /proc/sys/fs of this machine parse without warnings', () => {
  const limits = parseLines(procLimits, splitLines(readFileSync('/proc/self/limits', 'utf8')), {
    command: `cat /proc/${process.pid}/limits`,
  });
  assert.deepEqual(limits.warnings, []);
  assert.equal(limits.artifact.pid, process.pid);
  assert.ok(limits.artifact.openFiles, 'Max open files is printed');
  const files = ['file-max', 'file-nr', 'nr_open'].map((f) => readFileSync(`/proc/sys/fs/${f}`, 'utf8').trim());
  const kernel = parseLines(kernelFiles, files, { command: 'cat /proc/sys/fs/file-max /proc/sys/fs/file-nr /proc/sys/fs/nr_open' });
  assert.deepEqual(kernel.warnings, []);
  assert.equal(kernel.artifact.fileNr?.max, kernel.artifact.fileMax?.value);
  assert.ok((kernel.artifact.nrOpen?.value ?? 0) >= (limits.artifact.openFiles?.hard ?? 0));
});
