// A program holding the runtime files of a Chromium or Electron app got them across execve from an
// ancestor that is one (VS Code's terminal: top holds /usr/share/code/icudtl.dat and its .pak files).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeBundle } from '../../src/analysis.js';
import type { AnalysisResult } from '../../src/result.js';
import { CASES_DIR } from '../accuracy/score.js';
import { analyzeTranscript } from '../analyze-transcript.js';

const now = new Date('2026-01-01T00:00:00Z');
const CASE = join(CASES_DIR, 'gh-node-pty-vscode-files-inherited-by-top', 'transcript.md');

const analyzeText = (text: string) => analyzeTranscript(text, 'transcript.md', now);

const runtime = (r: AnalysisResult) =>
  r.suspects.flatMap((s) => s.reasons.filter((x) => x.signal === 'inherited-runtime-files').map((x) => ({ pid: s.pid, ...x })));

test("top holds 7 of VS Code's runtime files: inherited, strong; not decisive for one process with 7 copies", async () => {
  const { result } = await analyzeBundle(CASE, { now });
  assert.equal(result.verdict, 'inconclusive');
  assert.equal(result.suspects[0].pid, 26575);
  assert.equal(result.suspects[0].leak.kind, 'inherited');
  const [r] = runtime(result);
  assert.equal(r.weight, 2);
  assert.equal(r.count, 7);
  assert.deepEqual(
    r.evidence.map((e) => e.line),
    [19, 20, 21],
  );
  assert.match(r.statement, /in \/usr\/share\/code \(icudtl\.dat, v8_context_snapshot\.bin, natives_blob\.bin, …\)/);
});

test("the app's own processes hold its runtime files: VS Code, a snap's chrome, an app in a folder of several words", async () => {
  const text = readFileSync(CASE, 'utf8');
  for (const [what, changed] of [
    ['code in /usr/share/code', text.replace(/^top {5}26575/gm, 'code    26575')],
    [
      'chrome in a snap',
      text.replace(/^top {5}26575/gm, 'chrome  26575').replaceAll('/usr/share/code/', '/snap/chromium/2345/usr/lib/chromium-browser/'),
    ],
    [
      'code in /opt/visual-studio-code',
      text.replace(/^top {5}26575/gm, 'code    26575').replaceAll('/usr/share/code/', '/opt/visual-studio-code/'),
    ],
    [
      'code-insiders, cut by lsof',
      text.replace(/^top {5}26575/gm, 'code-insi 26575').replaceAll('/usr/share/code/', '/usr/share/code-insiders/'),
    ],
  ] as const) {
    assert.deepEqual(runtime(await analyzeText(changed)), [], what);
  }
  // Another program holding an app's files in a folder of several words is still another program.
  const other = await analyzeText(text.replaceAll('/usr/share/code/', '/opt/visual-studio-code/'));
  assert.deepEqual(
    runtime(other).map((x) => [x.pid, x.weight]),
    [[26575, 2]],
  );
  // .pak files without the ICU data or a V8 snapshot are no Chromium's (a game's archives).
  assert.deepEqual(runtime(await analyzeText(text.replace(/^.*(icudtl\.dat|_blob\.bin|snapshot\.bin)$/gm, ''))), []);
});

test(".NET runtimes' diagnostic sockets in a bash of another pid: passed down to it, and the bash holds them (redis#8383)", async () => {
  const r = (await analyzeBundle(join(CASES_DIR, 'gh-redis-sentinel-bash-dotnet-diagnostic-sockets', 'transcript.md'))).result;
  assert.equal(r.verdict, 'inconclusive');
  assert.equal(r.suspects[0].pid, 7269);
  assert.deepEqual(r.suspects[0].leak, { kind: 'inherited', count: 3 });
  assert.match(
    r.suspects[0].reasons[0].statement,
    /3 diagnostic sockets of a \.NET runtime of another pid \(pid 1195, pid 2425, pid 2444; fd 10, fd 11, fd 14\)/,
  );
});
