// collect --redact on this machine: a real leaker captured with every tool, written redacted with no
// plain copy left behind, and the redacted bundle still diagnoses the leak.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { hostname, networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { IN_CI } from '../helpers.js';
import { findTool } from '../../src/collect/host.js';
import { startLeaker, type Leaker } from '../collect/leaker.js';
import { analyzeBundle } from '../../src/analysis.js';
import { keptHost } from '../../src/redact/keep.js';

const CLI = fileURLToPath(new URL('../collect/cli-entry.js', import.meta.url));
const needs = ['strace', 'python3', 'ss', 'ps'].filter((t) => !findTool(t));
const skip =
  !IN_CI && (needs.length > 0 || process.getuid?.() !== 0) ? `needs root and ${needs.join(', ') || 'nothing else'} (runs in CI)` : false;

let work: string;
let leaker: Leaker;

before(async () => {
  if (skip) return;
  work = mkdtempSync(join(tmpdir(), 'fdleak-collect-redact-'));
  leaker = await startLeaker(join(work, 'applogs', 'cat'), 0.02, 60);
});

after(async () => {
  if (skip) return;
  // undefined when it did not start: its own error says why.
  await leaker?.stop();
  rmSync(work, { recursive: true, force: true });
});

function fdleak(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd: work });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c));
    child.stderr.on('data', (c: Buffer) => (stderr += c));
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? filesUnder(join(dir, f)) : [join(dir, f)]));
}

test('collect --redact: no plain capture stays, the host name and addresses are gone, the leak is still found', {
  skip,
  timeout: 180_000,
}, async () => {
  const out = join(work, 'shared');
  const map = join(work, 'map.json');
  const r = await fdleak([
    'collect',
    '--pid',
    String(leaker.pid),
    '--strace-seconds',
    '2',
    '--snapshots',
    '2',
    '--interval',
    '1',
    '--no-host-lsof',
    '--redact',
    '--redact-map',
    map,
    '--out',
    out,
  ]);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stderr, /fdleak: redacted \(.*host name/);
  assert.deepEqual(
    readdirSync(work).filter((f) => f.includes('.plain-')),
    [],
    'the plain captures were removed',
  );
  assert.equal(statSync(map).mode & 0o777, 0o600);
  const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as { host: string; files: { path: string }[] };
  const host = hostname();
  if (!keptHost(host)) assert.match(manifest.host, /^host-\d+$/);
  assert.equal((JSON.parse(readFileSync(map, 'utf8')) as { hosts: Record<string, string> }).hosts[manifest.host], host.toLowerCase());
  const addresses = Object.values(networkInterfaces())
    .flat()
    .filter((a) => a && !a.internal)
    .map((a) => a!.address);
  for (const file of filesUnder(out)) {
    assert.equal(statSync(file).mode & 0o777, 0o600, file);
    const text = readFileSync(file, 'utf8');
    if (!keptHost(host)) assert.doesNotMatch(text, new RegExp(`(?<![A-Za-z0-9])${host}(?![A-Za-z0-9])`, 'i'), file);
    for (const a of addresses) assert.ok(!text.includes(a), `${a} in ${file}`);
  }
  for (const f of manifest.files) assert.ok(filesUnder(out).includes(join(out, f.path)), `${f.path} listed and written`);
  const { result } = await analyzeBundle(out);
  assert.equal(result.verdict, 'leak');
  assert.equal(result.suspects[0].pid, leaker.pid);
  assert.equal(result.suspects[0].leak.kind, 'socket-unconnected');
  assert.equal(result.rootCause?.pid, leaker.pid);
});
