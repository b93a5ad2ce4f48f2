// Our sentences mark code with backticks; values from a bundle (commands, log lines) may hold
// backticks of their own: `codeSpan` quotes them, and `richText` reads spans as CommonMark does.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { codeSpan, richText } from '../src/rich.js';

test('richText reads `x` as code and text around it as text', () => {
  assert.deepEqual(richText('run `ps -p 1` now'), [{ text: 'run ' }, { code: 'ps -p 1' }, { text: ' now' }]);
});

test('a command quoted with codeSpan stays one code span whatever backticks it holds', () => {
  // influxdata/influxdb#2277: the pid looked up with an old-style substitution.
  const command = "sudo ls /proc/`ps auxw | grep influxdb | grep -v grep | awk '{print $2}'`/fd | wc -l";
  assert.deepEqual(richText(`It holds 1,023 fds (${codeSpan(command)}).`), [
    { text: 'It holds 1,023 fds (' },
    { code: command },
    { text: ').' },
  ]);
  assert.deepEqual(richText(`named by ${codeSpan('`pidof x`')}`), [{ text: 'named by ' }, { code: '`pidof x`' }]);
});

test('a backtick no run closes is text, not the start of a span to the end', () => {
  // A MariaDB line quotes its table with backticks; one of them cut off by the 300-character cap.
  assert.deepEqual(richText('its log says "Can\'t open file: `db`.`tab'), [
    { text: 'its log says "Can\'t open file: ' },
    { code: 'db' },
    { text: '.`tab' },
  ]);
  assert.deepEqual(richText('a `` b'), [{ text: 'a `` b' }]);
});
