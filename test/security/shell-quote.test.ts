// Item 3 of issue 18: every value fdleak puts into a command it shows (missing evidence, notebook
// status, collect, the reports) is one shell word that expands to itself. The proof is bash itself:
// the quoted words are run through `printf`, and the suggested commands through bash with a PATH of
// stubs that record their arguments (and a `pwned` stub that must never run).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { sh, shellJoin, shellWord } from '../../src/shell.js';
import { fillCapture } from '../../src/steps.js';
import { ROOT } from '../helpers.js';

const HOSTILE = [
  'app.log;curl x|sh;#.log',
  '/data/app.log;pwned;#.log',
  '$(pwned)',
  '`pwned`',
  '${IFS}pwned',
  "it's",
  'say "hi"',
  'a b\tc',
  'line\nnext',
  'esc \x1b]0;title\x07 \x1b[2J',
  'bell\x07cr\rdel\x7f',
  '\u202egol.exe',
  'zero\u200bwidth',
  '!!',
  '!-1 !$ ^a^b',
  '*',
  '~root',
  '{a,b}',
  '-rf',
  '#comment',
  "'",
  '\\',
  "$'\\x41'",
  '',
  ' ',
  '%1',
  'a=b',
  'é ü 中文',
];

/** Random strings over every ASCII character but NUL (no argument can hold one), and a few others. */
function randomValues(seed: number, n: number): string[] {
  let x = seed;
  const next = () => (x = (x * 1103515245 + 12345) & 0x7fffffff);
  const pool = [...Array.from({ length: 127 }, (_, i) => String.fromCharCode(i + 1)), 'é', '中', '\u202e', '\u2028', '\u0085', '\u009b'];
  return Array.from({ length: n }, () => Array.from({ length: next() % 12 }, () => pool[next() % pool.length]).join(''));
}

