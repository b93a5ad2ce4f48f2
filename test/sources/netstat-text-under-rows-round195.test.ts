// grep'd netstat rows left outside a code block, the issue template going on under them after a
// blank line (accuracy round 195). Real lines: ossrs/srs#2346's `sudo netstat -anp|grep -v
// LISTEN|grep srs`, three CLOSE_WAIT rows and one ESTABLISHED of 24276/./objs/srs, then the
// template's `1. SRS版本(Version): `xxxxxx`` and `4.0.106`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { netstat } from '../../src/sources/netstat.js';

const ROWS = [
  'tcp      124      0 172.26.0.66:8080        172.26.0.111:41548      CLOSE_WAIT  24276/./objs/srs    ',
  'tcp      124      0 172.26.0.66:8080        172.26.0.111:41550      CLOSE_WAIT  24276/./objs/srs    ',
  'tcp      124      0 172.26.0.66:8080        172.26.0.111:41552      CLOSE_WAIT  24276/./objs/srs    ',
  'tcp        0      0 172.26.0.66:1935        172.20.0.27:62189       ESTABLISHED 24276/./objs/srs  ',
];
const BLOCK = [...ROWS, '', '1. SRS版本(Version): `xxxxxx`', '4.0.106'];
const COMMAND = 'sudo netstat -anp|grep -v LISTEN|grep srs';

test('text under a blank line below the rows is no stranger in the block: it is netstat rows', () => {
  assert.ok(netstat.detect({ head: BLOCK, name: 'transcript.md', command: COMMAND }) >= 0.7);
  // The same lines right under the rows, with no blank line, are lines of the block: too many.
  assert.equal(netstat.detect({ head: [...ROWS, '1. SRS版本(Version): `xxxxxx`', '4.0.106'], name: 'transcript.md' }), 0);
  // Without the rows it is nothing netstat printed.
  assert.equal(netstat.detect({ head: ['', '1. SRS版本(Version): `xxxxxx`', '4.0.106'], name: 'transcript.md' }), 0);
});

test("the rows are pid 24276's three CLOSE_WAIT sockets", () => {
  const sink = netstat.sink({ file: 'transcript.md', command: COMMAND, warn: () => {} });
  for (const [i, l] of BLOCK.entries()) sink.line(l, i + 1);
  const t = sink.end();
  const p = t.byProcess.find((b) => b.pid === 24276);
  assert.equal(p?.byState.CLOSE_WAIT, 3);
  assert.equal(p?.byState.ESTABLISHED, 1);
});
