// ImageMagick's exception report names where MagickCore threw it (`@ error/cache.c/Func/123`); such
// a line that says it ran out is ImageMagick's word that the process running it did
// (src/sources/ran-out-shapes.ts magickExceptionRanOut). Real lines: ImageMagick/ImageMagick#1699's
// validate log (test/accuracy/cases/gh-imagemagick-1699-validate-ghostscript-pixelcache-emfile).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { magickExceptionRanOut } from '../../src/sources/ran-out-shapes.js';
import { analyzeTranscript } from '../analyze-transcript.js';

const VALIDATE = [
  ' test 1114: PDF/Fax/ColorSeparationAlpha/8-bits... fail @ tests/validate.c/ValidateImageFormatsInMemory/1547.',
  "    reason:UnableToOpenFile `/tmp/magick-18237N_F23GDWFqNB': Too many open files @ error/cache.c/ReadPixelCachePixels/4830",
  '  test 1115: PDF/Fax/TrueColor/10-bits... fail @ tests/validate.c/ValidateImageFormatsInMemory/1466.',
  "lt-validate: PostscriptDelegateFailed `[ghostscript library 9.25] -sstdout=%stderr -dQUIET -dSAFER -dBATCH -dNOPAUSE -dNOPROMPT -dMaxBitmap=500000000 -dAlignToPixels=0 -dGridFitTT=2 '-sDEVICE=pngalpha' -dTextAlphaBits=4 -dGraphicsAlphaBits=4 '-r72x72'  '-sOutputFile=/tmp/magick-18237midbrVQ4lvuX%d' '-f/tmp/magick-18237YBKrL1lJj980' '-f/tmp/magick-18237Eyqv9tSmGNN4'': Can't find (or open) initialization file (gs_resmp.ps)",
  ' @ error/ghostscript-private.h/InvokeGhostscriptDelegate/171.',
];

test("ImageMagick's exception line that says it ran out, whatever wraps it", () => {
  assert.equal(magickExceptionRanOut(VALIDATE[1]), true);
  assert.equal(
    magickExceptionRanOut(
      "convert: UnableToOpenFile '/var/folders/dn/czks72854yvb6b1lq46gxqqc0000gn/T/magick-27445gUp4oJwVm4dG': Too many open files @ error/cache.c/ReadPixelCachePixels/4436.",
    ),
    true,
  );
  // Its other exceptions, a test's own location (validate.c's `fail @ tests/…`), prose: no.
  assert.equal(magickExceptionRanOut(VALIDATE[0]), false);
  assert.equal(magickExceptionRanOut(VALIDATE[4]), false);
  assert.equal(magickExceptionRanOut('convert shows Too many open files at error/cache.c sometimes'), false);
});

test('ImageMagick#1699: the validate log is read, its ran-out line tied to no process', async () => {
  const text = ['With log of "Too many open files"', '', '```', ...VALIDATE, '```', ''].join('\n');
  const result = await analyzeTranscript(text, 'transcript.md', new Date('2026-01-01T00:00:00Z'));
  assert.equal(result.verdict, 'inconclusive');
  assert.equal(result.suspects.length, 0);
  assert.match(result.unownedRanOut?.message ?? '', /Too many open files @ error\/cache\.c\/ReadPixelCachePixels\/4830/);
});
