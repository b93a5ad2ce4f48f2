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
