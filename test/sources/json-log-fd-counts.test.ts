// A structured logger's JSON records of the writer's own fd count: round 246's captured cases,
// go-spoold-slog-json-open-fds-spool-files-emfile (log/slog's JSON handler) and
// node-catalogd-pino-open-fds-same-file-ls-tail (pino's fields, its epoch-ms time and pid).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { jsonRecordStamp } from '../../src/sources/json-log-records.js';
import { jsonRecordPid } from '../../src/sources/record-pids.js';
import { ownFdCountReport } from '../../src/sources/log-fd-counts.js';
import { appLog } from '../../src/sources/app-log.js';
import { parseLines } from '../../src/sources/run.js';

const SLOG = [
  '{"time":"2026-12-07T15:20:09.052197928Z","level":"ERROR","msg":"spool write failed","msg":251,"err":"open /tmp/acc246/w7/spool/msg-000251.eml: too many open files"}',
  '{"time":"2026-12-07T15:20:00.824131847Z","level":"INFO","msg":"stats","open_fds":156,"max_fds":256}',
  '{"time":"2026-12-07T15:20:03.826531032Z","level":"INFO","msg":"stats","open_fds":193,"max_fds":256}',
  '{"time":"2026-12-07T15:20:06.823955772Z","level":"INFO","msg":"stats","open_fds":230,"max_fds":256}',
  '{"time":"2026-12-07T15:20:09.823502875Z","level":"INFO","msg":"stats","open_fds":-1,"max_fds":256}',
];

const PINO = [
  '{"level":30,"time":1796656717136,"pid":9185,"hostname":"vm","open_fds":51,"msg":"fd check"}',
  '{"level":30,"time":1796656720137,"pid":9185,"hostname":"vm","open_fds":69,"msg":"fd check"}',
];

const WINSTON = '{"fd_count":20,"level":"info","message":"heartbeat","service":"pricesvc","timestamp":"2026-12-07T15:18:34.314Z"}';

test('a JSON record’s time and writer pid', () => {
  assert.equal(jsonRecordStamp(SLOG[1]), '2026-12-07T15:20:00');
  assert.equal(jsonRecordStamp(PINO[0]), '2026-12-07T15:18:37');
  assert.equal(jsonRecordStamp(WINSTON), '2026-12-07T15:18:34');
  assert.equal(jsonRecordPid(PINO[0]), 9185);
  assert.equal(jsonRecordPid(SLOG[1]), undefined);
  // No level field, or not one object: no record.
  assert.equal(jsonRecordStamp('{"time":"2026-12-07T15:20:00Z","open_fds":3}'), undefined);
  assert.equal(jsonRecordStamp('time="2026-12-07T15:20:00Z" level=info'), undefined);
});

test('a JSON record’s count and limit fields; a failed count (-1) is none', () => {
  assert.deepEqual(ownFdCountReport(SLOG[1]), { count: 156, limit: 256 });
  assert.deepEqual(ownFdCountReport(PINO[0]), { count: 51 });
  assert.deepEqual(ownFdCountReport(WINSTON), { count: 20 });
  assert.equal(ownFdCountReport(SLOG[4]), undefined);
  assert.equal(ownFdCountReport(SLOG[0]), undefined);
  assert.equal(ownFdCountReport('{"level":"info","open_fds":4,"fd_count":5}'), undefined);
});

test('slog JSON stats records are samples at their times; pino’s name their pid', () => {
  const r = parseLines(appLog, SLOG);
  assert.deepEqual(
    r.artifact.ownFdCounts?.map((x) => [x.at, x.count, x.pid]),
    [
      ['2026-12-07T15:20:00', 156, undefined],
      ['2026-12-07T15:20:03', 193, undefined],
      ['2026-12-07T15:20:06', 230, undefined],
    ],
  );
  assert.equal(r.artifact.ownLimits?.[0]?.soft, 256);
  const p = parseLines(appLog, PINO);
  assert.deepEqual(
    p.artifact.ownFdCounts?.map((x) => [x.at, x.count, x.pid]),
    [
      ['2026-12-07T15:18:37', 51, 9185],
      ['2026-12-07T15:18:40', 69, 9185],
    ],
  );
});

// java-healthd-mxbean-logback-flat-five-full-ls-healthy: UnixOperatingSystemMXBean's counts in a Map's toString.
const LOGBACK = [
  '2026-12-07 15:18:44.388 [health-check] INFO  c.e.healthd.HealthCheck - fd usage {openFileDescriptorCount=5, maxFileDescriptorCount=4096}',
  '2026-12-07 15:18:47.392 [health-check] INFO  c.e.healthd.HealthCheck - fd usage {openFileDescriptorCount=5, maxFileDescriptorCount=4096}',
];

test('a JVM health check’s MXBean counts are its own fd count and limit', () => {
  assert.deepEqual(ownFdCountReport(LOGBACK[0]), { count: 5, limit: 4096 });
  assert.deepEqual(ownFdCountReport('INFO: health: openFileDescriptorCount=121 maxFileDescriptorCount=256'), { count: 121, limit: 256 });
  const r = parseLines(appLog, LOGBACK);
  assert.deepEqual(
    r.artifact.ownFdCounts?.map((x) => [x.at, x.count]),
    [
      ['2026-12-07T15:18:44', 5],
      ['2026-12-07T15:18:47', 5],
    ],
  );
});
