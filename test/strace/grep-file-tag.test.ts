// Lines of `strace -ff -o NAME` files grep'd together carry their file's name, `NAME.TID:`, in
// front: the suffix is the thread (round 75's real lines, wookietreiber/strace-analyzer#13).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseLines } from '../../src/sources/run.js';
import { strace } from '../../src/sources/strace.js';
import { withoutFileTag } from '../../src/sources/strace/sniff.js';

const STAR = [
  'star.strace.97073:1532348050.103783 open("data-star.tar", O_RDWR|O_CREAT, 0666) = 7 <0.000976>',
  'star.strace.97073:1532348050.105748 clone(child_stack=0, flags=CLONE_CHILD_CLEARTID|CLONE_CHILD_SETTID|SIGCHLD, child_tidptr=0x7f6089f3ea70) = 97074 <0.000213>',
  'star.strace.97074:1532348050.204140 write(7, "data/\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0"..., 10240)             = 10240 <0.000452>',
];

test('a grep file tag `star.strace.97073:` reads as the thread column 97073 (strace-analyzer#13)', () => {
  assert.equal(withoutFileTag(STAR[0]).startsWith('97073 1532348050.103783 open('), true);
  assert.ok(strace.detect({ head: STAR, name: 'f' }) >= 0.9);
  const a = parseLines(strace, STAR, { file: 'f' }).artifact;
  const tids = new Set(a.events.map((e) => e.tid));
  assert.ok(tids.has(97073));
  assert.equal(
    a.events.some((e) => e.kind === 'fork' && e.child === 97074),
    true,
  );
});

test('call lines, pid columns and prose keep their text', () => {
  for (const l of [
    'open("a.b.12:x", O_RDONLY) = 3',
    '97073 open("x", O_RDONLY) = 3',
    '[pid 12] close(3) = 0',
    'version 2.12: released',
    'see http://host.example.com.8080:x',
  ])
    assert.equal(withoutFileTag(l), l);
});
