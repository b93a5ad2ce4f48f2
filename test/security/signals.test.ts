// Item 8 of issue 18: Ctrl-C or SIGTERM while an archive unpacks (gigabytes into a temporary
// folder) or while Chromium prints the PDF leaves nothing behind, and fdleak exits 130 / 143 without
// a word about an internal error. Each run gets a TMPDIR of its own, so what is left is visible.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { IN_CI, ROOT } from '../helpers.js';
import { findChrome } from '../../src/report/browser.js';

const BIN = resolve(ROOT, 'bin', 'fdleak.js');

/**
 * A .tar.gz whose one member is `chunks` × 64 MB of zeros: gzip members may be concatenated, so the
 * same compressed chunk is repeated instead of compressing a gigabyte.
 */
function bigArchive(path: string, chunks: number): void {
  const size = chunks * 64 * 1024 * 1024;
  const header = Buffer.alloc(512);
  header.write('zeros.txt', 0);
  header.write('0000644\0', 100);
  header.write('0000000\0', 108);
  header.write('0000000\0', 116);
  header.write(`${size.toString(8).padStart(11, '0')}\0`, 124);
  header.write('00000000000\0', 136);
  header.write('        ', 148);
  header.write('0', 156);
  header.write('ustar\0', 257);
  header.write('00', 263);
  let sum = 0;
  for (const b of header) sum += b;
  header.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148);
  const chunk = gzipSync(Buffer.alloc(64 * 1024 * 1024), { level: 1 });
  writeFileSync(path, Buffer.concat([gzipSync(header), ...Array.from({ length: chunks }, () => chunk), gzipSync(Buffer.alloc(1024))]));
}

/** Total bytes of the files under `dir`. */
function bytesUnder(dir: string): number {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .reduce((n, d) => n + statSync(join(d.parentPath ?? d.path, d.name)).size, 0);
}

async function waitFor(what: string, ok: () => boolean, ms = 30_000): Promise<void> {
  const until = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > until) throw new Error(`gave up waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Runs fdleak with TMPDIR `tmp`, sends `signal` once `ready` holds, and returns its exit code and stderr. */
async function interrupt(
  args: string[],
  tmp: string,
  signal: NodeJS.Signals,
  ready: () => boolean,
): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, TMPDIR: tmp }, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (c: Buffer) => (stderr += c));
  const exited = once(child, 'exit');
  try {
    await waitFor(`${args[0]} to get under way`, ready);
  } catch (err) {
    child.kill('SIGKILL');
    throw err;
  }
  child.kill(signal);
  const [code] = await exited;
  return { code, stderr };
}

const dirsIn = (tmp: string, prefix: string) =>
  readdirSync(tmp)
    .filter((f) => f.startsWith(prefix))
    .map((f) => join(tmp, f));

for (const [signal, code] of [
  ['SIGINT', 130],
  ['SIGTERM', 143],
] as const) {
  test(`${signal} while an archive unpacks: the temporary folder is removed, exit ${code}, quietly`, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fdleak-signal-'));
    try {
      const tmp = join(dir, 'tmp');
      mkdirSync(tmp);
      bigArchive(join(dir, 'big.tar.gz'), 16);
      const r = await interrupt(['analyze', join(dir, 'big.tar.gz')], tmp, signal, () =>
        dirsIn(tmp, 'fdleak-').some((d) => bytesUnder(d) > 32 * 1024 * 1024),
      );
      assert.equal(r.code, code, r.stderr);
      assert.equal(r.stderr, '');
      assert.deepEqual(readdirSync(tmp), []);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
}

let chrome = true;
try {
  findChrome();
} catch (err) {
  if (IN_CI) throw err;
  chrome = false;
}

for (const [signal, code] of [
  ['SIGINT', 130],
  ['SIGTERM', 143],
] as const) {
  test(`${signal} while Chromium prints the PDF: its profile is removed, exit ${code}, quietly`, {
    skip: chrome ? false : 'no Chromium',
  }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fdleak-signal-'));
    try {
      const tmp = join(dir, 'tmp');
      mkdirSync(tmp);
      // Chromium's profile: fdleak's own, or puppeteer's (what the starting commit used).
      const profiles = () => [...dirsIn(tmp, 'fdleak-chrome-'), ...dirsIn(tmp, 'puppeteer_dev_chrome_profile-')];
      const running = () => profiles().some((p) => readdirSync(p).length > 3);
      const r = await interrupt(
        ['report', resolve(ROOT, 'samples', 'flume-redis-host'), '-f', 'pdf', '--out', join(dir, 'x.pdf')],
        tmp,
        signal,
        running,
      );
      assert.equal(r.code, code, r.stderr);
      assert.doesNotMatch(r.stderr, /internal error|Connection closed/);
      // Chromium's processes are killed as a group; give the kernel a moment to reap them.
      await waitFor('the temporary folders to stay gone', () => readdirSync(tmp).length === 0, 5_000).catch(() => undefined);
      assert.deepEqual(readdirSync(tmp), []);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
}
