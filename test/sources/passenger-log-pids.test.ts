// Phusion Passenger's own log prefix names its agent's pid (src/sources/log-pids.ts), and a record of
// it pasted as plain text under a lead-in sentence is a log line (src/bundle/code-spans.ts). Real
// lines: phusion/passenger#985 (test/accuracy/cases/gh-passenger4-helperagent-request-socket-1038),
// #963 (gh-passenger4-rc4-helperagent-accept-emfile-log-only), #2637 (5.1+ format with a level letter;
// gh-passenger6-spawn-errno24-log-high-limit: its message under the bracket line).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bareLogRecord } from '../../src/bundle/code-spans.js';
import { syslogSource } from '../../src/sources/log-pids.js';
import { passengerPid } from '../../src/sources/record-pids.js';
import { analyzeTranscript } from '../analyze-transcript.js';

const P4 = '[ 2013-05-21 08:17:10.6723 25145/7fa8a0071700 Pool2/Pool.h:659 ]: ERROR: Cannot create a pipe: Too many open files (errno=24)';
const P4_ACCEPT =
  '[ 2013-03-21 20:23:07.0174 14160/7ff03effd700 agents/HelperAgent/RequestHandler.h:1178 ]: Cannot accept client: Too many open files (errno=24). Pausing listening on server socket for 3 seconds.';
const P6 = '[ E 2025-12-14 12:58:08.0616 58412/Tjw3 age/Cor/App/Implementation.cpp:218 ]:';

test('Passenger prefix: the number before the slash is the agent pid, in 4.x and 5.1+ forms, and the crash handler line', () => {
  assert.equal(passengerPid(P4), 25145);
  assert.equal(passengerPid(P4_ACCEPT), 14160);
  assert.equal(passengerPid(`${P6} Could not spawn process`), 58412);
  assert.equal(passengerPid('[ pid=14160, timestamp=1363893787 ] Process aborted! signo=SIGABRT(6)'), 14160);
  assert.deepEqual(syslogSource(P4), { pid: 25145 });
  // Not a bracket of another shape: a time with no pid/thread after it, a bare bracketed number.
  assert.equal(passengerPid('[ 2013-05-21 08:17:10.6723 ] Too many open files'), undefined);
  assert.equal(passengerPid('[1] 12345'), undefined);
});

test('a Passenger record is a bare log record (a bracket padded with a blank before its time)', () => {
  assert.ok(bareLogRecord(P4));
  assert.ok(bareLogRecord(`${P6} Error looking up OS group account 1000: Too many open files (errno=24)`));
  assert.equal(bareLogRecord('[ see below ] Too many open files'), false);
});

test('#985 pasted as plain text: the record under "Error log has lots of these:" names pid 25145 as the one that ran out', async () => {
  const text = [
    'lsof -p <PassengerHelperAgent pid> | wc -l',
    '1038',
    '',
    'Error log has lots of these:',
    P4,
    '  Backtrace:',
    "     in 'long long unsigned int Passenger::ApplicationPool2::Pool::realCollectAnalytics()' (Pool.h:727)",
    '',
  ].join('\n');
  const result = await analyzeTranscript(text, 'transcript.md', new Date('2026-01-01T00:00:00Z'));
  assert.equal(result.suspects[0]?.pid, 25145);
  assert.match(result.suspects[0]?.ranOut?.message ?? '', /Cannot create a pipe: Too many open files/);
  assert.notEqual(result.verdict, 'no-leak');
});

test('#2637: a record whose message starts on the line under its bracket names pid 58412 for the EMFILE line (round 53)', async () => {
  assert.equal(passengerPid(P6), 58412);
  assert.equal(passengerPid('[ E 2025-12-14 12:58:08.0616 58412/Tjw3 age/Cor/App/Implementation.cpp:218 ]:x'), undefined);
  const text = [
    'From passenger.log:',
    '```',
    P6,
    'Could not spawn process for application <REDACTED_APP_PATH>:',
    'An operating system error occurred while preparing to spawn an application process:',
    'Error looking up OS group account 1000: Too many open files (errno=24)',
    '```',
  ].join('\n');
  const result = await analyzeTranscript(text, 'transcript.md', new Date('2026-01-01T00:00:00Z'));
  assert.equal(result.suspects[0]?.pid, 58412);
  assert.match(result.suspects[0]?.ranOut?.message ?? '', /Too many open files \(errno=24\)/);
  assert.equal(result.verdict, 'inconclusive');
});
