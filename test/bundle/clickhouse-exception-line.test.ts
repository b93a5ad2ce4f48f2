// ClickHouse's exception line (`Code: 76. DB::Exception: … errno: 24, strerror: Too many open files.`)
// left unfenced in an issue's text, among bare commands (`ulimit -n`, `65535`), is a line of output of
// its own (src/bundle/code-spans.ts). Real lines: ClickHouse/ClickHouse#14574
// (test/accuracy/cases/gh-clickhouse-optimize-errno-24-ulimit-65535).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bareLogRecord } from '../../src/bundle/code-spans.js';
import { splitTranscript } from '../../src/bundle/transcript.js';
import { analyzeTranscript } from '../analyze-transcript.js';

const ISSUE = [
  ' ClickHouse client version 18.14.8.',
  '  not have zookeeper.',
  '  not have partition by',
  ' ',
  '  I have a table, using the ReplacingMergeTree engine, with 112 columns, more than 2,000 files on disk(ls database/table_name/* |wc -l  ==> 2074), and insert data normally. When manually triggered "optimizing table table_name" , the table is wrong:  ',
  '  Code: 76. DB::Exception: Received from localhost:9000, 127.0.0.1. DB::Exception: Cannot open file /data/clickhouse/data/database/table_name/20200907_20200907_53_53_0/column.bin, errno: 24, strerror: Too many open files.',
  ' ',
  ' ulimit -n',
  ' 65535',
  ' ',
  ' clickhouse Open file by default (Max)',
];

test("ClickHouse's exception line that says it ran out is a bare log record; one that does not, or prose quoting it, is not", () => {
  assert.equal(bareLogRecord(ISSUE[5]), true);
  assert.equal(bareLogRecord('Code: 60. DB::Exception: Table default.x does not exist.'), false);
  assert.equal(bareLogRecord('The server said Code: 76. DB::Exception: … Too many open files.'), false);
});

// ClickHouse/ClickHouse#8121 (test/accuracy/cases/gh-clickhouse-8121-cannot-open-mrk-errno-24-insert):
// the message copied without its code, above a reply's quoted `> ulimit -a`; #8857's older server form.
const NO_CODE = [
  'Am getting the below error while loading data and only half of the data is being loaded into the table ',
  '',
  'DB::Exception: Cannot open file /t-3tb-data/clickhouse/data/database/table/tmp_insert_0c87b3bf0c31a7766299a14d202c8da9_648_648_0/TI_verification_status.mrk, errno: 24, strerror: Too many open files.',
  '',
  'You got too many files in OS.',
  'Method 1,increase open files limit',
  'check open files ',
  '> ulimit -a',
];

test("ClickHouse's exception line without its code, or with an older server's `Code: 76, e.displayText() = `, is a bare log record", async () => {
  assert.equal(bareLogRecord(NO_CODE[2]), true);
  assert.equal(
    bareLogRecord(
      'Code: 76, e.displayText() = DB::ErrnoException: Cannot open file /opt/milovidov/example_datasets/gharchive/2018-12-30-10.json.gz, errno: 24, strerror: Too many open files (version 20.2.1.1)',
    ),
    true,
  );
  assert.equal(bareLogRecord('DB::Exception: Table default.x does not exist.'), false);
  const result = await analyzeTranscript(`${NO_CODE.join('\n')}\n`, 'transcript.md', new Date('2026-01-01T00:00:00Z'));
  assert.equal(result.verdict, 'inconclusive');
  assert.match(result.unownedRanOut?.message ?? '', /Too many open files/);
});

test('ClickHouse#14574: the exception line is an output beside the ulimit -n it is pasted with', async () => {
  const items = splitTranscript(ISSUE);
  const line = items.find((it) => it.output.some((o) => o.text.includes('errno: 24')));
  assert.ok(line, 'the errno 24 line is an output');
  assert.equal(line.command, null);
  assert.ok(items.some((it) => it.command === 'ulimit -n'));
  const result = await analyzeTranscript(`${ISSUE.join('\n')}\n`, 'transcript.md', new Date('2026-01-01T00:00:00Z'));
  assert.equal(result.verdict, 'inconclusive');
  assert.equal(result.suspects.length, 0);
  assert.match(result.unownedRanOut?.message ?? '', /Too many open files/);
});
