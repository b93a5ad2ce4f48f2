// RabbitMQ's file descriptor alarm (src/sources/exhaustion-text.ts BEAM_ERRNO): the broker logs
// `file descriptor limit alarm set.` under a warning report when its file handle cache has handed
// out every fd its limit allows for connections. Real lines: alphagov/fabric-scripts#188
// (test/accuracy/cases/gh-rabbitmq-fabric-lsof-a-pidof-beam-wc-62-fd-alarm-log).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ranOutErrno } from '../../src/sources/exhaustion-text.js';
import { analyzeTranscript } from '../analyze-transcript.js';

const REPORT = [
  '=WARNING REPORT==== 16-Nov-2015::10:47:53 ===',
  'file descriptor limit alarm set.',
  '',
  '********************************************************************',
  '*** New connections will not be accepted until this alarm clears ***',
  '********************************************************************',
];

test('`file descriptor limit alarm set.` says the broker ran out; `… alarm cleared.` does not', () => {
  assert.equal(ranOutErrno('file descriptor limit alarm set.'), 'EMFILE');
  assert.equal(ranOutErrno('2021-03-01 10:00:00.000 [warning] <0.290.0> file descriptor limit alarm set.'), 'EMFILE');
  assert.equal(ranOutErrno('file descriptor limit alarm cleared.'), null);
  assert.equal(ranOutErrno('*** New connections will not be accepted until this alarm clears ***'), null);
});

test('fabric-scripts#188: the warning report alone is read, the alarm line quoted, nobody blamed', async () => {
  const text = ['The alert that started it:', '', '```', ...REPORT, '```', ''].join('\n');
  const result = await analyzeTranscript(text, 'transcript.md', new Date('2026-01-01T00:00:00Z'));
  assert.equal(result.verdict, 'inconclusive');
  assert.equal(result.suspects.length, 0);
  assert.match(result.unownedRanOut?.message ?? '', /file descriptor limit alarm set/);
});
