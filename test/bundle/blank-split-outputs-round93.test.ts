// Round 93: a block of outputs pasted without their commands, a blank line between (redis#8383:
// three `ls -l` link rows, then lsof's rows of the same fds without its header): read part by part.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ingest } from '../../src/sources/parse.js';

function transcript(text: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'fdleak-r93-'));
  const file = join(dir, 'transcript.md');
  writeFileSync(file, text);
  return file;
}

const REDIS_8383 = [
  '```shell',
  'lrwx------ 1 runner docker 64 Jan 23 01:53 10 -> socket:[23338]',
  'lrwx------ 1 runner docker 64 Jan 23 01:53 11 -> socket:[30759]',
  'lrwx------ 1 runner docker 64 Jan 23 01:53 14 -> socket:[30379]',
  '',
  'bash    7269 runner   10u  unix 0x0000000000000000      0t0  23338 /tmp/dotnet-diagnostic-1195-1499-socket type=STREAM',
  'bash    7269 runner   11u  unix 0x0000000000000000      0t0  30759 /tmp/dotnet-diagnostic-2425-4945-socket type=STREAM',
  'bash    7269 runner   14u  unix 0x0000000000000000      0t0  30379 /tmp/dotnet-diagnostic-2444-5270-socket type=STREAM',
  '```',
  '',
].join('\n');

test('a block of ls link rows, a blank, then headerless lsof rows: each part read by its own parser', async () => {
  const got = await ingest(transcript(REDIS_8383));
  try {
    const read = got.entries.filter((e) => e.source !== null);
    assert.deepEqual(
      read.map((e) => [e.source, e.firstLine, e.lastLine]),
      [
        ['proc-fd', 2, 4],
        ['lsof', 6, 8],
      ],
    );
  } finally {
    await got.cleanup();
  }
});

test('one output whose parts one parser reads stays one block', async () => {
  // Two stretches of one lsof listing pasted apart are one listing, joined as before.
  const got = await ingest(
    transcript(
      [
        '```',
        'bash    7269 runner   10u  unix 0x0000000000000000      0t0  23338 /tmp/dotnet-diagnostic-1195-1499-socket type=STREAM',
        '',
        'bash    7269 runner   11u  unix 0x0000000000000000      0t0  30759 /tmp/dotnet-diagnostic-2425-4945-socket type=STREAM',
        '```',
        '',
      ].join('\n'),
    ),
  );
  try {
    assert.deepEqual(
      got.entries.filter((e) => e.source !== null).map((e) => [e.source, e.firstLine, e.lastLine]),
      [['lsof', 2, 4]],
    );
  } finally {
    await got.cleanup();
  }
});
