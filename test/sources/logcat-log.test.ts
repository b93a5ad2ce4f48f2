// Android's logcat (src/sources/logcat-log.ts). Real lines: wanghongenpin/proxypin#127 (threadtime,
// accuracy round 29), openfoodfacts/smooth-app#7397 (brief), LiquidPlayer/LiquidCore#26 and
// flutter/flutter#84702 (Android Studio's logcat window, accuracy round 259).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { afterLogcatHeader, logcatPid, logcatSource } from '../../src/sources/logcat-log.js';
import { loggedThread } from '../../src/sources/log-thread.js';
import { logMessage } from '../../src/sources/log-message.js';
import { analyzeTranscript } from '../analyze-transcript.js';

const PROXYPIN = '02-01 09:21:11.921  3649  3796 E com.network.proxy.vpn.ProxyVpnThread: Too many open files';
const LIQUIDCORE =
  "06-24 07:33:04.513 24171-1946/org.loklak.android.wok E/art: ashmem_create_region failed for 'indirect ref table': Too many open files";
const FLUTTER = '2021-06-17 15:36:26.140 10277-10277/com.test.flutter_fd_increment I/TAG: onCreate: getFdCount 120';

test("logcat's threadtime and brief lines name the writing process's pid", () => {
  assert.equal(logcatPid(PROXYPIN), 3649);
  assert.equal(
    logcatPid(
      'E/Parcel  (11944): fcntl(F_DUPFD_CLOEXEC) failed in Parcel::read, i is 0, fds[i] is -1, fd_count is 1, error: Too many open files',
    ),
    11944,
  );
  assert.equal(
    logcatPid('E/LayerState(11944): ERROR(Too many open files, -24). Failed to call parcel output->write(*acquireFence)'),
    11944,
  );
  // Not logcat: PgBouncer's line (a year, one number, a level word); a Python traceback's `E` line.
  assert.equal(logcatPid('2017-01-12 14:48:43.088 46529 WARNING sbuf_connect failed: Too many open files'), undefined);
  assert.equal(logcatPid("E   OSError: [Errno 24] Too many open files: '/tmp/x'"), undefined);
});

test("threadtime's second number and Android Studio's PID-TID name the writing thread; brief names none", () => {
  assert.deepEqual(logcatSource(PROXYPIN), { pid: 3649, tid: 3796 });
  assert.deepEqual(logcatSource(LIQUIDCORE), { pid: 24171, tid: 1946 });
  assert.deepEqual(logcatSource(FLUTTER), { pid: 10277, tid: 10277 });
  assert.deepEqual(logcatSource('06-24 07:33:04.513 24171-1946/? E/art: Too many open files'), { pid: 24171, tid: 1946 });
  assert.deepEqual(logcatSource('E/Parcel  (11944): error: Too many open files'), { pid: 11944 });
  assert.equal(loggedThread(PROXYPIN, 3649), 3796);
  assert.equal(loggedThread(LIQUIDCORE, 24171), 1946);
  assert.equal(loggedThread(LIQUIDCORE, 1946), null);
  // A date, a time and `a-b/` that is no logcat record: a range in a sentence.
  assert.equal(logcatSource('06-24 07:33:04.513 pages 12-30/2 were read'), null);
});

test("a logcat record's message is what follows its header, Android Studio's too", () => {
  assert.equal(
    afterLogcatHeader('  583   583 E adbd    : shell_service.cpp:139 cannot create socket pair: Too many open files'),
    'shell_service.cpp:139 cannot create socket pair: Too many open files',
  );
  assert.equal(afterLogcatHeader('E/Parcel  (11944): error: Too many open files'), 'error: Too many open files');
  assert.equal(afterLogcatHeader('[ERROR] accept: Too many open files'), '[ERROR] accept: Too many open files');
  assert.equal(logMessage(LIQUIDCORE), "ashmem_create_region failed for 'indirect ref table': Too many open files");
});

test('an Android Studio logcat saying it ran out names its process and thread', async () => {
  const result = await analyzeTranscript(['```', LIQUIDCORE, '```'], 'logcat.md', new Date('2026-01-01T00:00:00Z'));
  assert.equal(result.suspects[0]?.pid, 24171);
  assert.equal(result.suspects[0]?.ranOut?.tid, 1946);
});

// iflove/Logcat#9 (each line numbered by the reporter's log viewer) and LiquidPlayer/LiquidCore#26
// (the record inside an inline code span, a period after it): accuracy round 266.
test("a record after a paste's line number or an inline span's backticks is read as the line's start", () => {
  assert.deepEqual(
    logcatSource(
      '37306 W/System.err( 7350): java.io.FileNotFoundException: /sdcard/EBSB_SDCardLog/2018-07-20.log: open failed: EMFILE (Too many open files)',
    ),
    { pid: 7350 },
  );
  assert.deepEqual(logcatSource(`\`\`\` ${LIQUIDCORE}\`\`\`.`), { pid: 24171, tid: 1946 });
  assert.deepEqual(logcatSource(`  12\t${PROXYPIN}`), { pid: 3649, tid: 3796 });
  assert.deepEqual(logcatSource(`12:${PROXYPIN}`), { pid: 3649, tid: 3796 });
  // A number that is no line number before words that are no record: nothing.
  assert.equal(logcatSource('37306 E/S ran out'), null);
  assert.equal(logcatSource('`E/` is a tag'), null);
});

test('a numbered brief-format paste saying it ran out names its process', async () => {
  const lines = [
    '# Android Logcat library: open failed: EMFILE',
    '',
    'The logcat lines, as pasted (each line starts with its line number in the saved log):',
    '',
    '37305 D/Logcat  ( 7350): New FileWriter Instance failed',
    '37306 W/System.err( 7350): java.io.FileNotFoundException: /sdcard/EBSB_SDCardLog/2018-07-20.log: open failed: EMFILE (Too many open files)',
    '37307 W/System.err( 7350):     at libcore.io.IoBridge.open(IoBridge.java:409)',
    '37308 W/System.err( 7350):     at java.io.FileOutputStream.<init>(FileOutputStream.java:88)',
    '37309 W/System.err( 7350):     at java.io.FileWriter.<init>(FileWriter.java:58)',
  ];
  const result = await analyzeTranscript(lines, 'logcat.md', new Date('2026-01-01T00:00:00Z'));
  assert.equal(result.suspects[0]?.pid, 7350);
});
