// Dramatiq's default log format names its writer in a `[PID N]` field (accuracy round 295, on the
// real line of Bogdanp/dramatiq#218: test/accuracy/pending/gh-dramatiq-rabbitmq-connection-refused-fd-limit-no-emfile).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { syslogSource } from '../../src/sources/log-pids.js';
import { bracketFieldPid } from '../../src/sources/record-pids.js';

const DRAMATIQ =
  "[2019-07-22 16:30:24,823] [PID 82438] [Thread-20] [dramatiq.worker.ConsumerThread(transaction.DQ)] [CRITICAL] Consumer encountered a connection error: AMQPConnectionError: (AMQPConnectorSocketConnectError: ConnectionRefusedError(61, 'Connection refused'),)";

test("Dramatiq's prefix: the `[PID N]` field after the time is the writer's pid", () => {
  assert.equal(bracketFieldPid(DRAMATIQ), 82438);
  assert.deepEqual(syslogSource(DRAMATIQ), { pid: 82438 });
  // A `PID` in the message, or after five fields, is no writer's; nor pid 0.
  assert.equal(bracketFieldPid('Worker [PID 82438] exited'), undefined);
  assert.equal(bracketFieldPid('[a] [b] [c] [d] [e] [PID 1]'), undefined);
  assert.equal(bracketFieldPid('[PID 0]'), undefined);
  // Hostile: a long run of spaced brackets stays cheap and unmatched.
  assert.equal(bracketFieldPid(`${'[x] '.repeat(50_000)}[PID 1]`), undefined);
});
