// A program's own report of its open-files limit in its log (src/sources/log-limits.ts). Real lines:
// conmand in dun/conman#17 (test/accuracy/cases/gh-conman-conmand-logfile-emfile-limit-1024),
// PgBouncer in pgbouncer/pgbouncer#1037 and #654, Elasticsearch in elastic/elasticsearch#20508, Redis in
// redis/redis#2894 (test/accuracy/cases/gh-redis-maxclients-reduced-low-ulimit-log), mongod's startup
// warning as mongosh shows it in canonical/mongodb-operator#239
// (test/accuracy/cases/gh-mongodb-operator-soft-rlimits-1024-warning).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyzeBundle } from '../../src/analysis.js';
import { appLog } from '../../src/sources/app-log.js';
import { ownLimitReport } from '../../src/sources/log-limits.js';
import { analyzeTranscript } from '../analyze-transcript.js';

test('the limit a program reports as its own', () => {
  assert.deepEqual(ownLimitReport('INFO:      Open file limit set to 1024'), { soft: 1024 });
  assert.deepEqual(
    ownLimitReport(
      '2024-03-13 17:29:01.802 CET [3115148] LOG kernel file descriptor limit: 64000 (hard: 64000); max_client_conn: 5000, max expected fd use: 5512',
    ),
    { soft: 64000, hard: 64000 },
  );
  assert.deepEqual(
    ownLimitReport('LOG kernel file descriptor limit: 1024 (hard: 4096); max_client_conn: 1000, max expected fd use: 5212'),
    {
      soft: 1024,
      hard: 4096,
    },
  );
  assert.deepEqual(
    ownLimitReport(
      '[2016-09-15 08:52:04,867][WARN ][env                      ] [my-node] max file descriptors [65535] for elasticsearch process likely too low, consider increasing to at least [65536]',
    ),
    { soft: 65535 },
  );
  // A shell's limit is no process's own report.
  assert.equal(ownLimitReport('!!!! WARNING: ulimit -n is 1024; 65536 is the recommended minimum.'), undefined);
});

