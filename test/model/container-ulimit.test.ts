// `ulimit -n` run through `docker exec` printed the limit of a shell inside that container: it is
// not the capturing shell's limit, so no host process gets it as "a shell's ulimit, assumed". Real
// lines of gh-convox-287-ecs-agent-dial-udp-emfile-lsof-cut (convox/rack#287): the containers'
// 8192 beside the host's ECS agent (pid 3029), whose own limit nothing shows.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeTranscript } from '../analyze-transcript.js';

const now = new Date('2026-01-01T00:00:00Z');

const AGENT = [
  '```',
  'CannotPullECRContainerError: RequestError: send request failed caused by: Post https://ecr.us-east-1.amazonaws.com/: dial tcp: lookup ecr.us-east-1.amazonaws.com on 10.0.0.2:53: dial udp 10.0.0.2:53: too many open files',
  '```',
  '',
  '```',
  '# # lsof -p 3029',
  'COMMAND  PID USER   FD   TYPE DEVICE SIZE/OFF   NODE NAME',
  'agent   3029 root  cwd    DIR  253,4     4096    515 /',
  'agent   3029 root    0u   CHR    1,3      0t0  14122 /dev/null',
  'agent   3029 root    1w  FIFO   0,10      0t0  14005 pipe',
  'agent   3029 root    2w  FIFO   0,10      0t0  14006 pipe',
  'agent   3029 root    3u   REG  202,1      708 525338 /log/ecs-agent.log.2016-01-25-22',
  '```',
  '',
];

test('docker exec … sh -c "ulimit -n": a container shell’s limit, not the host agent’s', async () => {
  const text = ['```', '$ docker exec 7292bbbcc5e7 sh -c "ulimit -n"', '8192', '```', '', ...AGENT].join('\n');
  const result = await analyzeTranscript(text, 'transcript.md', now);
  assert.equal(result.suspects[0]?.pid, 3029);
  assert.equal(result.suspects[0].fdLimit, null);
});

test('the same ulimit -n typed in the capturing shell is still the shell’s, assumed', async () => {
  const text = ['```', '$ ulimit -n', '8192', '```', '', ...AGENT].join('\n');
  const result = await analyzeTranscript(text, 'transcript.md', now);
  assert.equal(result.suspects[0]?.pid, 3029);
  assert.equal(result.suspects[0].fdLimit, 8192);
});
