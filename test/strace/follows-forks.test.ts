// The strace command line as a transcript shows it: -f given, though one traced task prints no pid.
// Real lines, ruby-metrics-unix-strace (captured here):
//   root@vm:~# timeout 2 strace -f -tt -p 10628 2>&1 | head -24
//   strace: Process 10628 attached
//   05:08:11.963201 socket(AF_UNIX, SOCK_STREAM|SOCK_CLOEXEC|SOCK_NONBLOCK, 0) = 125
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { straceFollowsForks as followsForks } from '../../src/command-words.js';
import { createStraceSink } from '../../src/sources/strace/sink.js';
import { analyzeStrace } from '../../src/model/strace/analyze.js';

const COMMAND = 'timeout 2 strace -f -tt -p 10628 2>&1 | head -24';
const LINES = [
  'strace: Process 10628 attached',
  '05:08:11.963201 socket(AF_UNIX, SOCK_STREAM|SOCK_CLOEXEC|SOCK_NONBLOCK, 0) = 125',
  '05:08:11.963258 connect(125, {sa_family=AF_UNIX, sun_path="/tmp/acc116/metrics/agent.sock"}, 110) = 0',
  '05:08:11.963505 write(125, "app.requests:290|c\\n", 19) = 19',
];

test('-f on the strace command line, alone, in a cluster or spelled out; not an option’s value', () => {
  assert.equal(followsForks(COMMAND), true);
  assert.equal(followsForks('strace -fttT -s 256 -p 1234 -o out.txt'), true);
  assert.equal(followsForks('sudo strace -ff -o /tmp/trace -p 42'), true);
  assert.equal(followsForks('strace --follow-forks -p 42'), true);
  assert.equal(followsForks('strace -tt -p 10628'), false);
  // -e's and -o's values are theirs; the traced program's options are its own.
  assert.equal(followsForks('strace -e trace=file -o foo -p 1'), false);
  assert.equal(followsForks('strace -ofile -p 1'), false);
  assert.equal(followsForks('strace -tt tail -f /var/log/syslog'), false);
  assert.equal(followsForks('tail -f strace.log'), false);
  assert.equal(followsForks(undefined), false);
});

test('a capture whose command shows -f is not said to lack it, though its lines carry no pid', () => {
  const quality = (command: string | undefined) => {
    const sink = createStraceSink({ file: 'transcript.md', command, warn: () => {} });
    for (const [i, l] of LINES.entries()) sink.line(l, i + 7);
    return analyzeStrace([{ file: 'transcript.md', artifact: sink.end() }]).quality.map((q) => q.id);
  };
  assert.ok(!quality(COMMAND).includes('no-follow'));
  assert.ok(quality('timeout 2 strace -tt -p 10628 2>&1 | head -24').includes('no-follow'));
});
