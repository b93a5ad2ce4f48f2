// A listing whose rows an egrep (or fgrep) picked is part of the table, as a grep's is: `lsof -n -p
// 8401 | egrep -v '(DIR|REG)'` hides the files and folders. Real lines:
// gh-celery-stuck-worker-lsof-pipes-negative (celery/celery#2606, a stuck Celery worker).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CASES_DIR } from '../accuracy/score.js';
import { analyzeTranscript } from '../analyze-transcript.js';

const now = new Date('2026-01-01T00:00:00Z');
const CELERY = readFileSync(join(CASES_DIR, 'gh-celery-stuck-worker-lsof-pipes-negative', 'transcript.md'), 'utf8');

const analyzeText = (text: string) => analyzeTranscript(text, 'transcript.md', now);

test('an lsof listing an egrep -v cut (files and folders hidden) is no full listing: no healthy verdict from it', async () => {
  const result = await analyzeText(CELERY);
  assert.equal(result.verdict, 'inconclusive');
  assert.equal(result.suspects.length, 0);
});

test('the same rows under an fgrep are cut too; without any grep the listing is whole', async () => {
  const fgrep = await analyzeText(CELERY.replace("egrep -v '(DIR|REG)'", 'fgrep -v REG'));
  assert.equal(fgrep.verdict, 'inconclusive');
  const whole = await analyzeText(CELERY.replace(" |   egrep -v '(DIR|REG)'", ''));
  assert.equal(whole.verdict, 'no-leak');
});
