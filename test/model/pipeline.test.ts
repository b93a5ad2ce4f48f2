// What a pasted command says about the process it is about, and what its count counts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { commandName, interpretCount } from '../../src/model/pipeline.js';

test('a command names its process by pgrep, pidof or a pid file', () => {
  assert.equal(commandName('ls -l /proc/`pgrep rsyslogd`/fd'), 'rsyslogd');
  assert.equal(commandName('ls /proc/$(pidof dockerd)/fd | wc -l'), 'dockerd');
  // https://github.com/logsearch/logsearch-boshrelease/issues/93, https://github.com/moby/moby/issues/27343
  assert.equal(commandName('cat /proc/$( cat /var/vcap/sys/run/elasticsearch/elasticsearch.pid )/limits | grep files'), 'elasticsearch');
  assert.equal(interpretCount('ls -l /proc/$(cat /var/run/docker.pid)/fd |grep deleted |wc -l')?.name, 'docker');
  assert.equal(commandName('cat /proc/$(cat /tmp/x y.pid)/limits'), undefined);
});

test('`| wc` with no option counts lines (its first number); `| wc -w` and `| wc -c` count no fds', () => {
  // https://github.com/kubernetes/node-problem-detector/issues/297
  assert.deepEqual(interpretCount('cd /proc/17224/fd && ls |wc'), { tool: 'ls', measure: 'lines', pid: 17224 });
  assert.equal(interpretCount('ls /proc/17224/fd | wc -w'), null);
  assert.equal(interpretCount('ls /proc/17224/fd | wc -c'), null);
});