function bashPrintf(words: string[]): string[] {
  const r = spawnSync('bash', ['--norc', '--noprofile', '-c', `printf '%s\\0' ${words.join(' ')}`], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  return r.stdout.split('\0').slice(0, -1);
}

test('shellWord: each value, pasted into bash, arrives as exactly one argument, unchanged', () => {
  const values = [...HOSTILE, ...randomValues(18, 400)];
  assert.deepEqual(bashPrintf(values.map(shellWord)), values);
  assert.deepEqual(bashPrintf([shellJoin(values)]), values);
});

test('shellWord: the word is one visible line: no control, line-separator or bidi character is printed raw', () => {
  for (const v of [...HOSTILE, ...randomValues(7, 400)]) {
    assert.doesNotMatch(shellWord(v), /[\x00-\x1f\x7f-\x9f\u2028\u2029\u200b-\u200f\u202a-\u202e\u2066-\u2069]/, JSON.stringify(v));
  }
  assert.equal(shellWord('/var/log/app.log'), '/var/log/app.log');
  assert.equal(shellWord(25204), '25204');
});

test('sh`...`: literal parts are kept, each value is quoted', () => {
  assert.equal(sh`tail -n 5 -- ${'a b;c'} > ${'x'}`, "tail -n 5 -- 'a b;c' > x");
  assert.equal(
    fillCapture('grep -n ERROR LOGFILE | tail -n 200', { log: "$'x;pwned'" }),
    "grep -n ERROR '$'\\''x;pwned'\\''' | tail -n 200",
  );
  assert.equal(fillCapture('ls -l /proc/PID/fd/FD', { pid: 7, fd: 3, log: '$&' }), 'ls -l /proc/7/fd/3');
});

/** A PATH whose every command records its name and arguments; `pwned` (the attacker's) leaves a mark. */
function stubPath(dir: string): { bin: string; log: string; mark: string } {
  const bin = join(dir, 'bin');
  const log = join(dir, 'calls.log');
  const mark = join(dir, 'PWNED');
  mkdirSync(bin);
  const names = [
    'tail',
    'lsof',
    'ls',
    'cat',
    'grep',
    'wc',
    'timeout',
    'strace',
    'fdleak',
    'ps',
    'date',
    'sleep',
    'sort',
    'head',
    'id',
    'curl',
    'sh',
    'touch',
  ];
  for (const name of names) {
    writeFileSync(join(bin, name), `#!/bin/bash\nprintf '%s\\0' "${name}" "$@" >> ${shellWord(log)}\nprintf '\\n' >> ${shellWord(log)}\n`);
    chmodSync(join(bin, name), 0o755);
  }
  writeFileSync(join(bin, 'pwned'), `#!/bin/bash\n: > ${shellWord(mark)}\n`);
  chmodSync(join(bin, 'pwned'), 0o755);
  return { bin, log, mark };
}

/** The stub PATH of each test folder, made once. */
const stubs = new Map<string, ReturnType<typeof stubPath>>();

/** Runs a shown command as a person pasting it would, in a sandbox; returns the argv of every command it ran. */
function paste(command: string, dir: string): string[][] {
  if (!stubs.has(dir)) stubs.set(dir, stubPath(mkdtempSync(join(dir, 'run-'))));
  const { bin, log, mark } = stubs.get(dir)!;
  rmSync(log, { force: true });
  spawnSync('/bin/bash', ['--norc', '--noprofile', '-c', command], { cwd: dir, env: { PATH: bin }, encoding: 'utf8' });
  assert.ok(!existsSync(mark), `pasting ${JSON.stringify(command)} ran the attacker's command`);
  if (!existsSync(log)) return [];
  return readFileSync(log, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => l.split('\0').slice(0, -1));
}

const BIN = resolve(ROOT, 'bin', 'fdleak.js');
const cli = (args: string[]) => spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8' });

/** The Tomcat sample with its log missing, and lsof naming that log `path`, in a folder named `name`. */
function hostileBundle(dir: string, path: string, name: string): string {
  const bundle = join(dir, name);
  cpSync(resolve(ROOT, 'samples', 'tomcat-cat-leak'), bundle, { recursive: true });
  rmSync(join(bundle, 'logs'), { recursive: true });
  const lsof = join(bundle, 'lsof-d-369.txt');
  writeFileSync(lsof, readFileSync(lsof, 'utf8').replace('/data/applogs/cat/cat_20190722.log', path));
  return bundle;
}

for (const path of ['/data/app.log;pwned;#.log', '/data/$(pwned)/x.log', '/data/`pwned`.log', '/data/it\'s "a" $HOME.log']) {
  test(`missing evidence and notebook status: a log named ${JSON.stringify(path)} is one argument when the command is pasted`, () => {
    const dir = mkdtempSync(join(tmpdir(), 'fdleak-quote-'));
    try {
      const bundle = hostileBundle(dir, path, 'b;pwned;#');
      const json = cli(['analyze', bundle, '--json']);
      const result = JSON.parse(json.stdout);
      const commands: string[] = [
        ...result.missing.map((m: { command: string }) => m.command),
        ...result.findings.flatMap((f: { command?: string }) => (f.command ? [f.command] : [])),
      ];
      const tail = commands.find((c) => c.startsWith('tail '));
      assert.ok(tail, `no tail command among ${JSON.stringify(commands)}`);
      for (const c of commands) paste(c, dir);
      assert.deepEqual(paste(tail, dir)[0], ['tail', '-n', '5000', '--', path]);

      const status = cli(['notebook', 'status', bundle]);
      assert.equal(status.status, 0, status.stderr);
      const next = status.stdout.split('\n').find((l) => l.trim().startsWith('fdleak notebook capture'));
      assert.ok(next, status.stdout);
      const argv = paste(next.trim(), dir);
      assert.equal(argv.length, 1, 'one command');
      assert.deepEqual(argv[0].slice(0, 4), ['fdleak', 'notebook', 'capture', bundle]);
      const needs = status.stdout
        .split('\n')
        .filter((l) => l.trim().startsWith('needs '))
        .map((l) => l.slice(l.indexOf(': ') + 2));
      for (const c of needs) paste(c, dir);
      const log = needs.find((c) => c.startsWith('tail '));
      assert.ok(log, status.stdout);
      assert.deepEqual(paste(log, dir)[0], ['tail', '-n', '5000', '--', path]);
      const human = cli(['analyze', bundle]);
      const shown = human.stdout
        .split('\n')
        .filter((l) => l.trim().startsWith('$ '))
        .map((l) => l.trim().slice(2));
      assert.ok(shown.length > 0, human.stdout);
      for (const c of shown) paste(c, dir);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
}
