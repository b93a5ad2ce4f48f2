// libdbus opens each warning with the pid of the process it runs in (src/sources/dbus-warn.ts).
// Real lines: qbittorrent/qBittorrent#3122
// (test/accuracy/cases/gh-qbittorrent-3122-gwakeup-dbus-process-pid-lsof-grep-qb-wc-1477).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dbusWarnPid } from '../../src/sources/dbus-warn.js';
import { syslogSource } from '../../src/sources/log-pids.js';
import { analyzeTranscript } from '../analyze-transcript.js';

const QBT = [
  'open_socket_in(): socket() call failed: Too many open files',
  'open_socket_in(): socket() call failed: Too many open files',
  'process 31671: D-Bus library appears to be incorrectly set up; failed to read machine uuid: Failed to open "/etc/machine-id": Too many open files',
  'See the manual page for dbus-uuidgen to correct this issue.',
  '  D-Bus not built with -rdynamic so unable to print a backtrace',
];

test('libdbus: `process PID: ` names the writer; other shapes do not', () => {
  assert.equal(dbusWarnPid(QBT[2]), 31671);
  assert.deepEqual(syslogSource(QBT[2]), { pid: 31671 });
  assert.equal(dbusWarnPid('Process 31671: capitalised is no libdbus prefix'), undefined);
  assert.equal(dbusWarnPid('process 0: no pid 0'), undefined);
  assert.equal(dbusWarnPid('process 31671:no blank after the colon'), undefined);
  assert.equal(dbusWarnPid('the process 31671: not at the start'), undefined);
  assert.equal(dbusWarnPid(`process ${'9'.repeat(12)}: too long a pid`), undefined);
});

test('qBittorrent#3122: the libdbus line names pid 31671 as the process that ran out', async () => {
  const r = await analyzeTranscript(['```', ...QBT, '```', ''].join('\n'), 'transcript.md', new Date('2026-01-01T00:00:00Z'));
  assert.equal(r.verdict, 'inconclusive');
  assert.equal(r.suspects[0]?.pid, 31671);
  assert.match(r.suspects[0]?.ranOut?.message ?? '', /failed to read machine uuid/);
});
