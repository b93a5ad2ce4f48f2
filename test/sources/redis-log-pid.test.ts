// Redis's log prefix names the writer's pid; KeyDB's adds its thread (src/sources/redis-log.ts, read
// by log-pids.ts). Real lines: Snapchat/KeyDB#537
// (test/accuracy/cases/gh-keydb-fifo-type-tally-accept-emfile-log-two-hosts); Redis 3.0.3's start-up
// log, its prefix without a year and its logo, redis/redis#2894
// (test/accuracy/cases/gh-redis-maxclients-reduced-low-ulimit-log).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { syslogSource } from '../../src/sources/log-pids.js';
import { redisLogoLine, redisLogSource } from '../../src/sources/redis-log.js';
import { analyzeTranscript } from '../analyze-transcript.js';

const KEYDB = [
  '2932708:2932723:S 05 Jan 2023 23:16:20.414 # Accepting client connection: accept: Too many open files',
  '2932708:2932722:S 05 Jan 2023 23:16:20.414 # Accepting client connection: accept: Too many open files',
  '2932708:2932723:S 05 Jan 2023 23:16:20.415 # Accepting client connection: accept: Too many open files',
];

test('the Redis-family prefix names the pid, and KeyDB its thread; other shapes name none', () => {
  assert.deepEqual(redisLogSource(KEYDB[0]), { pid: 2932708, tid: 2932723 });
  assert.deepEqual(syslogSource(KEYDB[1]), { pid: 2932708 });
  assert.deepEqual(redisLogSource('1:M 05 Jan 2023 23:16:20.414 # Error accepting a client connection: accept: Too many open files'), {
    pid: 1,
  });
  // Not a time of day (`12:30 …`), nor a role letter Redis does not print, nor a line without its level mark.
  assert.equal(redisLogSource('12:30 M 05 Jan 2023 23:16:20.414 # x'), null);
  assert.equal(redisLogSource('1234:Q 05 Jan 2023 23:16:20.414 # x'), null);
  assert.equal(redisLogSource('1234:M 05 Jan 2023 23:16:20.414 x'), null);
});

test('KeyDB#537: the log names pid 2932708 as the process that ran out', async () => {
  const result = await analyzeTranscript(`${KEYDB.join('\n')}\n`, 'keydb-server.log', new Date('2026-01-01T00:00:00Z'), { folder: true });
  assert.equal(result.verdict, 'inconclusive');
  assert.equal(result.suspects[0]?.pid, 2932708);
  assert.match(result.suspects[0]?.ranOut?.message ?? '', /accept: Too many open files/);
});

test('KeyDB#537: where it ran out is the thread the first line names', async () => {
  const { loggedThread } = await import('../../src/sources/log-thread.js');
  assert.equal(loggedThread(KEYDB[0], 2932708), 2932723);
  assert.equal(loggedThread(KEYDB[0], 1), null);
  assert.equal(loggedThread('1:M 05 Jan 2023 23:16:20.414 # accept: Too many open files', 1), null);
  const result = await analyzeTranscript(`${KEYDB.join('\n')}\n`, 'keydb-server.log', new Date('2026-01-01T00:00:00Z'), { folder: true });
  assert.equal(result.suspects[0]?.ranOut?.tid, 2932723);
});

const REDIS_3 = [
  '25897:M 25 Nov 07:26:35.713 # You requested maxclients of 10000 requiring at least 10032 max file descriptors.',
  "25897:M 25 Nov 07:26:35.713 # Redis can't set maximum open files to 10032 because of OS error: Operation not permitted.",
  "25897:M 25 Nov 07:26:35.713 # Current maximum open files is 1024. maxclients has been reduced to 992 to compensate for low ulimit. If you need higher maxclients increase 'ulimit -n'.",
  "25897:M 25 Nov 07:26:35.724 # Warning: 32 bit instance detected but no memory limit set. Setting 3 GB maxmemory limit with 'noeviction' policy now.",
];
const LOGO = [
  '                _._  ',
  "           _.-``__ ''-._  ",
  "      _.-``    `.`_.  ''-._           Redis 3.0.3 (00000000/0) 32 bit",
  "  .-`.-``.``\\/    _.,_ ''-._                                   ",
  " (    '      ,       .-`  | `,    )     Running in standalone mode",
  " |`-._`-...-` __...-.`-._|'`_.-'|     Port: 6379",
  " |`-._   `._    /     _.-'    |     PID: 25897",
  "`-._    `-._`-./  _.-'    _.-'  ",
  " |    `-._`-._        _.-'_.-'    |           http://redis.io  ",
  "              `-.__.-'",
];

test('Redis before 6.0 prints no year in its prefix; its start-up logo is part of its log', () => {
  assert.deepEqual(redisLogSource(REDIS_3[2]), { pid: 25897 });
  for (const l of LOGO) assert.equal(redisLogoLine(l), true, l);
  // Prose, a shell prompt, a table rule or an empty line is no logo.
  for (const l of ['Running in standalone mode', '$ redis-server /etc/redis.conf', '+------+-----+', '', '---'])
    assert.equal(redisLogoLine(l), false, l);
});

test('redis#2894: the start-up log with its logo is read as a log, its writer pid 25897', async () => {
  const result = await analyzeTranscript(`${[...REDIS_3, ...LOGO].join('\n')}\n`, 'redis.log', new Date('2026-01-01T00:00:00Z'), {
    folder: true,
  });
  assert.equal(result.sources.find((x) => x.file === 'redis.log')?.kind, 'app-log');
  assert.equal(result.verdict, 'inconclusive');
});
