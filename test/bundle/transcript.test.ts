import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ROOT } from '../helpers.js';
import { splitLines } from '../../src/bundle/lines.js';
import { hasBareCommands, splitTranscript, withoutAnnotation } from '../../src/bundle/transcript.js';
import { promptCommand } from '../../src/bundle/prompts.js';
import { withoutCodeIndent } from '../../src/bundle/indented-code.js';

const SEED = resolve(ROOT, 'test', 'fixtures', 'writeup', 'socket-fd-leak-investigation.zh.md');

test('prompts: $, [user@host dir]$, user@host:dir#, and # only before a known command', () => {
  assert.equal(promptCommand('$ ss -s'), 'ss -s');
  assert.equal(promptCommand('[apps@redis01 ~]$ lsof -n | wc -l'), 'lsof -n | wc -l');
  assert.equal(promptCommand('root@web-87:/tmp# cat /proc/net/sockstat'), 'cat /proc/net/sockstat');
  assert.equal(promptCommand('# lsof -p 1'), 'lsof -p 1');
  assert.equal(promptCommand('# Socket summary'), null);
  assert.equal(promptCommand('java 4684 apps *280u sock'), null);
  // elvish's prompt (https://github.com/elves/elvish/issues/274)
  assert.equal(promptCommand('~> ls /proc/29517/fd/ | count'), 'ls /proc/29517/fd/ | count');
});

test('a terminal transcript splits into one item per command with original line numbers', () => {
  const items = splitTranscript([
    '$ cat /proc/sys/fs/file-max',
    '2442976',
    '$ ss -s',
    'Total: 5',
    'TCP:   1 (estab 1, closed 0, orphaned 0, timewait 0)',
    '$ exit',
  ]);
  assert.deepEqual(
    items.map((i) => [i.command, i.commandLine, i.output.map((o) => o.line)]),
    [
      ['cat /proc/sys/fs/file-max', 1, [2]],
      ['ss -s', 3, [4, 5]],
      ['exit', 6, []],
    ],
  );
});

test('the seed write-up splits per command, including two commands in one code block', () => {
  const items = splitTranscript(splitLines(readFileSync(SEED, 'utf8')));
  const byCommand = new Map(items.filter((i) => i.command).map((i) => [i.command, i]));
  const awk = byCommand.get(`netstat -n | awk '/^tcp/ {++state[$NF]} END {for(key in state) print key,"\\t",state[key]}'`);
  assert.ok(awk, 'netstat awk table item');
  assert.deepEqual(
    awk.output.map((o) => o.line),
    [22, 23],
  );
  const wc = items.filter((i) => i.command === 'netstat  -nat |wc -l');
  assert.deepEqual(
    wc.map((i) => [i.commandLine, i.output.map((o) => o.text)]),
    [
      [25, ['368']],
      [166, ['881']],
    ],
  );
  const uniq = byCommand.get(`lsof -n|awk '{print $2}'| sort | uniq -c | sort -nr | head`);
  assert.equal(uniq?.commandLine, 118);
  assert.deepEqual(
    uniq?.output.map((o) => o.line),
    [119, 120, 121, 122, 123, 124, 125, 126, 127, 128],
  );
  assert.equal(byCommand.get('lsof -p 25204|grep "can\'t identify protocol"|wc -l')?.output[0].text, '64214');
  assert.deepEqual(byCommand.get('ps auxww | grep 4684')?.output, []);
  // The pasted lsof excerpt and the log line have no command of their own.
  const bare = items.filter((i) => i.command === null).map((i) => i.commandLine);
  assert.deepEqual(bare, [135, 202]);
  assert.equal(items.filter((i) => i.command === 'ss -s').length, 2);
});

