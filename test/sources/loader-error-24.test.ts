// glibc's dynamic loader, failing before strerror can be used, prints the errno's number:
// `… cannot open shared object file: Error 24` (EMFILE). Real lines: containers/podman#2053
// (test/accuracy/cases/gh-podman-rootless-id-error24-other-process-out) and libkrun#505
// (test/accuracy/cases/gh-libkrun-virtiofs-fdinfo-count-524282). The program that prints it had
// just started: it met a full table, it did not fill it, so it is not named as the holder.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ranOutErrno } from '../../src/sources/exhaustion-text.js';
import { analyzeTranscript } from '../analyze-transcript.js';

const ID = 'id: error while loading shared libraries: libc.so.6: cannot open shared object file: Error 24';
const CURL = '                        curl: error while loading shared libraries: libtasn1.so.6: cannot open shared object file: Error 24';
const HTOP = 'htop: error while loading shared libraries: libncursesw.so.6: cannot close file descriptor: Error 24';

test("the loader's `Error 24` says EMFILE, `Error 23` ENFILE; other errnos say nothing", () => {
  assert.equal(ranOutErrno(ID), 'EMFILE');
  assert.equal(ranOutErrno(CURL), 'EMFILE');
  assert.equal(ranOutErrno(HTOP), 'EMFILE');
  assert.equal(ranOutErrno(ID.replace('Error 24', 'Error 23')), 'ENFILE');
  assert.equal(ranOutErrno(ID.replace('Error 24', 'Error 2')), null);
  assert.equal(ranOutErrno(ID.replace('Error 24', 'Error 245')), null);
});

test('podman#2053: `id` printing the loader line is not the holder; the line is where fds ran out, unowned', async () => {
  const result = await analyzeTranscript(
    `opam@fa945c3503ef:~/opam-repository/esy$ id\n${ID}\n\n${CURL}\n`,
    'out.txt',
    new Date('2026-01-01T00:00:00Z'),
    { folder: true },
  );
  assert.equal(result.verdict, 'inconclusive');
  assert.equal(result.suspects.length, 0);
  assert.match(result.unownedRanOut?.message ?? '', /cannot open shared object file: Error 24/);
});
