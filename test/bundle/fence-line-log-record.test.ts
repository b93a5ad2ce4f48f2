// A log record typed on a code fence's own line, no line break after the backticks (Markdown hides
// it as the block's language). Real lines: gh-yugabyte-macos-tserver-consensus-meta-emfile-launchctl-maxfiles-256
// (yugabyte/yugabyte-db#2932, the tserver's glog E-line on the fence line, its I-line under it).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { splitTranscript } from '../../src/bundle/transcript.js';
import { CASES_DIR } from '../accuracy/score.js';

const YUGABYTE = readFileSync(
  join(CASES_DIR, 'gh-yugabyte-macos-tserver-consensus-meta-emfile-launchctl-maxfiles-256', 'transcript.md'),
  'utf8',
);

test("a log record typed on the opening fence line is the block's first line", () => {
  const items = splitTranscript(YUGABYTE.split('\n'));
  const texts = items.flatMap((i) => i.output.map((o) => o.text));
  const record = texts.find((t) => t.startsWith('E1113 13:57:33.678032 141832192 ts_tablet_manager.cc:1137]'));
  assert.ok(record?.includes('**Too many open files** (system error 24)'));
  assert.ok(texts.some((t) => t.startsWith('I1113 13:57:33.701413 141832192 tablet_peer.cc:1032]')));
});

test('a record whose time comes first or after a date is one too; a language tag is not', () => {
  const items = splitTranscript([
    '```16:55:00.757 ERROR [sync-handle-block] Open Database failed',
    'org.rocksdb.RocksDBException: While opendir: x: Too many open files',
    '```',
    '',
    '```2018-07-12 16:54:29,880 INFO: Server tserver-1 is not running',
    '```',
    '',
    '```text',
    'x',
    '```',
  ]);
  const texts = items.flatMap((i) => i.output.map((o) => o.text));
  assert.ok(texts.includes('16:55:00.757 ERROR [sync-handle-block] Open Database failed'));
  assert.ok(texts.includes('2018-07-12 16:54:29,880 INFO: Server tserver-1 is not running'));
  assert.ok(!texts.includes('text'));
});
