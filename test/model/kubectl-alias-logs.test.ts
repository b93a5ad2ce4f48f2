// `k logs POD` — kubectl under its usual alias, as container-exec.ts already reads `k exec` — prints
// a pod's log: its EMFILE line is the pod's, not a process named `k` (src/model/pipeline.ts). Real
// block: kyma-project/kyma#13265, Fluent Bit in a k3d cluster on Docker Desktop for Mac
// (test/accuracy/cases/gh-kyma-k3d-macos-fluent-bit-errno24-inotify-instances).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { programRun } from '../../src/model/pipeline.js';
import { analyzeTranscript } from '../analyze-transcript.js';

const BLOCK = [
  '```shell',
  '$ k logs -n kyma-system logging-fluent-bit-ggdj9',
  'Fluent Bit v1.8.10',
  '* Copyright (C) 2019-2021 The Fluent Bit Authors',
  '',
  '[2022/02/03 08:07:44] [error] [build/plugins/in_tail/CMakeFiles/flb-plugin-in_tail.dir/compiler_depend.ts:305 errno=24] Too many open files',
  '[2022/02/03 08:07:44] [error] Failed initialize input tail.0',
  '[2022/02/03 08:07:44] [error] [lib] backend failed',
  '```',
];

test("`k logs` and `kubectl logs` print another program's log", () => {
  assert.equal(programRun('k logs -n kyma-system logging-fluent-bit-ggdj9'), undefined);
  assert.equal(programRun('kubectl logs -n kyma-system logging-fluent-bit-ggdj9'), undefined);
});

test("the pod's EMFILE line under `k logs` blames no process named k", async () => {
  const r = await analyzeTranscript(`${BLOCK.join('\n')}\n`, 'transcript.md', new Date('2026-01-01T00:00:00Z'));
  assert.equal(r.verdict, 'inconclusive');
  assert.equal(r.suspects.length, 0);
  assert.match(r.unownedRanOut?.message ?? '', /Too many open files/);
});
