// CockroachDB's crdb-v1 log header (glog's layout, a two-digit year, no `]` after the source line):
// cockroachdb/cockroach#111184's node log (gh-cockroach-111184-glog-sst-open-emfile-own-proc-statm).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appLog } from '../../src/sources/app-log.js';
import { parseLines } from '../../src/sources/run.js';
import { headerStamp } from '../../src/sources/log-stamps.js';

const CRDB = [
  'E230920 02:49:49.786292 10047550 storage/replica_proposal.go:207  [n1,s1,r539194/3:/Table/1649/1/"2023041{9…-8…}] IO error: While open a file for random read: /var/lib/cockdb/DB/14986894.sst: Too many open files',
  'E230920 02:49:51.714337 10048881 storage/consistency_queue.go:137  [n1,consistencyChecker,s1,r500845/3:/Table/1302/1/"100300110623"/…] computing own checksum: rpc error: code = Unknown desc = no checksum found (ID = bbcac31b-3f0c-448e-be30-cf88b4460789)',
  'E230920 02:49:52.252597 2003 server/status/runtime.go:411  [n1] unable to get mem usage: open /proc/8332/statm: too many open files',
  'W231010 01:23:30.612935 795 server/status/runtime.go:454  [n1] problem fetching net stats: open /proc/net/dev: too many open files; net stats will be empty.',
];

test("crdb-v1 records are records: level, date, time; the goroutine's id and the source line are header", () => {
  const s = headerStamp(CRDB[0]);
  assert.ok(s);
  assert.equal(s.level, 'ERROR');
  assert.equal(s.date, '2023-09-20');
  assert.equal(Math.floor(s.seconds), 2 * 3600 + 49 * 60 + 49);
  assert.ok(s.rest.startsWith('[n1,s1,r539194/3:'));
  assert.equal(headerStamp(CRDB[3])?.level, 'WARN');
});

test('a pasted cockroach log is read as a log; its goroutine ids are no pids', () => {
  assert.ok(appLog.detect({ head: CRDB, name: 'f' }) > 0);
  const { artifact } = parseLines(appLog, CRDB);
  assert.equal(artifact.exhaustion.emfile, 3);
  assert.deepEqual(Object.keys(artifact.exhaustion.byPid), []);
});

test("no crdb-v1 header for a month or a time no clock shows, or glog's own `]` layout read twice", () => {
  assert.equal(headerStamp('E231320 02:49:49.786292 1 a.go:1  [n1] x'), null);
  assert.equal(headerStamp('E230920 25:49:49.786292 1 a.go:1  [n1] x'), null);
  assert.equal(headerStamp('E230920 02:49:49 1 a.go:1  [n1] x'), null);
  assert.equal(
    headerStamp('E0429 15:10:27.741673 4681657856 wakeup_fd_pipe.cc:39] pipe creation failed (24): Too many open files')?.date,
    '04-29',
  );
});
