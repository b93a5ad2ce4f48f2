// An ss row cut by its writer to its state, its address and its process column (accuracy round 93).
// Real lines: zeek/zeek#5798's `LISTEN 0.0.0.0:8080 users:(("sleep",pid=614849,fd=24))` and
// amule-project/amule#552's `LISTEN ... 0.0.0.0:54321 ... users:(("sleep",pid=187175,fd=3))`,
// the queues and the peer left out (`...` where the second writer cut).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ssSockets } from '../../src/sources/ss-sockets.js';

const ZEEK = 'LISTEN 0.0.0.0:8080 users:(("sleep",pid=614849,fd=24))';
const AMULE = 'LISTEN ... 0.0.0.0:54321 ... users:(("sleep",pid=187175,fd=3))';

function parse(lines: string[]) {
  const sink = ssSockets.sink({ file: 'transcript.md', command: undefined, warn: () => {} });
  for (const [i, l] of lines.entries()) sink.line(l, i + 1);
  return sink.end();
}

test('a row of a state, addresses or elisions, then users:(( is an ss row', () => {
  assert.ok(ssSockets.detect({ head: [ZEEK], name: 'transcript.md' }) >= 0.3);
  assert.ok(ssSockets.detect({ head: [AMULE], name: 'transcript.md' }) >= 0.3);
  // A sentence that names a state is none; nor is a row with words the writer added.
  assert.equal(ssSockets.detect({ head: ['LISTEN to me users:(("a",pid=1,fd=3))'], name: 'transcript.md' }), 0);
});

test("the cut row's socket is its process's, in its state", () => {
  for (const [row, pid, fd] of [
    [ZEEK, 614849, 24],
    [AMULE, 187175, 3],
  ] as const) {
    const t = parse([row]);
    assert.equal(t.byState.LISTEN, 1);
    const p = t.byProcess.find((b) => b.pid === pid);
    assert.equal(p?.command, 'sleep');
    assert.equal(p?.byState.LISTEN, 1);
    assert.equal(p?.maxFd?.fd, fd);
  }
});
