// Tarantool's log prefix names the writer's pid in brackets (src/sources/tarantool-log.ts, read by
// log-pids.ts). Real lines: tarantool/tarantool#647
// (test/accuracy/cases/gh-tarantool-647-wal-thread-dup-emfile-log-only), #4805
// (gh-tarantool-4805-vinyl-recovery-index-open-emfile-log-only) and #1932
// (gh-tarantool-1932-iproto-accept-emfile-pid-6222-ru).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { syslogSource } from '../../src/sources/log-pids.js';
import { tarantoolLogPid } from '../../src/sources/tarantool-log.js';
import { analyzeTranscript } from '../analyze-transcript.js';

const WAL = [
  "2014-12-06 15:57:04.299 [8876] wal I> creating `./00000000000000864350.xlog.inprogress'",
  '2014-12-06 15:57:04.299 [8876] wal !> log_io_sync: dup() failed: Too many open files',
  "2014-12-06 15:57:04.301 [8876] wal I> creating `./00000000000000864400.xlog.inprogress'",
];
const VINYL =
  "2020-03-12 00:28:36.281 [4331] main/101/interactive xlog.c:1994 !> SystemError failed to open 'var/lib/tarantool/vinyl/525/0/00000000000028023028.index' file: Too many open files";
const IPROTO =
  '2016-11-18 19:02:12.178 [6222] iproto sio.cc:251 !> SystemError accept, called on fd 12, aka 0.0.0.0:10006: Too many open files';

test('the Tarantool prefix names the pid; other shapes name none', () => {
  assert.equal(tarantoolLogPid(WAL[1]), 8876);
  assert.equal(tarantoolLogPid(VINYL), 4331);
  assert.deepEqual(syslogSource(IPROTO), { pid: 6222 });
  // Without the time the pid is not there (#3776's `iproto sio.cc:248 !> …`); a bracketed number
  // without the level mark is no Tarantool record, nor a pid of 0.
  assert.equal(
    tarantoolLogPid('iproto sio.cc:248 !> SystemError accept, called on fd 11, aka 0.0.0.0:3301: Too many open files'),
    undefined,
  );
  assert.equal(tarantoolLogPid('2014-12-06 15:57:04.299 [8876] INFO something: Too many open files'), undefined);
  assert.equal(tarantoolLogPid('2014-12-06 15:57:04.299 [0] wal !> x'), undefined);
  // A long line without the mark is read in bounded time.
  assert.equal(tarantoolLogPid(`2014-12-06 15:57:04.299 [8876] ${'a '.repeat(50_000)}`), undefined);
});

test('tarantool#647: the log names pid 8876 as the process that ran out', async () => {
  const result = await analyzeTranscript(`${WAL.join('\n')}\n`, 'tarantool.log', new Date('2026-01-01T00:00:00Z'), { folder: true });
  assert.equal(result.verdict, 'inconclusive');
  assert.equal(result.suspects[0]?.pid, 8876);
  assert.match(result.suspects[0]?.ranOut?.message ?? '', /log_io_sync: dup\(\) failed: Too many open files/);
  assert.equal(result.suspects[0]?.ranOut?.tid ?? null, null);
});
