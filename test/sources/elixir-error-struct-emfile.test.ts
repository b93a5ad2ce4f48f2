// An Elixir HTTP client's error struct whose reason is the posix atom (src/sources/exhaustion-text.ts
// BEAM_ERRNO): HTTPotion's `%HTTPotion.HTTPError{message: "emfile"}` (evercam/evercam-server#81,
// test/accuracy/cases/gh-evercam-elixir-httpotion-emfile-ulimit-a-open-files-1000000), HTTPoison's
// and Mint's `reason: :emfile`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ranOutErrno } from '../../src/sources/exhaustion-text.js';
import { analyzeTranscript } from '../analyze-transcript.js';

test('an error struct with `message: "emfile"` or `reason: :emfile` says EMFILE, `enfile` ENFILE', () => {
  assert.equal(ranOutErrno('%HTTPotion.HTTPError{message: "emfile"}'), 'EMFILE');
  assert.equal(ranOutErrno('{:error, %HTTPoison.Error{id: nil, reason: :emfile}}'), 'EMFILE');
  assert.equal(ranOutErrno('%Mint.TransportError{reason: :enfile}'), 'ENFILE');
  assert.equal(ranOutErrno('%HTTPoison.Error{id: nil, reason: :econnrefused}'), null);
  assert.equal(ranOutErrno('%HTTPotion.HTTPError{message: "emfile.ex not found"}'), null);
  assert.equal(ranOutErrno('reason: :emfiles'), null);
});

test('evercam-server#81: the struct in a prose code span beside ulimit -a is read, nobody blamed', async () => {
  const text = [
    'The logs show a lot of `%HTTPotion.HTTPError{message: "emfile"}`, which occur when too many files',
    'are open. However `ulimit -a` on the server returns',
    '',
    '`open files                      (-n) 1000000`',
    '',
  ].join('\n');
  const result = await analyzeTranscript(text, 'transcript.md', new Date('2026-01-01T00:00:00Z'));
  assert.equal(result.verdict, 'inconclusive');
  assert.equal(result.suspects.length, 0);
  assert.match(result.unownedRanOut?.message ?? '', /message: "emfile"/);
});
