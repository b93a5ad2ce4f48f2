import { test } from 'node:test';
import assert from 'node:assert/strict';
import { growthOf, snapshotLine, snapshotsText, type Snapshot } from '../../src/collect/snapshots.js';

const snap = (t: number, total: number | null, unconnected = 0, limit: number | null = 1024): Snapshot => ({
  at: new Date(Date.parse('2019-07-22T10:00:00+08:00') + t * 1000).toISOString().replace('Z', '+00:00'),
  t,
  pid: 25204,
  total,
  limit,
  byKind: total === null ? {} : { 'socket-unconnected': unconnected, file: total - unconnected },
  socketStates: total === null ? {} : { 'tcp:ESTABLISHED': 2 },
});

test('growth: least-squares rate per minute and the projected time to the limit', () => {
  const g = growthOf([snap(0, 100, 50), snap(10, 110, 60), snap(20, 120, 70)])!;
  assert.equal(g.fdsPerMinute, 60);
  assert.equal(g.unconnectedPerMinute, 60);
  assert.equal(g.secondsToLimit, 904); // (1024 - 120) / 1 per second
  assert.equal(Date.parse(g.projectedLimitAt!), Date.parse('2019-07-22T02:00:20Z') + 904_000);
  assert.match(g.projectedLimitAt!, /[+-]\d\d:\d\d$/, 'ISO with offset');
});

test('growth: none from one sample; no projection when shrinking or unlimited; gone samples ignored', () => {
  assert.equal(growthOf([snap(0, 100)]), null);
  const shrinking = growthOf([snap(0, 100), snap(5, 90)])!;
  assert.equal(shrinking.fdsPerMinute, -120);
  assert.equal(shrinking.secondsToLimit, null);
  assert.equal(growthOf([snap(0, 100, 0, null), snap(5, 105, 0, null)])!.projectedLimitAt, null);
  assert.equal(growthOf([snap(0, 100), snap(5, 105), snap(10, null)])!.fdsPerMinute, 60);
});

test('snapshots.txt: one key=value line per sample, kinds and socket states sorted', () => {
  assert.equal(
    snapshotLine(snap(0, 100, 40)),
    '2019-07-22T02:00:00.000+00:00 pid=25204 total=100 limit=1024 file=60 socket-unconnected=40 tcp:ESTABLISHED=2',
  );
  assert.equal(snapshotLine(snap(5, null)), '2019-07-22T02:00:05.000+00:00 pid=25204 gone');
  const text = snapshotsText({
    schema: 'fdleak/snapshots@1',
    pid: 25204,
    intervalSeconds: 10,
    samples: [snap(0, 100), snap(10, 110)],
    growth: growthOf([snap(0, 100), snap(10, 110)]),
  });
  const lines = text.trimEnd().split('\n');
  assert.equal(lines.length, 4);
  assert.match(lines[0], /^# fdleak snapshots: fds of pid 25204 by kind, 2 samples every 10 s$/);
  assert.match(lines[3], /^# growth: 60 fds\/min \(0 unconnected sockets\/min\); limit reached in 914 s, at /);
});
