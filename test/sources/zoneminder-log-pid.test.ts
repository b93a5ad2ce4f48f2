// ZoneMinder's logger prefix, `TIME NAME[PID].LEVEL`, names the program and its pid
// (src/sources/zoneminder-log.ts, read by log-pids.ts). Real lines: ZoneMinder/zmeventnotification#366
// (test/accuracy/cases/gh-zmeventnotification-mmap-emfile-log) and ZoneMinder/zoneminder#1976.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { syslogSource } from '../../src/sources/log-pids.js';
import { zoneMinderLogSource } from '../../src/sources/zoneminder-log.js';
import { analyzeTranscript } from '../analyze-transcript.js';

const LINES = [
  '02/27/21 10:18:47.209530 zmeventnotification[35648].INF [main:995] [|----> FORK:Driveway (2), eid:39788 Not sending event end notification as send_event_end_notification is no]',
  '02/27/21 10:20:09.992006 zmeventnotification[34882].ERR [main:1339] [Cannot open to update token counts /var/lib/zmeventnotification/push/tokens.txt]',
  '02/27/21 10:20:09.994158 zmeventnotification[34882].ERR [main:1011] [PARENT: Could not parse token file for token counts: Bad file descriptor]',
  '02/27/21 10:20:09.998697 zmeventnotification[34882].INF [main:995] [PARENT: Re-loading monitors]',
  "02/27/21 10:20:10.002327 zmeventnotification[34882].ERR [ZoneMinder::Memory::Mapped:101] [Can't open memory map file '/dev/shm/zm.mmap.3': Too many open files]",
  "02/27/21 10:20:10.004742 zmeventnotification[34882].ERR [ZoneMinder::Memory::Mapped:101] [Can't open memory map file '/dev/shm/zm.mmap.3': Too many open files]",
  '02/27/21 10:20:10.010867 zmeventnotification[34882].WAR [main:1411] [ Memory verify failed for Back door(id:3)]',
];
// The C++ daemons' form (ZoneMinder/zoneminder#1976).
const ZMS = "2017-08-30 10:10:44.669264 zms[2647].ERR-zm_monitor.cpp/3799 [Can't sendto on sd 9: No such file or directory]";

test("ZoneMinder's prefix names the program and its pid, in the Perl and the C++ forms; other shapes name none", () => {
  assert.deepEqual(zoneMinderLogSource(LINES[4]), { program: 'zmeventnotification', pid: 34882 });
  assert.deepEqual(syslogSource(LINES[0]), { program: 'zmeventnotification', pid: 35648 });
  assert.deepEqual(zoneMinderLogSource(ZMS), { program: 'zms', pid: 2647 });
  // Not without a level word after the dot, nor without the microseconds of its stamp.
  assert.equal(zoneMinderLogSource('02/27/21 10:20:10.002327 zmeventnotification[34882].XYZ [main:1] [x]'), null);
  assert.equal(zoneMinderLogSource('02/27/21 10:20:10 zmeventnotification[34882].ERR [main:1] [x]'), null);
});

test('zmeventnotification#366: the log names pid 34882 as the process that ran out', async () => {
  const result = await analyzeTranscript(`${LINES.join('\n')}\n`, 'zmeventnotification.log', new Date('2026-01-01T00:00:00Z'), {
    folder: true,
  });
  assert.equal(result.verdict, 'inconclusive');
  assert.equal(result.suspects[0]?.pid, 34882);
  assert.match(result.suspects[0]?.ranOut?.message ?? '', /Can't open memory map file '\/dev\/shm\/zm\.mmap\.3': Too many open files/);
});
