// A block of a program's output whose ran-out line is the last it printed before the shell reported
// that it died (src/sources/ran-out-shapes.ts diedAfterRanOut). Real lines: wrk under the Phoronix
// Test Suite's nginx profile in phoronix-test-suite/phoronix-test-suite#846
// (test/accuracy/cases/gh-pts-nginx-wrk-c4000-unable-to-create-thread-emfile-log-only).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EXHAUSTION } from '../../src/sources/exhaustion-text.js';
import { diedAfterRanOut, ranOutBeforeDeath } from '../../src/sources/ran-out-shapes.js';
import { analyzeTranscript } from '../analyze-transcript.js';

const ranOut = (l: string) => EXHAUSTION.test(l);

test("a ran-out line right above the shell's report of a crash says why the program stopped", () => {
  assert.equal(diedAfterRanOut(['unable to create thread 170: Too many open files', 'Segmentation fault (core dumped)'], ranOut), true);
  assert.equal(diedAfterRanOut(['socket: Too many open files', '', 'Aborted (core dumped)'], ranOut), true);
  assert.equal(
    diedAfterRanOut(['accept: Too many open files', './run.sh: line 3: 12345 Segmentation fault      (core dumped) ./srv'], ranOut),
    true,
  );
  // The crash under another line, a ran-out line far above it, or no crash at all: nothing.
  assert.equal(
    diedAfterRanOut(['unable to create thread 170: Too many open files', 'done', 'Segmentation fault (core dumped)'], ranOut),
    false,
  );
  assert.equal(diedAfterRanOut(['accept: Too many open files', '', '', '', 'Killed'], ranOut), false);
  assert.equal(diedAfterRanOut(['accept: Too many open files', 'The test quit with a non-zero exit status.'], ranOut), false);
  assert.equal(diedAfterRanOut(['We saw Segmentation fault (core dumped) after Too many open files'], ranOut), false);
  assert.equal(diedAfterRanOut(['Killed process 4242 (java) total-vm:1234kB'], ranOut), false);
});

test("phoronix-test-suite#846: wrk's block is read as a log whose line says it ran out, nobody blamed", async () => {
  const text = [
    'Test 2',
    '```',
    'Test Run Command: ./nginx -d 90s  -c 4000  https://127.0.0.1:8089/test.html',
    ' ',
    'unable to create thread 170: Too many open files',
    'Segmentation fault (core dumped)',
    ' ',
    'The test quit with a non-zero exit status.',
    ' ',
    ' ',
    'Running Post-Test Script',
    'nginx: [warn] the "ssl" directive is deprecated, use the "listen ... ssl" directive instead in /var/lib/phoronix-test-suite/installed-tests/pts/nginx-3.0.1//nginx_/conf/nginx.conf:41',
    '```',
    '',
  ].join('\n');
  const result = await analyzeTranscript(text, 'transcript.md', new Date('2026-01-01T00:00:00Z'));
  assert.equal(result.verdict, 'inconclusive');
  assert.equal(result.suspects.length, 0);
  assert.equal(result.unownedRanOut?.message, 'unable to create thread 170: Too many open files');
});

// pmodels/mpich#5903 (test/accuracy/cases/gh-mpich-hydra-spawn-pipe-emfile-slurm-script-aborted-5903):
// Hydra's error stack under its ran-out line, glibc's abort report, then bash's report in the Slurm
// job script naming the pid of the mpiexec that died.
const HYDRA = [
  '**[mpiexec@n002.cluster.pssclabs.com] HYDU_create_process (../../../../mpich-4.0.1/src/pm/hydra/utils/launch/launch.c:21): pipe error (Too many open files)',
  '[mpiexec@n002.cluster.pssclabs.com] HYDT_bscd_common_launch_procs (../../../../mpich-4.0.1/src/pm/hydra/tools/bootstrap/external/external_common_launch.c:296): create process returned error',
  'free(): invalid pointer',
  '/var/spool/slurm/job235999/slurm_script: line 296: 3778907 Aborted                 (core dumped)**',
];

