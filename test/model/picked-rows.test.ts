// Rows of a process's fd folder a grep picked (`ls -l /proc/47561/fd | grep mesos-jenkins | wc`)
// are that many fds at least: a lower bound of its count. Real lines:
// gh-jenkins-mesos-agent-logs-grep-wc (Jenkins holding the logs of terminated Mesos agents).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyzeBundle } from '../../src/analysis.js';
import { CASES_DIR } from '../accuracy/score.js';

const now = new Date('2026-01-01T00:00:00Z');
const JENKINS = readFileSync(join(CASES_DIR, 'gh-jenkins-mesos-agent-logs-grep-wc', 'transcript.md'), 'utf8');

async function analyzeText(text: string) {
  const dir = mkdtempSync(join(tmpdir(), 'fdleak-picked-'));
  try {
    writeFileSync(join(dir, 'transcript.md'), text);
    return (await analyzeBundle(join(dir, 'transcript.md'), { now })).result;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('4,180 rows of the fd folder a grep picked: at least 4,180 fds, more than the highest fd the listing shows', async () => {
  const result = await analyzeText(JENKINS);
  const s = result.suspects[0];
  assert.equal(result.suspects[0]?.pid, 47561);
  assert.equal(s?.fdCount, 4180);
  assert.equal(s?.fdCountMeasure, 'at-least');
});

test('with ls -la, a grep that may pick the lines ls adds counts them out (`.` and `..` carry the owner; "total" has no hudson)', async () => {
  const result = await analyzeText(
    JENKINS.replace('ls -l /proc/47561/fd | grep mesos-jenkins | wc', 'ls -la /proc/47561/fd | grep hudson | wc'),
  );
  assert.equal(result.suspects[0]?.fdCount, 4178);
});
