// Node's util.inspect print of an error object heads a report of its own (src/sources/crash-reports.ts):
// a paste of it alone is a log that says the process ran out. Real lines: CodeGenieApp/serverless-express#239
// (test/accuracy/cases/gh-aws-serverless-express-lambda-listen-emfile-sock, Node 8), vuedx/languagetools#232
// (Node 16), pgilad/leasot#21 (Node 0.10).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { nodeInspectedRanOut } from '../../src/sources/crash-reports.js';
import { EXHAUSTION } from '../../src/sources/exhaustion-text.js';
import { analyzeTranscript } from '../analyze-transcript.js';

const ranOut = (l: string) => EXHAUSTION.test(l);

test("util.inspect's error heads of three Node generations say they ran out; other brackets do not", () => {
  assert.ok(nodeInspectedRanOut('{ Error: listen EMFILE /tmp/server-ck6wudgsnfo.sock', ranOut));
  assert.ok(nodeInspectedRanOut("[Error: EMFILE: too many open files, open 'dist/assets/vendor.49c28590.js'] {", ranOut));
  assert.ok(
    nodeInspectedRanOut(
      "{ [Error: EMFILE, open '/Users/dan.kaplun/stuff/slap/node_modules/node-inspector/node_modules/biased-opener/node_modules/browser-launcher2/node_modules/plist/node_modules/xmlbuilder/node_modules/lodash-node/compat/functions/after.js']",
      ranOut,
    ),
  );
  assert.ok(nodeInspectedRanOut('[SystemError: A system error occurred: uv_os_homedir returned EMFILE (too many open files)] {', ranOut));
  // Not an error's head: an array of strings, an object key, an error that did not run out.
  assert.equal(nodeInspectedRanOut("[ 'EMFILE', 'ENFILE' ]", ranOut), false);
  assert.equal(nodeInspectedRanOut("{ code: 'EMFILE',", ranOut), false);
  assert.equal(nodeInspectedRanOut("[Error: ENOENT: no such file or directory, open 'x'] {", ranOut), false);
});

test('serverless-express#239: the error object pasted alone is read; nobody is named, the listen EMFILE line is quoted', async () => {
  const text = [
    '```',
    '{ Error: listen EMFILE /tmp/server-ck6wudgsnfo.sock',
    'at Object._errnoException (util.js:1022:11)',
    'at _exceptionWithHostPort (util.js:1044:20)',
    'at Server.setupListenHandle [as _listen2] (net.js:1350:19)',
    'at listenInCluster (net.js:1408:12)',
    'at Server.listen (net.js:1503:5)',
    "code: 'EMFILE',",
    "errno: 'EMFILE',",
    "syscall: 'listen',",
    "address: '/tmp/server-ck6wudgsnfo.sock',",
    'port: -1 ',
    '}',
    '```',
    '',
  ].join('\n');
  const result = await analyzeTranscript(text, 'transcript.md', new Date('2026-01-01T00:00:00Z'));
  assert.equal(result.verdict, 'inconclusive');
  assert.equal(result.suspects.length, 0);
  assert.match(result.unownedRanOut?.message ?? '', /listen EMFILE/);
});
