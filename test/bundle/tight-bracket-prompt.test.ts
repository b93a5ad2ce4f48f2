// A bracketed prompt with no space after its sign, `[root@stateful008:~]#lsof -p 1948 | …`
// (src/bundle/prompts.ts, TIGHT_PROMPT), as a prompt before a known command only. Real lines:
// ClickHouse/ClickHouse#80249 (test/accuracy/cases/gh-clickhouse-keeper-lsof-name-tally-negative).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { promptCommand } from '../../src/bundle/prompts.js';
import { analyzeTranscript } from '../analyze-transcript.js';

const TALLY = [
  '```',
  'lsof -p 1948 | wc -l',
  '115',
  '```',
  '',
  'Then I grouped and sorted the open files, and the results are as follows:',
  '```',
  "[root@stateful008:~]#lsof -p 1948 | awk '{print $9}' | sort | uniq -c | sort -nr",
  '     34 pipe',
  '     21 protocol:',
  '     16 [eventpoll]',
  '     10 (stat:',
  '      2 /data/clickhouse_server/clickhouse',
  '      1 [timerfd]',
  '      1 /sys/fs/cgroup/memory/memory.usage_in_bytes',
  '```',
];

test('a bracketed prompt glued to a known command is a prompt; glued to anything else it is not', () => {
  assert.equal(promptCommand(TALLY[7]), "lsof -p 1948 | awk '{print $9}' | sort | uniq -c | sort -nr");
  assert.equal(promptCommand('[root@stateful008:~]#ls -l /proc/1948/fd'), 'ls -l /proc/1948/fd');
  // Output that opens with a bracketed tag glued to a word (`[INFO]#warning`) is no prompt.
  assert.equal(promptCommand('[INFO]#warning: disk almost full'), null);
  assert.equal(promptCommand('[1]#12 done'), null);
});

test("ClickHouse#80249: keeper's lsof count and its NAME tally under a glued prompt show a healthy table", async () => {
  const result = await analyzeTranscript(`${TALLY.join('\n')}\n`, 'transcript.md', new Date('2026-01-01T00:00:00Z'));
  assert.ok(result.sources.some((s) => s.kind === 'count-table'));
  assert.equal(result.verdict, 'no-leak');
});
