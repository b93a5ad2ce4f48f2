// A log file under /var/log named after its program names the process that wrote its "Too many
// open files" lines, as a pid file names its process. Real capture: openethereum/parity-ethereum#6780
// (test/accuracy/cases/gh-parity-accept-emfile-host-lsof-shell-ulimit).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { analyzeBundle } from '../../src/analysis.js';
import { logFileProgram } from '../../src/model/pipeline.js';
import { CASES_DIR } from '../accuracy/score.js';

test('a /var/log file names its program; syslog files and other folders do not', () => {
  assert.equal(logFileProgram('/var/log/parity.log'), 'parity');
  assert.equal(logFileProgram('/var/log/parity.log.1'), 'parity');
  assert.equal(logFileProgram('/var/log/nginx/error.log'), 'nginx');
  assert.equal(logFileProgram('/var/log/syslog'), undefined);
  assert.equal(logFileProgram('/var/log/messages'), undefined);
  assert.equal(logFileProgram('/var/log/kern.log'), undefined);
  assert.equal(logFileProgram('/opt/app/logs/app.log'), undefined);
  assert.equal(logFileProgram(undefined), undefined);
});

test("parity's listener error, grepped from /var/log/parity.log, is parity's; the host counts are no one's", async () => {
  const file = join(CASES_DIR, 'gh-parity-accept-emfile-host-lsof-shell-ulimit', 'transcript.md');
  const { result } = await analyzeBundle(file, { now: new Date('2026-01-01T00:00:00Z') });
  assert.equal(result.verdict, 'inconclusive');
  const s = result.suspects[0];
  assert.equal(s?.pid, null);
  assert.equal(s?.command, 'parity');
  assert.match(s?.ranOut?.message ?? '', /listener accept error Too many open files \(os error 24\)/);
  // `lsof | wc -l` (123754 host rows) is not its fd count.
  assert.equal(s?.fdCount, null);
});
