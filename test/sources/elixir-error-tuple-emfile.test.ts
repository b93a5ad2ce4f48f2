// Elixir's inspect of the BEAM error tuple, `{:error, :emfile}`, in a Logger crash report of a Task
// (adamkittelson/dogstatsd-elixir#6). Real lines:
// test/accuracy/cases/gh-dogstatsd-elixir-task-matcherror-emfile.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ranOutErrno } from '../../src/sources/exhaustion-text.js';

const MATCH_ERROR = '** (MatchError) no match of right hand side value: {:error, :emfile}';

test("Elixir's `{:error, :emfile}` says the process ran out; `{:error, :enfile}` the host", () => {
  assert.equal(ranOutErrno(MATCH_ERROR), 'EMFILE');
  assert.equal(ranOutErrno(MATCH_ERROR.replace(':emfile', ':enfile')), 'ENFILE');
  assert.equal(ranOutErrno('{:error, :enoent}'), null);
  assert.equal(ranOutErrno('see lib/emfile.ex and {:ok, :emfiles}'), null);
});
