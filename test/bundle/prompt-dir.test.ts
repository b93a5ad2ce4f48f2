// The folder a prompt shows (accuracy round 29), on the real lines:
// - alexa/avs-device-sdk#394: busybox ash's `DIR # ` prompt on an embedded board, quoted in Markdown;
// - cbl-dart/cbl-dart#174: Android's `adb shell` prompt `host:DIR #`;
// - home-assistant/core#49760: bash's `user@host:DIR $` (already read before this round).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { inDir, promptDir } from '../../src/bundle/prompt-dir.js';
import { splitTranscript } from '../../src/bundle/transcript.js';
import { promptCommand } from '../../src/bundle/prompts.js';

test('the folder of busybox, adb shell and bash prompts', () => {
  assert.equal(promptDir('/proc/2000/fd # ls -al'), '/proc/2000/fd');
  assert.equal(promptDir('generic_x86:/ # ls -l /proc/10003/fd | wc -l'), '/');
  assert.equal(promptDir('generic_x86:/proc/10003/fd # ls -l | wc -l'), '/proc/10003/fd');
  assert.equal(promptDir('(ha_venv3_8) pi@raspberrypi:/proc/29257/fd $ps -def|grep hass'), '/proc/29257/fd');
  assert.equal(promptDir('~ # ls -l'), null);
  assert.equal(promptDir('# ls -l'), null);
});

test('an ls typed at a prompt standing in /proc/PID/fd lists that folder; elsewhere it is left alone', () => {
  assert.equal(inDir('ls -al', '/proc/2000/fd'), 'cd /proc/2000/fd && ls -al');
  assert.equal(inDir('ls -l | wc -l', '/'), 'ls -l | wc -l');
  assert.equal(inDir('ls -l /proc/10003/fd | wc -l', '/proc/2000/fd'), 'ls -l /proc/10003/fd | wc -l');
});

test("a quoted busybox prompt's ls -al is said with its cd", () => {
  const items = splitTranscript([
    '```',
    '> /proc/2000/fd # ls -al',
    'total 0',
    'dr-x------. 2 root root  0 Dec 14 01:08 .',
    'dr-xr-xr-x. 8 root root  0 Dec 11 08:14 ..',
    'lrwx------. 1 root root 64 Dec 14 01:08 0 -> /dev/pts/0',
    'lrwx------. 1 root root 64 Dec 14 01:08 1000 -> socket:[98783]',
    '```',
  ]);
  assert.deepEqual(
    items.filter((i) => i.command !== null).map((i) => i.command),
    ['cd /proc/2000/fd && ls -al'],
  );
});

test("busybox's `[user@host dir] # ` prompt (a space before the sign) opens a command; pwd then says the folder", () => {
  // A DVR's shell, from a firmware analysis write-up (real lines).
  assert.equal(promptCommand('[root@dvrdvs fd] # pwd'), 'pwd');
  assert.equal(promptCommand('[root@dvrdvs fd] # ls -l'), 'ls -l');
  assert.equal(promptCommand('[root@dvrdvs fd] # the fds below'), null);
  const items = splitTranscript([
    '```bash',
    '[root@dvrdvs fd] # pwd',
    '/proc/421/fd',
    '[root@dvrdvs fd] # ls -l',
    'lrwx------    1 root     root            64 Nov 19 14:54 36 -> socket:[3139]',
    'l-wx------    1 root     root            64 Nov 19 14:54 4 -> /dev/watchdog',
    '```',
  ]);
  assert.deepEqual(
    items.filter((i) => i.command !== null).map((i) => i.command),
    ['pwd', 'cd /proc/421/fd && ls -l'],
  );
});

test("cPanel's prompt `root@host [dir]# ` (opendkim#149): the command after it", () => {
  assert.equal(
    promptCommand("root@aggelos-front1 [/root]# ss -anp | grep '53.*opendkim' | wc -l"),
    "ss -anp | grep '53.*opendkim' | wc -l",
  );
  assert.equal(promptCommand('root@server [~]# lsof -p 4242'), 'lsof -p 4242');
});

