// A Prometheus client's process collector: process_open_fds / process_max_fds as a /metrics page
// prints them. The first test's lines are promtail's own page as grafana/loki#4740 pasted it (the
// corpus case gh-promtail-inotify-user-instances-negative).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PARSERS } from '../../src/sources/registry.js';
import { parseLines } from '../../src/sources/run.js';
import { prometheusProcessFds } from '../../src/sources/prometheus-process-fds.js';
import { UNNAMED_PID } from '../../src/sources/artifacts.js';

function winner(head: string[]): string {
  const scores = PARSERS.map((p) => ({ id: p.id, score: p.detect({ head, name: 'x.txt' }) })).sort((a, b) => b.score - a.score);
  return scores[0].score > 0 ? scores[0].id : 'none';
}

const PROMTAIL = [
  '# HELP process_max_fds Maximum number of open file descriptors.',
  '# TYPE process_max_fds gauge',
  'process_max_fds 1.048576e+06',
  '# HELP process_open_fds Number of open file descriptors.',
  '# TYPE process_open_fds gauge',
  'process_open_fds 566',
];

test("promtail's /metrics (loki#4740): 566 open fds of a 1,048,576 limit, of an unnamed process", () => {
  assert.equal(winner(PROMTAIL), 'prometheus-process-fds');
  const r = parseLines(prometheusProcessFds, PROMTAIL);
  assert.deepEqual(
    r.artifact.samples.map((s) => [s.pid, s.total, s.limit, s.ev.line]),
    [[UNNAMED_PID, 566, 1048576, 6]],
  );
  assert.deepEqual(
    r.artifact.limits.map((l) => [l.pid, l.openFiles.soft, l.openFiles.ev.line]),
    [[UNNAMED_PID, 1048576, 3]],
  );
  assert.deepEqual(r.warnings, []);
});

test('a page scraped again and again: the latest count, its time when the sample carries one', () => {
  const lines = ['app_process_open_fds 900 1700000000000', 'app_process_max_fds 1024', 'app_process_open_fds 1019 1700000060000'];
  const r = parseLines(prometheusProcessFds, lines);
  assert.deepEqual(
    r.artifact.samples.map((s) => [s.total, s.limit, s.at]),
    [[1019, 1024, new Date(1700000060000).toISOString()]],
  );
});

test("a `watch` screen's header times a page whose samples carry no time", () => {
  const r = parseLines(prometheusProcessFds, ['process_open_fds 1019'], { shownAt: '2024-03-05T10:00:10' });
  assert.deepEqual(
    r.artifact.samples.map((s) => [s.total, s.at]),
    [[1019, '2024-03-05T10:00:10']],
  );
});

test('several label sets are several processes, none named: nothing is read', () => {
  const lines = ['process_open_fds{instance="10.0.0.5:9080",job="app"} 566', 'process_open_fds{instance="10.0.0.6:9080",job="app"} 1019'];
  const r = parseLines(prometheusProcessFds, lines);
  assert.equal(r.artifact.samples.length, 0);
  assert.equal(r.artifact.records, 0);
  assert.match(r.warnings[0].message, /2 label sets/);
});

test('a count above process_max_fds keeps the count and drops that limit', () => {
  const r = parseLines(prometheusProcessFds, ['process_max_fds 1024', 'process_open_fds 4070']);
  assert.deepEqual(
    r.artifact.samples.map((s) => [s.total, s.limit]),
    [[4070, undefined]],
  );
  assert.equal(r.artifact.limits.length, 0);
  assert.match(r.warnings[0].message, /above process_max_fds/);
});

test('other metrics and a filedesc gauge of process-exporter are not its samples', () => {
  const lines = ['namedprocess_namegroup_open_filedesc{groupname="python3"} 0', 'go_goroutines 42'];
  assert.notEqual(winner(lines), 'prometheus-process-fds');
});

// Round 193's captured go-billing-prom-date-scrapes-same-file: `date` typed before the scrape, at two
// prompts a minute apart; each page is one sample at date's time.
const BILLING = [
  'Mon Dec  7 10:26:37 UTC 2026',
  '# HELP process_max_fds Maximum number of open file descriptors.',
  '# TYPE process_max_fds gauge',
  'process_max_fds 4096',
  '# HELP process_open_fds Number of open file descriptors.',
  '# TYPE process_open_fds gauge',
  'process_open_fds 79',
];

test("date(1)'s line times the page when the command runs `date` first", () => {
  const command = 'date; curl -s localhost:19301/metrics | grep process_';
  assert.equal(winner(BILLING), 'prometheus-process-fds');
  const r = parseLines(prometheusProcessFds, BILLING, { command });
  assert.deepEqual(
    r.artifact.samples.map((s) => [s.total, s.limit, s.at, s.ev.line]),
    [[79, 4096, '2026-12-07T10:26:37', 7]],
  );
  // Without `date` in the command, a line of that shape is not the page's time.
  const untimed = parseLines(prometheusProcessFds, BILLING, { command: 'curl -s localhost:19301/metrics' });
  assert.deepEqual(
    untimed.artifact.samples.map((s) => s.at),
    ['the time of the scrape (not printed)'],
  );
});
