// The installed command (bin/fdleak.js, the bundled CLI): exit codes scripts rely on, one-line
// errors, JSON on stdout, and a report written to disk.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ROOT } from '../helpers.js';

const BIN = resolve(ROOT, 'bin', 'fdleak.js');
const run = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8' });

test('--version and --help', () => {
  const v = run('--version');
  assert.equal(v.status, 0);
  assert.equal(v.stdout.trim(), JSON.parse(readFileSync(resolve(ROOT, 'package.json'), 'utf8')).version);
  const h = run('analyze', '--help');
  assert.equal(h.status, 0);
  assert.match(h.stdout, /Examples:/);
});

test('analyze: exit 1 with a leak, 0 without, JSON on stdout', () => {
  const leak = run('analyze', 'samples/flume-redis-host', '--json');
  assert.equal(leak.status, 1, leak.stderr);
  const r = JSON.parse(leak.stdout);
  assert.equal(r.schema, 'fdleak/analysis@1');
  assert.equal(r.suspects[0].pid, 4684);
  const healthy = run('analyze', 'samples/py-healthy-server');
  assert.equal(healthy.status, 0, healthy.stderr);
  assert.match(healthy.stdout, /Verdict: NO-LEAK/);
});

test('bad usage and unreadable input: exit 2, one line, no stack trace', () => {
  for (const args of [['analyze', '/nonexistent/bundle'], ['frobnicate'], ['report', 'samples/flume-redis-host', '--format', 'docx']]) {
    const r = run(...args);
    assert.equal(r.status, 2, `${args.join(' ')}: ${r.stderr}`);
    assert.match(r.stderr, /^fdleak: /);
    assert.doesNotMatch(r.stderr, /\n\s+at /, 'no stack trace');
  }
});

test('report writes the HTML with its charts', () => {
  const out = join(mkdtempSync(join(tmpdir(), 'fdleak-cli-')), 'flume.html');
  const r = run('report', 'samples/flume-redis-host', '--format', 'html', '--out', out);
  assert.equal(r.status, 0, r.stderr);
  const html = readFileSync(out, 'utf8');
  assert.match(html, /<svg/);
  assert.match(html, /Content-Security-Policy/);
});