test('a code block whose first line is a command pasted with a space before it', () => {
  // https://github.com/moby/moby/issues/37182, as in test/accuracy/cases/gh-moby-dockerd-unix-peer-gone
  const items = splitTranscript([
    '```',
    ' ss -p state established |grep -v Recv-Q | less',
    'u_str  0      0      /var/run/docker.sock -1 * 0 users:(("dockerd",pid=1399,fd=5352))',
    '```',
  ]);
  assert.equal(items[0].command, 'ss -p state established |grep -v Recv-Q | less');
  assert.equal(items[0].output.length, 1);
});

test('a prompt with nothing typed after it ends the output of the command before it', () => {
  // https://github.com/yoshinorim/mha4mysql-manager/issues/117, as in test/accuracy/cases/gh-mha4mysql-perl-27k-lsof-rows
  const items = splitTranscript(['```', 'root@zaabix:~# lsof -p 30636 |wc -l', '27279', 'root@zaabix:~#', '```']);
  assert.equal(items.length, 1);
  assert.equal(items[0].command, 'lsof -p 30636 |wc -l');
  assert.deepEqual(
    items[0].output.map((o) => o.text),
    ['27279'],
  );
});

test("an indented prompt running an alias on a process fd folder is a command (lsa, the contributor's long listing)", () => {
  // https://github.com/jcs/sdorfehs/pull/68, as in test/accuracy/cases/gh-sdorfehs-devnull-inherited-by-shell
  const items = splitTranscript([
    '```',
    ' $ lsa /proc/`pgrep -P1 sdorfehs`/fd',
    'lr-x------ 1 1001 666 64 20240909180255 0 -> /dev/null',
    '```',
  ]);
  assert.equal(items[0].command, 'lsa /proc/`pgrep -P1 sdorfehs`/fd');
  assert.equal(items[0].output.length, 1);
  // An unknown word indented after a sign is still output.
  assert.equal(splitTranscript(['```', 'x', ' $ frobnicate --all', '```'])[0].output.length, 2);
});

test("starship's and pure's prompt sign ❯ starts a command", () => {
  // https://github.com/networkupstools/nut/issues/2890, as in test/accuracy/cases/gh-nut-upssched-unix-peer-gone
  const items = splitTranscript(['```', '❯ ls -la /proc/4005950/fd', 'total 0', '```']);
  assert.equal(items[0].command, 'ls -la /proc/4005950/fd');
  assert.deepEqual(
    items[0].output.map((o) => o.text),
    ['total 0'],
  );
});

test("oh-my-zsh's prompt sign ± (a theme's, in a git work tree) starts a command; the line above it is the prompt's first line", () => {
  // https://github.com/lycheeverse/lychee/issues/1248, as in test/accuracy/cases/gh-lychee-rust-macos-256-syn-sent
  const items = splitTranscript([
    '```',
    'goldbaum at Nathans-MBP in ~/Documents/cryptography on pad-unpad-thread-safety',
    '± ulimit -n',
    '256',
    '```',
  ]);
  const ulimit = items.find((i) => i.command === 'ulimit -n');
  assert.ok(ulimit, 'the ± line is a command');
  assert.deepEqual(
    ulimit.output.map((o) => o.text),
    ['256'],
  );
  assert.equal(promptCommand('± ulimit -n'), 'ulimit -n');
});

test('a code block whose first line is a table row naming a program (lsof of top) is output, not that command', () => {
  // https://github.com/microsoft/node-pty/issues/499, as in test/accuracy/cases/gh-node-pty-vscode-files-inherited-by-top
  const items = splitTranscript([
    '```',
    'top     26575 default    5r      REG              253,0  10221472  134754526 /usr/share/code/icudtl.dat',
    'top     26575 default    6r      REG              253,0   1011384  135022222 /usr/share/code/v8_context_snapshot.bin',
    '```',
  ]);
  assert.equal(items[0].command, null);
  assert.equal(items[0].output.length, 2);
  // Typed, the same program with a number is still a command.
  assert.equal(splitTranscript(['```', 'top -p 26575', 'x', '```'])[0].command, 'top -p 26575');
});

