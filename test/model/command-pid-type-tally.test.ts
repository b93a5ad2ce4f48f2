// A host-wide tally of rows by `command pid TYPE` is each process's make-up by kind. Real lines:
// the captured c-unconnected case (`lsfd -o COMMAND,PID,TYPE | sort | uniq -c | sort -rn | head -15`,
// lsfd 2.38 printing every socket as SOCK) and this machine's `lsof -n | awk '{print $1,$2,$5}' |
// sort | uniq -c | sort -rn | head -12`, whose thread rows carry lsof's USER at `$5`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { commandPidTypeHolders } from '../../src/model/type-counts.js';
import { interpretCount } from '../../src/model/pipeline.js';
import { CASES_DIR } from '../accuracy/score.js';
import { analyzeTranscript } from '../analyze-transcript.js';

const rowsOf = (text: string) =>
  text
    .trim()
    .split('\n')
    .map((l, i) => {
      const m = /^\s*(\d+) (.*)$/.exec(l)!;
      return { count: Number(m[1]), key: m[2], ev: { file: 't.txt', line: i + 1 } };
    });

test('lsfd -o COMMAND,PID,TYPE | uniq -c is keyed by command, pid and type', () => {
  assert.equal(interpretCount('lsfd -o COMMAND,PID,TYPE | sort | uniq -c | sort -rn | head -15')?.key, 'command pid type');
  assert.equal(interpretCount("lsof -n | awk '{print $1,$2,$5}' | sort | uniq -c | sort -rn | head")?.key, 'command pid type');
});

test("lsfd's tally: each pid's rows by TYPE, SOCK as sockets of a type it does not show", () => {
  const rows = rowsOf(`
    834 l_unconn   106 SOCK
    125 python3     98  REG
    102 java       105  REG`);
  const holders = commandPidTypeHolders('t.txt', rows, 'lsfd');
  assert.deepEqual([...holders.keys()], [106, 98, 105]);
  assert.equal(holders.get(106)?.name, 'l_unconn');
  assert.deepEqual(holders.get(106)?.holder.byKind, { 'socket-other': 834 });
  assert.equal(holders.get(106)?.holder.fds, 834);
  assert.deepEqual(holders.get(98)?.holder.byKind, { file: 125 });
});

test("lsof's awk tally: thread rows (USER at $5) count nothing, TYPE rows count their kind", () => {
  const rows = rowsOf(`
   7749 process_a 1 root
    331 process_a 1 unknown
     21 ruby 29757 IPv4
     20 capture.s 29751 REG
     19 grep 7348 REG`);
  const holders = commandPidTypeHolders('t.txt', rows, 'lsof');
  assert.deepEqual([...holders.keys()], [29757, 29751, 7348]);
  assert.equal(holders.get(29757)?.holder.fds, 21);
});

test('the captured job runner: its 834 SOCK rows beside ss -s closed 835 make a leak of unconnected sockets', async () => {
  const text = readFileSync(join(CASES_DIR, 'c-unconnected-host-counts-ss-s-lsfd-type-tally', 'transcript.md'), 'utf8');
  const result = await analyzeTranscript(text, 'transcript.md', new Date('2026-01-01T00:00:00Z'));
  assert.equal(result.verdict, 'leak');
  assert.equal(result.suspects[0]?.pid, 106);
  assert.equal(result.suspects[0]?.leak.kind, 'socket-unconnected');
  assert.ok(result.suspects[0]?.reasons.some((r) => r.signal === 'socket-pile' && /834 of its 837 fds/.test(r.statement)));
});
