// The sink drops events the fd-lifecycle replay cannot tell from their absence (src/strace/compact.ts):
// on every capture, the analysis of the compacted events equals the analysis of all of them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { relative } from 'node:path';
import { filesUnder, fixturePath } from '../helpers.js';
import { readLineChunks } from '../../src/bundle/lines.js';
import { createStraceSink } from '../../src/sources/strace/sink.js';
import { analyzeStrace } from '../../src/model/strace/analyze.js';
import { parseLines } from '../../src/sources/run.js';
import type { LineSink } from '../../src/sources/parser.js';
import type { StraceArtifact } from '../../src/sources/strace/types.js';
import { MAX_EXPOSED_PER_FORK, MAX_RACES } from '../../src/sources/strace/compact.js';

async function read(path: string, file: string, compact: boolean): Promise<StraceArtifact> {
  const sink = createStraceSink({ file, warn: () => {} }, { compact });
  await readLineChunks(path, sink.chunk);
  return sink.end();
}

const plain = (x: unknown) => JSON.parse(JSON.stringify(x));

const root = fixturePath('strace');
for (const path of filesUnder(root, /\.strace$/)) {
  const file = relative(root, path);
  test(`strace ${file}: compacted events give the same analysis as all of them`, async () => {
    const full = await read(path, file, false);
    const small = await read(path, file, true);
    assert.ok(small.events.length <= full.events.length);
    assert.deepEqual(plain(analyzeStrace([{ file, artifact: small }])), plain(analyzeStrace([{ file, artifact: full }])));
  });
}

/** The sink as a parser, with or without compaction. */
function parseWith(lines: string[], compact: boolean): StraceArtifact {
  const parser = {
    id: 'strace',
    title: '',
    capture: '',
    detect: () => 1,
    sink: (ctx: Parameters<typeof createStraceSink>[0]): LineSink<StraceArtifact> => createStraceSink(ctx, { compact }),
  };
  return parseLines(parser, lines, { file: 't' }).artifact;
}

test('an fd created again without a close: the pair after it is not folded (it ends the old fd)', () => {
  const lines = [
    '5 socket(AF_INET, SOCK_STREAM, IPPROTO_IP) = 8',
    '5 accept(3, NULL, NULL) = 8',
    '5 close(8) = 0',
    '5 socket(AF_INET, SOCK_STREAM, IPPROTO_IP) = 9',
  ];
  const a = analyzeStrace([{ file: 't', artifact: parseWith(lines, true) }], { pid: 5 });
  const b = analyzeStrace([{ file: 't', artifact: parseWith(lines, false) }], { pid: 5 });
  assert.deepEqual(plain(a), plain(b));
  assert.deepEqual(
    a.leaks.flatMap((l) => l.fds),
    [9],
  );
});

test('more exposed fds than the race findings show: the later ones are dropped, the findings stay', () => {
  // 400 forks each expose one socket of another thread, closed after the fork.
  const lines: string[] = [];
  for (let i = 0; i < 400; i++) {
    lines.push(`5 socket(AF_INET, SOCK_STREAM, IPPROTO_IP) = 7`);
    lines.push(`6 clone(child_stack=NULL, flags=SIGCHLD) = ${1000 + i}`);
    lines.push(`5 close(7) = 0`);
  }
  const small = parseWith(lines, true);
  const full = parseWith(lines, false);
  // The forks, and create + close of the 300 sockets the findings list.
  assert.equal(full.events.length, 1200);
  assert.equal(small.events.length, 400 + 300 * 2);
  const a = analyzeStrace([{ file: 't', artifact: small }], { pid: 5 });
  assert.deepEqual(plain(a), plain(analyzeStrace([{ file: 't', artifact: full }], { pid: 5 })));
  assert.equal(a.cloexecRaces.length, 300);
});

test("children that close every fd they got before execve (a JVM's vfork): only the closes of the copies followed stay", () => {
  const lines: string[] = [];
  for (let fd = 10; fd < 2010; fd++) lines.push(`5 socket(AF_INET, SOCK_STREAM, IPPROTO_IP) = ${fd}`);
  for (let k = 0; k < 20; k++) {
    const child = 1000 + k;
    lines.push(`6 clone(child_stack=NULL, flags=CLONE_VM|CLONE_VFORK|SIGCHLD) = ${child}`);
    // 3-9 were open before the capture; 10-2009 are the parent's sockets, not close-on-exec.
    for (let fd = 3; fd < 2010; fd++) lines.push(`${child} close(${fd}) = 0`);
    lines.push(`${child} execve("/bin/true", ["true"], 0x7ffd /* 2 vars */) = 0`, `${child} +++ exited with 0 +++`);
  }
  const small = parseWith(lines, true);
  const a = analyzeStrace([{ file: 't', artifact: small }], { pid: 5 });
  assert.deepEqual(plain(a), plain(analyzeStrace([{ file: 't', artifact: parseWith(lines, false) }], { pid: 5 })));
  // The creates, the forks, and per child the closes of the fds its fork exposed, its execve and exit.
  assert.equal(small.events.length, 2000 + 20 + 20 * (MAX_EXPOSED_PER_FORK + 2));
  assert.ok(small.events.filter((e) => e.kind === 'fork').every((f) => f.childExeced && f.inherit?.length === 0));
  assert.equal(a.cloexecRaces.length, MAX_RACES);
  assert.ok(a.cloexecRaces.every((r) => r.outcome === 'closed' && r.closedBeforeExec));
});
