// Hyprland's crash report: its signal-safe writer prints a failed pipe() as `<pipe(pipefd) failed
// with` and the errno's number, no strerror: the report in hyprwm/Hyprland#16093
// (gh-hyprland-wl-shm-crash-report-pipe-errno24, accuracy round 229).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appLog } from '../../src/sources/app-log.js';
import { parseLines } from '../../src/sources/run.js';
import { ranOutErrno } from '../../src/sources/exhaustion-text.js';

const REPORT = ['GPU:', '\t<pipe(pipefd) failed with24>      # errno 24 = EMFILE', 'os-release:', '<pipe(pipefd) failed with24>'];

test("Hyprland's `<pipe(pipefd) failed with24>` says it ran out (EMFILE); 23 the host's table", () => {
  assert.equal(ranOutErrno(REPORT[3]), 'EMFILE');
  assert.equal(ranOutErrno(REPORT[1]), 'EMFILE');
  assert.equal(ranOutErrno('<pipe(pipefd) failed with23>'), 'ENFILE');
  // Another errno (ENOMEM 12), or a number that only starts with 24, says nothing of fds.
  assert.equal(ranOutErrno('<pipe(pipefd) failed with12>'), null);
  assert.equal(ranOutErrno('<pipe(pipefd) failed with240>'), null);
});

test("the crash report's lines are read as a log: two EMFILE reports, no pid", () => {
  assert.ok(appLog.detect({ head: REPORT, name: 'f' }) > 0);
  const { artifact } = parseLines(appLog, REPORT);
  assert.equal(artifact.exhaustion.emfile, 2);
});
