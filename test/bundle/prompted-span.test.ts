// A terminal's lines pasted between two backticks, one code span over several lines: the prompt
// and command on the first, what it printed on the next. Real lines: jellyfin/jellyfin#965.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { splitTranscript } from '../../src/bundle/transcript.js';
import { hasCodeSpanRun, promptedSpan } from '../../src/bundle/code-spans.js';
import { promptCommand } from '../../src/bundle/prompts.js';

const LINES = [
  'Which leads me to suspect that there are connections "leaking" or perhaps just waiting to close:',
  '',
  '`[root@Jellyfin ~]# netstat -punta | grep jellyfin | grep CLOSE_WAIT | wc -l',
  '84`',
];
const prompted = (l: string) => promptCommand(l) !== null;

test('a span opened on a prompt and closed lines later is the command and its output', () => {
  assert.deepEqual(promptedSpan(LINES, 2, prompted), ['[root@Jellyfin ~]# netstat -punta | grep jellyfin | grep CLOSE_WAIT | wc -l', '84']);
  assert.equal(hasCodeSpanRun(LINES, prompted), true);
  const items = splitTranscript(LINES).filter((it) => it.command !== null);
  assert.equal(items.length, 1);
  assert.equal(items[0].command, 'netstat -punta | grep jellyfin | grep CLOSE_WAIT | wc -l');
  assert.equal(items[0].commandLine, 3);
  assert.deepEqual(
    items[0].output.map((o) => [o.line, o.text]),
    [[4, '84']],
  );
});

test('a span cut by a line break with no prompt, or one a blank line leaves open, is none', () => {
  // A command wrapped by the writer's editor (no prompt): the two halves are one line, as before.
  assert.deepEqual(promptedSpan(['`lsof -n | grep CLOSE_WAIT | head -1', '`'], 0, prompted), []);
  // Two syslog lines in one span (homebridge-edomoticz#183) open with no prompt.
  assert.deepEqual(
    promptedSpan(
      [
        '`Oct  7 20:15:23 Serveur_Ubuntu homebridge[13983]: [2019-10-7 8:15:23 PM] [eDomoticzs] There was a problem connecting to Domoticz.',
        'Oct  7 20:15:23 Serveur_Ubuntu homebridge[13983]: - Error: connect EMFILE 127.0.0.1:8080 - Local (undefined:undefined)`',
      ],
      0,
      prompted,
    ),
    [],
  );
  assert.deepEqual(promptedSpan(['`$ ulimit -n', '', '1024`'], 0, prompted), []);
  // A command cut after its pipe goes on on the next line: the span is one command, not its output.
  assert.deepEqual(promptedSpan(['`$ lsof -p 873 |', 'wc -l`'], 0, prompted), []);
});

// zdns#151: the reporter set the terminal's lines in bold instead of a fence; Markdown hides the
// `**`, the line breaks are the terminal's.
const BOLD = [
  'I used the command line：',
  '**cat   domains.cvs | ./zdns  a   --log-file="zdns.log"  --metadata-file="zdns_meta.log"  --timeout=25 --threads=1000 --output-file="zdns.cvs" --verbosity=1**',
  '**[root@localhost tscan]# pgrep zdns',
  '28114',
  "[root@localhost tscan]# lsof -n|awk '{print $2}'|sort|uniq -c|sort -nr | grep \\`pgrep zdns\\`",
  '  47608 28114**',
];

test('lines set in bold from a prompt to a later line are the commands and what they printed', () => {
  assert.deepEqual(promptedSpan(BOLD, 2, prompted), [
    '[root@localhost tscan]# pgrep zdns',
    '28114',
    "[root@localhost tscan]# lsof -n|awk '{print $2}'|sort|uniq -c|sort -nr | grep \\`pgrep zdns\\`",
    '  47608 28114',
  ]);
  // A line bold on its own (the command line without a prompt) opens no span.
  assert.deepEqual(promptedSpan(BOLD, 1, prompted), []);
  const items = splitTranscript(BOLD).filter((it) => it.command !== null);
  assert.deepEqual(
    items.map((it) => [it.command, it.output.map((o) => [o.line, o.text])]),
    [
      ['pgrep zdns', [[4, '28114']]],
      ["lsof -n|awk '{print $2}'|sort|uniq -c|sort -nr | grep \\`pgrep zdns\\`", [[6, '  47608 28114']]],
    ],
  );
});

test('bold prose, or a bold span a blank line leaves open, is no terminal paste', () => {
  assert.deepEqual(promptedSpan(['**Steps to reproduce:**'], 0, prompted), []);
  assert.deepEqual(promptedSpan(['**$ ulimit -n', '', '1024**'], 0, prompted), []);
  assert.deepEqual(promptedSpan(['__$ lsof -p 873 |', 'wc -l__'], 0, prompted), []);
});

// elastic/beats#673 (mohamabid's comment): the listing opens with a backtick before the prompt and
// the paragraph ends with no closing one. Markdown shows an unclosed backtick as it is, so these are
// the terminal's lines all the same: the command at the prompt, then what it printed.
const UNCLOSED = [
  'I have also tried to test with force_close_files: true with no success, I was hoping force close would release the files on rotation.',
  '',
  '`[root]# ls -l /proc/30458/fd',
  'total 0',
  'lr-x------ 1 root root 64 Feb 11 01:01 0 -> /dev/urandom',
  'l-wx------ 1 root root 64 Feb 11 01:01 1 -> pipe:[1642605]',
  'lr-x------ 1 root root 64 Feb 11 01:01 12 -> /mnt/ephemeral0/storm/TOPOLOGY-3-1455070740-worker-6701.log.9 (deleted)',
  'lr-x------ 1 root root 64 Feb 11 01:03 13 -> /mnt/ephemeral0/storm/TOPOLOGY-3-1455070740-worker-6701.log.9 (deleted)',
  'lr-x------ 1 root root 64 Feb 11 01:03 16 -> /mnt/ephemeral0/storm/TOPOLOGY-3-1455070740-worker-6701.log',
];

test('a span opened on a prompt that its paragraph never closes is the command and what it printed', () => {
  assert.deepEqual(promptedSpan(UNCLOSED, 2, prompted), ['[root]# ls -l /proc/30458/fd', ...UNCLOSED.slice(3)]);
  // Ended by a blank line rather than by the paste's end: the same.
  assert.deepEqual(promptedSpan([...UNCLOSED, '', 'Any idea?'], 2, prompted), ['[root]# ls -l /proc/30458/fd', ...UNCLOSED.slice(3)]);
  const items = splitTranscript(UNCLOSED).filter((it) => it.command !== null);
  assert.equal(items.length, 1);
  assert.equal(items[0].command, 'ls -l /proc/30458/fd');
  assert.equal(items[0].commandLine, 3);
  assert.equal(items[0].output.length, 6);
  // A backtick inside the lines is another span: none.
  assert.deepEqual(promptedSpan(['`$ lsof -p 873', 'see `this`', 'x'], 0, prompted), []);
});
