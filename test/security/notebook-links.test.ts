// Item 4 of issue 18: `notebook init` and `notebook capture` write into a bundle folder that came with
// a ticket. A link planted there (a dangling notes.md or capture name, a sub-folder that points out,
// manifest.json itself) must never make them write, as root, outside the bundle.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ROOT } from '../helpers.js';

const BIN = resolve(ROOT, 'bin', 'fdleak.js');
const fdleak = (args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 60_000 });

/** A bundle folder and, beside it, a folder the links point into (what an attacker wants written). */
function setup(): { dir: string; bundle: string; outside: string } {
  const dir = mkdtempSync(join(tmpdir(), 'fdleak-links-'));
  const bundle = join(dir, 'bundle');
  const outside = join(dir, 'outside');
  mkdirSync(bundle);
  mkdirSync(outside);
  return { dir, bundle, outside };
}

test('notebook init: a dangling notes.md link is refused, and --force replaces the link, not its target', () => {
  const { dir, bundle, outside } = setup();
  try {
    symlinkSync(join(outside, 'written-through.md'), join(bundle, 'notes.md'));
    const r = fdleak(['notebook', 'init', bundle]);
    assert.equal(r.status, 2, r.stderr);
    assert.ok(!existsSync(join(outside, 'written-through.md')));
    const forced = fdleak(['notebook', 'init', bundle, '--force']);
    assert.equal(forced.status, 0, forced.stderr);
    assert.ok(!existsSync(join(outside, 'written-through.md')), 'written through the link');
    assert.ok(lstatSync(join(bundle, 'notes.md')).isFile());
    assert.equal(lstatSync(join(bundle, 'notes.md')).mode & 0o777, 0o600);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("notebook capture: a dangling link at the capture's name is not written through", () => {
  const { dir, bundle, outside } = setup();
  try {
    symlinkSync(join(outside, 'a.txt'), join(bundle, 'echo-hi.txt'));
    const r = fdleak(['notebook', 'capture', bundle, '--', 'echo', 'hi']);
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(readdirSync(outside), []);
    assert.equal(readFileSync(join(bundle, 'echo-hi-2.txt'), 'utf8'), 'hi\n');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('notebook capture --name: a link at the name is replaced, not followed; a linked sub-folder is refused', () => {
  const { dir, bundle, outside } = setup();
  try {
    writeFileSync(join(outside, 'victim.txt'), 'victim\n');
    symlinkSync(join(outside, 'victim.txt'), join(bundle, 'out.txt'));
    const replaced = fdleak(['notebook', 'capture', bundle, '--name', 'out.txt', '--', 'echo', 'hi']);
    assert.equal(replaced.status, 0, replaced.stderr);
    assert.equal(readFileSync(join(outside, 'victim.txt'), 'utf8'), 'victim\n');
    assert.ok(lstatSync(join(bundle, 'out.txt')).isFile());

    symlinkSync(outside, join(bundle, 'sub'));
    const linked = fdleak(['notebook', 'capture', bundle, '--name', 'sub/x.txt', '--', 'echo', 'hi']);
    assert.equal(linked.status, 2, linked.stderr);
    assert.equal(linked.stderr.trimEnd().split('\n').length, 1, linked.stderr);
    assert.ok(!existsSync(join(outside, 'x.txt')));

    const nested = fdleak(['notebook', 'capture', bundle, '--name', 'new/deeper/x.txt', '--', 'echo', 'hi']);
    assert.equal(nested.status, 0, nested.stderr);
    assert.equal(readFileSync(join(bundle, 'new', 'deeper', 'x.txt'), 'utf8'), 'hi\n');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("notebook capture: a command's own -o file may not already be there; a linked manifest.json is refused", () => {
  const { dir, bundle, outside } = setup();
  try {
    symlinkSync(join(outside, 'trace.txt'), join(bundle, 'trace.txt'));
    const r = fdleak(['notebook', 'capture', bundle, '--', 'sh', '-c', 'echo x > "$2"', 'sh', '-o', 'trace.txt']);
    assert.equal(r.status, 2, r.stderr);
    assert.ok(!existsSync(join(outside, 'trace.txt')));

    const other = join(dir, 'other');
    mkdirSync(other);
    writeFileSync(join(outside, 'secret.json'), '{"files": []}');
    symlinkSync(join(outside, 'secret.json'), join(other, 'manifest.json'));
    const m = fdleak(['notebook', 'capture', other, '--', 'echo', 'hi']);
    assert.equal(m.status, 2, m.stderr);
    assert.match(m.stderr, /symbolic link/);
    assert.equal(readFileSync(join(outside, 'secret.json'), 'utf8'), '{"files": []}');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
