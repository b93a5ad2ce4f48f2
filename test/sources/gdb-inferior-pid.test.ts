// gdb's `[Inferior 1 (process N) exited with code 01]` says which process printed the lines above
// it: Wazuh's ossec-logcollector in wazuh/wazuh#1589 (gh-wazuh-logcollector-gdb-errno24-process-16058,
// accuracy round 39).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appLog } from '../../src/sources/app-log.js';
import { gdbInferiorPid } from '../../src/sources/log-pids.js';
import { parseLines } from '../../src/sources/run.js';

const GDB = [
  "2018/10/08 16:52:40 ossec-logcollector: ERROR: (1103): Could not open file '/var/ossec/etc/internal_options.conf' due to [(24)-(Too many open files)].",
  "2018/10/08 16:52:40 ossec-logcollector: CRITICAL: (2301): Definition not found for: 'wazuh.thread_stack_size'.",
  '[Inferior 1 (process 16058) exited with code 01]',
];

test("gdb's inferior line names the pid of the lines before it that name no process", () => {
  assert.equal(gdbInferiorPid(GDB[2]), 16058);
  assert.ok(appLog.detect({ head: GDB, name: 'f' }) > 0);
  const { artifact } = parseLines(appLog, GDB);
  assert.deepEqual(artifact.exhaustion.byPid, { 16058: 1 });
  assert.equal(artifact.exhaustion.samples[0].pid, 16058);
});

test('other lines name no inferior; lines after the inferior line stay unnamed', () => {
  assert.equal(gdbInferiorPid('[Inferior 1 (process 0) exited normally]'), undefined);
  assert.equal(gdbInferiorPid('[New Thread 0x7ffff7fc8700 (LWP 16059)]'), undefined);
  assert.equal(gdbInferiorPid('[Inferior 2 (process 77) exited normally]'), 77);
  const { artifact } = parseLines(appLog, [GDB[2], GDB[0], GDB[1]]);
  assert.deepEqual(artifact.exhaustion.byPid, {});
});