test("PgBouncer's start line gives the pid on it its own limit; conmand's, the pid its start line announced", async () => {
  const dir = mkdtempSync(join(tmpdir(), 'fdleak-loglimits-'));
  try {
    writeFileSync(
      join(dir, 'pgbouncer.log'),
      [
        '2024-03-13 17:29:01.802 CET [3115148] LOG kernel file descriptor limit: 64000 (hard: 64000); max_client_conn: 5000, max expected fd use: 5512',
        '2024-03-13 17:29:31.321 CET [3115148] ERROR accept() failed: Too many open files',
        '',
      ].join('\n'),
    );
    const pg = (await analyzeBundle(join(dir, 'pgbouncer.log'), { now: new Date('2026-01-01T00:00:00Z') })).result;
    const p = pg.processes?.find((x) => x.pid === 3115148);
    assert.equal(p?.fdLimit, 64000);
    writeFileSync(
      join(dir, 'conman.log'),
      [
        'NOTICE:    Starting ConMan daemon 0.2.7 (pid 1234)',
        'INFO:      Open file limit set to 1024',
        'WARNING:   Unable to open logfile "/var/log/conman/foo509": Too many open files',
        '',
      ].join('\n'),
    );
    const cm = (await analyzeBundle(join(dir, 'conman.log'), { now: new Date('2026-01-01T00:00:00Z') })).result;
    assert.equal(cm.processes?.find((x) => x.pid === 1234)?.fdLimit, 1024);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("Redis's 'Current maximum open files is N' is its own soft limit, given to the pid of its log prefix", async () => {
  const line =
    "25897:M 25 Nov 07:26:35.713 # Current maximum open files is 1024. maxclients has been reduced to 992 to compensate for low ulimit. If you need higher maxclients increase 'ulimit -n'.";
  assert.deepEqual(ownLimitReport(line), { soft: 1024 });
  // The line before it names the limit Redis wanted, not the one it has.
  assert.equal(
    ownLimitReport('25897:M 25 Nov 07:26:35.713 # You requested maxclients of 10000 requiring at least 10032 max file descriptors.'),
    undefined,
  );
  // A limit alone blames nobody and shows no health; the log is read (no input error).
  const r = await analyzeTranscript(
    [
      '25897:M 25 Nov 07:26:35.713 # You requested maxclients of 10000 requiring at least 10032 max file descriptors.',
      "25897:M 25 Nov 07:26:35.713 # Redis can't set maximum open files to 10032 because of OS error: Operation not permitted.",
      line,
      '',
    ].join('\n'),
    'redis.log',
    new Date('2026-01-01T00:00:00Z'),
  );
  assert.equal(r.sources.find((x) => x.file === 'redis.log')?.kind, 'app-log');
  assert.equal(r.verdict, 'inconclusive');
  assert.equal(r.suspects.length, 0);
});

// elastic/elasticsearch#18022: the maintainer quotes the one line of the reporter's log that
// matters, Elasticsearch's stamped report of its own limit — a log of one record, read as a log.
test('a stamped limit report quoted alone is a log: the transcript reads, inconclusive, nobody blamed', async () => {
  const { join: j } = await import('node:path');
  const { CASES_DIR } = await import('../accuracy/score.js');
  const { result: r } = await analyzeBundle(j(CASES_DIR, 'gh-elasticsearch-docker-warn-4096-ulimit-98304', 'transcript.md'), {
    now: new Date('2026-01-01T00:00:00Z'),
  });
  assert.equal(r.verdict, 'inconclusive');
  assert.equal(r.suspects.length, 0);
  const dir = mkdtempSync(join(tmpdir(), 'fdleak-limit-'));
  try {
    // The stamped line alone, saved as a file: a log of one record.
    writeFileSync(
      join(dir, 'es.log'),
      '[2016-04-27 19:08:27,576][WARN ][env                      ] [Box IV] max file descriptors [4096] for elasticsearch process likely too low, consider increasing to at least [65536]\n',
    );
    const { result: one } = await analyzeBundle(join(dir, 'es.log'));
    assert.deepEqual(
      one.sources.map((s) => s.kind),
      ['app-log'],
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

// appcelerator-archive/amp#649: Elasticsearch 5's console output when a bootstrap check fails, unstamped —
//   ERROR: bootstrap checks failed
//   max file descriptors [10240] for elasticsearch process is too low, increase to at least [65536]
// The header it prints over the failed checks says whose report the limit line is: a log, as the stamped one.
test("Elasticsearch's unstamped bootstrap-check report under its ERROR header is a log; the report alone is not", async () => {
  assert.deepEqual(ownLimitReport('max file descriptors [10240] for elasticsearch process is too low, increase to at least [65536]'), {
    soft: 10240,
  });
  const dir = mkdtempSync(join(tmpdir(), 'fdleak-bootstrap-'));
  try {
    const report = 'max file descriptors [10240] for elasticsearch process is too low, increase to at least [65536]';
    writeFileSync(join(dir, 'es.txt'), ['ERROR: bootstrap checks failed', report, ''].join('\n'));
    const { result: r } = await analyzeBundle(join(dir, 'es.txt'), { now: new Date('2026-01-01T00:00:00Z') });
    assert.deepEqual(
      r.sources.map((s) => s.kind),
      ['app-log'],
    );
    assert.equal(r.verdict, 'inconclusive');
    assert.equal(r.suspects.length, 0);
    assert.equal(appLog.detect({ head: ['ERROR: bootstrap checks failed', report], name: 'es.txt' }), 0.3);
    assert.equal(appLog.detect({ head: [report], name: 'es.txt' }), 0);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

// elasticsearch#26538: the bootstrap check as Elasticsearch 5.5 logs it, the `ERROR: ` left out —
//     [1] bootstrap checks failed
//     [1]: max file descriptors [65535] for elasticsearch process is too low, increase to at least [65536]
// docker-library/elasticsearch#140: the console's lines relayed by docker-compose under its service prefix —
//   elastic_1   | ERROR: bootstrap checks failed
//   elastic_1   | max file descriptors [4096] for elasticsearch process is too low, increase to at least [65536]
test("Elasticsearch's bootstrap-check report is a log also in its log's form and under compose's service prefix", () => {
  const logged = [
    '    [1] bootstrap checks failed',
    '    [1]: max file descriptors [65535] for elasticsearch process is too low, increase to at least [65536]',
  ];
  assert.equal(appLog.detect({ head: logged, name: 'es.txt' }), 0.3);
  const relayed = [
    'elastic_1   | ERROR: bootstrap checks failed',
    'elastic_1   | max file descriptors [4096] for elasticsearch process is too low, increase to at least [65536]',
    'elastic_1   | [2016-11-18T17:48:17,058][INFO ][o.e.n.Node               ] [HK_OIan] stopping ...',
  ];
  assert.equal(appLog.detect({ head: relayed, name: 'es.txt' }), 0.3);
  // The report alone, relayed or not, is still too little.
  assert.equal(appLog.detect({ head: [relayed[1]], name: 'es.txt' }), 0);
  assert.equal(appLog.detect({ head: [logged[1]], name: 'es.txt' }), 0);
});

test("mongod's startup warning states its own limit: mongosh's two lines, its JSON log's one, its old text log's one", async () => {
  const warning = '        2023-08-28T05:11:12.730+00:00: Soft rlimits for open file descriptors too low';
  const value = '        2023-08-28T05:11:12.730+00:00:         currentValue: 1024';
  assert.deepEqual(ownLimitReport(value, warning), { soft: 1024 });
  // The value alone, or under another warning, is no report.
  assert.equal(ownLimitReport(value), undefined);
  assert.equal(ownLimitReport(value, '        2023-08-28T05:11:08.183+00:00: Using the XFS filesystem is strongly recommended'), undefined);
  // The same warning in mongod's own log, JSON (4.4+) and text (before 4.4): the thread's values in
  // mongod's formats, not lines pasted in a thread.
  assert.deepEqual(
    ownLimitReport(
      '{"t":{"$date":"2023-08-28T05:11:12.730+00:00"},"s":"W",  "c":"CONTROL",  "id":22184,   "ctx":"initandlisten","msg":"Soft rlimits for open file descriptors too low","attr":{"currentValue":1024,"recommendedMinimum":64000},"tags":["startupWarnings"]}',
    ),
    { soft: 1024 },
  );
  assert.deepEqual(
    ownLimitReport(
      '2017-02-01T10:00:00.000+0000 I CONTROL  [initandlisten] ** WARNING: soft rlimits too low. Number of files is 1024, should be at least 1000',
    ),
    { soft: 1024 },
  );
  // The warnings block pasted alone is mongod's log: read, nobody blamed (nothing ran out).
  const r = await analyzeTranscript(
    [
      '```',
      '        2023-08-28T05:11:08.183+00:00: Using the XFS filesystem is strongly recommended with the WiredTiger storage engine. See http://dochub.mongodb.org/core/prodnotes-filesystem',
      warning,
      value,
      '        2023-08-28T05:11:12.730+00:00:         recommendedMinimum: 64000',
      '```',
      '',
    ].join('\n'),
    'transcript.md',
    new Date('2026-01-01T00:00:00Z'),
  );
  assert.equal(r.verdict, 'inconclusive');
  assert.equal(r.suspects.length, 0);
});
