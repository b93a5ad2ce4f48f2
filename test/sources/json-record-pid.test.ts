// A JSON log record's own pid (src/sources/log-pids.ts jsonRecordPid): bunyan's record from
// rlidwka/sinopia#116 (test/accuracy/cases/gh-sinopia-bunyan-emfile-shell-ulimit-partial).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { syslogSource } from '../../src/sources/log-pids.js';
import { jsonRecordPid } from '../../src/sources/record-pids.js';
import { analyzeTranscript } from '../analyze-transcript.js';

const SINOPIA =
  '{"name":"sinopia","hostname":"<my-host-name>","pid":19099,"sub":"fs","level":50,"err":{"message":"EMFILE, open \'/opt/sinopia/storage/<my-package>/package.json\'","name":"Error","stack":"Error: EMFILE, open \'/opt/sinopia/storage/<my-package>/package.json\'","code":"EMFILE"},"file":"package.json","msg":"error reading @{file}: @{!err.message}","time":"2014-09-09T03:26:16.682Z","v":0}';

test("a bunyan or pino record's top-level pid is its writer's", () => {
  assert.equal(jsonRecordPid(SINOPIA), 19099);
  assert.deepEqual(syslogSource(SINOPIA), { pid: 19099 });
  assert.equal(jsonRecordPid('{"level":50,"time":1700000000000,"pid":4242,"hostname":"h","msg":"accept EMFILE"}'), 4242);
});

test('no pid: a nested one, a string, a cut record, an array, a huge line', () => {
  assert.equal(jsonRecordPid('{"level":50,"child":{"pid":77},"msg":"spawn EMFILE"}'), undefined);
  assert.equal(jsonRecordPid('{"pid":"19099","msg":"EMFILE"}'), undefined);
  assert.equal(jsonRecordPid('{"name":"sinopia","pid":19099,"msg":"EMFILE, open'), undefined);
  assert.equal(jsonRecordPid('[{"pid":1}]'), undefined);
  assert.equal(jsonRecordPid(`{"pid":1,"msg":"${'x'.repeat(70_000)}"}`), undefined);
  assert.equal(jsonRecordPid('{"pid":0}'), undefined);
});

test('the record ties its EMFILE to its pid: that process ran out (inconclusive, named)', async () => {
  const r = await analyzeTranscript(`Log:\n\n\`\`\` json\n${SINOPIA}\n\`\`\`\n`, 'transcript.md', new Date('2026-01-01T00:00:00Z'));
  assert.equal(r.verdict, 'inconclusive');
  assert.equal(r.suspects[0]?.pid, 19099);
  assert.match(r.suspects[0]?.ranOut?.message ?? '', /EMFILE/);
});
