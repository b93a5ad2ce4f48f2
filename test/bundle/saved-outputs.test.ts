// Output saved to a file at a prompt and read back by later commands. Real lines:
// gh-rpm-ostree-netstat-unix-listen-saved-count (coreos/rpm-ostree#725).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { savedTo, withSavedOutputs } from '../../src/bundle/saved-outputs.js';
import { splitTranscript } from '../../src/bundle/transcript.js';

test('where a command saves its output: one `>` at the end, outside quotes', () => {
  assert.deepEqual(savedTo('netstat -anp|grep rpm-ostree > conns.txt'), { command: 'netstat -anp|grep rpm-ostree', file: 'conns.txt' });
  assert.deepEqual(savedTo('lsof -p 12>/tmp/lsof.txt'), { command: 'lsof -p 12', file: '/tmp/lsof.txt' });
  for (const command of ['lsof -p 12 2> err.txt', 'ls >> all.txt', "grep '>' x.log", 'cmd > out 2>&1', 'echo a >&2', 'ls > $f'])
    assert.equal(savedTo(command), null, command);
});

test('commands that read the saved file back are the saved command piped into them', () => {
  const items = withSavedOutputs([
    { command: 'netstat -anp|grep rpm-ostree > conns.txt' },
    { command: 'wc -l conns.txt ' },
    { command: 'head -3 conns.txt ' },
    { command: 'grep LISTEN conns.txt | wc -l' },
    { command: 'wc -l other.txt' },
    { command: 'netstat -anp >> conns.txt' },
    { command: 'wc -l conns.txt' },
  ]);
  assert.deepEqual(
    items.map((i) => i.command),
    [
      'netstat -anp|grep rpm-ostree > conns.txt',
      'netstat -anp|grep rpm-ostree | wc -l',
      'netstat -anp|grep rpm-ostree | head -3',
      'netstat -anp|grep rpm-ostree | grep LISTEN | wc -l',
      'wc -l other.txt',
      'netstat -anp >> conns.txt',
      'wc -l conns.txt',
    ],
  );
});

test('a transcript reads `wc -l conns.txt` and `head -3 conns.txt` as the netstat pipeline that saved it', () => {
  const items = splitTranscript([
    '```',
    '[root@olympus ~]# netstat -anp|grep rpm-ostree > conns.txt',
    '[root@olympus ~]# wc -l conns.txt ',
    '148 conns.txt',
    '[root@olympus ~]# head -3 conns.txt ',
    'unix  2      [ ACC ]     STREAM     LISTENING     68288    2469/rpm-ostree      @/tmp/rpm-ostree/dbus-4T2FGwym',
    '[root@olympus ~]#',
    '```',
  ]);
  assert.deepEqual(
    items.map((i) => i.command),
    ['netstat -anp|grep rpm-ostree > conns.txt', 'netstat -anp|grep rpm-ostree | wc -l', 'netstat -anp|grep rpm-ostree | head -3'],
  );
});
