// A "Too many open files" log line that names its pid (Go glog's header) is that process's, also
// when the bundle holds captures of other chosen processes (a grep'd lsof of another geth, on
// another host): they do not list the host's processes, so nothing says the pid is gone. Only a
// process list (ps, a whole-host fd table) or the same program under a new pid (a restart) says so.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeTranscript } from '../analyze-transcript.js';

const now = new Date('2026-01-01T00:00:00Z');

const analyzeText = (lines: string[]) => analyzeTranscript(lines, 'session.md', now);

// ethereum/go-ethereum#2358: the reporter's geth log (glog, pid 8257), then a maintainer's lsof of
// his own geth (pid 29911) grep'd for the LOCK file: fd 3 once per thread.
const GLOG = [
  '```text',
  'E0315 08:42:17.805896    8257 trie.go:309] Dangling hash node ref 3c356434386136366362383834633732316235633664396262383565663331633535663161326636386264636435656239316165313064653561623132356265633e20: open /Users/Dean/Library/Ethereum/chaindata/1406313.ldb: too many open files',
  'E0315 08:42:17.805984    8257 trie.go:309] Dangling hash node ref 3c356434386136366362383834633732316235633664396262383565663331633535663161326636386264636435656239316165313064653561623132356265633e20: open /Users/Dean/Library/Ethereum/chaindata/1406313.ldb: too many open files',
  '```',
  '',
];
const LOCK_ROWS = [
  '```',
  '$ lsof -n|grep geth|grep chaindata|grep LOCK',
  '',
  'geth      29911               karalabe    3uW     REG                8,1         0    2005696 /home/karalabe/.ethereum/chaindata/LOCK',
  'geth      29911 29912         karalabe    3uW     REG                8,1         0    2005696 /home/karalabe/.ethereum/chaindata/LOCK',
  'geth      29911 29913         karalabe    3uW     REG                8,1         0    2005696 /home/karalabe/.ethereum/chaindata/LOCK',
  '```',
];

test('a glog pid that ran out is a suspect beside a grep of another process’s lsof rows', async () => {
  const r = await analyzeText([...GLOG, ...LOCK_ROWS]);
  assert.equal(r.verdict, 'inconclusive');
  assert.equal(r.suspects[0]?.pid, 8257);
  assert.match(r.suspects[0]?.ranOut?.message ?? '', /1406313\.ldb: too many open files/);
  assert.equal(r.unownedRanOut, undefined);
  assert.ok(!r.suspects.some((s) => s.pid === 29911 && s.leak?.kind === 'file'), 'one fd listed per thread is no same-file pile');
});

// USBGuard/usbguard#219: the journal names the daemon before a restart; pidof names the new one.
const RESTARTED = [
  'Jan 16 13:38:39 nmos6502 usbguard-daemon[603]: [1516102719.737] (W) USB Device Exception: SysFSDevice: uevent: Too many open files',
  '',
  '[root@nmos6502 ~]# pidof usbguard-daemon',
  '14319',
  '[root@nmos6502 ~]# ls /proc/14319/fd | wc -l',
  '192',
];

test('a log pid whose program the bundle knows under another pid is an instance since restarted', async () => {
  const r = await analyzeText(RESTARTED);
  assert.ok(!r.suspects.some((s) => s.pid === 603));
});
