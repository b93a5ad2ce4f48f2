// A log saved into a bundle without its host path (`tail -n 30 …/jobrunner.log > jobrunner.log`)
// lives where its writer has a regular file of that name open: lsfd's fd 3. Real lines of the
// captured case go-jobrunner-exec-pipe-unwaited.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyzeBundle } from '../../src/analysis.js';

const now = new Date('2026-12-08T00:00:00Z');

const LSFD = [
  'COMMAND     PID USER  ASSOC MODE TYPE       SOURCE MNTID      INODE NAME',
  'jobrunner 18424 root    cwd  ---  DIR          vda     0    3350867 /tmp/acc154/w/jobrunner',
  'jobrunner 18424 root      0  r--  CHR        mem:3    24          3 /dev/null',
  'jobrunner 18424 root      1  -w-  CHR        mem:3    24          3 /dev/null',
  'jobrunner 18424 root      2  -w-  CHR        mem:3    24          3 /dev/null',
  'jobrunner 18424 root      3  -w-  REG          vda    27    3350874 /tmp/acc154/w/jobrunner/jobrunner.log',
  'jobrunner 18424 root      4  rw- UNKN anon_inodefs    17       1038 anon_inode:[eventpoll]',
  'jobrunner 18424 root      5  r-- FIFO       pipefs    16    8190033 pipe:[8190033]',
  'jobrunner 18424 root      6  -w- FIFO       pipefs    16    8190033 pipe:[8190033]',
  '',
].join('\n');

const LOG = [
  '2026/12/07 07:45:13.876488 jobrunner started pid=18424',
  '2026/12/07 07:45:22.060922 job 500 done: "job-ok\\n"',
  '2026/12/07 07:45:22.076285 job 501: start: fork/exec /bin/sh: too many open files',
  '2026/12/07 07:45:22.277742 job 502: start: fork/exec /bin/sh: too many open files',
  '',
].join('\n');

async function ranOutPath(logName: string): Promise<string | null | undefined> {
  const dir = mkdtempSync(join(tmpdir(), 'fdleak-open-path-'));
  try {
    writeFileSync(join(dir, 'lsfd-p-18424.txt'), LSFD);
    writeFileSync(join(dir, logName), LOG);
    const { result } = await analyzeBundle(dir, { now });
    const lead = result.suspects.find((s) => s.pid === 18424);
    assert.match(lead?.ranOut?.message ?? '', /fork\/exec \/bin\/sh: too many open files/);
    return lead?.ranOut?.path;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test("a log saved under its file name lives where its writer has that file open (lsfd's fd 3)", async () => {
  assert.equal(await ranOutPath('jobrunner.log'), '/tmp/acc154/w/jobrunner/jobrunner.log');
});

test('a log whose name no open file has keeps no path', async () => {
  assert.equal(await ranOutPath('runner-tail.log'), null);
});
