// A tool's own report of the fds it was started with (LVM's "leaked on lvm invocation") is an fd
// kept across execve; the shell at a transcript's prompt is the parent LVM names for a tool run there.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeBundle } from '../../src/analysis.js';
import type { AnalysisResult } from '../../src/result.js';
import { CASES_DIR } from '../accuracy/score.js';
import { analyzeTranscript } from '../analyze-transcript.js';

const now = new Date('2026-01-01T00:00:00Z');
const CASE = join(CASES_DIR, 'gh-sdorfehs-devnull-inherited-by-shell', 'transcript.md');

const analyzeText = (text: string) => analyzeTranscript(text, 'transcript.md', now);

const reported = (r: AnalysisResult) =>
  r.suspects.flatMap((s) => s.reasons.filter((x) => x.signal === 'inherited-fd-reported').map((x) => ({ pid: s.pid, ...x })));

test('lvm names bash 470913 as the parent that gave it fd 4; /proc/$$/fd at the same prompts is that bash, still holding it: a leak', async () => {
  const { result } = await analyzeBundle(CASE, { now });
  assert.equal(result.verdict, 'leak');
  assert.equal(result.suspects[0].pid, 470913);
  assert.equal(result.suspects[0].command, 'bash');
  assert.equal(result.suspects[0].leak.kind, 'inherited');
  const [r] = reported(result);
  assert.equal(r.weight, 3);
  assert.deepEqual(
    r.evidence.map((e) => e.line),
    [14, 23],
  );
  assert.match(r.statement, /fd 4 \(\/dev\/null\)/);
  assert.match(r.statement, /\$\$ is the shell at the prompt: pid 470913/);
  assert.match(r.statement, /the fd may come from the program that started it/);
  // fd 255 is where bash keeps its terminal: it is no count of the fds under it.
  assert.equal(result.suspects[0].fdCount, 5);
});

test('the report alone is strong, not decisive; a parent that is no shell gives $$ no pid; pid 1 passes fds on purpose', async () => {
  const text = readFileSync(CASE, 'utf8');
  const lines = text.split('\n');
  // Without the listing of the shell's fds.
  const alone = await analyzeText([...lines.slice(0, 17), ...lines.slice(24)].join('\n'));
  assert.equal(alone.verdict, 'inconclusive');
  assert.deepEqual(
    reported(alone).map((x) => [x.pid, x.weight]),
    [[470913, 2]],
  );
  // `sudo lvm`: lvm's parent is sudo, not the shell whose /proc/$$/fd follows.
  const sudo = await analyzeText(text.replace(' $ lvm', ' $ sudo lvm').replace('470913: /bin/bash', '470999: sudo'));
  assert.deepEqual(
    reported(sudo).map((x) => [x.pid, x.weight]),
    [[470999, 2]],
  );
  assert.equal(sudo.verdict, 'inconclusive');
  const init = await analyzeText(text.replace('470913: /bin/bash', '1: /sbin/init'));
  assert.deepEqual(reported(init), []);
});

test('the same fd reported by a few runs of a tool is strong; ten runs are decisive', async () => {
  // update-grub's grub-probe runs vgs twice per kernel (the real lines, from an apt log).
  const line = (pid: number) => `File descriptor 3 (pipe:[39271]) leaked on vgs invocation. Parent PID ${pid}: /usr/sbin/grub-probe`;
  const few = await analyzeText(
    ['Generating grub configuration file ...', line(2998), line(2998), line(3011), line(3011), 'done'].join('\n'),
  );
  assert.deepEqual(
    reported(few).map((x) => [x.pid, x.weight, x.count]),
    [
      [2998, 2, 2],
      [3011, 2, 2],
    ],
  );
  const many = await analyzeText(
    ['Generating grub configuration file ...', ...Array.from({ length: 10 }, () => line(2998)), 'done'].join('\n'),
  );
  assert.equal(many.verdict, 'leak');
  assert.deepEqual(
    reported(many).map((x) => [x.pid, x.weight, x.count]),
    [[2998, 3, 10]],
  );
});