test('Markdown: a block of output alone, a line of prose below a block holding only its command, is that command’s output', () => {
  const items = splitTranscript([
    '```',
    'lsof | awk \'{ print $1 " " $2; }\' | sort -rn | uniq -c | sort -rn | head -15',
    '```',
    '',
    'and got:',
    '',
    '```',
    '  67562 event_loo 15244',
    '    407 ruby 15244',
    '```',
  ]);
  assert.equal(items.length, 1);
  assert.match(items[0].command ?? '', /^lsof \| awk/);
  assert.deepEqual(
    items[0].output.map((o) => o.line),
    [8, 9],
  );
});

test('Markdown: an output block far below a command block, or after a block that has output, stays on its own', () => {
  const far = splitTranscript(['```', 'ss -s', '```', ...Array.from({ length: 10 }, () => 'prose'), '```', 'Total: 5', '```']);
  assert.deepEqual(
    far.map((i) => i.command),
    ['ss -s', null],
  );
  const answered = splitTranscript(['```', 'ss -s', 'Total: 5', '```', '```', 'Total: 6', '```']);
  assert.deepEqual(
    answered.map((i) => i.command),
    ['ss -s', null],
  );
});

test('prompts with no space after the sign, or indented with a pasted block, count before a known command', () => {
  // https://github.com/home-assistant/core/issues/49760
  assert.equal(promptCommand('(ha_venv3_8) pi@raspberrypi:/proc/29257/fd $ps -def|grep hass'), 'ps -def|grep hass');
  assert.equal(promptCommand('pi@raspberrypi:~ $uptime'), null);
  // https://github.com/rabbitmq/rabbitmq-server/issues/9301: a bare `$` glued to the command.
  assert.equal(promptCommand('$ulimit -Sn'), 'ulimit -Sn');
  assert.equal(promptCommand('$ulimit -Hn'), 'ulimit -Hn');
  assert.equal(promptCommand('$HOME is /root'), null);
  assert.equal(promptCommand('$5.00 per month'), null);
  // https://github.com/google/cadvisor/issues/1581 (an indented block)
  assert.equal(promptCommand('       # cat /proc/sys/fs/inotify/max_user_watches'), 'cat /proc/sys/fs/inotify/max_user_watches');
  assert.equal(promptCommand('        # Socket summary'), null);
});

test("an ls run in a process's /proc folder (the prompt shows it, or a cd before it) is said with its cd", () => {
  const items = splitTranscript([
    '(venv) pi@raspberrypi:/proc/29257/fd $ls -ltr | wc -l',
    '1025',
    'pi@raspberrypi:/proc/29257/fd $pwd',
    '/proc/29257/fd',
    '$ cd /proc/4242/fd',
    '$ ls | wc -l',
    '17',
    '$ ls /proc/7/fd | wc -l',
    '3',
  ]);
  assert.deepEqual(
    items.map((i) => i.command),
    ['cd /proc/29257/fd && ls -ltr | wc -l', 'pwd', 'cd /proc/4242/fd', 'cd /proc/4242/fd && ls | wc -l', 'ls /proc/7/fd | wc -l'],
  );
});

test("an ls after a pwd that printed a process's fd folder lists that folder; another block's shell may stand elsewhere", () => {
  // https://github.com/mvdctop/Movie_Data_Capture/issues/751, as in test/accuracy/cases/gh-mdc-python-socket-grep-counts
  const items = splitTranscript([
    '```',
    '$ pwd',
    '/proc/22169/fd',
    '$ ls -l|grep socket |wc -l',
    '616',
    '```',
    '',
    '```',
    '$ ls -l | grep socket | wc -l',
    '16',
    '```',
  ]);
  assert.deepEqual(
    items.map((i) => i.command),
    ['pwd', 'cd /proc/22169/fd && ls -l|grep socket |wc -l', 'ls -l | grep socket | wc -l'],
  );
});

