// ZooKeeper's mntr reply (test/fixtures/sources/zookeeper-mntr/README.md): its fd count and limit,
// a copy whose tabs became spaces, a second reply, and what the model makes of them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fixtureLines } from '../helpers.js';
import { PARSERS } from '../../src/sources/registry.js';
import { parseLines } from '../../src/sources/run.js';
import { zookeeperMntr } from '../../src/sources/zookeeper-mntr.js';
import { UNNAMED_PID } from '../../src/sources/artifacts.js';

function winner(head: string[]): string {
  const scores = PARSERS.map((p) => ({ id: p.id, score: p.detect({ head, name: 'mntr.txt' }) })).sort((a, b) => b.score - a.score);
  return scores[0].score > 0 ? scores[0].id : 'none';
}

test('mntr, tab-separated (telegraf#7550): the open count is a sample of an unnamed process, with its limit', () => {
  const lines = fixtureLines('sources', 'zookeeper-mntr', 'zk360-leader-tabs.txt');
  assert.equal(winner(lines), 'zookeeper-mntr');
  const r = parseLines(zookeeperMntr, lines);
  assert.deepEqual(
    r.artifact.samples.map((s) => [s.pid, s.total, s.limit, s.ev.line]),
    [[UNNAMED_PID, 117, 4096, 24]],
  );
  assert.deepEqual(
    r.artifact.limits.map((l) => [l.pid, l.openFiles.soft, l.openFiles.ev.line]),
    [[UNNAMED_PID, 4096, 22]],
  );
  assert.equal(r.warnings.length, 0);
});

test('mntr whose tabs a paste turned into spaces (netdata#9852) reads the same', () => {
  const lines = fixtureLines('sources', 'zookeeper-mntr', 'zk361-leader-spaces.txt');
  assert.equal(winner(lines), 'zookeeper-mntr');
  const r = parseLines(zookeeperMntr, lines);
  assert.deepEqual(
    r.artifact.samples.map((s) => [s.total, s.limit]),
    [[106, 1048576]],
  );
});

test('two replies in one paste: only the first is read, with a warning', () => {
  const lines = fixtureLines('sources', 'zookeeper-mntr', 'zk360-leader-tabs.txt');
  const r = parseLines(zookeeperMntr, [...lines, ...fixtureLines('sources', 'zookeeper-mntr', 'zk361-leader-spaces.txt')]);
  assert.deepEqual(
    r.artifact.samples.map((s) => [s.total, s.limit]),
    [[117, 4096]],
  );
  assert.ok(r.warnings.some((w) => /2 mntr replies/.test(w.message)));
});

test('other zk_ keys and a key with a longer name are not the fd counters', () => {
  const r = parseLines(zookeeperMntr, ['zk_open_file_descriptor_count_total\t5', 'zk_num_alive_connections\t4']);
  assert.equal(r.artifact.records, 0);
});
