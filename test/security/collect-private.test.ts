// Item 1 of issue 18: `collect` as root copies only what the traced process has open, and keeps what
// it copies to itself. A process running as `nobody` holds its log open and then swaps the log's
// path for a symlink to a root-only file (the race collect loses when it re-resolves the path):
// the tail must be the log's, read through /proc/PID/fd/N. Every file collect writes is 0600, every
// folder 0700, in a folder bundle and in a .tar.gz.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, chownSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { once } from 'node:events';
import { fdLinks } from '../../src/collect/procfs.js';
import { openHeldFile, openLogs, tailFile } from '../../src/collect/logs.js';
import { IN_CI, ROOT } from '../helpers.js';

const NOBODY = 65534;
const skip = !IN_CI && process.getuid?.() !== 0 ? 'needs root (runs in CI)' : false;

interface Holder {
  child: ChildProcess;
  log: string;
  secret: string;
  /** Tells the holder to swap its log's path for a symlink to the secret; resolves once done. */
  swap(): Promise<void>;
}

/** A `nobody` process that appends a line to dir/logs/app.log and keeps it open as fd 3. */
async function startHolder(dir: string): Promise<Holder> {
  chmodSync(dir, 0o755);
  const logs = join(dir, 'logs');
  mkdirSync(logs);
  chownSync(logs, NOBODY, NOBODY);
  const log = join(logs, 'app.log');
  const secret = join(dir, 'root-only.txt');
  writeFileSync(secret, 'ROOT SECRET\n', { mode: 0o600 });
  const script = `exec 3>>"$1"; echo "original log line" >&3; echo ready; read go; mv "$1" "$1.1"; ln -s "$2" "$1"; echo swapped; exec sleep 120`;
  const child = spawn('/bin/sh', ['-c', script, 'holder', log, secret], { uid: NOBODY, gid: NOBODY, stdio: ['pipe', 'pipe', 'inherit'] });
  let out = '';
  child.stdout!.on('data', (c: Buffer) => (out += c));
  const waitFor = async (word: string) => {
    while (!out.includes(word)) await once(child.stdout!, 'data');
  };
  await waitFor('ready');
  return {
    child,
    log,
    secret,
    swap: async () => {
      child.stdin!.write('go\n');
      await waitFor('swapped');
    },
  };
}

test('a log tail is read from the file the process holds, not from its path after a swap to a root-only file', { skip }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'fdleak-swap-'));
  const holder = await startHolder(dir);
  try {
    const links = fdLinks(holder.child.pid!) ?? [];
    const [log] = openLogs(links, []);
    assert.equal(log?.target, holder.log);
    await holder.swap();
    const dest = join(dir, 'bundle', 'logs', 'app.log');
    tailFile(openHeldFile(holder.child.pid!, log.fd), dest, 1 << 20);
    assert.equal(readFileSync(dest, 'utf8'), 'original log line\n');
    assert.equal(statSync(dest).mode & 0o777, 0o600);
  } finally {
    holder.child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  }
});

/** Every file and folder under `dir`, with its permission bits. */
function modes(dir: string): { path: string; mode: number; folder: boolean }[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true }).map((d) => {
    const path = join(d.parentPath ?? d.path, d.name);
    return { path, mode: statSync(path).mode & 0o777, folder: d.isDirectory() };
  });
}

test('collect writes its bundle 0600 / 0700, as a folder and as a .tar.gz, with the held log in it', { skip }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'fdleak-private-'));
  const holder = await startHolder(dir);
  try {
    const pid = String(holder.child.pid);
    const args = ['collect', '--pid', pid, '--strace-seconds', '0', '--snapshots', '0', '--no-host-lsof', '--timeout', '20'];
    const run = (out: string) =>
      spawnSync(process.execPath, [resolve(ROOT, 'bin', 'fdleak.js'), ...args, '--out', out], { cwd: dir, encoding: 'utf8' });
    const folder = run('bundle');
    assert.equal(folder.status, 0, folder.stderr);
    const bundle = join(dir, 'bundle');
    assert.equal(statSync(bundle).mode & 0o777, 0o700);
    const all = modes(bundle);
    assert.ok(all.length > 5, JSON.stringify(all));
    for (const m of all) assert.equal(m.mode, m.folder ? 0o700 : 0o600, `${m.path}: ${m.mode.toString(8)}`);
    assert.equal(readFileSync(join(bundle, 'logs', holder.log.slice(1)), 'utf8'), 'original log line\n');

    const packed = run('bundle.tar.gz');
    assert.equal(packed.status, 0, packed.stderr);
    assert.equal(statSync(join(dir, 'bundle.tar.gz')).mode & 0o777, 0o600);
    const listing = spawnSync('tar', ['-tvzf', join(dir, 'bundle.tar.gz')], { encoding: 'utf8' })
      .stdout.trim()
      .split('\n');
    for (const line of listing) assert.match(line, /^(-rw-------|drwx------) /, line);
  } finally {
    holder.child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  }
});