test('Markdown: a line that is one code span is a block of one line (an error quoted inline in prose)', () => {
  // https://github.com/mudape/iphonedetect/issues/99
  const items = splitTranscript(['Then the log said:', '', '`OSError: [Errno 24] Too many open files`', '', '```', 'ls', '```']);
  assert.deepEqual(items[0], { command: null, commandLine: 3, output: [{ text: 'OSError: [Errno 24] Too many open files', line: 3 }] });
  assert.equal(splitTranscript(['a sentence with `code` in it', '```', 'ls', '```']).length, 1);
});

test('Markdown: a paragraph that is a command at a prompt is a block of that command alone; the block under it is its output', () => {
  // https://github.com/taf2/curb/issues/277 (gh-curb-ruby-close-wait-lsof-count)
  const items = splitTranscript([
    "$ netstat -an | awk '/tcp/ {print $6}' | sort | uniq -c:",
    '',
    '```',
    '   4024 CLOSE_WAIT',
    '    163 ESTABLISHED',
    '```',
    '',
    '$ lsof -p 6245 | grep CLOSE_WAIT | wc -l',
    '',
    '```',
    '4020',
    '```',
  ]);
  assert.deepEqual(
    items.map((i) => [i.command, i.commandLine, i.output.map((o) => o.text)]),
    [
      // (the block is read without the indent its every line shares)
      ["netstat -an | awk '/tcp/ {print $6}' | sort | uniq -c", 1, ['4024 CLOSE_WAIT', ' 163 ESTABLISHED']],
      ['lsof -p 6245 | grep CLOSE_WAIT | wc -l', 8, ['4020']],
    ],
  );
  // Prose is prose: a sentence, a heading, a command word with no prompt.
  assert.equal(splitTranscript(['$ is the shell prompt', '# lsof output', 'lsof -p 1 shows it:', '```', 'x', '```'])[0].command, null);
});

test('Markdown: an error quoted in a sentence is a line of output of its own; the bare words name the error, no more', () => {
  // https://github.com/taf2/curb/issues/277 (gh-curb-ruby-close-wait-lsof-count)
  const items = splitTranscript([
    'After some time I am getting errors from sidekiq: `Error fetching job: Too many open files - getaddrinfo`.',
    '',
    'Not `Too many open files` alone, nor `EMFILE`, nor `ulimit -n`.',
    // https://github.com/GlitterKill/sdl-mcp/issues/12: ENFILE's bare words name the error too.
    'the host started to fail with `Too many open files in system`, crashing unrelated apps.',
    '```',
    'ls',
    '```',
  ]);
  assert.deepEqual(items[0], {
    command: null,
    commandLine: 1,
    output: [{ text: 'Error fetching job: Too many open files - getaddrinfo', line: 1 }],
  });
  assert.equal(items.length, 2);
});

test('Markdown: a block whose every line is indented (an indented block fenced later) reads as the block without the indent', () => {
  // https://github.com/etcd-io/etcd/issues/2513
  const items = splitTranscript([
    '```',
    '    $ netstat -ntp',
    '    tcp        0      0 192.168.150.16:40634    192.168.150.11:7001     TIME_WAIT   -',
    '```',
  ]);
  assert.equal(items[0].command, 'netstat -ntp');
  assert.match(items[0].output[0].text, /^tcp {8}0/);
  assert.equal(items[0].output[0].line, 3);
});

test('a prompt after the time a shell prints first counts before a known command', () => {
  // https://github.com/TwP/logging/issues/232
  assert.equal(
    promptCommand('[12:10:50] [root@bombsat69 ~]# lsof  -n|grep -e PID -e delete|grep proxy.log'),
    'lsof  -n|grep -e PID -e delete|grep proxy.log',
  );
  assert.equal(promptCommand('[12:10:50] [INFO] started'), null);
});

