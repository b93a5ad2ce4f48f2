// One process's TCP sockets tallied by state from its lsof rows. Real lines:
// gh-synapse-media-worker-lsof-state-tally-quoted (matrix-org/synapse#9488, quoting #8653:
// `lsof -n -p 54367 | grep -Eo "\(.*\)$" | sort | uniq -c` → 1229 (CLOSE_WAIT), 190 (ESTABLISHED), 3 (LISTEN)).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyzeBundle } from '../../src/analysis.js';
import { interpretCount } from '../../src/model/pipeline.js';
import { grepState, stateOfKey, stateTallyOf } from '../../src/model/tcp-state-tallies.js';
import { ref } from '../../src/types.js';
import { CASES_DIR } from '../accuracy/score.js';

const row = (count: number, key: string) => ({ count, key, ev: ref('t.md', 1) });
const SYNAPSE = 'lsof -n -p 54367 | grep -Eo "\\(.*\\)$" | sort | uniq -c';
const ROWS = [row(1229, '(CLOSE_WAIT)'), row(190, '(ESTABLISHED)'), row(3, '(LISTEN)')];

test("lsof's parenthesised state is a state key; other keys are not", () => {
  assert.equal(stateOfKey('(CLOSE_WAIT)'), 'CLOSE_WAIT');
  assert.equal(stateOfKey('CLOSE-WAIT'), 'CLOSE_WAIT');
  assert.equal(stateOfKey('(deleted)'), undefined);
  assert.equal(stateOfKey('IPv4'), undefined);
});

test('a tally of `lsof -p PID` rows by their state is that process’s TCP sockets by state', () => {
  const t = stateTallyOf(interpretCount(SYNAPSE), ROWS);
  assert.deepEqual(
    { pid: t?.pid, rows: t?.rows, byState: t?.byState },
    { pid: 54367, rows: 1422, byState: { CLOSE_WAIT: 1229, ESTABLISHED: 190, LISTEN: 3 } },
  );
});

test('not of the host (no -p), not of rows a word picked, not when a key is no state', () => {
  assert.equal(stateTallyOf(interpretCount('lsof -n | grep -Eo "\\(.*\\)$" | sort | uniq -c'), ROWS), null);
  assert.equal(stateTallyOf(interpretCount('lsof -n -p 54367 | grep 443 | grep -Eo "\\(.*\\)$" | sort | uniq -c'), ROWS), null);
  assert.equal(stateTallyOf(interpretCount("netstat -an | awk '{print $6}' | sort | uniq -c"), ROWS), null);
  assert.equal(stateTallyOf(interpretCount(SYNAPSE), [...ROWS, row(2, '(deleted)')]), null);
});

test('the quoted Synapse tally: a CLOSE_WAIT leak of pid 54367', async () => {
  const { result } = await analyzeBundle(join(CASES_DIR, 'gh-synapse-media-worker-lsof-state-tally-quoted', 'transcript.md'), {
    now: new Date('2026-01-01T00:00:00Z'),
  });
  assert.equal(result.verdict, 'leak');
  assert.equal(result.suspects[0].pid, 54367);
  assert.equal(result.suspects[0].leak.kind, 'socket-close-wait');
});

// py-httpclient-close-wait-lsof-name-tally-emfile (captured, round 203): lsof's last column tallied
// over the whole listing — TCP rows give their state, the other rows their NAME.
const RATESYNC = "lsof -nP -p 5775 | awk '{print $NF}' | sort | uniq -c | sort -rn | head -5";
const RATESYNC_ROWS = [
  row(196, '(CLOSE_WAIT)'),
  row(3, '/dev/null'),
  row(1, 'NAME'),
  row(1, '/usr/lib/x86_64-linux-gnu/libz.so.1.2.13'),
  row(1, '/usr/lib/x86_64-linux-gnu/libssl.so.3'),
];

test("a tally of lsof's last column: its state keys are the TCP sockets, its other keys other rows' NAMEs", () => {
  const t = stateTallyOf(interpretCount(RATESYNC), RATESYNC_ROWS);
  assert.deepEqual({ pid: t?.pid, rows: t?.rows, byState: t?.byState }, { pid: 5775, rows: 196, byState: { CLOSE_WAIT: 196 } });
  // no state key at all: no TCP socket shown
  assert.equal(stateTallyOf(interpretCount(RATESYNC), RATESYNC_ROWS.slice(1)), null);
  // a key that is no state is still refused when the key column is a state's own form
  assert.equal(stateTallyOf(interpretCount(SYNAPSE), RATESYNC_ROWS), null);
});

test('the captured ratesync tally beside its EMFILE log: a CLOSE_WAIT leak of pid 5775', async () => {
  const { result } = await analyzeBundle(join(CASES_DIR, 'py-httpclient-close-wait-lsof-name-tally-emfile', 'transcript.md'), {
    now: new Date('2026-01-01T00:00:00Z'),
  });
  assert.equal(result.verdict, 'leak');
  assert.equal(result.suspects[0].pid, 5775);
  assert.equal(result.suspects[0].leak.kind, 'socket-close-wait');
});

test('the same tally of the last column, whole (no head): read as its rows by NAME and its TCP sockets by state', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'fdleak-nf-'));
  const lines = RATESYNC_ROWS.map((r) => `${String(r.count).padStart(7)} ${r.key}`);
  await writeFile(join(dir, 'transcript.md'), `\`\`\`\n$ ${RATESYNC.replace(' | head -5', '')}\n${lines.join('\n')}\n\`\`\`\n`);
  const { result } = await analyzeBundle(join(dir, 'transcript.md'), { now: new Date('2026-01-01T00:00:00Z') });
  assert.equal(result.suspects[0]?.pid, 5775);
  assert.equal(result.suspects[0]?.leak.kind, 'socket-close-wait');
});

test('a grep pattern picks a state by its name or by CLOSE_WAIT’s start; -i ignores case', () => {
  assert.equal(grepState('CLOSE_WAIT', false), 'CLOSE_WAIT');
  assert.equal(grepState('close', true), 'CLOSE_WAIT');
  assert.equal(grepState('CLOSE', false), 'CLOSE_WAIT');
  assert.equal(grepState('CLOSE-WA', false), 'CLOSE_WAIT');
  assert.equal(grepState('close', false), undefined);
  assert.equal(grepState('wait', true), undefined);
  assert.equal(grepState('TIME_WAIT', false), 'TIME_WAIT');
});
