// Pastes of accuracy round 14, their real lines:
// - moby/moby#30287 (test/accuracy/cases/gh-moby-dockerd-739-fds-bare-commands): commands pasted
//   without prompts, the first under a caption line in the same paragraph, and a docker.service
//   unit whose comments (`# for containers run by docker`) read like root prompts;
// - StackStorm/st2-packages#453 (gh-st2-rabbitmq-status-sockets-829-of-829): `service X status` at a prompt.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hasBareCommands, hasPrompt, splitTranscript } from '../../src/bundle/transcript.js';
import { promptCommand } from '../../src/bundle/prompts.js';
import { analyzeTranscript } from '../analyze-transcript.js';

const MOBY = [
  'Process ID of the dockerd  - 31550',
  'ls /proc/31550/fd|wc -l',
  '739',
  '',
  'cat /proc/sys/fs/file-nr',
  '7136\t0\t500000',
  '',
  'Then the docker unit as they changed it:',
  '[Unit]',
  'Description=Docker Application Container Engine',
  '',
  '[Service]',
  'Type=notify',
  '# the default is not to use systemd for cgroups because the delegate issues still',
  '# exists and systemd currently does not support the cgroup feature set required',
  '# for containers run by docker',
  'ExecStart=/usr/bin/dockerd',
  'LimitNOFILE=900000',
];

test('a unit file comment that starts with `for` is no root prompt; a shell loop is', () => {
  assert.equal(promptCommand('# for containers run by docker'), null);
  assert.equal(promptCommand('# for p in /proc/[0-9]*; do echo $p; done'), 'for p in /proc/[0-9]*; do echo $p; done');
  assert.ok(!hasPrompt(MOBY));
});

test('a command under a caption line, in the same paragraph, heads its output', () => {
  assert.ok(hasBareCommands(MOBY));
  const items = splitTranscript(MOBY);
  assert.deepEqual(
    items.map((it) => [it.command, it.commandLine, it.output.map((o) => o.text)]),
    [
      ['ls /proc/31550/fd|wc -l', 2, ['739']],
      ['cat /proc/sys/fs/file-nr', 5, ['7136\t0\t500000']],
    ],
  );
});

test('a caption above prose is no command; nor is a second line that is output', () => {
  assert.ok(!hasBareCommands(['Here is what I ran:', 'cat is a program I use a lot', '']));
  const items = splitTranscript([
    'lsof -p 30499',
    'cat      1234 root  cwd  DIR  8,1  4096  2 /',
    'sort     1235 root  cwd  DIR  8,1  4096  2 /',
  ]);
  assert.deepEqual(
    items.map((it) => [it.command, it.output.length]),
    [['lsof -p 30499', 2]],
  );
});

test('`service rabbitmq-server status` at a root prompt is a command', () => {
  assert.equal(promptCommand('[root@myhost ~]# service rabbitmq-server status'), 'service rabbitmq-server status');
});

// puma/puma#252 (test/accuracy/cases/gh-puma-puppet-unix-sockets-accept-emfile-strace): a strace
// sample and an lsof sample, each under a caption, no fence or prompt.
test('outputs of two tools pasted under captions are read apart, not as one strace', async () => {
  const text = [
    'strace output sample : ',
    '',
    '[...]',
    '[pid 30966] fcntl64(5, F_GETFL)         = 0x802 (flags O_RDWR|O_NONBLOCK)',
    '[pid 30966] accept(5, 0xb6375a5e, [110]) = -1 EMFILE (Too many open files)',
    '[pid 30966] rt_sigprocmask(SIG_SETMASK, [], NULL, 8) = 0',
    '[...]',
    '',
    'lsof output sample : ',
    '',
    '[...]',
    'puma      30941  6180    puppet  146u     unix 0xe246f0c0      0t0   10027913 /var/run/puppet/master.sock',
    'puma      30941  6180    puppet  147u     unix 0xe87c0a40      0t0   10027791 /var/run/puppet/master.sock',
    'puma      30941  6180    puppet  148u     unix 0xe258ea40      0t0   10027251 /var/run/puppet/master.sock',
    '',
  ].join('\n');
  const result = await analyzeTranscript(text, 'paste.txt', new Date('2026-01-01T00:00:00Z'));
  const puma = result.suspects.find((s) => s.pid === 30941);
  assert.equal(puma?.leak.kind, 'socket-unix');
  assert.ok(result.suspects.some((s) => s.ranOut?.tid === 30966));
});