test("a count's output is its one line: an ss listing pasted under it, after a blank line, is another output (https://github.com/criteo/garmadon/issues/17)", () => {
  const items = splitTranscript([
    '```',
    '> ss -np|grep 33000|grep CLOSE-WAIT|wc -l',
    '26358',
    '',
    'Netid  State      Recv-Q Send-Q Local Address:Port           Peer Address:Port      ',
    'tcp    CLOSE-WAIT 0      0      127.0.0.1:33068              127.0.0.1:33000               users:(("java",pid=46695,fd=4494))',
    'tcp    CLOSE-WAIT 0      0      127.0.0.1:35035              127.0.0.1:33000               users:(("java",pid=46695,fd=26321))',
    '```',
  ]);
  assert.deepEqual(
    items.map((i) => [i.command, i.commandLine, i.output.map((o) => o.line)]),
    [
      ['ss -np|grep 33000|grep CLOSE-WAIT|wc -l', 2, [3]],
      [null, 5, [5, 6, 7]],
    ],
  );
});

test('so is the one line of `| wc` (lines, words, bytes) and of `grep -c`; a `wc -l` of several files prints a line each', () => {
  const items = splitTranscript(['$ ls /proc/17224/fd | wc', '     47      47     132', 'total 0', '$ wc -l a b', '1 a', '2 b', '3 total']);
  assert.deepEqual(
    items.map((i) => [i.command, i.output.map((o) => o.line)]),
    [
      ['ls /proc/17224/fd | wc', [2]],
      [null, [3]],
      ['wc -l a b', [5, 6, 7]],
    ],
  );
});

test('a prompt pasted from a web page with its markup around it (a Jira import) is a prompt (https://github.com/FDio/vpp/issues/2754)', () => {
  assert.equal(promptCommand('<span class="error">[root@f4-compute-2 ~]</span># lsof -p 30012'), 'lsof -p 30012');
  assert.equal(promptCommand('<b>Output</b>'), null);
  assert.equal(promptCommand('<html>'), null);
});

test("a `watch` screen's header is the prompt of the command it shows, and says when (tmux's copy of watch -n 2)", () => {
  const lines = splitLines(readFileSync(resolve(ROOT, 'test', 'fixtures', 'programs', 'py-watch-count', 'transcript.txt'), 'utf8'));
  const items = splitTranscript(lines);
  assert.deepEqual(
    items.map((i) => [i.command, i.shownAt, i.output.filter((o) => o.text !== '').map((o) => o.text)]),
    [
      ['ls /proc/4919/fd | wc -l', '2026-12-06T12:27:43', ['20']],
      ['ls /proc/4919/fd | wc -l', '2026-12-06T12:27:47', ['40']],
    ],
  );
  assert.equal(promptCommand('Every 2.0s: ls /proc/4919/fd | wc -l'), 'ls /proc/4919/fd | wc -l');
  assert.equal(promptCommand('Every day I check it'), null);
});

// https://github.com/DataDog/java-profiler/pull/1: outputs pasted as paragraphs, no prompt, no fence.
const BARE_PASTE = [
  '[WARN] perf_event_open for TID 30704 failed: Too many open files',
  '',
  'ulimit -n',
  '256',
  '',
  "lsof -p 30499|grep '/proc/30499/task'|wc -l",
  '202',
  '',
  "lsof -p 30499|grep '/proc/30499/task'|head",
  'java    30499 root   23r      DIR                0,3         0 61771716 /proc/30499/task',
  'java    30499 root   24r      DIR                0,3         0 61771716 /proc/30499/task',
  '',
  'The fix closes the directory.',
];

