// A program's own output, no stamp and no level, whose ran-out line prints errno's number beside
// strerror's text (src/sources/ran-out-shapes.ts errnoRanOut). Real lines: SSLsplit's debug output
// in droe/sslsplit#31 (test/accuracy/cases/gh-sslsplit-listener-error-24-connect-loop).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { errnoRanOut } from '../../src/sources/ran-out-shapes.js';
import { analyzeTranscript } from '../analyze-transcript.js';

test('errno 24 or 23 by its number beside "Too many open files" is a program\'s report; either alone is not', () => {
  assert.equal(errnoRanOut('Error 24 on listener: Too many open files'), true);
  assert.equal(errnoRanOut('E: accept: errno 24 (too many open files)'), true);
  assert.equal(errnoRanOut('failed with error code 24, "Too many open files"'), true);
  assert.equal(errnoRanOut('Error 2 on listener: Too many open files'), false);
  assert.equal(errnoRanOut('Error 240 on listener: Too many open files'), false);
  assert.equal(errnoRanOut('Error from bufferevent: 104:Connection reset by peer 0:0:-:0:-:0:-'), false);
  assert.equal(errnoRanOut('I keep getting too many open files'), false);
});

test("droe/sslsplit#31: the connect loop's output is read as a log whose line says it ran out, no pid", async () => {
  const text = [
    'Sslsplit installed just fine and also starts without any issue.',
    'When I hit enter on the client browser it goes:',
    '....',
    '....',
    'Connecting to [192.168.1.10]:8080',
    'Connecting to [192.168.1.10]:8080',
    'Error 24 on listener: Too many open files',
    'Main event loop stopped.',
    'Error from bufferevent: 104:Connection reset by peer 0:0:-:0:-:0:-',
    'Segmentation fault (core dumped)',
    '',
    'The "connecting to IP" line repeats several times.',
    '',
  ].join('\n');
  const result = await analyzeTranscript(text, 'transcript.md', new Date('2026-01-01T00:00:00Z'));
  assert.equal(result.verdict, 'inconclusive');
  assert.equal(result.suspects.length, 0);
  assert.equal(result.unownedRanOut?.message, 'Error 24 on listener: Too many open files');
});
