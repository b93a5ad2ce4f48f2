// i2pd's own log (PurpleI2P/i2pd#795, #1537, accuracy round 71): `HH:MM:SS@THREAD/level - message`.
// The header holds the record's level, so the log reader counts such a line a record and quotes its
// message without the header, also between a reporter's own lines pasted unfenced before the
// commands; the number after `@` is a thread, never a pid.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bareLogRecord } from '../../src/bundle/code-spans.js';
import { appLog } from '../../src/sources/app-log.js';
import { logMessage } from '../../src/sources/log-message.js';
import { headerStamp } from '../../src/sources/log-stamps.js';
import { parseLines } from '../../src/sources/run.js';

const INTERLEAVED = [
  'Количество соединений при этом достигает 900 с чем-то.',
  'В i2pd.log регулярно, приблизительно ежесекундно, сообщения',
  '21:33:19@911/info - NTCP: Connect error Too many open files',
  'При открытии веб-интерфейса в i2pd.log непрерывно',
  '21:33:13@984/error - HTTP Server: error handling accept Too many open files',
  'веб-интерфейс при этом работает на первый взгляд нормально.',
];

test("i2pd's header is a stamp with its level; its thread is no pid", () => {
  const s = headerStamp('11:07:05@353/error - HTTP Server: error handling accept Too many open files');
  assert.equal(s?.level, 'ERROR');
  assert.equal(s?.seconds, 11 * 3600 + 7 * 60 + 5);
  assert.equal(headerStamp('21:33:19@911/info - NTCP: Connect error Too many open files')?.level, 'INFO');
  // Not a clock, not i2pd's level words, not its ` - `.
  assert.equal(headerStamp('25:33:19@911/info - x'), null);
  assert.equal(headerStamp('21:33:19@911/notice - x'), null);
  assert.equal(headerStamp('18:07:36@487/error x'), null);
  assert.equal(logMessage(INTERLEAVED[4]), 'HTTP Server: error handling accept Too many open files');
});

test("i2pd's records that ran out, between a reporter's lines, are a log whose lines name no process", () => {
  assert.ok(appLog.detect({ head: INTERLEAVED, name: 'transcript.md' }) > 0);
  const { artifact } = parseLines(appLog, INTERLEAVED, { file: 'transcript.md' });
  assert.equal(artifact.exhaustion.emfile, 2);
  assert.equal(artifact.exhaustion.samples[0]?.pid, undefined);
});

test('an i2pd record pasted unfenced before the commands is an output of its own', () => {
  assert.equal(bareLogRecord(INTERLEAVED[2]), true);
  assert.equal(bareLogRecord('21:33:19@911 is no record: Too many open files'), false);
});
