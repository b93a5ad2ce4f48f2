// winston's exception handler prints its `uncaughtException: …` record, then a util.inspect dump of
// the process whose `pid` is the record's writer (record-pids.ts, read by app-log.ts). Real lines:
// webgme/webgme#1234 (test/accuracy/cases/gh-webgme-deepforge-winston-uncaught-emfile-pid-16787).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { winstonDumpReader } from '../../src/sources/record-pids.js';
import { analyzeTranscript } from '../analyze-transcript.js';

const DUMP = [
  "2016-11-10T12:16:16.134Z - error: uncaughtException: EMFILE: too many open files, open '/home/<user>/.deepforge/blob/wg-metadata/fe/f95e8f07a51895096d3072e7d80f3be9e409e6'",
  "{ date: 'Thu Nov 10 2016 12:16:16 GMT+0000 (UTC)',",
  '  process:',
  '   { pid: 16787,',
  '     uid: 1002,',
  '     gid: 1002,',
  "     cwd: '/home/<user>/deepforge',",
  "     execPath: '/usr/bin/nodejs',",
  "     version: 'v4.6.0',",
  "     argv: [ '/usr/bin/nodejs', '/home/<user>/deepforge/app.js' ],",
  '     memoryUsage: { rss: 187740160, heapTotal: 132419424, heapUsed: 109339272 } },',
  '  os:',
  '   { loadavg: [ 0.5517578125, 1.47900390625, 2.3740234375 ],',
  '     uptime: 1824359 },',
  '  stack:',
  "   [ 'Error: EMFILE: too many open files, open \\'/home/<user>/.deepforge/blob/wg-metadata/fe/f95e8f07a51895096d3072e7d80f3be9e409e6\\'',",
  "     '    at Error (native)' ] }",
];

test("the dump's pid names the uncaughtException record above it, newer Node's inspect too", () => {
  const read = winstonDumpReader();
  const seen = DUMP.map((l, i) => read(l, i + 1)).filter((x) => x !== undefined);
  assert.deepEqual(seen, [{ line: 1, pid: 16787 }]);
  const newer = winstonDumpReader();
  const lines = ["error: uncaughtException: EMFILE: too many open files, open 'x'", '{', "  date: 'x',", '  process: {', '    pid: 42,'];
  assert.deepEqual(
    lines.map((l, i) => newer(l, i + 1)).filter((x) => x !== undefined),
    [{ line: 1, pid: 42 }],
  );
});

test('a pid field with no uncaughtException record above, or too far below it, names nothing', () => {
  const read = winstonDumpReader();
  assert.equal(read('  process:', 1), undefined);
  assert.equal(read('   { pid: 16787,', 2), undefined);
  const far = winstonDumpReader();
  const lines = ['error: uncaughtException: EMFILE', 'a', 'b', 'c', 'd', '  process:', '   { pid: 7,'];
  assert.deepEqual(
    lines.map((l, i) => far(l, i + 1)).filter((x) => x !== undefined),
    [],
  );
});

test('webgme#1234: the DeepForge server 16787 ran out; inconclusive, 16787 first', async () => {
  const result = await analyzeTranscript(`\`\`\`\n${DUMP.join('\n')}\n\`\`\`\n`, 'transcript.md', new Date('2026-01-01T00:00:00Z'));
  assert.equal(result.verdict, 'inconclusive');
  assert.equal(result.suspects[0]?.pid, 16787);
  assert.match(result.suspects[0]?.ranOut?.message ?? '', /uncaughtException: EMFILE/);
});
