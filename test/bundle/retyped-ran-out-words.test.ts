// strerror's words as people retype them: the last letter dropped, the words swapped after the call
// that failed. Real lines: d12frosted/homebrew-emacs-plus#443, homebridge-config-ui-x#321, and a
// Go proxy's blog post (wangyongblog.tech, too-many-files-open).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RAN_OUT } from '../../src/bundle/bare-traces.js';
import { quotedErrors } from '../../src/bundle/code-spans.js';
import { EXHAUSTION, ranOutErrno } from '../../src/sources/exhaustion-text.js';
import { analyzeTranscript } from '../analyze-transcript.js';

const EMACS = 'When I use lsp in Emacs, I frequently get ` Creating pipe: Too many open file`';
const SWAPPED = ['Failed to get journal fd: Too many files open', 'cannot accept new connection : Too Many Files Open'];

test('retyped words say a process ran out (EMFILE)', () => {
  for (const l of ['Creating pipe: Too many open file', ...SWAPPED]) {
    assert.ok(RAN_OUT.test(l), l);
    assert.ok(EXHAUSTION.test(l), l);
    assert.equal(ranOutErrno(l), 'EMFILE', l);
  }
});

test('swapped words in prose, after no colon, say nothing', () => {
  for (const l of ['there are too many files open in that folder', 'I have too many files open in my editor']) {
    assert.equal(RAN_OUT.test(l), false, l);
    assert.equal(EXHAUSTION.test(l), false, l);
  }
});

test("emacs-plus#443: the sentence's code span is the error, quoted as where fds ran out", async () => {
  assert.deepEqual(quotedErrors(EMACS), ['Creating pipe: Too many open file']);
  const r = await analyzeTranscript(['I noticed Emacs does not pick the max files limit of macOS', '', EMACS, ''], 'transcript.md');
  const ran = r.suspects[0]?.ranOut ?? r.unownedRanOut;
  assert.match(ran?.message ?? '', /Creating pipe: Too many open file/);
});