test('a paste without prompts or fences: a paragraph headed by a command is that command and its output', () => {
  assert.ok(hasBareCommands(BARE_PASTE));
  assert.deepEqual(
    splitTranscript(BARE_PASTE).map((i) => [i.command, i.commandLine, i.output.map((o) => o.line)]),
    [
      // The error above the commands, in perror(3)'s shape, is an output of its own (round 103).
      [null, 1, [1]],
      ['ulimit -n', 3, [4]],
      ["lsof -p 30499|grep '/proc/30499/task'|wc -l", 6, [7]],
      // The prose after the blank line is no output of the listing.
      ["lsof -p 30499|grep '/proc/30499/task'|head", 9, [10, 11]],
    ],
  );
  // Prose that only begins with a command's word, or top's own header, heads no paragraph of output.
  assert.ok(!hasBareCommands(['top - 10:00:01 up 3 days,  2 users,  load average: 0.00', 'Tasks: 120 total']));
  assert.ok(!hasBareCommands(['lsof -p 30499', '', 'and nothing under it']));
});

test("a paste of paragraphs: a file's name on a line of its own heads that file's lines (read as cat of it)", () => {
  // https://github.com/sidekiq/sidekiq/issues/1906, as in test/accuracy/cases/gh-sidekiq-ruby-open3-emfile-log-fds
  const paste = [
    '/usr/sbin/lsof -p 12491 | grep sidekiq.log',
    'ruby    12491 *******\\*    1w   REG              202,3 260723725  2196450 /usr/logtool/shared/log/sidekiq.log',
    '',
    '/usr/logtool/shared/log/sidekiq.log',
    '2014-08-21T11:13:16.973Z 12491 TID-8bgvjyutw WARN: Too many open files',
    "2014-08-21T11:13:16.974Z 12491 TID-8bgvjyutw WARN: /usr/local/rbenv/versions/2.1.1/lib/ruby/2.1.0/open3.rb:83:in `pipe'",
    '',
    '/proc/22169/fd',
    'a folder of the kernel heads no file',
    '',
    '/var/log/app.log',
    '',
    'a path with a blank line under it heads nothing',
  ];
  assert.deepEqual(
    splitTranscript(paste).map((i) => [i.command, i.commandLine, i.output.map((o) => o.line)]),
    [
      ['/usr/sbin/lsof -p 12491 | grep sidekiq.log', 1, [2]],
      ['cat /usr/logtool/shared/log/sidekiq.log', 4, [5, 6]],
    ],
  );
});

test("`shell>` (a manual's and a blog's prompt) before a known command, with the page's typographic quotes", () => {
  // https://github.com/zibianqu/zibianqu.github.io/issues/25
  assert.equal(
    promptCommand('shell>netstat -n | awk ‘/^tcp/ {++S[$NF]} END {for(a in S) print a, S[a]}’ '),
    'netstat -n | awk ‘/^tcp/ {++S[$NF]} END {for(a in S) print a, S[a]}’',
  );
  assert.equal(promptCommand('shell>lsof -n | grep “nginx对应的一个进程id” '), 'lsof -n | grep “nginx对应的一个进程id”');
  assert.equal(promptCommand('shell> Welcome to the demo'), null);
});

test("a Singularity or Apptainer container's shell prompt, before a known command", () => {
  // https://github.com/apptainer/singularity/issues/589
  assert.equal(promptCommand('Singularity trusty.img:/tmp> ls -l /proc/self/fd'), 'ls -l /proc/self/fd');
  assert.equal(promptCommand('Apptainer> cat /proc/self/limits'), 'cat /proc/self/limits');
  assert.equal(promptCommand('Singularity trusty.img:/tmp> md5sum /tmp/trusty.img'), null);
});

test('a shell variable set at a prompt is read in the commands after it (blog-biekanle-java-redis-close-wait)', () => {
  const items = splitTranscript([
    '```',
    '# 拿到泄漏进程的 PID',
    '$ pid=12345',
    '$ ls /proc/$pid/fd | wc -l',
    '12678',
    '# 列出所有 socket fd 对应的连接',
    '$ lsof -p $pid -nP | grep CLOSE_WAIT | head',
    'java 12345 app 324u IPv4 98765 0t0 TCP 10.0.0.5:54321->10.0.0.99:6379 (CLOSE_WAIT)',
    '...',
    '# 看哪个对端连接没关',
    '```',
  ]);
  assert.deepEqual(
    items.filter((i) => i.command !== null).map((i) => [i.command, i.output.map((o) => o.line)]),
    [
      ['pid=12345', []],
      ['ls /proc/12345/fd | wc -l', [5]],
      // The comment after the rows is the caption of the next command, no row.
      ['lsof -p 12345 -nP | grep CLOSE_WAIT | head', [8, 9]],
    ],
  );
});

