// A one-shot file command's own error line, `PROGRAM: message` (oss-tsukuba/gfarm#203, test/accuracy/
// cases/gh-gfarm-203-mv-ls-emfile-fuse-daemon-unseen): a fresh `mv` or `ls` that opened a file or two
// met a full table — one it inherited, or a FUSE server's EMFILE passed back through the mount — as
// the loader's `Error 24` line says. Not the holder: neither it nor the script that ran it is named.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { justStartedReporter } from '../../src/sources/exhaustion-text.js';
import { analyzeTranscript } from '../analyze-transcript.js';

const MV = "    mv: accessing `B': Too many open files";
const LS = '    ls: cannot open directory .: Too many open files';

test("justStartedReporter: the loader's line, a one-shot command's own line; nothing else", () => {
  assert.equal(justStartedReporter(MV), '`mv`, a one-shot command');
  assert.equal(justStartedReporter(LS.trim()), '`ls`, a one-shot command');
  assert.equal(
    justStartedReporter('id: error while loading shared libraries: libc.so.6: cannot open shared object file: Error 24'),
    'the dynamic loader',
  );
  assert.equal(justStartedReporter('nginx: [emerg] open() "/x" failed (24: Too many open files)'), null);
  assert.equal(justStartedReporter('    mv: count  512'.replace('mv', 'mvx')), null);
});

test('gfarm#203: `mv` and `ls` failing under a script on a FUSE mount blame neither them nor the script', async () => {
  const lines = [
    '    $ cd /.../mount_gfarm2fs/.../testdir/',
    '    $ /.../this_test_mv.sh',
    '      :',
    '    mv: count  511',
    '    mv: count  512',
    MV,
    '    ',
    '    $ ls',
    LS,
  ];
  const result = await analyzeTranscript(lines.join('\n'), 'transcript.md', new Date('2026-01-01T00:00:00Z'));
  assert.equal(result.verdict, 'inconclusive');
  assert.equal(result.suspects.length, 0);
  assert.match(result.unownedRanOut?.message ?? '', /Too many open files/);
});
