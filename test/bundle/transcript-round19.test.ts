// Pastes from monitoring threads (accuracy round 19), their real lines:
// - sysown/proxysql#663: root's `# date && lsof -p 26768 |wc -l` typed twice, each printing date's
//   line and then the count, pasted as plain text under a log line that opens with its time;
// - typhoeus/typhoeus#573: `# lsof -p 35957 | wc -l => 150`, counts noted in a Rails console.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { splitTranscript } from '../../src/bundle/transcript.js';
import { countLines, datesFirst } from '../../src/bundle/timed-count.js';
import { bareLogRecord } from '../../src/bundle/code-spans.js';
import { inlineResult } from '../../src/bundle/inline-result.js';

const LOG = '20160825T101438.805110: [err] evsig_init: socketpair: Too many open files';
const PASTE = [
  'About two days after the daemon started:',
  '',
  LOG,
  '',
  'We checked the number of open file descriptors and we can conclude that it only rises:',
  '',
  '# date && lsof -p 26768 |wc -l',
  'Thu Aug 25 08:53:01 EDT 2016',
  '9107',
  '# date && lsof -p 26768 |wc -l',
  'Thu Aug 25 10:00:30 EDT 2016',
  '13142',
];

test('`date && … |wc -l` prints two lines: date, then the count', () => {
  const items = splitTranscript(PASTE);
  const counts = items.filter((it) => it.command === 'date && lsof -p 26768 |wc -l');
  assert.equal(counts.length, 2);
  assert.deepEqual(
    counts.map((it) => it.output.map((o) => o.text)),
    [
      ['Thu Aug 25 08:53:01 EDT 2016', '9107'],
      ['Thu Aug 25 10:00:30 EDT 2016', '13142'],
    ],
  );
  // Without the date, the count is still the command's one line: a line after it is another output.
  const plain = splitTranscript(['# lsof -p 26768 |wc -l', '9107', 'proxysql 26768 root *091u  sock  0,7  0t0 1 x']);
  assert.deepEqual(
    plain.map((it) => it.output.length),
    [1, 1],
  );
});

test('only a date run on its own counts: `date | tr` prints no line, `date +%T;` does', () => {
  assert.ok(datesFirst('date && lsof -p 26768 |wc -l'));
  assert.ok(datesFirst('date +%T; ls /proc/4242/fd | wc -l'));
  assert.equal(datesFirst("date | tr '\\n' ' ' && lsof -p 1 | wc -l"), false);
  assert.equal(datesFirst('lsof -p 26768 | wc -l'), false);
  assert.equal(countLines('date && lsof -p 26768 |wc -l'), 2);
  assert.equal(countLines('lsof -p 26768 |wc -l'), 1);
});

test('a log line that opens with its time and says it ran out is an output of its own, before any prompt', () => {
  const items = splitTranscript(PASTE);
  const log = items.find((it) => it.command === null && it.output.some((o) => o.text === LOG));
  assert.ok(log);
  assert.equal(log.commandLine, 3);
  // Prose is not: the sentences before the prompt stay out.
  assert.ok(items.every((it) => it.output.every((o) => !o.text.startsWith('We checked'))));
  assert.ok(bareLogRecord(LOG));
  assert.ok(bareLogRecord('Aug 25 10:14:38 db1 proxysql[26768]: accept: Too many open files'));
  assert.equal(bareLogRecord('We got Too many open files after two days'), false);
  assert.equal(bareLogRecord('2016-08-25 10:14:38 started'), false);
});

// typhoeus/typhoeus#573: counts noted as comments in a Rails console session.
const SESSION = [
  '``` ',
  'urls = ["http://github.com", "http://google.com", "http://rollbar.com", "http://bbc.com"] ',
  '# lsof -p 35957 | wc -l => 150 ',
  'urls.each { |x| Typhoeus.get(x) } ',
  '# lsof -p 35957 | wc -l => 153 ',
  'urls.each { |x| HTTParty.get(x) } ',
  '# lsof -p 35957 | wc -l => 153 ',
  '```',
];

test('`# lsof -p 35957 | wc -l => 150`: the count written on the command line is its output', () => {
  const counts = splitTranscript(SESSION).filter((it) => it.command === 'lsof -p 35957 | wc -l');
  assert.deepEqual(
    counts.map((it) => [it.commandLine, it.output.map((o) => [o.text, o.line])]),
    [
      [3, [['150', 3]]],
      [5, [['153', 5]]],
      [7, [['153', 7]]],
    ],
  );
  // The session's Ruby lines under a count are no output of it.
  assert.ok(counts.every((it) => it.output.length === 1));
  assert.deepEqual(inlineResult('ls /proc/4242/fd | wc -l → 1017'), { command: 'ls /proc/4242/fd | wc -l', result: '1017' });
  // Only a command that prints one count: an arrow elsewhere is the command's own.
  assert.equal(inlineResult('lsof -p 35957 => 150'), null);
  assert.equal(inlineResult('lsof -p 35957 | wc -l'), null);
});
