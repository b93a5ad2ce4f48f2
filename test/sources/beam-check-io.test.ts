// EMQX's `vm io` report (emqx/emqx#1126, `emqttd_ctl vm io` of EMQ 2.1.2): the Erlang VM's poller
// may hold 1024 fds — the broker's own open-files limit, under an init script that limits.conf's
// 1048576 never reached — and watches 1 now (the listener): a limit, no count of its fds.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { beamCheckIo } from '../../src/sources/beam-check-io.js';
import { UNNAMED_PID } from '../../src/sources/artifacts.js';
import { parseLines } from '../../src/sources/run.js';

const REPORT = ['', 'io/max_fds              : 1024', 'io/active_fds           : 1'];

test("the VM's io/max_fds is its open-files limit, of a process the report does not name", () => {
  assert.ok(beamCheckIo.detect({ head: REPORT, name: 'vm-io.txt' }) > 0);
  const r = parseLines(beamCheckIo, REPORT, { command: 'emqttd_ctl vm io' });
  assert.deepEqual(
    r.artifact.limits.map((l) => [l.pid, l.openFiles.soft, l.openFiles.ev.line]),
    [[UNNAMED_PID, 1024, 2]],
  );
  // active_fds counts the fds the poller watches, not the VM's fds: no sample.
  assert.deepEqual(r.artifact.samples, []);
});

test('one of the two lines alone, or other key/value output, is not the report', () => {
  assert.equal(beamCheckIo.detect({ head: ['io/max_fds              : 1024'], name: 'x' }), 0);
  assert.equal(beamCheckIo.detect({ head: ['memory/total            : 79186248', 'memory/processes        : 26412864'], name: 'x' }), 0);
  const r = parseLines(beamCheckIo, ['io/max_fds : 0', 'io/active_fds : 0']);
  assert.deepEqual(r.artifact.limits, []);
});
