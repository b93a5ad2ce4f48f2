// `lsof -c NAME | grep CLOSE_WAIT | wc -l` counts the CLOSE_WAIT rows of the program lsof picked by
// its COMMAND column; with no pid anywhere they are that program's, the one its log under /var/log
// (`/var/log/mxrelay.err`, a stream's file with no `.log` after it) names. Real lines:
// test/accuracy/cases/perl-mxrelay-upstream-sockets-close-wait-lsof-c-count-err-log.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { analyzeBundle } from '../../src/analysis.js';
import { logFileProgram, lsofPickedCommand } from '../../src/model/pipeline.js';
import { analyzeTranscript } from '../analyze-transcript.js';
import { CASES_DIR } from '../accuracy/score.js';

const CASE = join(CASES_DIR, 'perl-mxrelay-upstream-sockets-close-wait-lsof-c-count-err-log', 'transcript.md');

test("lsof's own -c names the program; a grep's word, a pid lookup or lsof's +c width does not", () => {
  assert.equal(lsofPickedCommand('lsof -c mxrelay | grep CLOSE_WAIT | wc -l'), 'mxrelay');
  assert.equal(lsofPickedCommand('sudo lsof -n -c java | wc -l'), 'java');
  assert.equal(lsofPickedCommand('lsof | grep rundeck | grep deleted | wc -l'), undefined);
  assert.equal(lsofPickedCommand('lsof +c 0 | grep -c CLOSE_WAIT'), undefined);
  assert.equal(lsofPickedCommand('lsof -c java -p $(pgrep java) | wc -l'), undefined);
  assert.equal(lsofPickedCommand('ls -c foo | wc -l'), undefined);
});

test("a stream's log under /var/log with no .log after it names its program", () => {
  assert.equal(logFileProgram('/var/log/mxrelay.err'), 'mxrelay');
  assert.equal(logFileProgram('/var/log/mxrelay.out'), 'mxrelay');
  assert.equal(logFileProgram('/var/log/app-stdout'), 'app');
  assert.equal(logFileProgram('/var/log/app.stderr'), 'app');
  assert.equal(logFileProgram('/var/log/check-out'), 'check-out');
  assert.equal(logFileProgram('/var/log/syslog.err'), undefined);
});

test('509 CLOSE_WAIT rows of the program mxrelay beside its log out of fds: a leak of mxrelay, named, not numbered', async () => {
  const { result } = await analyzeBundle(CASE, { now: new Date('2026-12-08T00:00:00Z') });
  assert.equal(result.verdict, 'leak');
  assert.equal(result.suspects.length, 1);
  const s = result.suspects[0];
  assert.equal(s.pid, null);
  assert.equal(s.command, 'mxrelay');
  assert.equal(s.leak?.kind, 'socket-close-wait');
  assert.equal(s.reasons.find((r) => r.signal === 'close-wait-sockets')?.weight, 3);
  assert.match(s.ranOut?.message ?? '', /cannot connect to 127\.0\.0\.1:18325: Too many open files/);
});

test('a count picked by a grep for the name is no pick of the program (a word anywhere in the row)', async () => {
  const result = await analyzeTranscript(['```', '$ sudo lsof | grep mxrelay | grep CLOSE_WAIT | wc -l', '509', '```'], 'grep-name.md');
  assert.notEqual(result.suspects[0]?.command, 'mxrelay');
});
