// "Too many open files" as a program prints it to the terminal it was started from: Go's `log`
// stamps a line with no level (matterbridge), OCaml's Async prints the error with its backtrace
// (the Coda daemon). Both are read as a log, and the program the command started is the one that
// ran out — known by its name, its pid never guessed. A tool that reads another's output is not.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appLog } from '../../src/sources/app-log.js';
import { parseLines } from '../../src/sources/run.js';
import { analyzeTranscript } from '../analyze-transcript.js';

const now = new Date('2026-01-01T00:00:00Z');

const analyzeText = (lines: string[]) => analyzeTranscript(lines, 'session.txt', now);

// 42wim/matterbridge#1376
const MATTERBRIDGE = [
  '[0000]  INFO main:         [setupLogger:matterbridge.go:106] Enabling debug logging.',
  '[0000]  INFO main:         [main:matterbridge.go:46] Running version 1.21.0 cf13fff7',
  '2021/01/26 11:48:41 too many open files',
];

// MinaProtocol/mina#2994
const CODA = [
  '  (monitor.ml.Error (Unix.Unix_error "Too many open files" accept "((fd 43))")',
  '("Raised at file \\"src/core_unix.ml\\", line 50, characters 4-43"',
  '  "Called from file \\"src/core_unix.ml\\", line 2419, characters 17-40"',
  '  "Re-raised at file \\"src/unix_syscalls.ml\\", line 956, characters 20-29"',
  '  "Called from file \\"src/tcp.ml\\", line 357, characters 6-89"',
  '  "Caught by monitor coda"))',
];

test("a program's own output with a stamped line saying it ran out, and an OCaml backtrace under one, read as logs", () => {
  assert.ok(appLog.detect({ head: MATTERBRIDGE, name: 'x.txt', command: 'matterbridge -debug' }) > 0.3);
  assert.ok(appLog.detect({ head: CODA, name: 'x.txt' }) > 0.3);
  const { artifact } = parseLines(appLog, CODA, { file: 'x.txt' });
  assert.equal(artifact.exhaustion.emfile, 1);
  // A line of words and a stamp alone is no log line that ran out.
  assert.equal(appLog.detect({ head: ['2021/01/26 11:48:41 started', 'ready'], name: 'x.txt' }), 0);
});

test('the program a command started at the prompt is the one its "too many open files" came from, known by its name', async () => {
  const r = await analyzeText(['$ matterbridge -debug', ...MATTERBRIDGE, '', '$ ulimit -Sn', '1024']);
  assert.equal(r.verdict, 'inconclusive');
  const s = r.suspects[0];
  assert.equal(s.pid, null);
  assert.equal(s.command, 'matterbridge');
  assert.match(s.ranOut?.message ?? '', /too many open files/);
  assert.match(s.namedBy ?? '', /`matterbridge -debug`/);
  assert.equal(s.pidCommand, 'pidof matterbridge');
});

test("a tool that reads another program's output names no process of its own", async () => {
  for (const command of ['tail -3 /var/log/app.log', 'docker logs bridge', 'journalctl -n 3 --no-pager']) {
    const r = await analyzeText([`$ ${command}`, ...MATTERBRIDGE]);
    assert.equal(r.verdict, 'inconclusive', command);
    assert.ok(!r.suspects.some((s) => s.command === command.split(' ')[0]), command);
  }
});
