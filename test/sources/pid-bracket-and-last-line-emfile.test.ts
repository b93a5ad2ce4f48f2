// "Too many open files" lines that name their writer differently from syslog: hitch's `[PID] `
// before its message, and a program's output that ends with the error that stopped it. Real lines:
// varnish/hitch#210 and linuxep/lepd#6 (test/accuracy/cases/gh-hitch-accept-emfile-varnish-unit-limit,
// gh-lepd-mpstat-proc-stat-emfile-only).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bracketPid } from '../../src/sources/log-pids.js';
import { analyzeTranscript } from '../analyze-transcript.js';

const now = new Date('2026-01-01T00:00:00Z');

async function analyzeText(text: string, name = 'transcript.md') {
  return analyzeTranscript(text, name, now);
}

const HITCH = '[11646] {client} accept() failed; too many open files for this process';

test("hitch's `[PID] ` names the process that ran out", async () => {
  assert.deepEqual(bracketPid(HITCH), { pid: 11646 });
  // gunicorn's `[time] [pid] [level]` (its default access to the error log's format).
  assert.deepEqual(bracketPid('[2019-06-02 10:00:00 +0000] [1234] [ERROR] Error in accept: [Errno 24] Too many open files'), { pid: 1234 });
  // A kernel time and an empty bracket name no pid (and the pid is read on such lines only).
  assert.equal(bracketPid('[  123.456789] VFS: file-max limit 51200 reached'), null);
  assert.equal(bracketPid('[] too many open files'), null);
  const result = await analyzeText(`The output of systemctl status hitch:\n\n\`${HITCH}\`\n`);
  assert.equal(result.verdict, 'inconclusive');
  assert.equal(result.suspects[0]?.pid, 11646);
  assert.match(result.suspects[0]?.ranOut?.message ?? '', /too many open files for this process/);
});

test('a program trace that ends with its "Too many open files" is read as its log', async () => {
  const text = [
    '```',
    'func: mpstat                                                                    ',
    'para:-P                                                                         ',
    'para:ALL                                                                        ',
    'para:1                                                                          ',
    'para:1                                                                          ',
    'para:(null)                                                                     ',
    'Cannot open /proc/stat: Too many open files',
    '```',
    '',
  ].join('\n');
  const result = await analyzeText(text);
  // Not an input error: the line says a process ran out, so the verdict cannot be no-leak.
  assert.equal(result.verdict, 'inconclusive');
});
