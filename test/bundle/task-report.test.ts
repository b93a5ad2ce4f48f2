// A failed Nextflow task's report quotes the task's script under `Command executed:`: its lines are
// no commands typed at a prompt (src/bundle/task-report.ts). Real lines: hillerlab/make_lastz_chains#123
// (test/accuracy/cases/gh-nextflow-lastz-chains-psltools-split-os-error-24-123).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { quotedTaskScript } from '../../src/bundle/task-report.js';
import { hasBareCommands } from '../../src/bundle/transcript.js';
import { analyzeTranscript } from '../analyze-transcript.js';

const REPORT = [
  "Jun-29 20:18:00.125 [TaskFinalizer-2] ERROR nextflow.processor.TaskProcessor - Error executing process > 'MAKE_LASTZ_CHAINS:FULL_RUN:CHAINS:CHAIN_BUILD:PSLTOOLS_SPLIT (Lottia.Patella.all.psl)'",
  '',
  'Caused by:',
  '  Process `MAKE_LASTZ_CHAINS:FULL_RUN:CHAINS:CHAIN_BUILD:PSLTOOLS_SPLIT (Lottia.Patella.all.psl)` terminated with an error exit status (1)',
  '',
  'Command executed:',
  '',
  '  ls *.psl > psl.list',
  '  ',
  '  psltools split \\',
  '       \\',
  '      --file psl.list \\',
  '      --by reference',
  '  ',
  '  cat <<-END_VERSIONS > versions.yml',
  '  "MAKE_LASTZ_CHAINS:FULL_RUN:CHAINS:CHAIN_BUILD:PSLTOOLS_SPLIT":',
  "      psltools: $( psltools --version | sed 's/psltools //g' )",
  '  END_VERSIONS',
  '',
  'Command exit status:',
  '  1',
  '',
  'Command output:',
  '  (empty)',
  '',
  'Command error:',
  '  2026-06-29T17:17:58.589Z INFO  [psltools::cli] psltools [split] v0.0.3',
  '  ERROR: I/O error: No file descriptors available (os error 24)',
  '',
  'Work dir:',
  '  /home/clone/SASHA/STools/make_lastz',
];

test("the lines under Nextflow's `Command executed:` are the task's script, up to its next heading", () => {
  const script = quotedTaskScript(REPORT);
  assert.equal(script[REPORT.indexOf('  ls *.psl > psl.list')], true);
  assert.equal(script[REPORT.indexOf('  END_VERSIONS')], true);
  assert.equal(script[REPORT.indexOf('Command exit status:')], false);
  assert.equal(script[REPORT.indexOf('  (empty)')], false);
  assert.equal(hasBareCommands(REPORT), false);
  // The same commands outside such a report are still commands pasted bare, their output under them.
  assert.equal(hasBareCommands(['ls *.psl > psl.list', 'a.psl', '', 'ulimit -n', '1024']), true);
});

test('make_lastz_chains#123: the task report is one log whose stderr line says psltools ran out', async () => {
  const text = ['# I/O error: No file descriptors available (os error 24)', '', ...REPORT, ''].join('\n');
  const result = await analyzeTranscript(text, 'transcript.md', new Date('2026-01-01T00:00:00Z'));
  assert.equal(result.verdict, 'inconclusive');
  const said = result.suspects[0]?.ranOut?.message ?? result.unownedRanOut?.message ?? '';
  assert.match(said, /No file descriptors available \(os error 24\)/);
});
