// The accuracy corpus, scored: a case field that was right in baseline.json and is wrong now fails
// the suite. `UPDATE_ACCURACY=1 npm test` records the current score (review the diff: a field may
// only go from wrong to right).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ROOT } from '../helpers.js';
import { FIELDS, scoreAll, table, totals, type CaseScore } from './score.js';

const BASELINE = resolve(ROOT, 'test', 'accuracy', 'baseline.json');

type Baseline = Record<string, Record<string, boolean>>;

function rightFields(scores: readonly CaseScore[]): Baseline {
  const out: Baseline = {};
  for (const s of scores) {
    out[s.id] = {};
    for (const f of FIELDS) if (s.fields[f]) out[s.id][f] = s.fields[f]!.right && !s.error;
  }
  return out;
}

test('accuracy corpus: no case gets worse than baseline.json', async () => {
  const scores = await scoreAll();
  const now = rightFields(scores);
  if (process.env.UPDATE_ACCURACY === '1' || !existsSync(BASELINE)) {
    writeFileSync(BASELINE, JSON.stringify(now, null, 2) + '\n');
    return;
  }
  const before = JSON.parse(readFileSync(BASELINE, 'utf8')) as Baseline;
  const worse: string[] = [];
  for (const [id, fields] of Object.entries(before)) {
    for (const [f, right] of Object.entries(fields)) {
      if (right && now[id]?.[f] !== true) worse.push(`${id}.${f}`);
    }
  }
  const t = totals(scores);
  assert.deepEqual(worse, [], `worse than baseline.json:\n${table(scores)}`);
  assert.ok(t.cases >= Object.keys(before).length, 'a case of the baseline is missing from the corpus');
});

test('accuracy corpus: no case is an input error or a crash', async () => {
  const scores = await scoreAll();
  assert.deepEqual(
    scores.filter((s) => s.error).map((s) => `${s.id}: ${s.error}`),
    [],
  );
});
