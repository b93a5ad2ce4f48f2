// Pastes from web-stack threads (accuracy round 13), their real lines:
// - celery/celery#2606: a prompt whose start the reporter cut (`celery]# lsof -n -p 8401 | …`);
// - hypothesis/h#6770: busybox ash's prompt in an Alpine container (`~ $ ulimit -Hn`), and an
//   nginx line pasted as ```` ```…``` ```` on one line (a code span, no fence);
// - reticulum-meshchat#136: `systemctl status` with its journal tail after the blank line.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isMarkdown, splitTranscript } from '../../src/bundle/transcript.js';
import { promptCommand } from '../../src/bundle/prompts.js';
import { journalTailFollows } from '../../src/bundle/status-tail.js';

test('the tail of a `[user@host dir]#` prompt whose start was cut, before a known command, is a prompt', () => {
  assert.equal(promptCommand("celery]# lsof -n -p 8401 |   egrep -v '(DIR|REG)'"), "lsof -n -p 8401 |   egrep -v '(DIR|REG)'");
  assert.equal(promptCommand('celery]# strace  -p 8401'), 'strace  -p 8401');
  // Not before a word this tool does not know: output can look like it.
  assert.equal(promptCommand('celery]# started'), null);
});

test("busybox ash's prompts (`~ $ `, `/ # `) before a known command", () => {
  assert.equal(promptCommand('~ $ ulimit -Hn'), 'ulimit -Hn');
  assert.equal(promptCommand('/ # cat /proc/1/limits'), 'cat /proc/1/limits');
  assert.equal(promptCommand('~ $ whoami'), null);
});

test('a line of three backticks around text is a code span, not a fence: its text is a line of output', () => {
  const lines = [
    '```shell',
    '~ $ ulimit -Sn',
    '1048576',
    '```',
    '',
    '```2021/07/08 12:43:00 [crit] 15#15: accept4() failed (24: No file descriptors available)```',
  ];
  assert.equal(isMarkdown(lines), true);
  const items = splitTranscript(lines);
  assert.deepEqual(
    items.map((i) => [i.command, i.output.map((o) => o.text)]),
    [
      ['ulimit -Sn', ['1048576']],
      [null, ['2021/07/08 12:43:00 [crit] 15#15: accept4() failed (24: No file descriptors available)']],
    ],
  );
  // A four-backtick fence is still a fence.
  assert.equal(isMarkdown(['````', 'x', '````']), true);
});

test('`systemctl status` keeps its journal tail, after the blank line, as its output', () => {
  const lines = [
    'systemctl status meshchat',
    '● meshchat.service - Reticulum Network Stack Daemon',
    '   Main PID: 2031743 (bash)',
    '',
    'Feb 04 05:07:12 another bash[2031745]: OSError: [Errno 24] Too many open files',
    'Feb 04 05:07:12 another bash[2031745]: socket.accept() out of system resource',
    '',
    'Some prose after it.',
  ];
  const items = splitTranscript(lines);
  assert.equal(items.length, 1);
  assert.equal(items[0].command, 'systemctl status meshchat');
  assert.ok(items[0].output.some((o) => o.text.includes('OSError: [Errno 24]')));
  assert.ok(!items[0].output.some((o) => o.text.includes('prose')));
  assert.equal(journalTailFollows('ls -l /proc/1/fd', lines[4]), false);
  assert.equal(journalTailFollows('sudo systemctl status nginx', lines[4]), true);
});
