// grep'd netstat rows with the writer's elision and a word of theirs under them (accuracy round 100).
// Real lines: spring-projects/spring-boot#7780's `netstat -antp | grep CLOSE_WAIT` block, six
// CLOSE_WAIT rows of 21773/java (addresses masked with `********`), then `......` and `nondecreasing `.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { netstat } from '../../src/sources/netstat.js';

const ROWS = [
  'tcp        0      0 ********::443            ********:45138         CLOSE_WAIT  21773/java          ',
  'tcp        0      0 ********::443            ********::44910         CLOSE_WAIT  21773/java          ',
  'tcp        0      0 ********::443            ********::44464         CLOSE_WAIT  21773/java          ',
  'tcp        0      0 ********::443            ********::45234         CLOSE_WAIT  21773/java          ',
  'tcp        0      0 ********::443            ********::43768         CLOSE_WAIT  21773/java          ',
  'tcp        0      0 ********::443            ********::44216         CLOSE_WAIT  21773/java ',
];
const BLOCK = [...ROWS, '......', 'nondecreasing '];

test("an elision under grep'd rows is no stranger's line: the block is netstat rows", () => {
  assert.ok(netstat.detect({ head: BLOCK, name: 'transcript.md' }) >= 0.7);
  // Without the rows it is nothing netstat printed.
  assert.equal(netstat.detect({ head: ['......', 'nondecreasing '], name: 'transcript.md' }), 0);
});

test("the rows are the process's CLOSE_WAIT sockets; the elision is not warned about", () => {
  const warnings: string[] = [];
  const sink = netstat.sink({ file: 'transcript.md', command: undefined, warn: (_n, m) => warnings.push(m) });
  for (const [i, l] of BLOCK.entries()) sink.line(l, i + 1);
  const t = sink.end();
  const p = t.byProcess.find((b) => b.pid === 21773);
  assert.equal(p?.command, 'java');
  assert.equal(p?.byState.CLOSE_WAIT, 6);
  assert.ok(!warnings.some((w) => w.includes('......')));
});
