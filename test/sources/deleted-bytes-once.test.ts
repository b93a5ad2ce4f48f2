import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lsof } from '../../src/sources/lsof.js';
import { parseLines } from '../../src/sources/run.js';

// jianshuapi.com/p/ded2ada16aad: a Java service whose stdout and stderr (fds 1, 2) are one
// deleted log, NODE 660111, and an APM temp log, as `lsof | grep deleted` prints them with TIDs.
const ROWS = [
  'java 29490 10351 admin 1w REG 253,1 38599237662 660111 /home/admin/apps/service/ignite-gateway/output.log (deleted)',
  'java 29490 10351 admin 2w REG 253,1 38599237662 660111 /home/admin/apps/service/ignite-gateway/output.log (deleted)',
  'java 29490 10351 admin 17w REG 253,1 3180389 16149 /tmp/elasticapm-java-494ffd50-6b5c-421c-9fbb-ad4df3f7ed27.log.json (deleted)',
  'java 29490 10352 admin 1w REG 253,1 38599237662 660111 /home/admin/apps/service/ignite-gateway/output.log (deleted)',
  'java 29490 10352 admin 2w REG 253,1 38599237662 660111 /home/admin/apps/service/ignite-gateway/output.log (deleted)',
];

test('a deleted file open on two fds holds its bytes once; each deleted fd still counts', () => {
  const t = parseLines(lsof, ROWS).artifact;
  const h = t.holders.find((x) => x.pid === 29490);
  assert.ok(h);
  assert.equal(h.deletedFiles, 3);
  assert.equal(h.deletedBytes, 38599237662 + 3180389);
});

test('two deleted files of one name but other inodes are two files (header path)', () => {
  const rows = [
    'COMMAND PID USER FD TYPE DEVICE SIZE/OFF NODE NAME',
    'app 7 u 3w REG 8,1 1000 11 /var/log/app.log (deleted)',
    'app 7 u 4w REG 8,1 2000 12 /var/log/app.log (deleted)',
    'app 7 u 5w REG 8,1 2000 12 /var/log/app.log (deleted)',
  ];
  const t = parseLines(lsof, rows).artifact;
  assert.equal(t.holders.find((x) => x.pid === 7)?.deletedBytes, 3000);
});
