// An issue imported from Google Code keeps its template's bold questions as HTML (`<b>What version of
// the product are you using? …</b>`) and its quotes as `&quot;` entities. On the real lines of
// gevent/gevent#18: the `time curl` output ends at the next bold heading, and the libevent warning
// quoted further down is a line of its own that nobody is tied to — not curl's output.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isBoldHeading } from '../../src/bundle/prose-line.js';
import { quotedErrors } from '../../src/bundle/code-spans.js';
import { splitTranscript } from '../../src/bundle/transcript.js';
import { analyzeTranscript } from '../analyze-transcript.js';

const GEVENT = [
  '<b>What is the expected output? What do you see instead?</b>',
  '',
  'Again at T +1 minute',
  '$ time curl &quot;http://.../tracker.gif&quot;',
  'GIF89a????????!??,D;',
  'real    0m6.366s',
  'user    0m0.003s',
  'sys 0m0.008s',
  '',
  '<b>What version of the product are you using? On what operating system?</b>',
  '',
  'Gevent 0.12.2',
  'Ubuntu 9.10',
  '',
  '<b>Please provide any additional information below.</b>',
  '',
  'The service runs fine for like 30 seconds then it just starts spitting out: ',
  '',
  '&quot;[warn] accept_socket: bad accept: Too many open files&quot;',
  '',
  'Which definitely interferes with response time. Is there a way to tweak the ',
  'gevent server or libevent to remedy this issue? I believe it occurs with long ',
  'lasting http connections not being closed properly.',
];

test("a bold line alone is a heading of an imported issue's template", () => {
  assert.equal(isBoldHeading('<b>What steps will reproduce the problem?</b>'), true);
  assert.equal(isBoldHeading('<b>Please provide any additional information below.</b>'), true);
  assert.equal(isBoldHeading('<strong>What version of the product are you using?</strong>'), true);
  assert.equal(isBoldHeading('<b>x</b>'), false);
  assert.equal(isBoldHeading('<b>What</strong>'), false);
  assert.equal(isBoldHeading('GIF89a????????!??,D;'), false);
  assert.equal(isBoldHeading(`<b>W${'x'.repeat(5000)}</b>`), false);
});

test('a line quoted in `&quot;` entities alone is the error it quotes', () => {
  assert.deepEqual(quotedErrors('&quot;[warn] accept_socket: bad accept: Too many open files&quot;'), [
    '[warn] accept_socket: bad accept: Too many open files',
  ]);
});

test("gevent#18: curl's output ends at the next bold heading", () => {
  const curl = splitTranscript(GEVENT).find((it) => it.command?.startsWith('time curl'));
  assert.ok(curl);
  assert.equal(curl.output.at(-1)?.text, 'sys 0m0.008s');
});

test('gevent#18: the warning is read, and blames nobody (not curl, whose output it is not)', async () => {
  const r = await analyzeTranscript(GEVENT, 'transcript.md');
  assert.equal(r.verdict, 'inconclusive');
  assert.equal(r.suspects.length, 0);
  assert.match(r.unownedRanOut?.message ?? '', /bad accept: Too many open files/);
});
