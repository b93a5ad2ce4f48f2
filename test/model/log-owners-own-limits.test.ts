// An EMFILE line no join places, in a bundle that shows no process's fds, goes to the one process
// the engineer looked up: found by its program with ps and its own /proc/PID/limits read. Real lines
// of gh-ecs-agent-362-docker-sock-emfile-limits-1024 (aws/amazon-ecs-agent#362):
//   2016-04-05T19:49:28Z [WARN] Error with docker; … err="dial unix /var/run/docker.sock: too many open files"
//   root      3039  0.9  1.6  70160 66772 ?        Ssl  Apr04  12:58 /agent
//   Max open files            1024                 4096
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeTranscript } from '../analyze-transcript.js';

const now = new Date('2026-01-01T00:00:00Z');

const LOG = [
  '```',
  '2016-04-05T19:49:28Z [WARN] Error with docker; stopping container module="TaskEngine" task="..., Status: (NONE->RUNNING) Containers: [... (CREATED->RUNNING),]" container="... (CREATED->RUNNING)" err="dial unix /var/run/docker.sock: too many open files" ',
  '```',
  '',
];
const PS = ['$ ps aux | grep agent', 'root      3039  0.9  1.6  70160 66772 ?        Ssl  Apr04  12:58 /agent'];
const LIMITS = (pid: number) => [
  `$ cat /proc/${pid}/limits`,
  'Limit                     Soft Limit           Hard Limit           Units     ',
  '...',
  'Max open files            1024                 4096',
];

test('ECS agent: the lines are pid 3039’s, the process ps found and whose own limits were read', async () => {
  const text = [...LOG, '```', ...PS, ...LIMITS(3039), '```', ''].join('\n');
  const result = await analyzeTranscript(text, 'transcript.md', now);
  assert.equal(result.verdict, 'inconclusive');
  assert.equal(result.suspects[0]?.pid, 3039);
  assert.match(result.suspects[0].ranOut?.message ?? '', /docker\.sock: too many open files/);
  assert.match(result.suspects[0].reason, /only process whose command and own limits the bundle shows/);
});

test('a pid known only from its limits’ path (no command) is no lookup: the lines stay nobody’s', async () => {
  const text = [...LOG, '```', ...LIMITS(3039), '```', ''].join('\n');
  const result = await analyzeTranscript(text, 'transcript.md', now);
  assert.equal(result.suspects.length, 0);
  assert.match(result.unownedRanOut?.message ?? '', /too many open files/);
});

test('two processes with their own limits: neither is the one looked up', async () => {
  const text = [
    ...LOG,
    '```',
    '$ ps aux | grep agent',
    'root      3039  0.9  1.6  70160 66772 ?        Ssl  Apr04  12:58 /agent',
    'root      3100  0.1  0.4  30160 16772 ?        Ssl  Apr04  02:58 /usr/bin/docker daemon',
    ...LIMITS(3039),
    ...LIMITS(3100),
    '```',
    '',
  ].join('\n');
  const result = await analyzeTranscript(text, 'transcript.md', now);
  assert.equal(result.suspects.length, 0);
});
