// nginx's alerts at a worker's exit for each connection still holding an fd, as a real thread pastes them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { addNginxOpenSocket, MAX_WORKERS, type NginxOpenSockets, nginxOpenSocketLeft } from '../../src/sources/nginx-open-sockets.js';
import { appLog } from '../../src/sources/app-log.js';
import { parseLines } from '../../src/sources/run.js';
import { analyzeBundle } from '../../src/analysis.js';
import { CASES_DIR } from '../accuracy/score.js';

// gh-nginx-modsecurity-open-socket-left-in-connection-alert (angristan/nginx-autoinstall#170), real lines:
const LINES = [
  '2021/02/13 10:17:53 [alert] 31891#31891: *330 open socket #37 left in connection 8',
  '2021/02/13 10:17:53 [alert] 31891#31891: *329 open socket #35 left in connection 9',
  '2021/02/13 10:17:53 [alert] 31891#31891: aborting',
];

test('an nginx worker’s exit alert names the worker (pid of pid#tid) and the fd it left open', () => {
  assert.deepEqual(nginxOpenSocketLeft(LINES[0]), { pid: 31891, fd: 37 });
  assert.equal(nginxOpenSocketLeft(LINES[2]), null);
  // Another alert, or the words without nginx's header, are no such report.
  assert.equal(nginxOpenSocketLeft('2021/02/13 10:17:53 [alert] 31891#31891: *1 open socket left in connection 8'), null);
  assert.equal(nginxOpenSocketLeft('open socket #37 left in connection 8'), null);
});

test('the log is read as nginx’s: each worker’s sockets left open, counted, the first few kept', () => {
  const { artifact } = parseLines(appLog, LINES);
  assert.equal(artifact.openAtExit?.length, 1);
  assert.deepEqual(
    artifact.openAtExit?.map((w) => ({ pid: w.pid, count: w.count, fds: w.fds })),
    [{ pid: 31891, count: 2, fds: [37, 35] }],
  );
});

test('workers past the bound are not kept', () => {
  const into: NginxOpenSockets[] = [];
  for (let pid = 1; pid <= MAX_WORKERS + 5; pid++)
    addNginxOpenSocket(into, `2021/02/13 10:17:53 [alert] ${pid}#${pid}: *1 open socket #3 left in connection 0`, 'f', pid);
  assert.equal(into.length, MAX_WORKERS);
});

test('nginx with ModSecurity: two sockets left at worker 31891’s exit point at it, prove no leak', async () => {
  const dir = join(CASES_DIR, 'gh-nginx-modsecurity-open-socket-left-in-connection-alert', 'transcript.md');
  const { result } = await analyzeBundle(dir, { now: new Date('2026-01-01T00:00:00Z') });
  assert.equal(result.verdict, 'inconclusive');
  assert.equal(result.suspects[0].pid, 31891);
  assert.deepEqual(
    result.suspects[0].reasons.map((r) => [r.signal, r.weight, r.count]),
    [['unclosed-at-exit', 1, 2]],
  );
});
