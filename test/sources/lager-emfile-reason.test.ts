// lager's own text for a crash whose reason is `{emfile, Trace}` (error_logger_lager_h's
// format_reason): Riak's node on macOS, basho/riak#267. Real line:
// test/accuracy/cases/gh-riak-macos-attach-memsup-fds-exhausted-check-ulimit.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ranOutErrno } from '../../src/sources/exhaustion-text.js';

const RIAK = '16:24:52.073 [error] gen_server memsup terminated with reason: maximum number of file descriptors exhausted, check ulimit -n';

test("lager's `maximum number of file descriptors exhausted, check ulimit -n` says the node ran out (EMFILE)", () => {
  assert.equal(ranOutErrno(RIAK), 'EMFILE');
  assert.equal(
    ranOutErrno(
      'CRASH REPORT Process <0.91.0> with 0 neighbours crashed with reason: maximum number of file descriptors exhausted, check ulimit -n',
    ),
    'EMFILE',
  );
});

test("lager's other limits are not fds: ports and processes exceeded say nothing of them", () => {
  assert.equal(ranOutErrno('16:24:52.073 [error] gen_server x terminated with reason: maximum number of ports exceeded'), null);
  assert.equal(ranOutErrno('16:24:52.081 [info] Spidermonkey VM (pool: riak_kv_js_hook) host stopping (<0.389.0>)'), null);
});