test('a loop typed over several lines is one command; its samples are its output (blog-biekanle-java-sdk-fd-growth)', () => {
  const items = splitTranscript([
    '```',
    '$ pid=12345',
    '$ while true; do',
    'echo "$(date +%H:%M:%S) $(ls /proc/$pid/fd | wc -l)"',
    'sleep 30',
    'done',
    '10:00:00 58234',
    '10:00:30 58241 # 半分钟涨 7 个',
    '# 持续增长 → 确认泄漏',
    '```',
  ]);
  const loop = items.find((i) => i.command?.startsWith('while'));
  assert.equal(loop?.command, 'while true; do echo "$(date +%H:%M:%S) $(ls /proc/12345/fd | wc -l)"; sleep 30; done');
  assert.deepEqual(
    loop?.output.map((o) => o.line),
    [7, 8],
  );
});

test("a writer's note after an output line is no part of it", () => {
  assert.equal(withoutAnnotation('12000 12345 ← 主要是 PID 12345 这个进程'), '12000 12345');
  assert.equal(withoutAnnotation('8500 /tmp/cache/xxx.tmp ←'), '8500 /tmp/cache/xxx.tmp');
  assert.equal(withoutAnnotation('10:00:30 58241 # 半分钟涨 7 个'), '10:00:30 58241');
  // Marks pointing back (rabbitmq-server#12968's `<<<<`; sayaka#63's full-width ones after NetBSD's ulimit row).
  assert.equal(withoutAnnotation('        "fd_used": 4070,     <<<<<<<<<<<'), '        "fd_used": 4070,');
  assert.equal(
    withoutAnnotation('nofiles       (-n descriptors)          128\u3000＜＜＜＜＜これでしょうか。'),
    'nofiles       (-n descriptors)          128',
  );
  assert.equal(withoutAnnotation('open files                      (-n) 1024 <---- this'), 'open files                      (-n) 1024');
  assert.equal(withoutAnnotation('  <-- GET /api/files'), '  <-- GET /api/files');
  // A comment on a line of its own, a `#` inside a word or a quoted string, stay.
  assert.equal(withoutAnnotation('write(1, "echo a # b\\n", 11) = 11'), 'write(1, "echo a # b\\n", 11) = 11');
  assert.equal(withoutAnnotation('# 几乎全是 Redis 的'), '# 几乎全是 Redis 的');
  assert.equal(
    withoutAnnotation('2024-05-01 10:00:01 ERROR worker # 3 failed: Too many open files'),
    '2024-05-01 10:00:01 ERROR worker # 3 failed: Too many open files',
  );
  assert.equal(
    withoutAnnotation('nginx 1234 www 12u REG 8,1 0 77 /var/www/#cache#/x'),
    'nginx 1234 www 12u REG 8,1 0 77 /var/www/#cache#/x',
  );
});

test("a Server Fault post's indented code blocks are read without their indent (sf-glassfish-lsof-user-count-negative)", () => {
  const lines = [
    'The command above expects output on the following format from lsof:',
    '',
    '    java      32008 root  mem       REG                8,2 11942368      72721 /usr/lib64/locale/locale-archive',
    '    vmtoolsd   4764 root  mem       REG                8,2    18624     106432 /usr/lib64/open-vm-tools/plugins/vmsvc/',
  ];
  assert.deepEqual(withoutCodeIndent(lines).slice(2), [
    'java      32008 root  mem       REG                8,2 11942368      72721 /usr/lib64/locale/locale-archive',
    'vmtoolsd   4764 root  mem       REG                8,2    18624     106432 /usr/lib64/open-vm-tools/plugins/vmsvc/',
  ]);
  // A paragraph only partly indented is prose, as it was.
  assert.deepEqual(withoutCodeIndent(['text', '    more']), ['text', '    more']);
});

