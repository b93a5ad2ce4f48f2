// Rows of a process's fd folder a grep picked (`ls -l /proc/47561/fd | grep mesos-jenkins | wc`)
// are that many fds at least: a lower bound of its count. Real lines:
// gh-jenkins-mesos-agent-logs-grep-wc (Jenkins holding the logs of terminated Mesos agents).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CASES_DIR } from '../accuracy/score.js';
import { analyzeTranscript } from '../analyze-transcript.js';

const now = new Date('2026-01-01T00:00:00Z');
const JENKINS = readFileSync(join(CASES_DIR, 'gh-jenkins-mesos-agent-logs-grep-wc', 'transcript.md'), 'utf8');

const analyzeText = (text: string) => analyzeTranscript(text, 'transcript.md', now);

test('4,180 rows of the fd folder a grep picked: at least 4,180 fds, more than the highest fd the listing shows', async () => {
  const result = await analyzeText(JENKINS);
  const s = result.suspects[0];
  assert.equal(result.suspects[0]?.pid, 47561);
  assert.equal(s?.fdCount, 4180);
  assert.equal(s?.fdCountMeasure, 'at-least');
});

test('with ls -la, a grep that may pick the lines ls adds counts them out (`.` and `..` carry the owner; "total" has no hudson)', async () => {
  const result = await analyzeText(
    JENKINS.replace('ls -l /proc/47561/fd | grep mesos-jenkins | wc', 'ls -la /proc/47561/fd | grep hudson | wc'),
  );
  assert.equal(result.suspects[0]?.fdCount, 4178);
});

// https://github.com/mvdctop/Movie_Data_Capture/issues/751, as in test/accuracy/cases/gh-mdc-python-socket-grep-counts:
// `ls -l|grep socket |wc -l` in the process's fd folder counts its socket links.
const SCRAPER = ['```', '$ ls -l /proc/22169/fd|grep socket |wc -l', '616', '```', ''].join('\n');

test('socket links a grep picked in the fd folder (`ls -l|grep socket`) are sockets of any type, not sockets in no table: a pile that points, no leak', async () => {
  const result = await analyzeText(SCRAPER);
  const s = result.suspects[0];
  assert.equal(s?.pid, 22169);
  assert.equal(s?.fdCount, 616);
  assert.equal(s?.leak.kind, 'other');
  assert.equal(result.verdict, 'inconclusive');
  const ids = result.findings.filter((x) => x.status === 'fail').map((x) => x.id);
  assert.ok(!ids.includes('unconnected-sockets'), `no unconnected-sockets finding: ${ids.join(', ')}`);
  // The same count taken with lsof (whose rows of a socket in no table say `sock`) is one.
  const lsof = await analyzeText(['```', '$ lsof -p 22169 | grep sock | wc -l', '616', '```', ''].join('\n'));
  assert.equal(lsof.suspects[0]?.leak.kind, 'socket-unconnected');
});

test('the rows a grep picked, counted and shown by the same grep (`| grep mesos-jenkins | wc` and `| grep mesos-jenkins | tail -n 1`), say what the fds counted are: files', async () => {
  // `l-wx------ 1 hudson hudson 64 Dec 16 10:51 999 -> /srv/hudson/.jenkins/logs/slaves/mesos-jenkins-…-DOCKERNODE/slave.log`
  const result = await analyzeText(JENKINS);
  const s = result.suspects[0];
  assert.equal(result.verdict, 'inconclusive');
  assert.deepEqual(s?.leak, { kind: 'file', count: 4180 });
});

test('a listing grep’d otherwise than the count (`| grep slave.log`) is no sample of the fds counted: their kind stays unknown', async () => {
  // The count's grep is the owner's name, which every row holds (a grep by a path's word counts files).
  const result = await analyzeText(
    JENKINS.replace('ls -l /proc/47561/fd | grep mesos-jenkins | tail -n 1', 'ls -l /proc/47561/fd | grep slave.log | tail -n 1').replace(
      'ls -l /proc/47561/fd | grep mesos-jenkins | wc',
      'ls -l /proc/47561/fd | grep hudson | wc',
    ),
  );
  const s = result.suspects[0];
  assert.equal(s?.fdCount, 4180);
  assert.deepEqual(s?.leak, { kind: 'other', count: null });
});

// https://github.com/kubernetes/kubernetes/issues/90664, as in test/accuracy/cases/gh-k8s-etcd-ls-als-fd-grep-socket-24517:
// `ls -als` adds "total" and the `.` and `..` rows, none of which a grep for `socket` picks.
const ETCD = ['etcd process has ~25k open socket', '```bash', '# ls -als /proc/17480/fd/ | grep socket | wc -l', '24517', '```', ''].join(
  '\n',
);

test('`ls -als … | grep socket | wc -l`: ls’s added lines hold no link target, so every row counted is a socket link (24,517 fds, not 24,515)', async () => {
  const result = await analyzeText(ETCD);
  const s = result.suspects[0];
  assert.equal(s?.pid, 17480);
  assert.equal(s?.fdCount, 24517);
  assert.deepEqual(s?.leak, { kind: 'other', count: 24517 });
  // A word the `.` and `..` rows carry (their owner) is still counted out.
  const owner = await analyzeText(ETCD.replace('grep socket', 'grep etcd'));
  assert.equal(owner.suspects[0]?.fdCount, 24515);
});

test('chained greps keep what every one of them picks: `grep 1 | grep socket` drops "total" and the `.` rows as `grep socket` alone does', async () => {
  const result = await analyzeText(ETCD.replace('grep socket', 'grep 1 | grep socket'));
  assert.equal(result.suspects[0]?.fdCount, 24517);
});
