// Items 11 and 12 of issue 18, through the installed command: what a new user mistypes ends in one
// line on stderr and exit 2 (never a hang, a stack trace or "internal error"), and the examples of
// --help can be copied and pasted.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ROOT } from '../helpers.js';

const BIN = resolve(ROOT, 'bin', 'fdleak.js');
const SAMPLE = resolve(ROOT, 'samples', 'flume-redis-host');

function run(args: string[], cwd: string) {
  return spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', timeout: 60_000 });
}

/** Exit 2 and exactly one line on stderr, within the time limit. */
function assertOneLine(r: ReturnType<typeof run>, what: string, pattern?: RegExp): void {
  assert.equal(r.signal, null, `${what}: killed after 60 s (${r.signal}): it hangs`);
  assert.equal(r.status, 2, `${what}: exit ${r.status}: ${r.stderr}`);
  assert.equal(r.stderr.trimEnd().split('\n').length, 1, `${what}: ${r.stderr}`);
  assert.match(r.stderr, /^fdleak: /);
  assert.doesNotMatch(r.stderr, /internal error|\n\s+at /, what);
  if (pattern) assert.match(r.stderr, pattern, what);
}

function scratch(): string {
  return mkdtempSync(join(tmpdir(), 'fdleak-edges-'));
}

test('report --out where nothing can be written: one line, exit 2, no hang', () => {
  const dir = scratch();
  try {
    writeFileSync(join(dir, 'afile'), 'x');
    assertOneLine(run(['report', SAMPLE, '--out', '/proc/nope/x.html'], dir), '/proc/nope/x.html', /\/proc\/nope/);
    assertOneLine(run(['report', SAMPLE, '--out', '/sys/x.html'], dir), '/sys/x.html', /\/sys\/x\.html/);
    assertOneLine(run(['report', SAMPLE, '--out', 'afile/x.html'], dir), 'afile/x.html', /afile is not a folder/);
    assertOneLine(
      run(['report', SAMPLE, '--format', 'md,json', '--out', 'afile/'], dir),
      'afile/ with two formats',
      /afile is not a folder/,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('report --format pdf,md --out out.pdf is refused, and no folder out.pdf is made', () => {
  const dir = scratch();
  try {
    assertOneLine(run(['report', SAMPLE, '--format', 'pdf,md', '--out', 'out.pdf'], dir), 'out.pdf', /out\.pdf.*2 formats/);
    assert.ok(!existsSync(join(dir, 'out.pdf')));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('report --out DIR/ or an existing folder: the reports go in it, named after the bundle', () => {
  const dir = scratch();
  try {
    mkdirSync(join(dir, 'existing'));
    const one = run(['report', SAMPLE, '--format', 'md', '--out', 'existing'], dir);
    assert.equal(one.status, 0, one.stderr);
    assert.ok(statSync(join(dir, 'existing', 'flume-redis-host.md')).isFile());
    const two = run(['report', SAMPLE, '--format', 'md,json', '--out', 'new/'], dir);
    assert.equal(two.status, 0, two.stderr);
    assert.ok(statSync(join(dir, 'new', 'flume-redis-host.json')).isFile());
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('an empty folder, a folder of nothing recognisable, random bytes named .tar.gz: one line, exit 2', () => {
  const dir = scratch();
  try {
    mkdirSync(join(dir, 'empty'));
    mkdirSync(join(dir, 'other'));
    writeFileSync(join(dir, 'other', 'hello.txt'), 'hello world\n');
    writeFileSync(join(dir, 'other', 'blob.bin'), Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)));
    writeFileSync(join(dir, 'random.tar.gz'), Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 104729 + 13) % 256)));
    for (const input of ['empty', 'other', 'random.tar.gz']) {
      assertOneLine(run(['analyze', input], dir), `analyze ${input}`, new RegExp(`^fdleak: ${input.replace('.', '\\.')}: `));
      assertOneLine(run(['report', input, '--out', 'r/'], dir), `report ${input}`);
    }
    assert.ok(!existsSync(join(dir, 'r')), 'no report written for unreadable input');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('notebook capture on a malformed manifest.json: one line, exit 2, the manifest left as it was', () => {
  const dir = scratch();
  try {
    for (const bad of ['{"files": [', '[]', 'null', '{"files": 5}', '{"files": [1, 2]}']) {
      const bundle = join(dir, 'b');
      rmSync(bundle, { recursive: true, force: true });
      mkdirSync(bundle);
      writeFileSync(join(bundle, 'manifest.json'), bad);
      assertOneLine(run(['notebook', 'capture', bundle, '--', 'true'], dir), `manifest ${bad}`, /manifest\.json/);
      assert.equal(readFileSync(join(bundle, 'manifest.json'), 'utf8'), bad);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

const HELPS = [
  [],
  ['analyze'],
  ['report'],
  ['collect'],
  ['notebook'],
  ['notebook', 'init'],
  ['notebook', 'status'],
  ['notebook', 'capture'],
];

test('--help: every example is one whole line that bash can run as it is (the description a comment)', () => {
  let examples = 0;
  for (const command of HELPS) {
    const r = spawnSync(process.execPath, [BIN, ...command, '--help'], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, COLUMNS: '60' },
    });
    assert.equal(r.status, 0, r.stderr);
    const lines = r.stdout.split('\n');
    const start = lines.indexOf('Examples:');
    if (start === -1) continue;
    for (const line of lines.slice(start + 1)) {
      if (line.trim() === '') break;
      examples++;
      assert.match(line, /^ {2}(sudo )?fdleak \S/, `${command.join(' ')} --help: a wrapped example line: ${JSON.stringify(line)}`);
      const syntax = spawnSync('bash', ['-n', '-c', line], { encoding: 'utf8' });
      assert.equal(syntax.status, 0, `${JSON.stringify(line)}: ${syntax.stderr}`);
      assert.match(line, / {2,}# \S/, `${JSON.stringify(line)}: the description is not a shell comment`);
    }
  }
  assert.ok(examples >= 10, `only ${examples} examples found`);
});

test('README says how to get fdleak on the PATH', () => {
  const readme = readFileSync(resolve(ROOT, 'README.md'), 'utf8');
  for (const way of ['npm link', 'npm install -g .', 'npx fdleak']) assert.ok(readme.includes(way), `README does not mention ${way}`);
});
