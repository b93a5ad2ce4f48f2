// Item 10 of issue 18: one bad member spoils no archive. A member whose name is over 255 bytes, one
// whose path is over PATH_MAX, and one that would go under a file, are each refused with a warning;
// the other members are read.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { pack } from 'tar-stream';
import { ROOT } from '../helpers.js';

const SAMPLE = resolve(ROOT, 'samples', 'flume-redis-host');

async function archive(path: string, members: [string, string][]): Promise<void> {
  const tar = pack();
  const done = pipeline(tar, createGzip(), createWriteStream(path));
  for (const [name, body] of members) tar.entry({ name, mode: 0o644 }, body);
  tar.finalize();
  await done;
}

test('members with a name over 255 bytes, a path over PATH_MAX, or under a file are refused alone', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'fdleak-members-'));
  try {
    const sockstat = readFileSync(join(SAMPLE, 'proc-net-sockstat.txt'), 'utf8');
    const ss = readFileSync(join(SAMPLE, 'ss-s.txt'), 'utf8');
    const deep = Array.from({ length: 20 }, (_, i) => `${i}${'d'.repeat(240)}`).join('/');
    const path = join(dir, 'mixed.tar.gz');
    await archive(path, [
      ['b/proc-net-sockstat.txt', sockstat],
      [`b/${'n'.repeat(300)}.txt`, sockstat],
      [`b/${'é'.repeat(200)}.txt`, sockstat],
      [`b/${deep}/x.txt`, sockstat],
      ['b/file', 'a file'],
      ['b/file/under.txt', sockstat],
      ['b/ss-s.txt', ss],
    ]);
    const r = spawnSync(process.execPath, [resolve(ROOT, 'bin', 'fdleak.js'), 'analyze', path, '--json'], { encoding: 'utf8' });
    assert.ok(r.status === 0 || r.status === 1, `exit ${r.status}: ${r.stderr}`);
    const result = JSON.parse(r.stdout);
    const kinds = result.sources.map((s: { file: string; kind: string }) => `${s.file} ${s.kind}`);
    assert.ok(kinds.includes('proc-net-sockstat.txt sockstat'), kinds.join('\n'));
    assert.ok(kinds.includes('ss-s.txt ss-summary'), kinds.join('\n'));
    const warnings: string[] = result.sources.flatMap((s: { warnings: string[] }) => s.warnings);
    assert.equal(warnings.filter((w) => /refused archive member .*longer than 255 bytes/.test(w)).length, 2, warnings.join('\n'));
    assert.equal(warnings.filter((w) => /refused archive member .*longer than 4095 bytes/.test(w)).length, 1, warnings.join('\n'));
    assert.equal(
      warnings.filter((w) => /refused archive member "b\/file\/under\.txt": cannot be unpacked here \((ENOTDIR|EEXIST)\)/.test(w)).length,
      1,
      warnings.join('\n'),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
