// CUPS's error_log header, `E [11/Jul/2006:14:09:14 +0200] …` (the level's letter, then the date and
// time in brackets): cupsd's snippet in apple/cups#1833
// (gh-cups-1833-sigabrt-dev-null-emfile-line-glued-to-next-entry, accuracy round 219), pasted
// between the reporter's own `<---- snipp ---->` marks.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appLog } from '../../src/sources/app-log.js';
import { parseLines } from '../../src/sources/run.js';
import { headerStamp } from '../../src/sources/log-stamps.js';

const CUPSD = [
  '<---- snipp from error_log ----->',
  'D [11/Jul/2006:14:09:14 +0200] [Job 228] envp[22]="PRINTER=test2@n14022.scania.se"',
  'D [11/Jul/2006:14:09:14 +0200] [Job 228] envp[23]="CLASS=test2"',
  'E [11/Jul/2006:14:09:14 +0200] Unable to open "/dev/null" - Too many open files.D [11/Jul/2006:14:09:14 +0200] Discarding unused job-completed event...',
  '<---- END -------->',
];

test("cupsd's error_log lines are records: their level's letter and bracketed time", () => {
  const e = headerStamp(CUPSD[3]);
  assert.ok(e);
  assert.equal(e.level, 'ERROR');
  assert.equal(e.date, '2006-07-11');
  assert.equal(e.zone, '+0200');
  assert.equal(e.seconds, 14 * 3600 + 9 * 60 + 14);
  assert.ok(e.rest.startsWith('Unable to open "/dev/null"'));
  assert.equal(headerStamp(CUPSD[1])?.level, 'DEBUG');
});

test("a snippet of cupsd's error_log between a reporter's marks is read as its log: one EMFILE report", () => {
  assert.ok(appLog.detect({ head: CUPSD, name: 'f' }) > 0);
  const { artifact } = parseLines(appLog, CUPSD);
  assert.equal(artifact.exhaustion.emfile, 1);
});

test('no CUPS header without its level letter, a real month, or a time a clock shows', () => {
  assert.equal(headerStamp('[11/Jul/2006:14:09:14 +0200] Unable to open'), null);
  assert.equal(headerStamp('Q [11/Jul/2006:14:09:14 +0200] x'), null);
  assert.equal(headerStamp('E [11/Jux/2006:14:09:14 +0200] x'), null);
  assert.equal(headerStamp('E [11/Jul/2006:25:09:14 +0200] x'), null);
  assert.equal(headerStamp('E [41/Jul/2006:14:09:14 +0200] x'), null);
});
