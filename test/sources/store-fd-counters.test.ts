// A data store's own fd counters (test/fixtures/sources/store-fd-counters/README.md): whose they
// are, a limit below the count, and what the model makes of them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fixtureLines } from '../helpers.js';
import { PARSERS } from '../../src/sources/registry.js';
import { parseLines } from '../../src/sources/run.js';
import { storeFdCounters } from '../../src/sources/store-fd-counters.js';
import { UNNAMED_PID } from '../../src/sources/artifacts.js';

function winner(head: string[]): string {
  const scores = PARSERS.map((p) => ({ id: p.id, score: p.detect({ head, name: 'x.json' }) })).sort((a, b) => b.score - a.score);
  return scores[0].score > 0 ? scores[0].id : 'none';
}

test('Elasticsearch _nodes/stats: the process block is a timed sample with its limit, whose pid it does not say', () => {
  const lines = fixtureLines('sources', 'store-fd-counters', 'es-nodes-stats-process.txt');
  assert.equal(winner(lines), 'store-fd-counters');
  const r = parseLines(storeFdCounters, lines);
  assert.equal(r.artifact.samples.length, 1);
  const s = r.artifact.samples[0];
  assert.equal(s.pid, UNNAMED_PID);
  assert.equal(s.total, 260);
  assert.equal(s.limit, 10240);
  assert.equal(s.at, new Date(1462998295332).toISOString());
  assert.equal(s.ev.line, 3);
  assert.deepEqual(
    r.artifact.limits.map((l) => [l.pid, l.openFiles.soft, l.openFiles.ev.line]),
    [[UNNAMED_PID, 10240, 4]],
  );
});

test('RabbitMQ /api/nodes: fd_used above fd_total keeps the count and drops the limit, with a warning', () => {
  const lines = fixtureLines('sources', 'store-fd-counters', 'rabbitmq-api-nodes-elided.txt');
  assert.equal(winner(lines), 'store-fd-counters');
  const r = parseLines(storeFdCounters, lines);
  assert.deepEqual(
    r.artifact.samples.map((s) => [s.total, s.limit]),
    [[4070, undefined]],
  );
  assert.deepEqual(r.artifact.limits, []);
  assert.match(r.warnings[0].message, /4070 is above the printed limit 1024/);
});

test('Elasticsearch node info on one line: the limit belongs to the process id in the same object', () => {
  const lines = fixtureLines('sources', 'store-fd-counters', 'es-nodes-info-one-line.txt');
  assert.equal(winner(lines), 'store-fd-counters');
  const r = parseLines(storeFdCounters, lines);
  assert.deepEqual(r.artifact.samples, []);
  assert.deepEqual(
    r.artifact.limits.map((l) => [l.pid, l.openFiles.soft]),
    [[14588, 65535]],
  );
});

test('os_pid names the RabbitMQ process; a second node in the same output starts a new reading; -1 (Windows) is no value', () => {
  const r = parseLines(storeFdCounters, [
    '[{"fd_total":32768,"fd_used":57,"name":"rabbit@a","os_pid":"812"},',
    ' {"fd_total":32768,"fd_used":9000,"name":"rabbit@b","os_pid":"913"}]',
  ]);
  assert.deepEqual(
    r.artifact.samples.map((s) => [s.pid, s.total, s.limit]),
    [
      [812, 57, 32768],
      [913, 9000, 32768],
    ],
  );
  const win = parseLines(storeFdCounters, ['"open_file_descriptors" : -1,', '"max_file_descriptors" : -1,']);
  assert.equal(win.artifact.records, 0);
});

test('a line that only mentions the words is not claimed', () => {
  assert.equal(storeFdCounters.detect({ head: ['max_file_descriptors is reported as -1'], name: 'x' }), 0);
  assert.equal(storeFdCounters.detect({ head: ['"max_file_descriptors" : 65535'], name: 'x' }), 0);
});

// RabbitMQ's `rabbitmqctl status`, real lines: StackStorm/st2-packages#453
// (test/accuracy/cases/gh-st2-rabbitmq-status-sockets-829-of-829), rabbitmq-server#10621
// (gh-rabbitmq-mqtt-status-text-13508-fds-negative), rabbitmq-server#9301.
test('RabbitMQ status in Erlang terms: {pid,N} and the file_descriptors term are one process', () => {
  const lines = [
    "Status of node 'rabbit@wall-e-st2r6-01' ...",
    '[{pid,22152},',
    ' {running_applications,[{rabbit,"RabbitMQ","3.1.5"},',
    ' {file_descriptors,[{total_limit,924},',
    '                    {total_used,831},',
    '                    {sockets_limit,829},',
    '                    {sockets_used,829}]},',
  ];
  assert.equal(winner(lines), 'store-fd-counters');
  const r = parseLines(storeFdCounters, lines);
  assert.deepEqual(
    r.artifact.samples.map((s) => [s.pid, s.total, s.limit, s.ev.line]),
    [[22152, 831, 924, 5]],
  );
  assert.deepEqual(
    r.artifact.limits.map((l) => [l.pid, l.openFiles.soft]),
    [[22152, 924]],
  );
});

test('RabbitMQ status cut before its fd section still names the broker; the section quoted alone is unnamed', () => {
  const head = [
    "Status of node 'rabbit@wall-e-st2r6-01' ...",
    '[{pid,22152},',
    ' {running_applications,[{rabbit,"RabbitMQ","3.1.5"},',
    ' {os,{unix,linux}},',
  ];
  assert.equal(winner(head), 'store-fd-counters');
  const r = parseLines(storeFdCounters, head);
  assert.deepEqual(r.artifact.samples, []);
  assert.deepEqual(
    r.artifact.processes?.map((p) => [p.pid, p.ev.line]),
    [[22152, 2]],
  );
  const quoted = parseLines(storeFdCounters, [' {file_descriptors,[{total_limit,924},', '                    {total_used,831},']);
  assert.deepEqual(
    quoted.artifact.samples.map((s) => [s.pid, s.total, s.limit]),
    [[UNNAMED_PID, 831, 924]],
  );
});

test('RabbitMQ 3.8+ status text: Total under File Descriptors, with or without a blank line; not any Total', () => {
  const text = ['File Descriptors', 'Total: 13508, limit: 1048479', 'Sockets: 13506, limit: 943629', 'Free Disk Space'];
  assert.equal(winner(text), 'store-fd-counters');
  assert.deepEqual(
    parseLines(storeFdCounters, text).artifact.samples.map((s) => [s.total, s.limit]),
    [[13508, 1048479]],
  );
  const spaced = ['Runtime', '', 'OS PID: 75325', '', 'File Descriptors', '', 'Total: 6, limit: 32671', 'Sockets: 0, limit: 29401'];
  assert.deepEqual(
    parseLines(storeFdCounters, spaced).artifact.samples.map((s) => [s.pid, s.total, s.limit]),
    [[75325, 6, 32671]],
  );
  assert.equal(winner(['Totals', 'Total: 12, limit: 40']), 'none');
});
