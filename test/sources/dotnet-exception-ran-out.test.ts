// .NET's exception head (namespaces that start with a capital) whose message says it ran out is a
// program's report of it (src/sources/ran-out-shapes.ts exceptionRanOut), also when Mono frames
// follow it. Real lines: Emby Server's error report as a FreeNAS plugin, MediaBrowser/Emby#3204
// (test/accuracy/cases/gh-emby-3204-freenas-plugin-imagemagick-openblob-emfile).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { exceptionRanOut } from '../../src/sources/ran-out-shapes.js';
import { analyzeTranscript } from '../analyze-transcript.js';

const REPORT = [
  '```',
  'Error ImageProcessor: Error encoding image',
  '\t*** Error Report ***',
  '\tVersion: 3.3.1.0',
  '\tCommand line: /usr/pbi/emby-amd64/lib/emby-server/MediaBrowser.Server.Mono.exe -os freebsd -ffmpeg /usr/pbi/emby-amd64/bin/ffmpeg -ffprobe /usr/pbi/emby-amd64/bin/ffprobe -programdata /var/db/emby-server',
  '\tOperating system: Unix 11.0.0.0',
  "\tImageMagickSharp.WandException: unable to open image `/var/db/emby-server/metadata/library/9a/9ae33b59c75632f2011769578df222be/landscape.jpg': Too many open files @ error/blob.c/OpenBlob/2675",
  '\t  at ImageMagickSharp.WandCore`1[T].CheckErrorBool (System.Int32 status) [0x00009] in <953a0750dcf04671b3542271d1ee6221>:0 ',
  '\t  at ImageMagickSharp.MagickWand.OpenImage (System.String path) [0x0000d] in <953a0750dcf04671b3542271d1ee6221>:0 ',
  '```',
];

test('a .NET exception head in capitalised namespaces that says it ran out is an exception line that ran out', () => {
  assert.equal(exceptionRanOut(REPORT[6]), true);
  assert.equal(exceptionRanOut('System.IO.IOException: Too many open files'), true);
  // Java's lower-case packages still are.
  assert.equal(exceptionRanOut('java.io.IOException: Too many open files'), true);
  // A sentence is not a type: no dotted name glued to `Exception:`.
  assert.equal(exceptionRanOut('The Exception: Too many open files'), false);
});

test("Emby's Mono error report, its EMFILE line between the report's header lines and Mono frames, is read as its log: nobody blamed, the line kept as the message", async () => {
  const result = await analyzeTranscript(`${REPORT.join('\n')}\n`, 'transcript.md', new Date('2026-01-01T00:00:00Z'));
  assert.equal(result.verdict, 'inconclusive');
  assert.equal(result.suspects.length, 0);
  assert.match(result.unownedRanOut?.message ?? '', /Too many open files @ error\/blob\.c\/OpenBlob\/2675/);
});
