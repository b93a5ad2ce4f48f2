// Root's bare `# ` before a container engine's CLI (accuracy round 106), on the real lines of
// Bekt/logspout-logstash#4: `# docker pull …` answered by the daemon's EMFILE, then `# docker images`
// and its empty table. A write-up's heading that starts the same way is no command.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { containerCliLine, promptCommand } from '../../src/bundle/prompts.js';
import { splitTranscript } from '../../src/bundle/transcript.js';

test('a docker command at root`s bare prompt is a command; a heading up to its colon is not', () => {
  assert.equal(promptCommand('# docker pull bekt/logspout-logstash:latest'), 'docker pull bekt/logspout-logstash:latest');
  assert.equal(promptCommand('# docker images'), 'docker images');
  assert.equal(promptCommand('# docker exec fails: the runtime ran out of fds'), null);
  assert.equal(promptCommand('# docker daemon: a container a minute from cron, then "too many open files"'), null);
  assert.equal(promptCommand('# docker'), null);
  assert.equal(containerCliLine('podman ps -a'), true);
  assert.equal(containerCliLine('Docker is slow'), false);
});

test("kubectl and oc are container CLIs at root's bare prompt too, as docker and podman are", () => {
  assert.equal(promptCommand('# kubectl logs web-0'), 'kubectl logs web-0');
  assert.equal(promptCommand('# oc describe pod api-1'), 'oc describe pod api-1');
  assert.equal(promptCommand('# kubectl exec fails: the pod ran out of fds'), null);
});

test('each docker command of the paste gets its own output', () => {
  const items = splitTranscript([
    '```',
    '# docker pull bekt/logspout-logstash:latest',
    'Error response from daemon: open /etc/docker/certs.d/docker.io: too many open files',
    '# docker images',
    'REPOSITORY          TAG                 IMAGE ID            CREATED             SIZE',
    '```',
  ]);
  const pull = items.find((it) => it.command === 'docker pull bekt/logspout-logstash:latest');
  assert.deepEqual(
    pull?.output.map((o) => o.text),
    ['Error response from daemon: open /etc/docker/certs.d/docker.io: too many open files'],
  );
  assert.ok(items.some((it) => it.command === 'docker images'));
});
