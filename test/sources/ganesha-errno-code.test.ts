// nfs-ganesha's report of an errno by its number, `Error I/O error with error code 24 in
// file_To_Fattr converted to NFS4ERR_IO`: the log in nfs-ganesha#1092
// (gh-nfs-ganesha-1092-error-code-24-log-pid-false, accuracy round 219), written with PID = FALSE.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appLog } from '../../src/sources/app-log.js';
import { parseLines } from '../../src/sources/run.js';
import { ranOutErrno } from '../../src/sources/exhaustion-text.js';

const GANESHA =
  '2024-03-06 07:09:31 [::ffff:172.38.188.116] [svc_9732] /root/rpmbuild/BUILD/Ganesha/support/nfs_convert.c:663 :nfs4_Errno_verbose :NFS4 :CRIT :Error I/O error with error code 24 in file_To_Fattr converted to NFS4ERR_IO but was set non-retryable';

test("ganesha's `error code 24 … converted to NFS4ERR_IO` says it ran out (EMFILE); 23 the host's table", () => {
  assert.equal(ranOutErrno(GANESHA), 'EMFILE');
  assert.equal(ranOutErrno(GANESHA.replace('code 24', 'code 23')), 'ENFILE');
  assert.equal(ranOutErrno(GANESHA.replace('code 24', 'code 5')), null);
  assert.equal(ranOutErrno(GANESHA.replace('code 24', 'code 240')), null);
  // Another program's "error code 24" (a Windows or HTTP client's) is not ganesha's errno.
  assert.equal(ranOutErrno('upload failed with error code 24'), null);
});

test("ganesha's line alone is read as its log: one EMFILE report, no pid", () => {
  assert.ok(appLog.detect({ head: [GANESHA], name: 'f' }) > 0);
  const { artifact } = parseLines(appLog, [GANESHA]);
  assert.equal(artifact.exhaustion.emfile, 1);
});
