// Accuracy round 77, on the real lines of zaphoyd/websocketpp#875: bash's `\w#` prompt with no
// blank before the sign (`/proc/1075119/fd# `: root's PS1 without user and host) opens a command
// and says the folder an `ls` there lists; a short question under the paste (`Any idea?`) is the
// issue's text, not the output of the command above it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { promptDir } from '../../src/bundle/prompt-dir.js';
import { promptCommand } from '../../src/bundle/prompts.js';
import { isProseSentence } from '../../src/bundle/prose-line.js';
import { splitTranscript } from '../../src/bundle/transcript.js';
import { isBareFdLinkRow } from '../../src/bundle/bare-fd-rows.js';

test('a place and the sign with no blank between them is a prompt, before a known command only', () => {
  assert.equal(promptCommand('/proc/1075119/fd# ls | wc -l'), 'ls | wc -l');
  assert.equal(promptDir('/proc/1075119/fd# ls | wc -l'), '/proc/1075119/fd');
  assert.equal(promptCommand('/var/log/app# the logs below'), null);
  assert.equal(promptCommand('/proc/1075119/fd#ls'), null);
});

test('a short question of plain words is prose; a program asking prints more than words', () => {
  assert.equal(isProseSentence('Any idea?'), true);
  assert.equal(isProseSentence('Any thoughts?'), true);
  assert.equal(isProseSentence('Why?'), false);
  assert.equal(isProseSentence('Continue? [y/N]'), false);
  assert.equal(isProseSentence("rm: remove regular file 'a.log'?"), false);
});

test('websocketpp#875: the count is of pid 1075119, the limits row ends where the question starts', () => {
  const items = splitTranscript([
    'After I moved to a new server I had to update the websocketpp from 0.4.0 to 0.8.2. Everything working well but the server is reaching the max open files with ~1700 connection while the limit is 20,480.',
    '',
    '/proc/1075119/fd# ls | wc -l',
    '7764',
    '# cat /proc/1075119/limits | grep files',
    'Max open files            20480                20480                files',
    '',
    'Any idea?',
    '',
    "@erikzenker No, I have the same issue. My limit is on 20,480, I have around 1500 connections but the fd shows much more than that. Once it reached 20,480, the process is dropping all connection until i'm restarting it.",
  ]).filter((i) => i.command !== null);
  assert.deepEqual(
    items.map((i) => i.command),
    ['cd /proc/1075119/fd && ls | wc -l', 'cat /proc/1075119/limits | grep files'],
  );
  assert.deepEqual(
    items[1].output.map((o) => o.text).filter((t) => t.trim() !== ''),
    ['Max open files            20480                20480                files'],
  );
});

test('warmcat/libwebsockets#3293: ls -l rows pasted as plain text before a prompt are a listing of their own', () => {
  const rows = [
    "lr-x------ 1 root root 64 Dec 11 10:27 0 -> 'pipe:[9582707]'",
    "l-wx------ 1 root root 64 Dec 11 10:27 1 -> 'pipe:[9582708]'",
    "lrwx------ 1 root root 64 Dec 11 10:27 12 -> 'socket:[9580115]'",
    'lr-x------ 1 root root 64 Dec 11 10:27 5 -> /dev/urandom',
  ];
  const items = splitTranscript([
    'I print the process file descriptor like this',
    '# filedescriptor in process at the beginning',
    ...rows,
    '',
    '# sock created in lwss log, the max fd is 12',
    '[root@iZ2zeanzb5mpk34puwffklZ log]# grep "__insert_wsi_socket_into_fds" lwss.7801.log',
  ]);
  assert.deepEqual(
    items.map((i) => i.command),
    [null, 'grep "__insert_wsi_socket_into_fds" lwss.7801.log'],
  );
  assert.deepEqual(
    items[0].output.slice(0, 4).map((o) => o.text),
    rows,
  );
  assert.equal(isBareFdLinkRow(rows[2]), true);
  assert.equal(isBareFdLinkRow('lrwxrwxrwx 1 root root 7 Dec 11 10:27 bin -> usr/bin'), false);
  assert.equal(isBareFdLinkRow('I print the process file descriptor like this'), false);
});
