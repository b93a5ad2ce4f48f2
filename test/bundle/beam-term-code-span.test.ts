// An Erlang program's error quoted in a sentence's code span, the errno's atom in a BEAM term:
// emqx/emqtt-bench#46. Real line: test/accuracy/cases/gh-emqtt-bench-client-exit-shutdown-emfile-ulimit-1024.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { quotedErrors } from '../../src/bundle/code-spans.js';

const SENTENCE = 'i am getting `client 98959 EXIT: {shutdown,emfile}` exception but as per configuration it has to';

test("a code span quoting a BEAM exit on `{shutdown,emfile}` is a line of the program's output", () => {
  assert.deepEqual(quotedErrors(SENTENCE), ['client 98959 EXIT: {shutdown,emfile}']);
  assert.deepEqual(quotedErrors('the task crashed with `** (MatchError) no match of right hand side value: {:error, :emfile}`'), [
    '** (MatchError) no match of right hand side value: {:error, :emfile}',
  ]);
});

test('the bare term, or the atom alone, names the error: no line of output', () => {
  assert.deepEqual(quotedErrors('it returns `{error,emfile}` here'), []);
  assert.deepEqual(quotedErrors('see `emfile` in `src/emfile.erl`'), []);
  assert.deepEqual(quotedErrors('`{error,closed}` then `EXIT: {shutdown,normal}`'), []);
});
