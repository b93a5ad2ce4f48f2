// Pastes from language-runtime threads (accuracy round 15), their real lines:
// - node-red-contrib-knx-ultimate#210: `netstat -nvuap | grep node-red | wc -l` run as a user: netstat's
//   two-line stderr notice, then the count;
// - cloudfoundry/prometheus-boshrelease#134: a BOSH VM's prompt (`job/instance-id:path# `);
// - stripe/stripe-ruby#850: macOS bash's `user$ ` prompt (`fabio$ ps -ef | grep ruby`);
// - prometheus/blackbox_exporter#96, pasted as paragraphs under a title that quotes its error.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { splitParagraphs, splitTranscript } from '../../src/bundle/transcript.js';
import { promptCommand } from '../../src/bundle/prompts.js';
import { isStderrLine } from '../../src/bundle/stderr-notices.js';
import { lineCount } from '../../src/sources/line-count.js';
import { parseLines } from '../../src/sources/run.js';

const NOTICE = [
  '(Not all processes could be identified, non-owned process info',
  ' will not be shown, you would have to be root to see it all.)',
];

test("netstat's stderr notice is no output: the count after it is the count's one line", () => {
  const lines = ['```', '$ netstat -nvuap | grep node-red | wc -l', ...NOTICE, '28224', '```'];
  const items = splitTranscript(lines);
  assert.equal(items.length, 1);
  assert.equal(items[0].command, 'netstat -nvuap | grep node-red | wc -l');
  assert.deepEqual(
    items[0].output.map((o) => o.text),
    [...NOTICE, '28224'],
  );
  // A line after the count is still another output.
  const after = splitTranscript(['```', '$ netstat -nvuap | grep node-red | wc -l', ...NOTICE, '28224', '17', '```']);
  assert.equal(after.length, 2);
});

test('the notice is read past by the count parser, and recognised in both its forms', () => {
  const command = 'netstat -nvuap | grep node-red | wc -l';
  assert.ok(lineCount.detect({ head: [...NOTICE, '28224'], name: 'transcript.md', command }) >= 0.9);
  const { artifact, warnings } = parseLines(lineCount, [...NOTICE, '28224'], { command });
  assert.equal(artifact.value, 28224);
  assert.deepEqual(warnings, []);
  assert.ok(isStderrLine('(No info could be read for "-p": geteuid()=1000 but you should be root.)', 'netstat -nvuap'));
  assert.equal(isStderrLine('28224', 'netstat -nvuap'), false);
  assert.equal(isStderrLine('(Not all of it)', 'netstat -nvuap'), false);
});

test("a BOSH VM's prompt (`job/instance-id:path# `) before a known command", () => {
  assert.equal(
    promptCommand('prometheus/d32d13ce-5802-461c-9a1c-f442e3716b0b:/var/vcap/jobs/bosh_exporter/packages# lsof -p 22086|wc -l'),
    'lsof -p 22086|wc -l',
  );
  // Not before a word this tool does not know, and not two slashes in the host word.
  assert.equal(promptCommand('prometheus/d32d13ce:/var/vcap# started'), null);
  assert.equal(promptCommand('a/b/c:/x# lsof -p 1'), null);
});

test("macOS bash's prompts (`user$ `, `host:dir user$ `) before a known command", () => {
  assert.equal(promptCommand('fabio$ ps -ef | grep ruby'), 'ps -ef | grep ruby');
  assert.equal(promptCommand('MacBook-Pro:~ fabio$ lsof -p 6216'), 'lsof -p 6216');
  // Not before a word this tool does not know.
  assert.equal(promptCommand('fabio$ started the console'), null);
});

test('in a paste of paragraphs, a Markdown heading alone is the title, not an output line', () => {
  const lines = [
    '# blackbox_exporter: "accept4: too many open files"',
    '',
    '    2017/01/07 00:09:37 http: Accept error: accept tcp 0.0.0.0:9115: accept4: too many open files; retrying in 10ms',
  ];
  const items = splitParagraphs(lines);
  assert.deepEqual(
    items.map((it) => it.output.map((o) => o.line)),
    [[3]],
  );
  // A paragraph that only starts with one keeps it (a heading over lines is no title alone).
  assert.equal(splitParagraphs(['# note', 'accept4: too many open files']).length, 1);
});
