// lsof's stderr warnings pasted between its command and a tally of its rows are not rows
// (src/bundle/stderr-notices.ts). Real lines: qdrant/qdrant#2569
// (test/accuracy/cases/gh-qdrant-docker-lsof-command-pid-tally-actix-accept-emfile).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isStderrLine } from '../../src/bundle/stderr-notices.js';
import { analyzeTranscript } from '../analyze-transcript.js';

const COMMAND = `sudo lsof | awk '{ print $1 " " $2; }' | sort -rn | uniq -c | sort -rn | head -15`;
const TRANSCRIPT = [
  `(venv) gl@gl:~/huggingface$ ${COMMAND}`,
  '[sudo] password for gl: ',
  "lsof: WARNING: can't stat() fuse.portal file system /run/user/128/doc",
  '      Output information may be incomplete.',
  "lsof: WARNING: can't stat() fuse.gvfsd-fuse file system /run/user/1000/gvfs",
  '      Output information may be incomplete.',
  ' 197006 qdrant 46610',
  ' 194370 docker-pr 46513',
  '   6670 python 53925',
  '',
].join('\n');

test("lsof's warning and its second line are stderr, not rows", () => {
  assert.equal(isStderrLine("lsof: WARNING: can't stat() fuse.gvfsd-fuse file system /run/user/1000/gvfs", COMMAND), true);
  assert.equal(isStderrLine('      Output information may be incomplete.', COMMAND), true);
  assert.equal(isStderrLine(' 197006 qdrant 46610', COMMAND), false);
  // Under a command that runs no lsof, such a line is output.
  assert.equal(isStderrLine('      Output information may be incomplete.', 'ps aux'), false);
});

test('qdrant#2569: the COMMAND PID tally under lsof warnings is read; qdrant 46610 leads', async () => {
  const result = await analyzeTranscript(TRANSCRIPT, 'transcript.md', new Date('2026-01-01T00:00:00Z'));
  assert.equal(result.verdict, 'inconclusive');
  assert.equal(result.suspects[0]?.pid, 46610);
  assert.equal(result.suspects[1]?.pid, 46513);
});
