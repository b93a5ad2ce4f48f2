import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { linesOfCutHead } from '../../src/model/strace/cut-record-head.js';
import { analyzeBundle } from '../../src/analysis.js';
import { CASES_DIR } from '../accuracy/score.js';

// c-ftpd-active-mode-connect-refused-socket-strace-f-lsof: strace's default -s 32 cut every write
// to the log right after its syslog head; the log's tail holds the same writer's records, seconds later.
const HEAD = 'Dec 07 21:52:21 ftp1 ftpd[15945]';
const LINE = "Dec 07 21:52:25 ftp1 ftpd[15945]: 425 Can't open data connection to 127.0.0.1: Connection refused";

test("a write cut after its record's head stands for its writer's records when they all say one thing", () => {
  const lines = [{ text: LINE }, { text: LINE.replace(':25 ', ':26 ') }];
  assert.deepEqual(linesOfCutHead(HEAD, lines), lines);
  // another writer's records are not its
  assert.deepEqual(linesOfCutHead(HEAD, [{ text: LINE.replace('[15945]', '[15946]') }]), []);
  // the writer says two things: which one the cut write was is unknown
  assert.deepEqual(linesOfCutHead(HEAD, [...lines, { text: 'Dec 07 21:52:27 ftp1 ftpd[15945]: listening on 127.0.0.1:14397' }]), []);
  // a fragment cut inside its head, or inside its message, is no whole head
  assert.deepEqual(linesOfCutHead('Dec 07 21:52:21 ftp1 ftpd[159', lines), []);
  assert.deepEqual(linesOfCutHead(`${HEAD}: 425 Can't`, lines), []);
  // a head that names no pid names no writer
  assert.deepEqual(linesOfCutHead('Dec 07 21:52:21 ftp1 ftpd', [{ text: 'Dec 07 21:52:25 ftp1 ftpd: 425 x' }]), []);
});

test('the FTP case: the root cause quotes the log record the cut writes stand for', async () => {
  const { result } = await analyzeBundle(join(CASES_DIR, 'c-ftpd-active-mode-connect-refused-socket-strace-f-lsof', 'bundle'), {
    now: new Date('2026-12-08T00:00:00Z'),
  });
  assert.equal(result.rootCause?.tid, 16009);
  assert.equal(result.rootCause?.path, '/tmp/r306-work/ftpd/ftpd.log');
  assert.equal(result.rootCause?.message, "425 Can't open data connection to 127.0.0.1: Connection refused");
});
