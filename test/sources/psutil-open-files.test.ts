// psutil's open_files() as Python prints it (src/sources/psutil-open-files.ts). Real lines:
// lava-nc/lava#260 (test/accuracy/cases/gh-lava-child-process-shm-files-psutil-fd-4037).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { psutilEntries, psutilListPid, psutilOpenFiles } from '../../src/sources/psutil-open-files.js';
import { analyzeTranscript } from '../analyze-transcript.js';

const LINE1 =
  "PID P2: 302665 [popenfile(path='/media/walter/data/documents/research/tasks/neuro/lava-bm/print_fd_out.txt', fd=1, position=417089, mode='w', flags=32769), popenfile(path='/dev/shm/psm_2c9208ae', fd=4037, position=0, mode='r+', flags=688130), popenfile(path='/dev/shm/psm_2c9208ae', fd=4040, position=0, mode='r+', flags=688130), popenfile(path='/dev/shm/psm_76df8bc9', fd=4049, position=0, ";
const LINE2 =
  "mode='r+', flags=688130), popenfile(path='/dev/shm/psm_ca6cb570', fd=4050, position=0, mode='r+', flags=688130), popenfile(path='/dev/shm/psm_ca6cb570', fd=4051, position=0, mode='r+', flags=688130)";

test('the pid printed before the list, or a psutil.Process repr; none on a wrapped line', () => {
  assert.equal(psutilListPid(LINE1), 302665);
  assert.equal(psutilListPid("psutil.Process(pid=4242, name='python3', status='running') [popenfile(path='/a', fd=3)]"), 4242);
  assert.equal(psutilListPid(LINE2), undefined);
  assert.equal(psutilListPid("[popenfile(path='/a', fd=3, position=0, mode='r', flags=32768)]"), undefined);
});

test('entries: fd and path of each named tuple on a line (older psutil: openfile)', () => {
  assert.deepEqual(
    psutilEntries(LINE1).map((e) => e.fd),
    [1, 4037, 4040, 4049],
  );
  assert.equal(psutilEntries(LINE2)[0].path, '/dev/shm/psm_ca6cb570');
  assert.deepEqual(psutilEntries("[openfile(path='/tmp/x', fd=3)]"), [{ fd: 3, path: '/tmp/x' }]);
});

test('the list is read as an excerpt of the process its line names, the wrapped line included', () => {
  const warnings: string[] = [];
  const sink = psutilOpenFiles.sink({ file: 't', warn: (_l, m) => warnings.push(m) });
  sink.line(LINE1, 1);
  sink.line(LINE2, 2);
  const out = sink.end();
  assert.equal(out.truncated, true);
  assert.equal(out.rows, 6);
  assert.equal(out.holders.length, 1);
  assert.equal(out.holders[0].pid, 302665);
  assert.equal(out.holders[0].maxFd, 4051);
  assert.equal(out.holders[0].byKind.file, 6);
  assert.deepEqual(warnings, []);
  assert.ok(psutilOpenFiles.detect({ head: [LINE1], name: 'x' }) > 0.5);
  assert.equal(psutilOpenFiles.detect({ head: ['popenfile is a word'], name: 'x' }), 0);
});

test('a pasted list alone is never read as a whole table: it cannot make no-leak', async () => {
  const result = await analyzeTranscript(
    `${"1234 [popenfile(path='/var/log/app.log', fd=3, position=0, mode='a', flags=33793)]"}\n`,
    'out.txt',
    new Date('2026-01-01T00:00:00Z'),
  );
  assert.notEqual(result.verdict, 'no-leak');
});
