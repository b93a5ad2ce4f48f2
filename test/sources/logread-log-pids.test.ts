// OpenWrt's `logread` lines name their writer and pid after the facility.level word
// (src/sources/log-pids.ts). Real lines: Control-D-Inc/ctrld#243
// (test/accuracy/cases/gh-ctrld-openwrt-logread-emfile-pid-28131), ctrld on an OpenWrt snapshot.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { syslogSource, withoutWriterPrefix } from '../../src/sources/log-pids.js';
import { analyzeTranscript } from '../analyze-transcript.js';

const CTRLD = [
  'Sun May 25 22:06:16 2025 daemon.info ctrld[28131]: May 26 02:06:16.936 ERR could not init hosts file discover error="too many open files"',
  'Sun May 25 22:06:16 2025 daemon.info ctrld[28131]: May 26 02:06:16.936 ERR could not init DHCP discover error="too many open files"',
];

test('a logread line names its program and pid; the message follows the prefix', () => {
  assert.deepEqual(syslogSource(CTRLD[0]), { program: 'ctrld', pid: 28131 });
  assert.match(withoutWriterPrefix(CTRLD[0]).rest, /^May 26 02:06:16\.936 ERR could not init hosts/);
  // The kernel facility's lines are no process's (SukkaW/Koolshare-Clash#14, a router's logread);
  // a single-digit day is padded as ctime pads it.
  const vfs = 'Wed Mar 27 02:55:10 2019 kern.info kernel: [240560.532035] VFS: file-max limit 51200 reached';
  assert.equal(syslogSource(vfs), null);
  assert.match(withoutWriterPrefix(vfs).rest, /^\[240560\.532035\] VFS: file-max/);
  assert.deepEqual(syslogSource('Mon Jun  2 10:00:00 2025 user.err app[7]: x'), { program: 'app', pid: 7 });
  // Not a level word of syslog's: not a logread line.
  assert.equal(syslogSource('Sun May 25 22:06:16 2025 daemon.verbose ctrld[28131]: x'), null);
});

test('ctrld#243 pasted as logread lines: inconclusive, ctrld 28131 the first suspect', async () => {
  const result = await analyzeTranscript(
    `At start:\n\n\`\`\`sh\n${CTRLD.join('\n')}\n\`\`\`\n`,
    'transcript.md',
    new Date('2026-01-01T00:00:00Z'),
  );
  assert.equal(result.verdict, 'inconclusive');
  assert.equal(result.suspects[0]?.pid, 28131);
  assert.match(result.suspects[0]?.ranOut?.message ?? '', /too many open files/);
});

test("a router's logread with the kernel's ENFILE lines among dnsmasq's: the kernel's lines are no process's", async () => {
  // SukkaW/Koolshare-Clash#14 (test/accuracy/cases/gh-koolshare-clash-vfs-file-max-reached).
  const lines = [
    'Wed Mar 27 02:55:20 2019 kern.info kernel: [240570.548227] VFS: file-max limit 51200 reached',
    'Wed Mar 27 02:55:21 2019 daemon.info dnsmasq-dhcp[10172]: DHCPREQUEST(br-lan) 192.168.99.207 d8:63:75:b7:7b:a1',
    'Wed Mar 27 02:55:21 2019 kern.info kernel: [240571.624655] VFS: file-max limit 51200 reached',
  ];
  const result = await analyzeTranscript(
    `Log:\n\n\`\`\`\n${lines.join('\n')}\n\`\`\`\n`,
    'transcript.md',
    new Date('2026-01-01T00:00:00Z'),
  );
  assert.equal(result.suspects.length, 0);
  assert.match(result.unownedRanOut?.message ?? '', /VFS: file-max limit 51200 reached/);
});
