// A pipeline that feeds a loop typed over several lines — `… | uniq -c | sort -rn | head -20 | while
// read count pid; do`, its body, `done` — is one command, whose output is what follows `done`
// (src/bundle/terminal-session.ts). Real block: docker/desktop-feedback#218
// (test/accuracy/cases/gh-docker-desktop-218-virtualization-vm-pid-tally-232419).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { splitTranscript } from '../../src/bundle/transcript.js';

const ROW =
  '232419    4989  /System/Library/Frameworks/Virtualization.framework/Versions/A/XPCServices/com.apple.Virtualization.VirtualMachine.xpc/Contents/MacOS/com.apple.Virtualization.VirtualMachine';
const BLOCK = [
  '```',
  `sudo lsof -n 2>/dev/null | awk '{print $2}' | sort | uniq -c | sort -rn | head -20 | while read count pid; do`,
  '  name=$(ps -p "$pid" -o comm= 2>/dev/null || echo "dead")',
  '  printf "%6d  %6d  %s\\n" "$count" "$pid" "$name"',
  'done',
  ROW,
  '```',
];

test('a pipeline into a multi-line loop is one command; its output follows done', () => {
  const items = splitTranscript(BLOCK);
  assert.equal(items.length, 1);
  assert.equal(
    items[0].command,
    `sudo lsof -n 2>/dev/null | awk '{print $2}' | sort | uniq -c | sort -rn | head -20 | while read count pid; do name=$(ps -p "$pid" -o comm= 2>/dev/null || echo "dead"); printf "%6d  %6d  %s\\n" "$count" "$pid" "$name"; done`,
  );
  assert.deepEqual(
    items[0].output.map((o) => o.text),
    [ROW],
  );
});

test('a pipeline that only mentions a loop word in an argument stays one line', () => {
  const items = splitTranscript(['```', "lsof -n | grep 'for x'", 'x 1 y', '```']);
  assert.equal(items[0].command, "lsof -n | grep 'for x'");
  assert.deepEqual(
    items[0].output.map((o) => o.text),
    ['x 1 y'],
  );
});
