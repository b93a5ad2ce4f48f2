// Shell variables set at a prompt and used by the commands after it. Real lines:
// blog-biekanle-java-redis-close-wait (`pid=12345`, then `ls /proc/$pid/fd | wc -l`).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withShellVariables } from '../../src/bundle/shell-variables.js';
import type { TranscriptItem } from '../../src/bundle/terminal-session.js';

const item = (command: string | null, commandLine = 1): TranscriptItem => ({ command, commandLine, output: [] });

test('`pid=12345` then `$pid`: the commands read with the value in its place', () => {
  const out = withShellVariables([
    item('pid=12345'),
    item('ls /proc/$pid/fd | wc -l'),
    item("lsof -p $pid -nP | grep CLOSE_WAIT | awk '{print $NF}' | sort | uniq -c"),
  ]);
  assert.deepEqual(
    out.map((i) => i.command),
    ['pid=12345', 'ls /proc/12345/fd | wc -l', "lsof -p 12345 -nP | grep CLOSE_WAIT | awk '{print $NF}' | sort | uniq -c"],
  );
});

test('`export PID=…`, `${PID}`, a quoted use, a lookup as the value, and an assignment before `;`', () => {
  const out = withShellVariables([
    item('export PID=4242'),
    item('lsof -nP -p "$PID" | wc -l'),
    item('ls -l /proc/${PID}/fd'),
    item('P=$(pgrep rsyslogd); ls -l /proc/$P/fd | wc -l'),
    item('cat /proc/"$P"/limits'),
  ]);
  assert.deepEqual(
    out.map((i) => i.command),
    [
      'export PID=4242',
      'lsof -nP -p 4242 | wc -l',
      'ls -l /proc/4242/fd',
      'ls -l /proc/$(pgrep rsyslogd)/fd | wc -l',
      'cat /proc/"$(pgrep rsyslogd)"/limits',
    ],
  );
});

test('a variable never set, `$$`, and an environment prefix stay as typed', () => {
  const out = withShellVariables([item('ls /proc/$pid/fd'), item('ls -l /proc/$$/fd'), item('LC_ALL=C lsof -p 1')]);
  assert.deepEqual(
    out.map((i) => i.command),
    ['ls /proc/$pid/fd', 'ls -l /proc/$$/fd', 'LC_ALL=C lsof -p 1'],
  );
});

test('a command that its variables would grow by more than a thousand characters stays as typed', () => {
  const value = 'x'.repeat(200);
  const typed = `echo ${'$a'.repeat(10)}`;
  const [, second] = withShellVariables([item(`a=${value}`), item(typed, 2)]);
  assert.equal(second.command, typed);
});
