// `sudo bash -c 'ulimit -n 8; vector -c vector-otlp.yaml'` (vectordotdev/vector#24705): the program
// that printed the panic is vector, the script's last command, and the `ulimit -n 8` before it in
// the same script is the limit vector ran under — its own, too small for any program.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { programRun } from '../../src/model/pipeline.js';
import { lastScriptCommand, scriptCommands, scriptLimits, shellScript, typedScript } from '../../src/sources/shell-script.js';
import { analyzeTranscript } from '../analyze-transcript.js';

const now = new Date('2026-01-01T00:00:00Z');
const VECTOR = "sudo bash -c 'ulimit -n 8; vector -c vector-otlp.yaml'";

test('the script a shell runs with -c, under sudo or env; nothing else is one', () => {
  assert.equal(shellScript(VECTOR), 'ulimit -n 8; vector -c vector-otlp.yaml');
  assert.equal(shellScript('$ sh -c "ulimit -n 64 && ./server"'), 'ulimit -n 64 && ./server');
  assert.equal(shellScript("sudo -u td-agent /bin/bash -c 'td-agent -v'"), 'td-agent -v');
  // Not a shell, something after the script, an expansion in double quotes: no script read.
  assert.equal(shellScript("python -c 'import os'"), undefined);
  assert.equal(shellScript("bash -c 'ls /proc/1/fd' | wc -l"), undefined);
  assert.equal(shellScript('bash -c "ulimit -n $N; prog"'), undefined);
  assert.equal(shellScript("ls -c 'x'"), undefined);
});

test("a script's commands, its last one, and the ulimits before it", () => {
  assert.deepEqual(scriptCommands("ulimit -n 8; vector -c x.yaml && echo 'a;b' || true"), [
    'ulimit -n 8',
    'vector -c x.yaml',
    "echo 'a;b'",
    'true',
  ]);
  assert.equal(lastScriptCommand(VECTOR), 'vector -c vector-otlp.yaml');
  assert.equal(lastScriptCommand('vector -c x.yaml'), 'vector -c x.yaml');
  assert.deepEqual(scriptLimits(VECTOR), ['ulimit -n 8']);
  assert.deepEqual(scriptLimits("bash -c 'vector; ulimit -n 8'"), []);
  assert.equal(programRun(VECTOR), 'vector');
  assert.equal(programRun("bash -c 'ulimit -n 8; cat /var/log/vector.log'"), undefined);
});

test('vector#24705: vector panics under the ulimit -n 8 of the script that started it: nobody is blamed', async () => {
  const result = await analyzeTranscript(
    [
      '```',
      `$ ${VECTOR}`,
      '2026-02-21T07:04:46.676000Z  INFO vector::app: Log level is enabled. level="info"',
      '',
      "thread 'main' (2015) panicked at src/app.rs:542:27:",
      'Unable to create async runtime: Os { code: 24, kind: Uncategorized, message: "Too many open files" }',
      'note: run with `RUST_BACKTRACE=1` environment variable to display a backtrace',
      '```',
      '',
    ].join('\n'),
    'transcript.md',
    now,
  );
  assert.equal(result.verdict, 'inconclusive');
  assert.deepEqual(result.suspects, []);
  // Its own limit, tied by the script: the limit explains running out, not a leak.
  assert.match(
    result.summary,
    /vector ran out of fds .* under a limit of 8 \(transcript\.md: ulimit -n 8, typed in the shell that then started vector\), too small for any program/,
  );
  assert.doesNotMatch(result.summary, /bash/);
});

// A line typed at the prompt that chains a `ulimit -n` before its program (the captured case
// py-bundler-all-modules-at-once-ulimit-256-emfile-negative): the interactive shell runs it as
// `bash -c` would, so its output is the program's and the limit is the one it ran under.
const BUNDLE = '~/web $ ulimit -n 256; python3 bundle.py src/';
const BUNDLE_OUTPUT = [
  'bundling 400 modules',
  'Traceback (most recent call last):',
  '  File "/tmp/r312-work/bundler/bundle.py", line 9, in <module>',
  '    files = [open(p) for p in paths]',
  '            ^^^^^^^^^^^^^^^^^^^^^^^^',
  '  File "/tmp/r312-work/bundler/bundle.py", line 9, in <listcomp>',
  '    files = [open(p) for p in paths]',
  '             ^^^^^^^',
  "OSError: [Errno 24] Too many open files: 'src/mod-0254.js'",
];

test('a typed line whose commands before the last only set the shell up is a script', () => {
  assert.equal(typedScript('ulimit -n 256; python3 bundle.py src/'), 'ulimit -n 256; python3 bundle.py src/');
  assert.equal(typedScript('cd build && ulimit -Sn 64 && make w'), 'cd build && ulimit -Sn 64 && make w');
  assert.equal(programRun('ulimit -n 256; python3 bundle.py src/'), 'python3');
  assert.equal(programRun('export X=1 && ulimit -n 256 && ./server'), 'server');
  assert.deepEqual(scriptLimits('ulimit -n 256; python3 bundle.py src/'), ['ulimit -n 256']);
  // An earlier command that prints (`date`), one command, or a limit after the program: no script.
  assert.equal(typedScript('date; python3 x.py'), undefined);
  assert.equal(programRun('date; python3 x.py'), undefined);
  assert.equal(typedScript('python3 bundle.py src/'), undefined);
  assert.deepEqual(scriptLimits('python3 bundle.py; ulimit -n 256'), []);
});

test('the bundler that ran out under `ulimit -n 256; python3 …` typed on one line is python3, under 256', async () => {
  const result = await analyzeTranscript(['```', BUNDLE, ...BUNDLE_OUTPUT, '```', ''].join('\n'), 'transcript.md', now);
  assert.equal(result.verdict, 'inconclusive');
  assert.equal(result.suspects[0]?.pid, null);
  assert.equal(result.suspects[0]?.command, 'python3');
  assert.match(result.suspects[0]?.ranOut?.message ?? '', /Too many open files/);
  assert.equal(result.suspects[0]?.fdLimit, 256);
});
