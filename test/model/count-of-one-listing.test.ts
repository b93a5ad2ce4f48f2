// A count and a listing of the same pipeline (`lsof -n | grep rundeck | grep deleted | wc -l` and
// `lsof -n | grep rundeck | grep deleted`) count the same rows: when the listing shows one
// process's rows only, one row per fd, the count is that process's. Real lines:
// gh-rundeck-plugin-jars-deleted-count (Rundeck's JVM holding deleted copies of its plugin jars).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CASES_DIR } from '../accuracy/score.js';
import { analyzeTranscript } from '../analyze-transcript.js';

const now = new Date('2026-01-01T00:00:00Z');
const RUNDECK = readFileSync(join(CASES_DIR, 'gh-rundeck-plugin-jars-deleted-count', 'transcript.md'), 'utf8');

const analyzeText = (text: string) => analyzeTranscript(text, 'transcript.md', now);

test("the count of the rows a listing shows of one process alone is that process's: 3,170 deleted files of Rundeck's JVM", async () => {
  const result = await analyzeText(RUNDECK);
  const r = result.suspects[0]?.reasons.find((x) => x.signal === 'deleted-files-held');
  assert.equal(result.verdict, 'leak');
  assert.equal(result.suspects[0]?.pid, 35073);
  assert.equal(r?.count, 3170);
  assert.equal(r?.weight, 3);
});

test('a listing that shows the rows of two processes leaves the count with neither', async () => {
  const row = RUNDECK.split('\n').find((l) => l.includes(' 3361r '))!;
  const other = row.replace('java      35073', 'java      35199').replace('3361r', '  12r');
  const result = await analyzeText(RUNDECK.replace(row, `${row}\n${other}`));
  const r = result.suspects.find((s) => s.pid === 35073)?.reasons.find((x) => x.signal === 'deleted-files-held');
  assert.notEqual(result.verdict, 'leak');
  assert.equal(r?.count, 6);
});

test("a count of another pipeline than the listing (its greps differ) stays no process's", async () => {
  const result = await analyzeText(RUNDECK.replace('| grep deleted | wc -l', '| grep jar | wc -l'));
  const r = result.suspects[0]?.reasons.find((x) => x.signal === 'deleted-files-held');
  assert.notEqual(result.verdict, 'leak');
  assert.equal(r?.count, 6);
});

const OPENGROK = readFileSync(join(CASES_DIR, 'gh-opengrok-tomcat-dtags-eftar-deleted-rows', 'transcript.md'), 'utf8');

test('`lsof|grep dtags | wc -l` over rows of one deleted file of java: the word picked rows, 4,448 opens of that file', async () => {
  const result = await analyzeText(OPENGROK);
  const r = result.suspects[0]?.reasons.find((x) => x.signal === 'same-file-open');
  assert.equal(result.verdict, 'leak');
  assert.equal(result.suspects[0]?.pid, 30882);
  assert.equal(result.suspects[0]?.leak?.kind, 'deleted-file');
  assert.equal(r?.count, 4448);
  assert.match(r?.statement ?? '', /\/OUR\/data\/index\/dtags\.eftar \(deleted\)/);
});

test('a grep word the process runs as (its user) picked the process, not rows: no same-file count', async () => {
  const result = await analyzeText(OPENGROK.replaceAll('dtags | wc', 'tomcat7 | wc').replace('lsof|grep dtags', 'lsof|grep tomcat7'));
  assert.ok(!result.suspects[0]?.reasons.some((x) => x.signal === 'same-file-open'));
  assert.notEqual(result.verdict, 'leak');
});

test('a word of the folder, not of the file, names many files: no same-file count', async () => {
  const result = await analyzeText(OPENGROK.replace('grep dtags', 'grep index'));
  assert.ok(!result.suspects[0]?.reasons.some((x) => x.signal === 'same-file-open'));
});
