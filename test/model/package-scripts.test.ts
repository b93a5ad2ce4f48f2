// react-bazel-example#1: `$ npm run start-frontend` printed a Bazel JVM's `Caused by:
// java.io.IOException: Too many open files`. npm ran a script; the script's programs wrote that
// line, so the command names no program that ran out (npm never did).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { programRun } from '../../src/model/pipeline.js';
import { packageRun } from '../../src/model/package-scripts.js';
import { analyzeTranscript } from '../analyze-transcript.js';

const now = new Date('2026-01-01T00:00:00Z');

test("a package manager's script names no program; npx and exec name theirs; its own work is its own", () => {
  assert.deepEqual(packageRun('npm', ['run', 'start-frontend']), {});
  assert.deepEqual(packageRun('npm', ['test']), {});
  assert.deepEqual(packageRun('yarn', ['run', 'dev']), {});
  assert.deepEqual(packageRun('npx', ['--yes', 'jest']), { program: 'jest' });
  assert.deepEqual(packageRun('pnpm', ['exec', 'jest', '--ci']), { program: 'jest' });
  assert.equal(packageRun('yarn', []), undefined);
  assert.equal(packageRun('npm', ['install', '-g', 'npm@2.12.0']), undefined);
  assert.equal(packageRun('node', ['run']), undefined);
  assert.equal(programRun('$ npm run start-frontend'), undefined);
  assert.equal(programRun('npm test'), undefined);
  assert.equal(programRun('sudo npx jest'), 'jest');
  assert.equal(programRun('yarn'), 'yarn');
  assert.equal(programRun('./node_modules/.bin/next dev'), 'next');
});

test("gostatic#76: a build tool's recipe names no program; make is not blamed for gostatic's accept EMFILE", async () => {
  assert.deepEqual(packageRun('make', ['w']), {});
  assert.deepEqual(packageRun('just', ['serve']), {});
  assert.equal(programRun('$ make w'), undefined);
  assert.equal(programRun('sudo make -j8 install'), undefined);
  const result = await analyzeTranscript(
    [
      '```',
      '$ make w',
      'gostatic -w config',
      'Rendering 0 changed pages of 292 total',
      'Starting server at *:8000...',
      '2016/07/04 22:37:34 http: Accept error: accept tcp [::]:8000: accept: too many open files; retrying in 5ms',
      '2016/07/04 22:37:34 http: Accept error: accept tcp [::]:8000: accept: too many open files; retrying in 10ms',
      '```',
      '',
    ].join('\n'),
    'transcript.md',
    now,
  );
  assert.equal(result.verdict, 'inconclusive');
  assert.deepEqual(result.suspects, []);
  assert.match(result.unownedRanOut?.message ?? '', /accept: too many open files/);
});

test("react-bazel-example#1: a JVM's EMFILE under `npm run start-frontend` is nobody's known: npm is not blamed", async () => {
  const result = await analyzeTranscript(
    [
      '$ npm run build-frontend',
      '...',
      'INFO: Elapsed time: 944.663s, Critical Path: 29.05s',
      'INFO: 5139 processes: 5139 worker.',
      'INFO: Build completed successfully, 5140 total actions',
      '',
      '$ npm run start-frontend',
      '...',
      'Caused by: java.io.IOException: Too many open files',
      '...',
      '',
    ].join('\n'),
    'transcript.md',
    now,
  );
  assert.equal(result.verdict, 'inconclusive');
  assert.deepEqual(result.suspects, []);
  assert.match(result.unownedRanOut?.message ?? '', /java\.io\.IOException: Too many open files/);
});
