// A shell's `ulimit -n` is not the limit of a process it did not start: a service runs under its
// unit's (systemd's soft 1,024 by default), a container under its runtime's. Health measured against
// a shell's high limit alone must also hold against the usual default (takama/daemon#91: the shell
// said 655,350 while the daemon's own limit was 1,024).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { AnalysisResult } from '../../src/result.js';
import { analyzeTranscript } from '../analyze-transcript.js';

async function analyzeText(lines: string[]): Promise<AnalysisResult> {
  return analyzeTranscript(`${lines.join('\n')}\n`, 'session.txt');
}

/** A whole `ls -l` of n fds of five kinds, none a pile. */
function listing(n: number): string[] {
  const targets = ['/dev/null', 'socket:[#]', 'pipe:[#]', 'anon_inode:[eventpoll]', '/srv/app/data/#.db'];
  const rows = ['$ ls -l /proc/4242/fd', 'total 0'];
  for (let fd = 0; fd < n; fd++) {
    rows.push(`lrwx------ 1 app app 64 May  8 23:02 ${fd} -> ${targets[fd % 5].replace('#', String(100000 + fd))}`);
  }
  return rows;
}

test("900 fds listed in full are no proof of health against a shell's 655,350 alone", async () => {
  const r = await analyzeText(['#ulimit -n', '655350', ...listing(900)]);
  assert.equal(r.verdict, 'inconclusive');
  assert.match(r.summary, /the only limit in the bundle is a shell's/);
});

test("under the usual default, or against the process's own limit, the same listing shows health", async () => {
  assert.equal((await analyzeText(['#ulimit -n', '655350', ...listing(300)])).verdict, 'no-leak');
  const own = await analyzeText([
    ...listing(900),
    '$ cat /proc/4242/limits | grep files',
    'Max open files            655350               655350               files',
  ]);
  assert.equal(own.verdict, 'no-leak');
});
