import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BUNDLE_SCHEMA, ManifestWriter, STDERR_LIMIT, truncateStderr, type BundleManifest } from '../../src/collect/manifest.js';
import { hostTimezone, isoWithOffset } from '../../src/collect/host.js';

function fresh(): BundleManifest {
  return {
    schema: BUNDLE_SCHEMA,
    host: 'web-1',
    timezone: 'Asia/Shanghai',
    capturedAt: '2019-07-22T14:03:05.000+08:00',
    collector: { name: 'fdleak', version: '0.1.0' },
    missing: [],
    files: [],
  };
}

test('the manifest on disk is complete JSON after every change, and no temporary file is left', (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'fdleak-manifest-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const w = new ManifestWriter(dir, fresh());
  const onDisk = (): BundleManifest => JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
  assert.deepEqual(onDisk().files, []);
  w.addFile({ path: 'ss-s.txt', command: 'ss -s', startedAt: 'a', endedAt: 'b', exitCode: 0 });
  assert.equal(onDisk().files.length, 1);
  w.addMissing({ what: 'netstat -antp', command: 'netstat -antp', reason: 'not installed' });
  w.addMissing({ what: 'netstat -antp', command: 'netstat -antp', reason: 'twice' });
  assert.deepEqual(onDisk().missing, [{ what: 'netstat -antp', command: 'netstat -antp', reason: 'not installed' }]);
  w.addFile({ path: 'ss-s.txt', command: 'ss -s', startedAt: 'c', endedAt: 'd', exitCode: 1 });
  assert.deepEqual(
    onDisk().files.map((f) => f.startedAt),
    ['c'],
    'a re-capture replaces its entry',
  );
  w.setSuspect(25204, 'given');
  assert.equal(onDisk().suspectPid, 25204);
  assert.deepEqual(readdirSync(dir), ['manifest.json']);
  assert.equal(onDisk().schema, 'fdleak/bundle@1');
  const reopened = ManifestWriter.open(dir)!;
  assert.equal(reopened.manifest.files[0].exitCode, 1);
  assert.equal(ManifestWriter.open(join(dir, 'nope')), null);
});

test('stderr is trimmed and cut to its limit', () => {
  assert.equal(truncateStderr('  \n'), undefined);
  assert.equal(truncateStderr('lsof: WARNING\n'), 'lsof: WARNING');
  const long = truncateStderr('x'.repeat(STDERR_LIMIT + 10))!;
  assert.ok(long.startsWith('x'.repeat(STDERR_LIMIT)) && long.endsWith('[10 more chars]'));
});

test('times carry their offset; the zone is an IANA name', () => {
  const s = isoWithOffset(new Date('2019-07-22T06:03:05.120Z'));
  assert.match(s, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}[+-]\d\d:\d\d$/);
  assert.equal(Date.parse(s), Date.parse('2019-07-22T06:03:05.120Z'));
  assert.equal(hostTimezone({ TZ: 'Asia/Shanghai' }), 'Asia/Shanghai');
  assert.equal(hostTimezone({ TZ: ':Europe/Berlin' }), 'Europe/Berlin');
  assert.doesNotThrow(() => new Intl.DateTimeFormat('en', { timeZone: hostTimezone({}) }));
});
