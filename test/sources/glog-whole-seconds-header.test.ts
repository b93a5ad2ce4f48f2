// SeaweedFS's copy of Go's glog (weed/glog) prints its header's time in whole seconds, no
// microseconds: `E0405 11:25:00 45712 filer_server_handlers_read.go:102] …`, the pid after the time.
// Lines from seaweedfs/seaweedfs#2903 (gh-seaweedfs-2903-filer-leveldb-ldb-open-emfile-glog) and
// seaweedfs/seaweedfs#137 (gh-seaweedfs-137-volume-accept-emfile-wrk-ulimit-a-4096), accuracy round 198.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appLog } from '../../src/sources/app-log.js';
import { glogStamp } from '../../src/sources/log-stamps.js';
import { goLogPid } from '../../src/sources/record-pids.js';
import { parseLines } from '../../src/sources/run.js';

const FILER =
  'E0405 11:25:00 45712 filer_server_handlers_read.go:102] Internal /buckets/images/extra-s.ro-9839b549-09-2021-small.jpg: get /buckets/images/extra-s.ro-9839b549-09-2021-small.jpg : open /data/seabackup/filerldb2/06/004940.ldb: too many open files';
const VOLUME = 'I0506 11:18:28 21451 volume_server_handlers_read.go:132] response write error: write tcp [::1]:56249: broken pipe';

test('a header with whole seconds is a stamp: its level, date and time, the message after it', () => {
  const s = glogStamp(FILER);
  assert.ok(s);
  assert.equal(s.level, 'ERROR');
  assert.equal(s.date, '04-05');
  assert.equal(s.seconds, 11 * 3600 + 25 * 60);
  assert.ok(s.rest.startsWith('Internal /buckets/images/'));
  assert.equal(glogStamp(VOLUME)?.level, 'INFO');
  // A time no clock shows is still no stamp.
  assert.equal(glogStamp('E1305 11:25:00 45712 filer.go:102] x'), null);
});

test('the number after a whole-seconds time is the pid, with a Go source only', () => {
  assert.equal(goLogPid(FILER), 45712);
  assert.equal(goLogPid(VOLUME), 21451);
  assert.equal(goLogPid('E0405 11:25:00 45712 filer.cc:102] x'), undefined);
  // The microsecond form is read as before.
  assert.equal(goLogPid('I0410 17:54:57.997000    3672 server.go:145] x'), 3672);
});

test("the filer's EMFILE record is pid 45712's", () => {
  const { artifact } = parseLines(appLog, [FILER]);
  assert.equal(artifact.exhaustion.emfile, 1);
  assert.deepEqual(
    artifact.exhaustion.samples.map((x) => x.pid),
    [45712],
  );
});
