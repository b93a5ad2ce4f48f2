// How reporters paste a session into an issue: a tight root prompt, a comment after a command,
// divider lines between commands, and a terminal paste left outside the fences of a Markdown
// comment. Each keeps its outputs under their commands (lines from the round-9 accuracy cases).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { splitTranscript } from '../../src/bundle/transcript.js';
import { promptCommand } from '../../src/bundle/prompts.js';

function shape(lines: string[]): [string | null, number, string[]][] {
  return splitTranscript(lines).map((i) => [i.command, i.commandLine, i.output.map((o) => o.text)]);
}

test("root's prompt without a blank before the command (`#cat /proc/4918/limits`), before a known command only", () => {
  // takama/daemon#91
  assert.deepEqual(
    shape([
      '#cat /proc/4918/limits',
      'Limit                     Soft Limit           Hard Limit           Units',
      '...',
      'Max open files            1024                 1024                 files',
      '...',
      '',
      '#ulimit -n',
      '655350',
    ]),
    [
      [
        'cat /proc/4918/limits',
        1,
        [
          'Limit                     Soft Limit           Hard Limit           Units',
          '...',
          'Max open files            1024                 1024                 files',
          '...',
        ],
      ],
      ['ulimit -n', 7, ['655350']],
    ],
  );
  assert.equal(promptCommand('#include <stdio.h>'), null);
  assert.equal(promptCommand('#Socket summary'), null);
});

test('a shell comment after a command is no part of it; a # inside quotes or a word is', () => {
  // anveshan-2qf.pages.dev, "File Descriptors & Resource Limits"
  assert.equal(promptCommand('$ ulimit -n    # max open files for this shell'), 'ulimit -n');
  assert.equal(promptCommand("$ ls -l /proc/1/fd | grep '# x' | wc -l"), "ls -l /proc/1/fd | grep '# x' | wc -l");
  assert.equal(promptCommand('$ echo $# "a # b"'), 'echo $# "a # b"');
  assert.equal(promptCommand('$ curl http://host/#/fd'), 'curl http://host/#/fd');
});

test('a divider line set apart by a blank line ends the output above it; marks right under rows stay', () => {
  // gpustack/gpustack#5259
  assert.deepEqual(
    shape([
      'root@ac-ewr1-pas1-gpu-1:/# cat /proc/126/limits | grep -i "open files"',
      'Max open files            65535                65535                files',
      '',
      '--------',
      'root@ac-ewr1-pas1-gpu-1:/# cat /proc/sys/fs/file-nr',
      '37088\t0\t9223372036854775807',
      '',
      '---------',
      'root@ac-ewr1-pas1-gpu-1:/# ls -l /proc/126/fd',
      'lrwx------ 1 root root 64 May  8 23:02 0 -> /dev/null',
      '-----',
    ]),
    [
      ['cat /proc/126/limits | grep -i "open files"', 1, ['Max open files            65535                65535                files']],
      ['cat /proc/sys/fs/file-nr', 5, ['37088\t0\t9223372036854775807']],
      ['ls -l /proc/126/fd', 9, ['lrwx------ 1 root root 64 May  8 23:02 0 -> /dev/null', '-----']],
    ],
  );
});

test('in a Markdown comment, a terminal paste outside the fences keeps its output under its command', () => {
  // MinaProtocol/mina#2994: the crash in a fence, the counts after a restart pasted bare.
  const items = shape([
    'the error:',
    '',
    '```',
    '    (monitor.ml.Error (Unix.Unix_error "Too many open files" accept "((fd 43))")',
    '```',
    '',
    'restarted node:',
    '',
    '$ lsof -u admin | wc -l',
    '358',
    '',
    '$ lsof -u admin | grep sock | wc -l',
    '28',
    '',
    '$ ls -l /proc/4242/fd:',
    '',
    '```',
    'lrwx------ 1 root root 64 May  8 23:02 0 -> /dev/null',
    '```',
  ]);
  assert.deepEqual(items.slice(1), [
    ['lsof -u admin | wc -l', 9, ['358']],
    ['lsof -u admin | grep sock | wc -l', 12, ['28']],
    // A command alone in its paragraph still takes the block under it.
    ['ls -l /proc/4242/fd', 15, ['lrwx------ 1 root root 64 May  8 23:02 0 -> /dev/null']],
  ]);
});

// gh-electron-lsof-u-command-tally-x-clients: oh-my-zsh's sorin theme, the place then three chevrons.
test('a zsh prompt of chevrons after the place (`./~ ❯❯❯ `), before a known command only', () => {
  assert.equal(
    promptCommand("./~ ❯❯❯ lsof -U | tr -s ' ' | cut -d ' ' -f 1 | sort | uniq -c | sort -rns"),
    "lsof -U | tr -s ' ' | cut -d ' ' -f 1 | sort | uniq -c | sort -rns",
  );
  assert.equal(promptCommand('❯❯❯ lsof -p 1'), 'lsof -p 1');
  assert.equal(promptCommand('Loading ❯❯❯ step 3 of 7'), null);
  assert.deepEqual(shape(['```', './~ ❯❯❯ lsof -U | cut -d " " -f 1 | sort | uniq -c', '    145 chrome', '    117 slack', '```']), [
    ['lsof -U | cut -d " " -f 1 | sort | uniq -c', 2, ['    145 chrome', '    117 slack']],
  ]);
});

test("GitHub Actions' job log: `Run CMD`, the step's command echoed above its output, is a prompt before a known command only", () => {
  // actions/runner-images#3729
  assert.equal(promptCommand('Run ls -l /proc/self/fd'), 'ls -l /proc/self/fd');
  assert.equal(promptCommand('Run cat /proc/sys/fs/file-nr'), 'cat /proc/sys/fs/file-nr');
  assert.equal(promptCommand('Run the workflow and you get:'), null);
  assert.equal(promptCommand('Run time: 12s'), null);
});
