// VS Code's output channel of a language client stamps and levels each line the server wrote to
// stderr (`2025-06-03 16:32:07.957 [info] `); the server's own header follows. Real lines of
// Exafunction/codeium#176 (accuracy round 199: test/accuracy/cases/gh-windsurf-language-server-glog-pid-emfile-ulimit-sn-1024),
// Windsurf's Go language server (glog) failing at start; the thread pasted them as JSON strings,
// here as the channel prints them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { syslogSource, withoutServicePrefix } from '../../src/sources/log-pids.js';
import { levelOf, parseStamp } from '../../src/sources/log-stamps.js';
import { analyzeTranscript } from '../analyze-transcript.js';

const now = new Date('2026-01-01T00:00:00Z');

const LINES = [
  '2025-06-03 16:32:07.866 [info] 2025/06/03 16:32:07 maxprocs: Leaving GOMAXPROCS=16: CPU quota undefined',
  '2025-06-03 16:32:07.947 [info] I0603 16:32:07.947326 4027990 main.go:585] Setting GOMAXPROCS to 4',
  '2025-06-03 16:32:07.957 [info] I0603 16:32:07.956916 4027990 server.go:269] Language server will attempt to listen on host 127.0.0.1',
  '2025-06-03 16:32:07.957 [info] F0603 16:32:07.957159 4027990 main.go:803] Language server failed - too many open files',
  '2025-06-03 16:32:07.957 [info] (1) attached stack trace',
  '2025-06-03 16:32:07.957 [info]   -- stack trace:',
];
const FATAL = LINES[3];

test("the channel's bracketed lowercase level is the record's level", () => {
  assert.equal(levelOf(parseStamp(FATAL)?.rest ?? ''), 'INFO');
  // Erlang's lager writes the same shape (rabbitmq's Ranch acceptor).
  assert.equal(levelOf('[warning] <0.1055.0> Ranch acceptor reducing accept rate: out of file descriptors'), 'WARN');
  assert.equal(levelOf('[error] <0.185.0> x'), 'ERROR');
  assert.equal(levelOf('[infos] x'), null);
});

test("the server's glog header after the channel's prefix names its pid", () => {
  assert.equal(withoutServicePrefix(FATAL), 'F0603 16:32:07.957159 4027990 main.go:803] Language server failed - too many open files');
  assert.deepEqual(syslogSource(FATAL), { pid: 4027990 });
  // The channel's own lines, no writer's header after the prefix: no pid.
  assert.equal(syslogSource(LINES[4]), null);
});

test('the relayed lines read as a log whose server ran out, by its pid', async () => {
  const result = await analyzeTranscript(`${LINES.join('\n')}\n`, 'transcript.md', now);
  assert.equal(result.verdict, 'inconclusive');
  assert.equal(result.suspects[0]?.pid, 4027990);
  assert.match(result.suspects[0]?.ranOut?.message ?? '', /^Language server failed - too many open files/);
});
