import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { globToRegExp, matchesLogPath, mirroredLogPath, tailFile } from '../../src/collect/logs.js';

test('log paths: *.log always; globs by base name, or by full path when they hold a slash', () => {
  assert.ok(matchesLogPath('/data/applogs/cat/cat_20190722.log', []));
  assert.ok(!matchesLogPath('/data/applogs/cat/cat.out', []));
  assert.ok(matchesLogPath('/data/applogs/cat/cat.out', ['*.out']));
  assert.ok(matchesLogPath('/data/applogs/cat/cat.out', ['/data/**']));
  assert.ok(!matchesLogPath('/var/lib/x.out', ['/data/**']));
  assert.ok(!globToRegExp('/data/*').test('/data/a/b'), '* stays within a folder');
  assert.ok(globToRegExp('catalina.?.txt').test('catalina.1.txt'));
  assert.ok(globToRegExp('a+b(1).log').test('a+b(1).log'), 'regex characters are literal');
});

test('mirrored log paths stay under logs/', () => {
  assert.equal(mirroredLogPath('/data/applogs/cat/cat_20190722.log'), 'logs/data/applogs/cat/cat_20190722.log');
  assert.equal(mirroredLogPath('//var//log/./app.log'), 'logs/var/log/app.log');
  assert.equal(mirroredLogPath('/var/log/../../etc/passwd'), 'logs/etc/passwd', 'normalised inside the root');
  assert.throws(() => mirroredLogPath('/'));
});

test('tail keeps whole lines: a cut window starts after its first newline', (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'fdleak-tail-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const src = join(dir, 'app.log');
  writeFileSync(src, 'line one\nline two\nline three\n');
  const whole = tailFile(openSync(src, 'r'), join(dir, 'out', 'whole.log'), 1000);
  assert.deepEqual(whole, { size: 29, bytes: 29, cut: false });
  const cut = tailFile(openSync(src, 'r'), join(dir, 'out', 'cut.log'), 14);
  assert.equal(readFileSync(join(dir, 'out', 'cut.log'), 'utf8'), 'line three\n');
  assert.deepEqual(cut, { size: 29, bytes: 11, cut: true });
});