test('a sentence quoting one known command in a code span and ending on what it printed heads the block under it', () => {
  // https://github.com/elementor/wp2static/issues/197
  const lines = [
    'stracing the pid with `strace -f -t -e trace=file -p 1793`  (the php cmd from top once generation started) results in',
    '',
    '```',
    '20:18:09 openat(AT_FDCWD, "/x/WP-STATIC-CURRENT-ARCHIVE.txt", O_RDONLY) = 1022',
    '```',
  ];
  assert.deepEqual(
    splitTranscript(lines).map((i) => [i.command, i.output.map((o) => o.line)]),
    [['strace -f -t -e trace=file -p 1793', [4]]],
  );
  // A sentence that goes on after the command introduces something else; a lone word is no command.
  const other = ['I ran `ulimit -n`. Here is the log:', '', '```', 'Too many open files', '```'];
  assert.equal(splitTranscript(other)[0].command, null);
  assert.equal(splitTranscript(['see `lsof`:', '```', 'x', '```'])[0].command, null);
});

test('a Markdown heading quoting one known command heads the block under it, as an issue template captions its outputs', () => {
  // https://github.com/GlitterKill/sdl-mcp/issues/12
  const lines = ['### FD count (`lsof -p 88916`)', '```', '240476 REG', '     4 PIPE', '```'];
  assert.deepEqual(
    splitTranscript(lines).map((i) => [i.command, i.output.map((o) => o.line)]),
    [['lsof -p 88916', [3, 4]]],
  );
  // A heading naming no command this tool knows (or two) captions nothing.
  assert.equal(splitTranscript(['### Top leaked directories', '```', ' 1784  /nix/store', '```'])[0].command, null);
  assert.equal(splitTranscript(['### `lsof -p 1` and `ss -s`', '```', 'x', '```'])[0].command, null);
});

test('a code span a line break cuts in two is one command: the block under it is its output', () => {
  // https://github.com/idena-network/idena-go/issues/817
  const lines = [
    "`lsof -n | awk '{ print $2; }' | sort -rn | uniq -c | sort -rn | head -1",
    '`',
    '',
    '```',
    '   5707 11409',
    '   8008 11409',
    '```',
  ];
  assert.deepEqual(
    splitTranscript(lines).map((i) => [i.command, i.commandLine, i.output.map((o) => o.line)]),
    [["lsof -n | awk '{ print $2; }' | sort -rn | uniq -c | sort -rn | head -1", 1, [5, 6]]],
  );
});

test("a `user@host:~> ` prompt before BSD's fstat is a command (syncthing/syncthing#5025)", () => {
  assert.equal(promptCommand('jcs@frob:~> fstat -p 13038 | wc -l'), 'fstat -p 13038 | wc -l');
});

test("sudo's password prompt is no line of the command's output (exelban/stats#384)", () => {
  const items = splitTranscript([
    '```',
    " sudo lsof -n | cut -f1 -d' ' | uniq -c | sort | tail",
    'Password:',
    ' 381 Google',
    ' 426 corespotl',
    ' 676 Microsoft',
    '4914 Stats',
    '```',
  ]);
  const lsof = items.find((i) => i.command?.startsWith('sudo lsof'));
  assert.deepEqual(
    lsof?.output.map((o) => o.text),
    [' 381 Google', ' 426 corespotl', ' 676 Microsoft', '4914 Stats'],
  );
  // Linux's sudo says whose password it wants.
  const linux = splitTranscript(['$ sudo lsof -p 1 | wc -l', '[sudo] password for ann:', '42']);
  assert.deepEqual(
    linux[0].output.map((o) => o.text),
    ['42'],
  );
});
