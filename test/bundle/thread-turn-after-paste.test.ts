// A terminal paste left outside a code block in a copy of an issue thread, the next turn's header
// under it, on the real lines of rsyslog/rsyslog#4880: the reply is none of the output.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isThreadTurnHeader } from '../../src/bundle/prose-line.js';
import { splitTranscript } from '../../src/bundle/transcript.js';
import { analyzeTranscript } from '../analyze-transcript.js';

const THREAD = [
  'dhruvanand96 · description · 2022-05-25',
  '',
  'it keeps pointing to the same file instead of the creating a new file ',
  '',
  'root@ubuntu:/opt/lavelle/var/data/logs/local# lsof -p `pgrep rsyslog` | grep all-',
  'rsyslogd 1142 syslog   21w   REG                8,1    42203     138065 /opt/lavelle/var/data/logs/local/all-986a1800.log.gz (deleted)',
  'rsyslogd 1142 syslog   22w   REG                8,1    40145     138060 /opt/lavelle/var/data/logs/local/all-986a2000.log.gz (deleted)',
  '',
  'rgerhards · comment · 2022-05-25',
  '',
  'sorry, but I do not understand what you mean. Not at all. Can you please elaborate. There are  questions/guidelines when you open a new issue. Please answer them.',
];

test("a thread turn's header: a login, the turn's kind, its date", () => {
  assert.equal(isThreadTurnHeader('rgerhards · comment · 2022-05-25'), true);
  assert.equal(isThreadTurnHeader('pbdger · description · 2021-07-21'), true);
  assert.equal(isThreadTurnHeader('dependabot[bot] · comment · 2023-01-02'), true);
  assert.equal(isThreadTurnHeader('rsyslogd 1142 syslog   21w   REG  8,1  42203  138065 /x/all-1.log.gz (deleted)'), false);
  assert.equal(isThreadTurnHeader('a · comment · yesterday'), false);
  assert.equal(isThreadTurnHeader(`${'x'.repeat(5000)} · comment · 2022-05-25`), false);
});

test('rsyslog#4880: the lsof rows end where the next turn starts', () => {
  const items = splitTranscript(THREAD);
  const lsof = items.find((it) => it.command?.startsWith('lsof -p'));
  assert.ok(lsof);
  assert.deepEqual(
    lsof.output.map((o) => o.text.slice(0, 14)),
    ['rsyslogd 1142 ', 'rsyslogd 1142 '],
  );
});

test('rsyslog#4880: the thread is read; two deleted files blame nobody', async () => {
  const r = await analyzeTranscript(THREAD, 'transcript.md');
  assert.equal(r.verdict, 'inconclusive');
  assert.equal(r.suspects.length, 0);
});