test("bash's `[user@host proc]# ` prompt stands in /proc: `ls PID/fd | wc -l` counts /proc/PID/fd (saltstack/salt#29817)", () => {
  // Real lines: salt-api's fd count watched by hand on a CentOS Salt master (accuracy round 38).
  assert.equal(promptDir('[root@flt-master proc]# ls 23401/fd | wc -l'), '/proc');
  assert.equal(promptDir('[root@flt-master proc]# '), '/proc');
  assert.equal(promptDir('[root@flt-master fd]# ls -l'), null);
  assert.equal(inDir('ls 23401/fd | wc -l', '/proc'), 'ls /proc/23401/fd | wc -l');
  assert.equal(inDir('ls -l 25245/fd', '/proc'), 'ls -l /proc/25245/fd');
  assert.equal(inDir('ls -l | wc -l', '/proc'), 'ls -l | wc -l');
  assert.equal(inDir('cat 23401/limits', '/proc'), 'cat 23401/limits');
  const items = splitTranscript([
    '```',
    '152',
    '[root@flt-master proc]# ls 23401/fd | wc -l',
    '163',
    '[root@flt-master proc]# ls 23401/fd | wc -l',
    '174',
    '```',
  ]);
  assert.deepEqual(
    items.filter((i) => i.command !== null).map((i) => [i.command, i.output.map((o) => o.text)]),
    [
      ['ls /proc/23401/fd | wc -l', ['163']],
      ['ls /proc/23401/fd | wc -l', ['174']],
    ],
  );
});

test("`cat limits` typed in a process's /proc folder reads /proc/PID/limits (redis/redis#5678)", () => {
  // Real lines: Redis 5.0.2's limits read after `cd /proc/8353/` (accuracy round 62).
  assert.equal(inDir('cat limits', '/proc/8353/'), 'cat /proc/8353/limits');
  assert.equal(inDir('cat ./status | grep -i threads', '/proc/8353'), 'cat /proc/8353/status | grep -i threads');
  assert.equal(inDir('cat limits', '/proc/8353/fd'), 'cat limits');
  assert.equal(inDir('cat /etc/limits', '/proc/8353'), 'cat /etc/limits');
  assert.equal(inDir('cat limits', '/root'), 'cat limits');
  const items = splitTranscript([
    '```',
    'Using Redis 5.0.2 running as pid 8353',
    'cd /proc/8353/',
    '# cat limits',
    'Max open files            10240                10240                files',
    '```',
  ]);
  assert.deepEqual(
    items.filter((i) => i.command?.startsWith('cat')).map((i) => [i.command, i.output.map((o) => o.text)]),
    [['cat /proc/8353/limits', ['Max open files            10240                10240                files']]],
  );
});

test("Gentoo's `\\h \\w \\$` prompt says the folder an ls lists (DynamoRIO/dynamorio#2884)", () => {
  // Real lines: `ps`, then `cd 18771/fd` and `ls -al` at the prompt `nas /proc/18771/fd #` (accuracy round 86).
  assert.equal(promptDir('nas /proc # cd 18771/fd'), '/proc');
  assert.equal(promptDir('nas /proc/18771/fd # ls -al'), '/proc/18771/fd');
  assert.equal(promptDir('livecd ~ # ls -al'), null);
  const items = splitTranscript([
    '```',
    '/proc # ps auxw | grep sleep',
    'root     18771  0.2  0.0 284756  3588 pts/0    S+   02:24   0:00 /bin/sleep 120',
    'nas /proc # cd 18771/fd',
    'nas /proc/18771/fd # ls -al',
    'total 0',
    'lr-x------ 1 root root 64 Mar 16 02:24 3 -> /bin/sleep',
    '```',
  ]);
  assert.deepEqual(
    items.filter((i) => i.command !== null).map((i) => i.command),
    ['ps auxw | grep sleep', 'cd 18771/fd', 'cd /proc/18771/fd && ls -al'],
  );
});
