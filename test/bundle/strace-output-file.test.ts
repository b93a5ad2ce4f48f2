// strace's `-o FILE` read back later in a transcript. Real commands: the round's captured cases
// rust-spawnr-probe-pipes-ls-tail-cut-strace-p-no-f (`sudo timeout 2 strace -tt -p 12884 -o
// strace.txt`, then `cat strace.txt`) and c-tagidx-strace-o-y-no-f-openat-rising-emfile-ls-tail-cut
// (`strace -o tagidx.strace -y … ./tagidx … 2> tagidx.log &`, then `sed -n '509,528p' tagidx.strace`).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { straceOutputFile } from '../../src/bundle/strace-output-file.js';
import { withSavedOutputs } from '../../src/bundle/saved-outputs.js';

test('where strace writes its trace, and the command as if it printed it', () => {
  assert.deepEqual(straceOutputFile('sudo timeout 2 strace -tt -p 12884 -o strace.txt'), {
    command: 'sudo timeout 2 strace -tt -p 12884',
    file: 'strace.txt',
  });
  assert.deepEqual(
    straceOutputFile('strace -o tagidx.strace -y -e trace=desc,network ./tagidx /tmp/r301-work/tagidx/tags 2> tagidx.log &'),
    {
      command: 'strace -y -e trace=desc,network ./tagidx /tmp/r301-work/tagidx/tags 2> tagidx.log',
      file: 'tagidx.strace',
    },
  );
  assert.deepEqual(straceOutputFile('strace -tto out.txt -p 7'), { command: 'strace -tt -p 7', file: 'out.txt' });
  assert.deepEqual(straceOutputFile('strace -oout.txt -p 7'), { command: 'strace -p 7', file: 'out.txt' });
  assert.deepEqual(straceOutputFile('strace --output=/tmp/s.log -f -p 7'), { command: 'strace -f -p 7', file: '/tmp/s.log' });
});

test('no single file: no -o, one file per process (-ff), the traced program’s own -o, two -o, shell syntax', () => {
  for (const command of [
    'strace -tt -p 12884',
    'strace -ff -o trace -p 7',
    'strace -f -ff -o trace -p 7',
    'strace --output-separately -o trace -p 7',
    'strace -p 7 -e trace=desc ./prog -o out',
    'strace ./prog -o out.txt',
    'strace -o a.txt -o b.txt -p 7',
    'strace -o $F -p 7',
    'ls -o x',
    'cat strace.txt',
  ])
    assert.equal(straceOutputFile(command), null, command);
});

test('cat, head and sed -n RANGEp of the file read back the strace command', () => {
  const items = withSavedOutputs([
    { command: 'sudo timeout 2 strace -tt -p 12884 -o strace.txt' },
    { command: 'cat strace.txt' },
    { command: "sed -n '509,528p' strace.txt" },
    { command: 'sed -n 5p strace.txt' },
    { command: "sed -e 's/x/y/' strace.txt" },
  ]);
  assert.deepEqual(
    items.map((i) => i.command),
    [
      'sudo timeout 2 strace -tt -p 12884 -o strace.txt',
      'sudo timeout 2 strace -tt -p 12884 | cat',
      "sudo timeout 2 strace -tt -p 12884 | sed -n '509,528p'",
      'sudo timeout 2 strace -tt -p 12884 | sed -n 5p',
      "sed -e 's/x/y/' strace.txt",
    ],
  );
});