test("the program's own follow-up lines (same tag, glibc's abort report) may sit between its ran-out line and its death", () => {
  assert.equal(ranOutBeforeDeath(HYDRA, 3, ranOut), 0);
  assert.equal(diedAfterRanOut(HYDRA, ranOut), true);
  assert.equal(
    ranOutBeforeDeath(['socket: Too many open files', 'double free or corruption (out)', '', 'Aborted (core dumped)'], 3, ranOut),
    0,
  );
  // Another program's line between (no shared tag), more follow-up lines than allowed, or too many blanks: nothing.
  assert.equal(ranOutBeforeDeath([HYDRA[0], '[proxy:0:1@iris16] other', HYDRA[3]], 2, ranOut), undefined);
  const long = [HYDRA[0], HYDRA[1], HYDRA[1], HYDRA[1], HYDRA[1], HYDRA[1], HYDRA[3]];
  assert.equal(ranOutBeforeDeath(long, long.length - 1, ranOut), undefined);
  assert.equal(ranOutBeforeDeath([HYDRA[0], HYDRA[1], '', '', '', HYDRA[3]], 5, ranOut), undefined);
});

test('pmodels/mpich#5903: the job script names the pid of the mpiexec whose pipe() failed', async () => {
  const text = [
    '# MPI_Comm_spawn -- too many file descriptors',
    '',
    'When a job spawns many subprocesses via MPI_Comm_spawn, the job can fail with the error below.',
    '',
    ...HYDRA,
    '',
  ].join('\n');
  const result = await analyzeTranscript(text, 'transcript.md', new Date('2026-01-01T00:00:00Z'));
  assert.equal(result.verdict, 'inconclusive');
  assert.equal(result.suspects[0]?.pid, 3778907);
  assert.match(result.suspects[0]?.ranOut?.message ?? '', /pipe error \(Too many open files\)/);
});

// wkhtmltopdf/wkhtmltopdf#2992 (test/accuracy/cases/gh-wkhtmltopdf-2992-551-urls-thread-pipe-emfile-abort):
// Qt's warnings name their function first (Q_FUNC_INFO); its follow-up under the same function, then
// the shell's report that wkhtmltopdf aborted.
const QT = [
  '$ wkhtmltopdf --javascript-delay 10000 $(cat urls) all.pdf',
  'Loading pages (1/6)',
  'QEventDispatcherUNIXPrivate(): Unable to create thread pipe: Too many open files',
  'QEventDispatcherUNIXPrivate(): Can not continue without a thread pipe',
  'Aborted (core dumped)',
];

test("a follow-up under the same function name (Qt's Q_FUNC_INFO) sits between the ran-out line and the abort", () => {
  assert.equal(ranOutBeforeDeath(QT, 4, ranOut), 2);
  assert.equal(diedAfterRanOut(QT, ranOut), true);
  // Another function's line between is another story; `std::` scopes count as the same name only when equal.
  assert.equal(ranOutBeforeDeath([QT[2], 'QSocketNotifier: Invalid socket specified', QT[4]], 2, ranOut), undefined);
  assert.equal(ranOutBeforeDeath(['QThread::start: Too many open files', 'QThread::start: giving up', QT[4]], 2, ranOut), 0);
});

test('wkhtmltopdf#2992: the Qt block is read as the log of the program the prompt ran, which ran out', async () => {
  const text = ['```', ...QT, '', '```', ''].join('\n');
  const result = await analyzeTranscript(text, 'transcript.md', new Date('2026-01-01T00:00:00Z'));
  assert.equal(result.verdict, 'inconclusive');
  assert.equal(result.suspects[0]?.pid, null);
  assert.equal(result.suspects[0]?.command, 'wkhtmltopdf');
  assert.match(result.suspects[0]?.ranOut?.message ?? '', /Unable to create thread pipe: Too many open files/);
});
