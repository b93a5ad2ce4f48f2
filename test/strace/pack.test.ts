// The artifact a worker posts back is packed into typed arrays and one string (src/strace/pack.ts):
// unpacked, it must be the artifact the sink made, down to which write samples are one object.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fixturePath } from '../helpers.js';
import { readLineChunks } from '../../src/bundle/lines.js';
import { createStraceSink } from '../../src/strace/stream.js';
import { packArtifact, transferablesOf, unpackArtifact } from '../../src/strace/pack.js';
import type { StraceArtifact } from '../../src/strace/types.js';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : /\.strace$/.test(p) ? [p] : [];
  });
}

/** JSON form: an event property set to undefined and one that is absent read the same. */
const json = (a: StraceArtifact): unknown => JSON.parse(JSON.stringify(a));

const root = fixturePath('strace');
for (const path of files(root)) {
  const file = relative(root, path);
  test(`strace ${file}: packed and unpacked, the artifact is the same`, async () => {
    const sink = createStraceSink({ file, warn: () => {} }, { compact: false });
    await readLineChunks(path, sink.chunk);
    const art = sink.end();
    const packed = structuredClone(packArtifact(art));
    const back = unpackArtifact(packed);
    assert.deepEqual(json(back), json(art));
    back.writes.forEach((w, i) => {
      assert.equal(w.first === w.samples[0], art.writes[i].first === art.writes[i].samples[0], 'a first write that is also a sample stays one object');
    });
  });
}

test('pack: the typed arrays can be transferred, and a fork keeps its inherited fds and who made them', () => {
  const art: StraceArtifact = {
    records: 1, shape: { pidPrefix: 'column', timeBase: 'clock', durations: true, fdPaths: true, truncatedStrings: false },
    lines: 3, parsedLines: 2, firstTime: 1.5, lastTime: null, foldedPairs: { 7: 2 }, writes: [], threads: [], attached: [], unfinishedAtEnd: 0,
    events: [
      { kind: 'fork', time: 1.5, tid: 7, fd: -1, detail: 'clone(process)', child: 9, thread: false, shareFiles: false, inherit: [7, 10], inheritBy: [7, 8], line: 2 },
      { kind: 'create', time: null, tid: 7, fd: 3, fd2: 4, detail: 'pipe2()', cloexec: true, path: 'pipe:[1]', line: 3, text: 'a "quoted" line' },
    ],
  };
  const packed = packArtifact(art);
  assert.equal(transferablesOf(packed).length, 5);
  assert.deepEqual(unpackArtifact(structuredClone(packed, { transfer: transferablesOf(packed) })), art);
});
