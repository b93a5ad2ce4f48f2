import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createGzip } from 'node:zlib';
import { pipeline } from 'node:stream/promises';
import { createWriteStream } from 'node:fs';
import * as tar from 'tar-stream';
import { safeMemberPath, unpack } from '../../src/bundle/unpack.js';
import { sniffArchive } from '../../src/bundle/archive-kind.js';

const SOCKSTAT = 'sockets: used 10\nTCP: inuse 1 orphan 0 tw 0 alloc 5 mem 1\n';

async function writeTarGz(path: string, members: { name: string; body?: string; type?: 'file' | 'symlink'; linkname?: string }[]) {
  const pack = tar.pack();
  for (const m of members) {
    if (m.type === 'symlink') pack.entry({ name: m.name, type: 'symlink', linkname: m.linkname });
    else pack.entry({ name: m.name }, m.body ?? '');
  }
  pack.finalize();
  await pipeline(pack, createGzip(), createWriteStream(path));
}

test('member paths: relative ones stay inside, absolute and .. are refused', () => {
  assert.deepEqual(safeMemberPath('/tmp/x', 'a/b.txt'), { path: '/tmp/x/a/b.txt' });
  assert.ok('refused' in safeMemberPath('/tmp/x', '../evil'));
  assert.ok('refused' in safeMemberPath('/tmp/x', 'a/../../evil'));
  assert.ok('refused' in safeMemberPath('/tmp/x', '/etc/passwd'));
  assert.ok('refused' in safeMemberPath('/tmp/x', 'C:\\evil'));
});

test('a .tar.gz member that would land outside the folder is refused; the rest unpacks', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'fdleak-test-'));
  const archive = join(dir, 'bundle.tgz');
  await writeTarGz(archive, [
    { name: 'b/sockstat.txt', body: SOCKSTAT },
    { name: '../escaped.txt', body: 'x' },
    { name: 'b/link', type: 'symlink', linkname: '/etc/passwd' },
  ]);
  assert.equal(await sniffArchive(archive), 'tar.gz');
  const dest = join(dir, 'out');
  execFileSync('mkdir', [dest]);
  const warnings = await unpack(archive, 'tar.gz', dest);
  assert.equal(readFileSync(join(dest, 'b/sockstat.txt'), 'utf8'), SOCKSTAT);
  assert.ok(!existsSync(join(dir, 'escaped.txt')), 'nothing written outside');
  assert.ok(!existsSync(join(dest, 'b/link')));
  assert.ok(
    warnings.some((w) => w.message.includes('"../escaped.txt"') && w.message.includes('escapes')),
    JSON.stringify(warnings),
  );
  assert.ok(
    warnings.some((w) => w.message.includes('link member')),
    JSON.stringify(warnings),
  );
});

test('a .zip member with .. is refused (zip written by python3 zipfile, which allows such names)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'fdleak-test-'));
  const archive = join(dir, 'bundle.zip');
  execFileSync('python3', [
    '-c',
    `import zipfile,sys
z=zipfile.ZipFile(sys.argv[1],'w')
z.writestr('ok/sockstat.txt', ${JSON.stringify(SOCKSTAT)})
z.writestr('../../zip-escaped.txt', 'x')
z.close()`,
    archive,
  ]);
  assert.equal(await sniffArchive(archive), 'zip');
  const dest = join(dir, 'out');
  execFileSync('mkdir', [dest]);
  const warnings = await unpack(archive, 'zip', dest);
  assert.equal(readFileSync(join(dest, 'ok/sockstat.txt'), 'utf8'), SOCKSTAT);
  assert.ok(!existsSync(join(dir, '..', 'zip-escaped.txt')));
  assert.ok(
    warnings.some((w) => w.message.includes('zip-escaped.txt')),
    JSON.stringify(warnings),
  );
});

test('size caps stop an archive that unpacks too large', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'fdleak-test-'));
  const archive = join(dir, 'big.tgz');
  await writeTarGz(archive, [{ name: 'a.txt', body: 'x'.repeat(5000) }]);
  const dest = join(dir, 'out');
  execFileSync('mkdir', [dest]);
  await assert.rejects(
    unpack(archive, 'tar.gz', dest, { maxTotalBytes: 1000, maxEntryBytes: 100_000, maxEntries: 10 }),
    /more than 1000 bytes/,
  );
});

test('a .tar.xz unpacks', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'fdleak-test-'));
  writeFileSync(join(dir, 'sockstat.txt'), SOCKSTAT);
  execFileSync('tar', ['-cJf', join(dir, 'b.tar.xz'), '-C', dir, 'sockstat.txt']);
  assert.equal(await sniffArchive(join(dir, 'b.tar.xz')), 'tar.xz');
  const dest = join(dir, 'out');
  execFileSync('mkdir', [dest]);
  await unpack(join(dir, 'b.tar.xz'), 'tar.xz', dest);
  assert.equal(readFileSync(join(dest, 'sockstat.txt'), 'utf8'), SOCKSTAT);
});
