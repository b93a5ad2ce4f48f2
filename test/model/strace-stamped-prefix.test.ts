// A record strace cut with -s matches the log's records of the same shape written at other seconds:
// the captured push sidecar's thread writes `2026-12-07 21:33:19 [ERROR] [Pus"..., 115`, and the
// log's tail, taken seconds later, holds `2026-12-07 21:33:23 [ERROR] [PushGateway] Error when try
// connecting to 127.0.0.1:1: [Errno 111] Connection refused`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { sameRecordShape, stampedPrefix } from '../../src/model/strace/stamped-prefix.js';
import { analyzeBundle } from '../../src/analysis.js';
import { CASES_DIR } from '../accuracy/score.js';

const CUT = '2026-12-07 21:33:19 [ERROR] [Pus';
const LINE = '2026-12-07 21:33:23 [ERROR] [PushGateway] Error when try connecting to 127.0.0.1:1: [Errno 111] Connection refused';

test('a cut record that opens with a stamp matches records of its shape at other times', () => {
  const p = stampedPrefix(CUT);
  assert.ok(p);
  assert.equal(sameRecordShape(p, LINE), true);
  // Another level, another stamp format, or no stamp: no match.
  assert.equal(sameRecordShape(p, '2026-12-07 21:33:23 [INFO] [main] pushd 21429 started'), false);
  assert.equal(sameRecordShape(p, '2026/12/07 21:33:23 [ERROR] [PushGateway] x'), false);
  assert.equal(sameRecordShape(p, '[ERROR] [PushGateway] Error when try connecting'), false);
});

test('a cut string with no stamp, or too little after it, is matched only as a plain prefix', () => {
  assert.equal(stampedPrefix('Failed to get journal fd: Too ma'), null);
  assert.equal(stampedPrefix('2026-12-07 21:33:19 [INFO]'), null);
  assert.equal(stampedPrefix('12 34 closed by peer 0123456789'), null);
});

test("the captured sidecar's root cause is the log's record of what its leaking thread wrote", async () => {
  const { result: r } = await analyzeBundle(join(CASES_DIR, 'py-pushd-gateway-refused-socket-kept-strace-f-lsof-log', 'bundle'));
  assert.equal(r.rootCause?.tid, 21493);
  assert.match(r.rootCause?.message ?? '', /Error when try connecting to 127\.0\.0\.1:1/);
});
