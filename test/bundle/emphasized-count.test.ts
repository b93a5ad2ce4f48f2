// A count its writer set in bold under its command (`**406**`: Markdown hides the delimiters) is
// the count. Real lines: test/accuracy/cases/gh-moby-22117-lsof-grep-count-host-vs-container
// (moby/moby#22117).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { withEmphasizedCounts } from '../../src/bundle/code-spans.js';
import { splitTranscript } from '../../src/bundle/transcript.js';
import { CASES_DIR } from '../accuracy/score.js';

const COMMAND = 'lsof | grep java | grep typesafe.akka.akka-http-core | wc -l';
const same = (l: string) => l;

test("the thread's bold counts under their lsof | wc -l read as the counts", () => {
  const text = readFileSync(join(CASES_DIR, 'gh-moby-22117-lsof-grep-count-host-vs-container', 'transcript.md'), 'utf8');
  const lines = text.split('\n');
  assert.equal(lines[8], COMMAND);
  assert.equal(lines[9], '**2**');
  assert.equal(lines[14], '**406**');
  const read = withEmphasizedCounts(lines, same);
  assert.equal(read[9], '2');
  assert.equal(read[14], '406');
  const counts = splitTranscript(lines).filter((it) => it.command === COMMAND);
  assert.deepEqual(
    counts.map((it) => it.output.map((o) => o.text)),
    [['2'], ['406']],
  );
});

test('a bold number not under a counting command, or bold words, stay as they are', () => {
  assert.deepEqual(withEmphasizedCounts(['ls -l /proc/42/fd', '**406**'], same), ['ls -l /proc/42/fd', '**406**']);
  assert.deepEqual(withEmphasizedCounts(['Result:', '**406**'], same), ['Result:', '**406**']);
  assert.deepEqual(withEmphasizedCounts([COMMAND, '**406 fds**'], same), [COMMAND, '**406 fds**']);
  assert.deepEqual(withEmphasizedCounts([COMMAND, '**406*'], same), [COMMAND, '**406*']);
  assert.deepEqual(withEmphasizedCounts(['**406**'], same), ['**406**']);
});

test('at a prompt, the command is read without it', () => {
  const prompt = (l: string) => l.replace(/^\$ /, '');
  assert.deepEqual(withEmphasizedCounts([`$ ${COMMAND}`, '__17__'], prompt), [`$ ${COMMAND}`, '17']);
});
