// An assistant-written report's results as comments under their commands (accuracy round 207),
// openclaw/openclaw#3708's real lines: `lsof … | wc -l`, then `# → 11,084` on the line below; a
// type tally's rows as `# → 11,055 REG (regular files)`; comment lines that are captions or notes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { splitTranscript } from '../../src/bundle/transcript.js';

const EVIDENCE = [
  '## Evidence',
  '',
  '```bash',
  '# Immediately after fresh gateway start — already leaked:',
  'lsof -p $(pgrep -f moltbot-gateway) | wc -l',
  '# → 11,084',
  '',
  '# 99.7% from .venv:',
  "lsof -p $(pgrep -f moltbot-gateway) | grep '\\.venv' | wc -l",
  '# → 11,024',
  '',
  '# FD type breakdown:',
  "lsof -p $(pgrep -f moltbot-gateway) | awk '{print $5}' | sort | uniq -c | sort -rn | head -5",
  '# → 11,055 REG (regular files)',
  '# →    10 PIPE',
  '# →     7 IPv4',
  '',
  '# Top directories scanned:',
  '# pygments/lexers (259), matplotlib (141), jedi/typeshed (133), PIL (114), pandas/tests (80)',
  '```',
];

test('`# → 11,084` under a command is its output, the count without its separators', () => {
  const items = splitTranscript(EVIDENCE).filter((it) => it.command !== null);
  assert.deepEqual(
    items.map((it) => [it.command, it.output.map((o) => [o.text, o.line])]),
    [
      ['lsof -p $(pgrep -f moltbot-gateway) | wc -l', [['11084', 6]]],
      ["lsof -p $(pgrep -f moltbot-gateway) | grep '\\.venv' | wc -l", [['11024', 10]]],
      [
        "lsof -p $(pgrep -f moltbot-gateway) | awk '{print $5}' | sort | uniq -c | sort -rn | head -5",
        // The caption and the note under the tally's rows are no rows of it.
        [
          ['11055 REG (regular files)', 14],
          ['   10 PIPE', 15],
          ['    7 IPv4', 16],
        ],
      ],
    ],
  );
});

test('a comment that is no result keeps the output as pasted', () => {
  const block = ['```', 'ls /proc/4242/fd | wc -l', '1017', '# a note', '```'];
  const items = splitTranscript(block).filter((it) => it.command !== null);
  assert.deepEqual(
    items.map((it) => it.output.map((o) => o.text)),
    [['1017']],
  );
});
