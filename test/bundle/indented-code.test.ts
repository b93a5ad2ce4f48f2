import { test } from 'node:test';
import assert from 'node:assert/strict';
import { indentedCodeEnd, isIndentedWriteUp, pasteIndents } from '../../src/bundle/indented-code.js';
import { splitTranscript } from '../../src/bundle/transcript.js';

// jupyterhub/jupyterhub#316: the hub's log line pasted as Markdown's indented code, in a write-up
// whose other outputs are fenced.
const HUB = [
  '# JupyterHub 12630',
  '',
  "The hub's log:",
  '',
  '    OSError: [Errno 24] Too many open files',
  '',
  '```',
  'jupyterhu 12630 root 1014u  IPv4             139100        0t0     TCP 127.0.0.1:9581->127.0.0.1:56747 (ESTABLISHED)',
  '```',
];

test('indented code: a paragraph indented four blanks after a blank line is a code block', () => {
  assert.equal(indentedCodeEnd(HUB, 4), 5);
  assert.equal(indentedCodeEnd(HUB, 2), -1, 'prose');
  assert.equal(indentedCodeEnd(['text', '    more'], 1), -1, 'no blank line above: a continuation');
  assert.equal(indentedCodeEnd(['\tls -l', '\ttotal 0'], 0), 2, 'a tab indents as well');
});

test('indented code: not under a list item, nor a paragraph holding a fence', () => {
  assert.equal(indentedCodeEnd(['- the hub crashed', '', '    and logged it'], 2), -1);
  assert.equal(indentedCodeEnd(['1. first', '', '    second paragraph'], 2), -1);
  assert.equal(indentedCodeEnd(['', '    ```', '    x'], 1), -1);
  // A line of backticks closed again on the same line is a code span (fences.ts's FENCE), no fence.
  assert.equal(indentedCodeEnd(['', '    ```lsof -p 12630 | wc -l```', '    1014'], 1), 3);
  assert.equal(indentedCodeEnd(['', '    x', 'y'], 1), -1, 'a line of the paragraph not indented');
});

test('indented code in a fenced write-up: its line is read as output, not prose', () => {
  const items = splitTranscript(HUB);
  const texts = items.flatMap((it) => it.output.map((o) => [o.text, o.line] as const));
  assert.ok(
    texts.some(([t, l]) => t === 'OSError: [Errno 24] Too many open files' && l === 5),
    JSON.stringify(texts),
  );
});

// AllStarLink/ASL3#200: every output is Markdown's indented code (no fence), a prompt in one block,
// a sentence after it: the sentence is prose, not more output of the prompt's `grep`, and the log
// block before it stays an output of its own.
const ASTERISK = [
  '# AllStarLink 3: Asterisk on a busy hub runs out of fds',
  '',
  'The log, the two lines below repeated:',
  '',
  '    WARNING asterisk.c: Accept returned -1: Too many open files',
  '    ERROR   tcptls.c: TCP/TLS accept failed: Too many open files',
  '',
  "The process's own limit:",
  '',
  "    $ grep 'open files' /proc/$(pgrep -ox asterisk)/limits",
  '    Max open files            1024                 524288               files',
  '',
  'The service unit as shipped (the thread also quotes asterisk.conf):',
  '',
  '    # /lib/systemd/system/asterisk.service',
  '    #LimitNOFILE=',
];

test('indented write-up: prompts only in indented blocks, prose around them, no fence', () => {
  const isPrompt = (l: string) => l.startsWith('$ ');
  assert.equal(isIndentedWriteUp(ASTERISK, isPrompt), true);
  assert.equal(isIndentedWriteUp(['$ ls /proc/1/fd | wc -l', '    12'], isPrompt), false, 'a prompt at the margin: a session');
  assert.equal(isIndentedWriteUp(['text', '', '    WARNING x: Too many open files'], isPrompt), false, 'no prompt');
  assert.equal(isIndentedWriteUp(['    $ ls /proc/1/fd | wc -l', '    12'], isPrompt), false, 'no prose: a session pasted indented');
  assert.equal(isIndentedWriteUp(['said:', '', '    $ ls', '', '```', 'x', '```'], isPrompt), false, 'a fence');
});

test('indented write-up: the log block stays output, the sentence after the limits is not read as theirs', () => {
  const items = splitTranscript(ASTERISK);
  const log = items.find((it) => it.output.some((o) => o.text === 'WARNING asterisk.c: Accept returned -1: Too many open files'));
  assert.ok(log, JSON.stringify(items));
  assert.equal(log.command, null);
  const limits = items.find((it) => it.command?.startsWith("grep 'open files'"));
  assert.ok(limits, JSON.stringify(items));
  assert.deepEqual(
    limits.output.map((o) => o.text.trim()).filter((t) => t !== ''),
    ['Max open files            1024                 524288               files'],
  );
});

