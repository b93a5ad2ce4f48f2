// macOS's `launchctl limit maxfiles` (the limits launchd gives the processes it starts: every GUI
// app) is a command a paste is read for, so a fenced block of bare commands splits at it instead of
// reading its line and output as `ulimit -n`'s. Real block: Dimillian/CodexMonitor#583
// (test/accuracy/cases/gh-codexmonitor-macos-launchctl-256-fd-headroom).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isKnown } from '../../src/bundle/known-commands.js';
import { splitTranscript } from '../../src/bundle/transcript.js';
import { analyzeTranscript } from '../analyze-transcript.js';

const BLOCK = ['```sh', 'ulimit -n', '256', '', 'launchctl limit maxfiles', 'maxfiles    256 unlimited', '```'];

test('launchctl is a command a paste is read for', () => {
  assert.equal(isKnown('launchctl limit maxfiles'), true);
});

test('bare `ulimit -n` and `launchctl limit maxfiles` in one block are two commands', () => {
  const items = splitTranscript(BLOCK);
  assert.deepEqual(
    items.map((i) => i.command),
    ['ulimit -n', 'launchctl limit maxfiles'],
  );
  assert.deepEqual(
    items[0].output.map((o) => o.text).filter((t) => t !== ''),
    ['256'],
  );
});

test("the block is readable: ulimit's 256 is read, nobody is blamed", async () => {
  const r = await analyzeTranscript(
    `On my machine the soft limit is low:\n\n${BLOCK.join('\n')}\n`,
    'transcript.md',
    new Date('2026-01-01T00:00:00Z'),
  );
  assert.equal(r.verdict, 'inconclusive');
  assert.equal(r.suspects.length, 0);
});
