// A terminal paste left outside the fences behind a prompt of another shape (accuracy round 110,
// fvbock/endless#34: macOS bash's `localhost:~ $ lsof | grep gin.log` under the fenced Go program,
// its rows unfenced). Real lines.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { splitTranscript } from '../../src/bundle/transcript.js';

const PASTE = [
  '```go',
  'func main() {',
  '	endless.ListenAndServe(":8080", router)',
  '}',
  '```',
  'Before kill -SIGHUP 886:',
  'localhost:~ $ lsof | grep gin.log',
  'demo      886 geekfghuang    3u      REG                1,2       172 1867443 gin.log',
  'tail      896 geekfghuang    3r      REG                1,2       172 1867443 gin.log',
  '',
  'So, everything is ok!',
];

test("a known command behind another prompt's sign, outside the fences, heads the rows under it", () => {
  const item = splitTranscript(PASTE).find((i) => i.command === 'lsof | grep gin.log');
  assert.ok(item);
  assert.equal(item.commandLine, 7);
  assert.deepEqual(
    item.output.map((o) => o.line),
    [8, 9],
  );
});

test('a sentence that starts with a word before a known command is no prompt', () => {
  const lines = ['```', 'x', '```', 'Run lsof -p 886 | wc -l', 'then count again', ''];
  assert.ok(!splitTranscript(lines).some((i) => i.command?.startsWith('lsof')));
});
