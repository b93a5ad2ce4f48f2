// Errors quoted in code spans in a paste with no fence (read as a terminal paste): a span a line
// break cut in two, a line that is one span, a span inside a sentence — each an output of its own,
// as a fenced write-up reads them. Real lines: Icinga/icinga2#1884 (migrated from Redmine #6916).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { splitTranscript } from '../../src/bundle/transcript.js';
import { bareOutputs } from '../../src/bundle/code-spans.js';

const RECORD =
  '[2014-08-14 12:22:16 +0200] critical/ExternalCommandListener: open() for fifo path \'/var/run/icinga2/cmd/icinga2.cmd\' failed with error code 24, "Too many open files"';

const LINES = [
  "I'm having an issue where Icinga logs",
  `\`${RECORD}`,
  '`',
  'It turns out, that Icinga opens the icinga.cmd very often:',
  '',
  "root@localhost:\\# lsof -p 4311 | grep 'icinga2.cmd' | wc -l",
  '16373',
];

test('a span a line break cut in two, quoting a record, is an output of its own before the command', () => {
  assert.deepEqual(bareOutputs(LINES, 1), { outputs: [[{ text: RECORD, line: 2 }]], end: 3 });
  const items = splitTranscript(LINES);
  assert.deepEqual(
    items.map((it) => [it.command, it.output.map((o) => [o.line, o.text])]),
    [
      [null, [[2, RECORD]]],
      ["lsof -p 4311 | grep 'icinga2.cmd' | wc -l", [[7, '16373']]],
    ],
  );
});

test('a span in a sentence, or alone on its line, is read in a paste with no fence', () => {
  const sentence = [`Icinga logs \`${RECORD}\` very often.`, '', '# lsof -p 4311 | wc -l', '16373'];
  assert.deepEqual(splitTranscript(sentence)[0], { command: null, commandLine: 1, output: [{ text: RECORD, line: 1 }] });
  const alone = ['Icinga logs', `\`${RECORD}\``, '', '# lsof -p 4311 | wc -l', '16373'];
  assert.deepEqual(splitTranscript(alone)[0], { command: null, commandLine: 2, output: [{ text: RECORD, line: 2 }] });
});

test('a span that names no running out, or the bare error name, is no output', () => {
  assert.equal(bareOutputs(['`lsof -p 4311`', '`'], 0), null);
  assert.equal(bareOutputs(['it fails with `EMFILE` here'], 0), null);
  assert.equal(bareOutputs(['plain prose, no quote'], 0), null);
});
