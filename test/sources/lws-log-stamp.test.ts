// libwebsockets' log stamp, `[2022/05/17 14:31:02:1068] E: …` (ten-thousandths after a colon):
// ttyd's output in tsl0922/ttyd#926 (gh-ttyd-pty-fork-errno-24-lws-log-partial, accuracy round 36).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appLog } from '../../src/sources/app-log.js';
import { parseLines } from '../../src/sources/run.js';

const TTYD = [
  '[2022/05/17 14:31:02:1068] E: pty_fork: 24 (Too many open files)',
  '[2022/05/17 14:31:02:1068] N: WS closed from 127.0.0.1, clients: 0',
  '[2022/05/17 14:31:02:1069] N: __lws_lc_untag:  -- [wsisrv|8ef|adopted] (0) 2.833ms',
  '[2022/05/17 14:31:02:1515] N: __lws_lc_tag:  ++ [wsisrv|8f0|adopted] (1)',
  '[2022/05/17 14:31:02:1516] N: HTTP / - 127.0.0.1',
  '[2022/05/17 14:31:02:1524] N: __lws_lc_untag:  -- [wsisrv|8f0|adopted] (0) 916μs',
  '[2022/05/17 14:31:02:1558] N: __lws_lc_tag:  ++ [wsisrv|8f1|adopted] (1)',
  '[2022/05/17 14:31:02:1559] N: WS   /ws - 127.0.0.1, clients: 1',
  '[2022/05/17 14:31:02:1583] E: pty_fork: 24 (Too many open files)',
  '... ...',
];

test("ttyd's libwebsockets log is read: its stamped lines, two EMFILE reports", () => {
  assert.ok(appLog.detect({ head: TTYD, name: 'f' }) > 0);
  const { artifact } = parseLines(appLog, TTYD);
  assert.equal(artifact.exhaustion.emfile, 2);
});

test('a colon before the fraction is a stamp only inside brackets that close right after it', () => {
  // Without the closing bracket, `14:31:02:1068 x` is no lws stamp: not read as a log of running out.
  assert.equal(appLog.detect({ head: ['14:31:02:1068 E: pty_fork: 24 (Too many open files)', 'x', 'y'], name: 'f' }), 0);
});
