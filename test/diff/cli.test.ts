// `fdleak diff` as installed (bin/fdleak.js): exit codes, one-line errors, the JSON schema, files.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ROOT } from '../helpers.js';

const BIN = resolve(ROOT, 'bin', 'fdleak.js');
const run = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8' });
const FIX = 'test/fixtures/diff';

test('diff: exit 0 when the fix shows, 1 while it leaks, the conclusion on the terminal', () => {
  const fixed = run('diff', `${FIX}/before`, `${FIX}/after`);
  assert.equal(fixed.status, 0, fixed.stderr);
  assert.match(fixed.stdout, /\nFixed: pid 19530's unconnected sockets: 191 → 1 \(pid 21055 in B\), flat over 4 s: the leak is gone/);
  assert.equal(fixed.stderr, '');
  const still = run('diff', `${FIX}/before`, `${FIX}/later`);
  assert.equal(still.status, 1, still.stderr);
  assert.match(
    still.stdout,
    /\nStill leaking: pid 19530's unconnected sockets: 191 → 778 in 59 s, still growing at [\d,]+\/h: still leaking\.\n/,
  );
});

test('diff --json: the fdleak/diff@1 document', () => {
  const r = run('diff', `${FIX}/before`, `${FIX}/after`, '--json');
  assert.equal(r.status, 0, r.stderr);
  const d = JSON.parse(r.stdout);
  assert.deepEqual(Object.keys(d), ['schema', 'tool', 'generatedAt', 'a', 'b', 'outcome', 'conclusion', 'conclusions', 'pairs', 'decide']);
  assert.equal(d.schema, 'fdleak/diff@1');
  assert.equal(d.outcome, 'fixed');
  for (const s of [d.a, d.b]) {
    assert.deepEqual(Object.keys(s), ['input', 'title', 'host', 'capturedAt', 'verdict', 'confidence', 'summary', 'processesCounted']);
  }
  for (const c of d.conclusions) {
    assert.deepEqual(Object.keys(c).sort(), ['a', 'b', 'decide', 'kind', 'pair', 'pidA', 'pidB', 'status', 'text']);
    assert.ok(d.pairs[c.pair], 'a conclusion points at its pair');
  }
  for (const p of d.pairs) {
    assert.deepEqual(Object.keys(p), ['match', 'a', 'b', 'rows']);
    assert.match(p.match.by, /^(pid|cmdline|command-user|only-a|only-b)$/);
    for (const side of [p.a, p.b].filter(Boolean)) {
      assert.match(side.role, /^(leak|candidate|none)$/);
      assert.equal(typeof side.facts.pid, 'number');
    }
    for (const row of p.rows) {
      for (const v of [row.a, row.b].filter(Boolean)) {
        assert.equal(typeof v.value, 'number');
        for (const e of v.evidence) assert.ok(typeof e.file === 'string' && Number.isInteger(e.line), JSON.stringify(e));
      }
    }
  }
});

test('diff --format md|html --out FILE: the file, and the conclusion with where it went on the terminal', () => {
  const dir = mkdtempSync(join(tmpdir(), 'fdleak-diff-'));
  try {
    for (const [format, marker] of [
      ['md', /^# fdleak diff: before → later\n/],
      ['html', /^<!DOCTYPE html>/],
    ] as const) {
      const out = join(dir, `diff.${format}`);
      const r = run('diff', `${FIX}/before`, `${FIX}/later`, '--format', format, '--out', out);
      assert.equal(r.status, 1, r.stderr);
      assert.match(readFileSync(out, 'utf8'), marker);
      assert.match(r.stdout, new RegExp(`^Still leaking: .*\\n${format} +.*diff\\.${format}\\n$`));
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('diff: B with no per-process fd counts is not comparable (exit 1) and says what would decide', () => {
  const dir = mkdtempSync(join(tmpdir(), 'fdleak-diff-'));
  try {
    writeFileSync(join(dir, 'ss-s.txt'), readFileSync(resolve(ROOT, 'samples/tomcat-cat-leak/ss-s.txt')));
    const r = run('diff', `${FIX}/before`, dir);
    assert.equal(r.status, 1, r.stderr);
    assert.match(r.stdout, /Not shown fixed: pid 19530 \(python3\): not comparable: B has no per-process fd counts/);
    assert.match(
      r.stdout,
      /What would decide \(capture it with\)\n {2}\? per-process fd counts\n {6}\$ for p in \/proc\/\[0-9\]\*; do echo "\$\(ls \$p\/fd/,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('diff: bad usage and unreadable input exit 2 with one line and no stack trace', () => {
  const dir = mkdtempSync(join(tmpdir(), 'fdleak-diff-'));
  try {
    writeFileSync(join(dir, 'notes.txt'), 'nothing fdleak reads\n');
    const cases: [string[], RegExp][] = [
      [['diff', `${FIX}/before`], /^fdleak: Not enough non-option arguments/],
      [['diff', `${FIX}/before`, '/nonexistent/after'], /^fdleak: \/nonexistent\/after: no such file or folder\n$/],
      [['diff', '/nonexistent/before', `${FIX}/after`], /^fdleak: \/nonexistent\/before: no such file or folder\n$/],
      [['diff', `${FIX}/before`, dir], /^fdleak: .*: not a capture fdleak can read/],
      [['diff', `${FIX}/before`, `${FIX}/after`, '--format', 'pdf'], /^fdleak: --format pdf: not one of text, json, md, html\n$/],
      [['diff', `${FIX}/before`, `${FIX}/after`, '--json', '--format', 'md'], /^fdleak: --json and --format md ask for two formats/],
      [['diff', `${FIX}/before`, `${FIX}/after`, '--out', ROOT], /^fdleak: cannot write .*: it is a folder\n$/],
    ];
    for (const [args, message] of cases) {
      const r = run(...args);
      assert.equal(r.status, 2, `${args.join(' ')}: ${r.stderr}`);
      assert.match(r.stderr, message, args.join(' '));
      assert.doesNotMatch(r.stderr, /\n\s+at /, 'no stack trace');
      assert.equal(r.stdout, '');
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
