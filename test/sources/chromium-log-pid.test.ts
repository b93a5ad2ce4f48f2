// Chromium's logging prefix names the writer's pid and thread (src/sources/chromium-log.ts, read by
// log-pids.ts). Real lines: UWNetworksLab/uProxy-p2p#2055
// (test/accuracy/cases/gh-uproxy-chrome-log-errno24-pid-tid-prefix-limit-1024), klzgrad/naiveproxy#759
// (no ids), miyakogi/pyppeteer#226 (no ids, microseconds).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chromiumLogSource } from '../../src/sources/chromium-log.js';
import { syslogSource } from '../../src/sources/log-pids.js';
import { logMessage } from '../../src/sources/log-message.js';
import { analyzeTranscript } from '../analyze-transcript.js';

const SOCKET =
  '[15591:15621:1112/103047:ERROR:socket_posix.cc(78)] CreatePlatformSocket() returned an error, errno=24: Too many open files';
const WRITE =
  '[15591:15617:1112/103049:ERROR:value_store_frontend.cc(62)] Error while writing pjpcdnccaekokkkeheolmpkfifcbibnj.browser_action to /home/uproxy/.config/google-chrome-beta/Default/Extension State';
const PAIR = '[15591:15591:1112/103125:ERROR:ipc_channel_posix.cc(213)] socketpair(): Too many open files';

test('the Chromium prefix names pid and thread; without the ids it names no pid', () => {
  assert.deepEqual(chromiumLogSource(SOCKET), { pid: 15591, tid: 15621 });
  assert.deepEqual(chromiumLogSource(PAIR), { pid: 15591, tid: 15591 });
  assert.deepEqual(syslogSource(SOCKET), { pid: 15591 });
  // Newer builds: microseconds and `path:line`.
  assert.deepEqual(chromiumLogSource('[1234:5678:0601/153315.018654:ERROR:net/socket/socket_posix.cc:194] x'), {
    pid: 1234,
    tid: 5678,
  });
  assert.equal(
    chromiumLogSource('[1127/014253.161139:ERROR:net/socket/socket_posix.cc:194] CreatePlatformSocket() failed: Too many open files (24)'),
    null,
  );
  assert.equal(chromiumLogSource('[0601/153315.018654:ERROR:gpu_process_transport_factory.cc(980)] Lost UI shared context.'), null);
  assert.equal(chromiumLogSource('[1] 12345'), null);
});

test('uProxy#2055: Chrome pid 15591 ran out; inconclusive, 15591 first, its line quoted', async () => {
  const result = await analyzeTranscript(`${SOCKET}\n${WRITE}\n${PAIR}\n`, 'chrome.log', new Date('2026-01-01T00:00:00Z'), {
    folder: true,
  });
  assert.equal(result.verdict, 'inconclusive');
  assert.equal(result.suspects[0]?.pid, 15591);
  assert.match(result.suspects[0]?.ranOut?.message ?? '', /Too many open files/);
});

test("the message is the line without Chromium's prefix, with or without the ids (naiveproxy#759)", () => {
  assert.equal(logMessage(SOCKET), 'CreatePlatformSocket() returned an error, errno=24: Too many open files');
  assert.equal(
    logMessage('[1127/014253.161139:ERROR:net/socket/socket_posix.cc:194] CreatePlatformSocket() failed: Too many open files (24)'),
    'CreatePlatformSocket() failed: Too many open files (24)',
  );
  assert.equal(logMessage('[1] 12345 Too many open files'), '[1] 12345 Too many open files');
});

// electron/electron#4828 (test/accuracy/cases/gh-electron-socketpair-emfile-black-screen-pid-3207):
// Electron on OS X logs with the process id only, `[pid:MMDD/HHMMSS:LEVEL:file(line)] `; so does
// Electron on Linux (electron/electron#4759's `[21981:0311/145655:FATAL:…]`).
const ELECTRON_FATAL =
  '[3207:0316/191049:FATAL:platform_channel_pair_posix.cc(40)] Check failed: socketpair(AF_UNIX, SOCK_STREAM, 0, fds) == 0. : Too many open files';

test('a prefix with the pid alone names the pid and no thread', () => {
  assert.deepEqual(chromiumLogSource(ELECTRON_FATAL), { pid: 3207 });
  assert.deepEqual(syslogSource(ELECTRON_FATAL), { pid: 3207 });
  assert.equal(logMessage(ELECTRON_FATAL), 'Check failed: socketpair(AF_UNIX, SOCK_STREAM, 0, fds) == 0. : Too many open files');
  assert.deepEqual(
    chromiumLogSource(
      '[21981:0311/145655:FATAL:platform_channel_pair_posix.cc(40)] Check failed: socketpair(AF_UNIX, SOCK_STREAM, 0, fds) == 0. : Too many open files',
    ),
    { pid: 21981 },
  );
  // A date alone is no pid.
  assert.equal(chromiumLogSource('[0316/191049:FATAL:platform_channel_pair_posix.cc(40)] x'), null);
});

test('electron#4828: Electron pid 3207 ran out; inconclusive, 3207 first, no thread named', async () => {
  const text = [
    "2016-03-16 15:55:09.466 Electron[3207:27796529] Cannot load Interface Builder file '/System/Library/Frameworks/AppKit.framework/Resources/English.lproj/NSAlertPanel.nib'",
    ELECTRON_FATAL,
    '0   Electron Framework                  0x0000000100295a13 _ZN4base8internal30DstRangeRelationToSrcRangeImplIilLNS0_21IntegerRepresentationE1ELS2_1ELNS0_26NumericRangeRepresentationE0EE5CheckEl + 392691',
  ].join('\n');
  const result = await analyzeTranscript(`${text}\n`, 'electron.log', new Date('2026-01-01T00:00:00Z'), { folder: true });
  assert.equal(result.verdict, 'inconclusive');
  assert.equal(result.suspects[0]?.pid, 3207);
  assert.equal(result.suspects[0]?.ranOut?.tid ?? null, null);
  assert.match(result.suspects[0]?.ranOut?.message ?? '', /socketpair\(AF_UNIX/);
});
