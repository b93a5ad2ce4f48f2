// A program's output pasted with the shell's prompt under its last line, nothing typed after it
// (src/sources/ran-out-shapes.ts lastOutputLine). Real lines: `hg pull` through the hg-git
// extension in zsh, schacon/hg-git#176
// (test/accuracy/cases/gh-hg-git-176-hg-pull-pack-abort-emfile-missing-close).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lastOutputLine } from '../../src/sources/ran-out-shapes.js';
import { analyzeTranscript } from '../analyze-transcript.js';

const ABORT =
  'abort: Too many open files: /export/gentoo/portage-hg/.hg/git/objects/pack/pack-9fb8d5a8932a495a2ed28ac993b4329a1ad3c680.pack';

test("the shell's bare prompt under a program's last line is not that line", () => {
  assert.equal(lastOutputLine([ABORT, '%']), ABORT);
  assert.equal(lastOutputLine([ABORT, '$ ']), ABORT);
  assert.equal(lastOutputLine([ABORT, 'web exited with code 1']), ABORT);
  // A prompt alone is no program's line; a sign with words after it is a line of its own.
  assert.equal(lastOutputLine(['%']), '%');
  assert.equal(lastOutputLine([ABORT, '% hg pull']), '% hg pull');
  assert.equal(lastOutputLine([ABORT, '100%']), '100%');
});

test("hg pull's abort under zsh's prompt, the prompt pasted again after it, is read as hg's output", async () => {
  const lines = [
    '% hg pull',
    'pulling from git+ssh://git@git.overlays.gentoo.org/proj/portage.git',
    'importing Hg objects into Git',
    `["git-upload-pack '/proj/portage.git'"]`,
    'Counting objects: 3664, done.',
    'Compressing objects: 100% (2573/2573), done.',
    'Total 3664 (delta 2289), reused 1743 (delta 1091)',
    'importing Git objects into Hg',
    ABORT,
    '%',
  ];
  const result = await analyzeTranscript(lines, 'transcript.md', new Date('2026-01-01T00:00:00Z'));
  assert.equal(result.verdict, 'inconclusive');
  const message = result.suspects[0]?.ranOut?.message ?? result.unownedRanOut?.message;
  assert.equal(message, ABORT);
});
