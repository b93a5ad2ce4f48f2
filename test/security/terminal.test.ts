// Item 6 of issue 18: nothing from a bundle reaches the terminal raw. The hostile bundle carries
// ESC/OSC/CSI/BEL (and an 8-bit CSI) in its manifest title, thread name, strace write strings, log
// lines, command line and manifest commands; every command that prints it prints no control byte,
// and shows the escape instead.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { PassThrough } from 'node:stream';
import { ROOT } from '../helpers.js';
import { plainProgress } from '../../src/collect/progress.js';
import { terminalText } from '../../src/terminal.js';
import { hostileBundle } from './hostile-bundle.js';

const BIN = resolve(ROOT, 'bin', 'fdleak.js');
const fdleak = (args: string[], cwd: string) => spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'buffer', timeout: 120_000 });

/** Control bytes a terminal acts on: C0 but TAB and LF, DEL, and C1 as UTF-8 (0xC2 0x80-0x9F). */
function controlBytes(buf: Buffer): string[] {
  const found: string[] = [];
  for (let i = 0; i < buf.length; i++) {
    const b = buf[i];
    if ((b < 0x20 && b !== 0x09 && b !== 0x0a) || b === 0x7f)
      found.push(`0x${b.toString(16)} at ${i}: ${JSON.stringify(buf.subarray(Math.max(0, i - 30), i + 10).toString())}`);
    if (b === 0xc2 && buf[i + 1] >= 0x80 && buf[i + 1] <= 0x9f) found.push(`C1 0x${buf[i + 1].toString(16)} at ${i}`);
  }
  return found;
}

let dir: string;
let bundle: string;
before(() => {
  dir = mkdtempSync(join(tmpdir(), 'fdleak-terminal-'));
  bundle = hostileBundle(join(dir, 'bundle'));
});
after(() => rmSync(dir, { recursive: true, force: true }));

test('terminalText shows every control character, and keeps or escapes line ends', () => {
  assert.equal(terminalText('a\x1b]0;t\x07b\u009bc\r\n\td\u202e'), 'a\\x1b]0;t\\x07b\\x9bc\\r\n\td\\u202e');
  assert.equal(terminalText('a\nb', { oneLine: true }), 'a\\nb');
});

test('analyze, analyze --json, report, notebook status and init print no control byte from a hostile bundle', () => {
  const runs: [string, string[]][] = [
    ['analyze', ['analyze', bundle]],
    ['analyze --json', ['analyze', bundle, '--json']],
    ['report', ['report', bundle, '--format', 'md,json', '--out', join(dir, 'reports') + '/']],
    ['notebook status', ['notebook', 'status', bundle]],
    ['notebook status --json', ['notebook', 'status', bundle, '--json']],
  ];
  for (const [what, args] of runs) {
    const r = fdleak(args, dir);
    assert.ok(r.status === 0 || r.status === 1, `${what}: exit ${r.status}: ${r.stderr}`);
    assert.deepEqual(controlBytes(r.stdout), [], `${what}: stdout`);
    assert.deepEqual(controlBytes(r.stderr), [], `${what}: stderr`);
    if (!what.includes('json')) assert.match(r.stdout.toString(), /\\x1b\]0;pwned\\x07/, `${what}: the escape is shown`);
  }
  const fresh = join(dir, 'init');
  cpSync(bundle, fresh, { recursive: true });
  rmSync(join(fresh, 'notes.md'));
  const init = fdleak(['notebook', 'init', fresh], dir);
  assert.equal(init.status, 0, init.stderr.toString());
  assert.deepEqual(controlBytes(Buffer.concat([init.stdout, init.stderr])), []);
});

test("errors and a captured command's stderr are shown with their control characters visible, on one line", () => {
  const missing = fdleak(['analyze', join(dir, 'no\x1b]0;pwned\x07such\nline')], dir);
  assert.equal(missing.status, 2);
  assert.deepEqual(controlBytes(missing.stderr), []);
  assert.equal(missing.stderr.toString().trimEnd().split('\n').length, 1, missing.stderr.toString());
  const target = join(dir, 'capture');
  mkdirSync(target);
  const capture = fdleak(
    ['notebook', 'capture', target, '--', 'sh', '-c', 'printf "\\033]0;pwned\\007\\033[2J" >&2; printf "out\\033[31m"'],
    dir,
  );
  assert.equal(capture.status, 0, capture.stderr.toString());
  assert.deepEqual(controlBytes(Buffer.concat([capture.stdout, capture.stderr])), []);
  assert.match(capture.stderr.toString(), /\\x1b\]0;pwned/);
});

test("collect's progress lines show a process's control characters, not send them", () => {
  const sink = new PassThrough();
  const progress = plainProgress(sink);
  progress.start(1, 2, 'logs/', 'tail -c 10 /tmp/\x1b]0;pwned\x07.log');
  progress.done({ file: 'x\x1b[2J', ms: 1, bytes: 1, exitCode: 0 });
  progress.info('comm \x1b[31mred\u009b');
  assert.deepEqual(controlBytes(sink.read() as Buffer), []);
});

/** Every .ts file under `dir`. */
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? sources(p) : p.endsWith('.ts') ? [p] : [];
  });
}

test('the CLI writes to the terminal only through src/cli/print.ts', () => {
  const direct = sources(resolve(ROOT, 'src', 'cli'))
    .filter((f) => !f.endsWith(join('cli', 'print.ts')))
    .flatMap((f) =>
      readFileSync(f, 'utf8')
        .split('\n')
        .map((l, i) => [f, i + 1, l] as const),
    )
    .filter(([, , l]) => /process\.(stdout|stderr)\.write|console\.(log|error|warn|info)/.test(l))
    .map(([f, n, l]) => `${f}:${n}: ${l.trim()}`);
  assert.deepEqual(direct, []);
});
