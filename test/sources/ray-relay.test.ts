import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rayRelay } from '../../src/sources/log-pids.js';
import { appLog } from '../../src/sources/app-log.js';
import { parseLines } from '../../src/sources/run.js';

// ray-project/ray#29696: the driver's output, each Ray process's line behind the prefix naming it.
const DRIVER = [
  '2022-10-25 10:37:55,912 INFO worker.py:1333 -- Connecting to existing Ray cluster at address: 192.168.1.9:6379...',
  '2022-10-25 10:37:55,922 INFO worker.py:1509 -- Connected to Ray cluster. View the dashboard at 192.168.1.9:8265 ',
  '(pid=gcs_server) E1025 10:38:12.624350177    1647 tcp_server_posix.cc:213]    Failed accept4: Too many open files',
  '(raylet, ip=192.168.1.14) [2022-10-25 10:38:17,636 E 2165 2165] gcs_rpc_client.h:202: Failed to connect to GCS at address 192.168.1.9:6379 within 5 seconds.',
];

test('ray prefix: a component by name, a worker by pid, a process of another node by name only', () => {
  assert.deepEqual(rayRelay(DRIVER[2]), { program: 'gcs_server', rest: 17 });
  assert.deepEqual(rayRelay(DRIVER[3]), { program: 'raylet', remote: true, rest: 26 });
  assert.deepEqual(rayRelay('(MyActor pid=31337) OSError: [Errno 24] Too many open files'), { program: 'MyActor', pid: 31337, rest: 20 });
  assert.deepEqual(rayRelay('(pid=31337) x'), { pid: 31337, rest: 12 });
  assert.deepEqual(rayRelay('(Worker pid=31337, ip=10.0.0.2) x'), { program: 'Worker', remote: true, rest: 32 });
  assert.deepEqual(rayRelay('(raylet) [2023-04-12 18:43:36,237 E 55835 55835] x'), { program: 'raylet', rest: 9 });
  assert.equal(rayRelay(DRIVER[0]), null);
  assert.equal(rayRelay('(note) not a ray line'), null, 'a bare name that is no Ray component');
  assert.equal(rayRelay('(nextcloud:16504): GLib-ERROR **: x'), null);
});

test("ray driver output: the EMFILE line is the named component's, the raylets of another node are not blamed", () => {
  assert.ok(appLog.detect({ head: DRIVER, name: 'f' }) > 0, 'read as a log');
  const { artifact } = parseLines(appLog, DRIVER);
  const samples = artifact.exhaustion.samples;
  assert.equal(samples.length, 1);
  assert.equal(samples[0].program, 'gcs_server');
  assert.equal(samples[0].pid, undefined, 'grpc prints the thread id, 1647, not the pid');
  assert.equal(samples[0].ev.line, 3);
});
