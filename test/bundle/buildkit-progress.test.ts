// BuildKit's plain progress output: a RUN step's lines lose `#N SECONDS `, its vertex line becomes
// the command typed. Real lines: moby/moby#40398 (`ulimit -a` run as a build step).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { unprefixBuildkitSteps } from '../../src/bundle/buildkit-progress.js';

const STEP = [
  '#10 [builder 2/7] RUN ulimit -a',
  '#10 0.543 time(seconds)        unlimited',
  '#10 0.543 process              unlimited',
  '#10 0.543 nofiles              1073741816',
];

test("a RUN step's vertex line becomes its command, its lines lose the vertex number and seconds", () => {
  const lines = [...STEP];
  unprefixBuildkitSteps(lines, 0, lines.length);
  assert.deepEqual(lines, [
    '$ ulimit -a',
    'time(seconds)        unlimited',
    'process              unlimited',
    'nofiles              1073741816',
  ]);
});

test("another vertex's lines, BuildKit's own and an exec-form RUN are left as they are", () => {
  const lines = [...STEP.slice(0, 2), '#11 0.601 other step', '#10 DONE 0.6s'];
  unprefixBuildkitSteps(lines, 0, lines.length);
  assert.deepEqual(lines, ['$ ulimit -a', 'time(seconds)        unlimited', '#11 0.601 other step', '#10 DONE 0.6s']);
  const exec = ['#5 [2/2] RUN ["bash","-c","npm install"]', '#5 0.2 added 3 packages'];
  unprefixBuildkitSteps(exec, 0, exec.length);
  assert.equal(exec[0], '#5 [2/2] RUN ["bash","-c","npm install"]');
  const alone = ['#10 [builder 2/7] RUN ulimit -a', '#10 DONE 0.1s'];
  unprefixBuildkitSteps(alone, 0, alone.length);
  assert.equal(alone[0], '#10 [builder 2/7] RUN ulimit -a');
});