// xapi-project/xen-api#2176 (mg12's comment): a session pasted with one blank before every line.
const XENCONSOLED = [
  'This is what proc is showing for one vm:',
  '',
  ' # ps aux|grep console',
  ' root      5060 16.6 33.6 11074568 10988900 ?   DLl  Feb20 668:02 /usr/sbin/xenconsoled --log=hv --timestamp=hv --log-dir=/var/log/xen ',
  ' # ls -l /proc/5060/fd |less',
  ' l-wx------ 1 root root 64 Feb 23 11:29 4083 -> /tmp/local/scratch/xenrt/guest-console-logs/console.1031.log',
  ' lrwx------ 1 root root 64 Feb 23 11:29 4084 -> /dev/xen/evtchn',
  ' lrwx------ 1 root root 64 Feb 23 11:29 4085 -> /dev/ptmx',
  ' lrwx------ 1 root root 64 Feb 23 11:29 4086 -> /dev/pts/2036',
  '',
  "You'll see similar 4 fds for each other vm, up to fd 4095.",
];

test('a session pasted with one blank before every line reads as the session', () => {
  const items = splitTranscript(XENCONSOLED).filter((it) => it.command !== null);
  assert.deepEqual(
    items.map((it) => [it.command, it.output.map((o) => o.line)]),
    [
      ['ps aux|grep console', [4]],
      ['ls -l /proc/5060/fd |less', [6, 7, 8, 9]],
    ],
  );
  assert.equal(
    items[1].output[0].text,
    'l-wx------ 1 root root 64 Feb 23 11:29 4083 -> /tmp/local/scratch/xenrt/guest-console-logs/console.1031.log',
  );
});

test('a paragraph indented one to three blanks is a block only when it opens with a prompt and every line keeps the blanks', () => {
  const isPrompt = (l: string) => l.startsWith('# ') || l.startsWith('$ ');
  assert.equal(indentedCodeEnd(XENCONSOLED, 2, isPrompt), 9);
  assert.equal(indentedCodeEnd(XENCONSOLED, 2), -1, 'without a prompt test: only four blanks or a tab');
  const status = ['$ systemctl status foo', '', '  Loaded: loaded (/etc/systemd/system/foo.service)', '  Active: active (running)'];
  assert.equal(indentedCodeEnd(status, 2, isPrompt), -1, "a command's indented output is no paste of its own");
  assert.equal(indentedCodeEnd(['', ' # ps aux', 'root 1 0.0 /sbin/init'], 1, isPrompt), -1, 'a line without the blank');
});

// Perl/perl5#15383: the perlbug report migrated from rt.perl.org, whose `&nbsp;` (a no-break space)
// indents every paste, the prompts' block and the strace pasted under a caption alike.
const PERLBUG = [
  'If a socket(2) call results in EMFILE (Too many open files), the core perl',
  '',
  '\u00a0  $ ulimit -n 64',
  "\u00a0  $ perl -Mblib -MSocket -E 'while(socket my $s, PF_INET, SOCK_STREAM, 0) { push @\u200bs, $s; } die $!'",
  '\u00a0  Bad file descriptor at -e line 1.',
  '',
  'At strace level\u200b:',
  '',
  '\u00a0  ...',
  '\u00a0  socket(PF_INET, SOCK_STREAM, IPPROTO_IP) = 63',
  '\u00a0  fcntl(63, F_SETFD, FD_CLOEXEC)          = 0',
  '\u00a0  socket(PF_INET, SOCK_STREAM, IPPROTO_IP) = -1 EMFILE (Too many open files)',
];

test('a write-up whose pastes keep the same no-break-space indent: the output under a caption is a block of its own', () => {
  const items = splitTranscript(PERLBUG);
  const strace = items.find((it) => it.output.some((o) => o.text.startsWith('socket(PF_INET')));
  assert.ok(strace, JSON.stringify(items));
  assert.equal(strace.command, null);
  assert.deepEqual(
    strace.output.map((o) => o.line),
    [9, 10, 11, 12],
  );
  assert.equal(strace.output[3].text, 'socket(PF_INET, SOCK_STREAM, IPPROTO_IP) = -1 EMFILE (Too many open files)');
  const ulimit = items.find((it) => it.command === 'ulimit -n 64');
  assert.ok(ulimit, 'the prompt block reads as before, its no-break space a blank');
});

test('a paragraph keeps a paste indent only when a prompt block of the write-up uses it', () => {
  const isPrompt = (l: string) => l.startsWith('$ ');
  const lines = ['prose', '', '  $ ls', '  a', '', 'caption:', '', '  x = 1', '  y = 2', '', '   z = 3'];
  const indents = pasteIndents(lines, isPrompt);
  assert.deepEqual([...indents], ['  ']);
  assert.equal(indentedCodeEnd(lines, 7, isPrompt, indents), 9);
  assert.equal(indentedCodeEnd(lines, 7, isPrompt), -1, 'without the indents: prose');
  assert.equal(indentedCodeEnd(lines, 10, isPrompt, indents), -1, 'another indent: prose');
});
