// `sudo netstat -tupn |grep CLOSE_WAIT |  wc -l` = 11711 beside `sudo netstat -tupn  |  wc -l` = 11940:
// a count of the host's connection rows a grep kept for the state alone names no owner, but it is a
// pile of CLOSE_WAIT connections as a listing without a process column shows one. Real lines:
// gh-elasticsearch-13451-netstat-tupn-close-wait-11711-of-11940-no-owner (elastic/elasticsearch#13451, round 163).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeTranscript } from '../analyze-transcript.js';

const now = new Date('2026-01-01T00:00:00Z');
const analyzeText = (text: string) => analyzeTranscript(text, 'transcript.md', now);

const ES_13451 = [
  '```',
  '# sudo netstat -tupn |grep CLOSE_WAIT |  wc -l',
  '11711',
  '# sudo netstat -tupn  |  wc -l',
  '11940',
  '```',
  '',
].join('\n');

test('a netstat count grep’d for CLOSE_WAIT alone is an unowned pile of CLOSE_WAIT connections: said, nobody blamed', async () => {
  const result = await analyzeText(ES_13451);
  assert.equal(result.verdict, 'inconclusive');
  assert.equal(result.suspects.length, 0);
  assert.match(result.summary, /11,711 TCP connections in CLOSE_WAIT/);
  assert.match(result.summary, /no capture says which process holds them/);
});

test('a count of the same listing grep’d for another state says nothing of CLOSE_WAIT', async () => {
  const result = await analyzeText(ES_13451.replace('grep CLOSE_WAIT', 'grep ESTABLISHED'));
  assert.doesNotMatch(result.summary, /CLOSE_WAIT/);
});

test('ss spells the state CLOSE-WAIT; grep -c counts the rows too', async () => {
  const result = await analyzeText(['```', '$ ss -tan | grep -c CLOSE-WAIT', '2210', '```', ''].join('\n'));
  assert.match(result.summary, /2,210 TCP connections in CLOSE_WAIT/);
});

test('a few CLOSE_WAIT rows counted are no pile', async () => {
  const result = await analyzeText(ES_13451.replace('11711', '4'));
  assert.doesNotMatch(result.summary, /in CLOSE_WAIT/);
});

test('netstat counted with no kernel count to compare: the finding does not say they agree', async () => {
  const result = await analyzeText(ES_13451);
  const f = result.findings.find((x) => x.id === 'netstat-blind-spot');
  assert.equal(f?.status, 'info');
  assert.doesNotMatch(f?.title ?? '', /agree/);
  assert.match(f?.title ?? '', /no kernel count/);
});

// nethermind#6465 (gh-nethermind-close-wait-count-until-service-stop, round 217): the state picked
// by a case-insensitive grep for its start, counted before the service was stopped and after.
const NETHERMIND_6465 = [
  'netstat -an | grep -i close | wc -l',
  '1391',
  '',
  'netstat -an | grep -i close | wc -l',
  '1484',
  '',
  'sudo service nethermind stop',
  '',
  'netstat -an | grep -i close | wc -l',
  '0',
  '',
].join('\n');

test('`grep -i close` keeps the CLOSE_WAIT rows (netstat prints states in capitals): the pile is said', async () => {
  const result = await analyzeText(NETHERMIND_6465);
  assert.equal(result.verdict, 'inconclusive');
  assert.equal(result.suspects.length, 0);
  assert.match(result.summary, /1,484 TCP connections in CLOSE_WAIT/);
});

test('beside a healthy listing taken after the restart, the pile keeps the verdict off no-leak', async () => {
  const listing = [
    '$ ls -l /proc/4242/fd',
    'total 0',
    'lr-x------ 1 u u 64 Jan  1 00:00 0 -> /dev/null',
    'l-wx------ 1 u u 64 Jan  1 00:00 1 -> /var/log/app.log',
    'l-wx------ 1 u u 64 Jan  1 00:00 2 -> /var/log/app.log',
    'lrwx------ 1 u u 64 Jan  1 00:00 3 -> socket:[1001]',
    '',
  ].join('\n');
  const prompted = NETHERMIND_6465.replace(/^netstat/gm, '$ netstat').replace(/^sudo/m, '$ sudo');
  const result = await analyzeText(`${prompted}\n${listing}`);
  assert.equal(result.verdict, 'inconclusive');
  assert.match(result.summary, /in CLOSE_WAIT/);
});

test('a lowercase grep without -i matches no state, nor does `grep -i wait` pick CLOSE_WAIT alone', async () => {
  const plain = await analyzeText(NETHERMIND_6465.replaceAll('grep -i close', 'grep close'));
  assert.doesNotMatch(plain.summary, /in CLOSE_WAIT/);
  const wait = await analyzeText(NETHERMIND_6465.replaceAll('grep -i close', 'grep -i wait'));
  assert.doesNotMatch(wait.summary, /in CLOSE_WAIT/);
});
