// `ls -l /proc/self/fd` lists the fds of that ls: fds beyond its standard streams and its own
// folder came through execve from whoever started it (own-fd-listings.ts). Real outputs:
// hyperhq/hyperstart#325 (busybox ls, its folder fd unreadable), apptainer/singularity#589, and
// listings captured here (test/fixtures/programs/ls-own-fds/).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { analyzeBundle } from '../../src/analysis.js';
import { CASES_DIR } from '../accuracy/score.js';
import { procFd } from '../../src/sources/proc-fd.js';
import { fixturePath } from '../helpers.js';
import { analyzeTranscript } from '../analyze-transcript.js';

const analyze = async (path: string) => (await analyzeBundle(path)).result;

test('busybox ls lists its own fds with a link it could not read: read, the unreadable fd not counted', async () => {
  const head = [
    'total 0',
    'lr-x------    1 root     root            64 Aug 29 08:42 0 -> pipe:[874]',
    'l-wx------    1 root     root            64 Aug 29 08:42 1 -> pipe:[875]',
    'l-wx------    1 root     root            64 Aug 29 08:42 2 -> pipe:[876]',
    'ls: /proc/self/fd/3: cannot read link: No such file or directory',
    'lr-x------    1 root     root            64 Aug 29 08:42 3',
    'lrwx------    1 root     root            64 Aug 29 08:42 6 -> socket:[701]',
  ];
  const command = "docker exec b3ce4aaa72c0 ls -l '/proc/self/fd'";
  assert.ok(procFd.detect({ head, name: 'transcript.md', command }) >= 0.9);
  // The thread's second block alone: its first, the shell's own listing, names the shell as the holder.
  const r = await analyzeTranscript(['```', `[root@sbox runv]# ${command}`, ...head, '```', ''].join('\n'), 'transcript.md');
  assert.equal(r.verdict, 'inconclusive');
  assert.match(
    r.summary,
    /`ls` listed its own fds \(transcript\.md:4\) and holds an fd it did not open, fd 6 \(socket:\[701\]\): it came through execve/,
  );
  const own = r.sources.find((s) => s.command === command);
  assert.equal(own?.kind, 'proc-fd');
  assert.deepEqual(own?.warnings, []);
});

test("a container runtime's fds in its shell's ls: each named, and no process blamed", async () => {
  const r = await analyze(join(CASES_DIR, 'gh-singularity-shell-proc-self-fd-image-loop-inherited', 'transcript.md'));
  assert.equal(r.verdict, 'inconclusive');
  assert.equal(r.suspects.length, 0);
  assert.match(
    r.summary,
    /holds 3 fds it did not open, fd 4 \(\/tmp\/\.singularity-session-wXdA5mlZDc\), fd 5 \(\/tmp\/trusty\.img\), fd 8 \(\/dev\/loop0\)/,
  );
});

test("an fd the parent shell kept is inherited; one the command redirects, and ls's own folder, are not", async () => {
  const r = await analyze(fixturePath('programs', 'ls-own-fds', 'kept.txt'));
  assert.equal(r.verdict, 'inconclusive');
  assert.match(r.summary, /holds an fd it did not open, fd 7 \(\/etc\/hostname\)/);
  assert.doesNotMatch(r.summary, /fd 9|fd 3 /);
});

test("ls's own listing with nothing inherited shows no process's health", async () => {
  const r = await analyze(fixturePath('programs', 'ls-own-fds', 'clean.txt'));
  assert.equal(r.verdict, 'inconclusive');
  assert.doesNotMatch(r.summary, /did not open/);
});

test('a shell listing its own fds ($$): those beside its terminal came through execve, and the shell holds them', async () => {
  const r = await analyze(fixturePath('programs', 'ls-own-fds', 'shell.txt'));
  assert.equal(r.verdict, 'inconclusive');
  const s = r.suspects[0];
  assert.equal(s.pid, null);
  assert.match(s.namedBy ?? '', /`\$\$` in the listing at shell\.txt:3: the shell at its prompt/);
  assert.deepEqual(s.leak, { kind: 'inherited', count: 1 });
  assert.match(s.reasons[0].statement, /holds one beside its terminal, fd 7 \(\/etc\/hostname\)/);
});

test("a shell's fds in VS Code's terminal, a busybox shell's socket, a healthy bash: only the terminal is its own", async () => {
  const vscode = await analyze(join(CASES_DIR, 'gh-vscode-bash-inherits-pak-and-shm-cut-listing', 'transcript.md'));
  assert.deepEqual(vscode.suspects[0].leak, { kind: 'inherited', count: 5 });
  assert.match(vscode.suspects[0].reasons[0].statement, /fd 10 \(\/usr\/share\/code\/pdf_viewer_resources\.pak\), fd 100 /);
  // busybox sh keeps /dev/tty on fd 10: its terminal, not inherited.
  const busybox = await analyze(join(CASES_DIR, 'gh-hyperstart-container-proc-fd-inherited-socket-701', 'transcript.md'));
  assert.match(busybox.suspects[0].reasons[0].statement, /holds one beside its terminal, fd 6 \(socket:\[701\]\)/);
  const healthy = await analyze(join(CASES_DIR, 'blog-anveshan-shell-fd-listing-healthy-negative', 'transcript.md'));
  assert.equal(healthy.verdict, 'no-leak');
});

test('lsof -p $$ is the shell listing its own fds too: a file beside its terminal was given to it (nvim-dap#1545)', async () => {
  const r = await analyze(join(CASES_DIR, 'gh-nvim-dap-log-held-by-term-zsh-one-row', 'transcript.md'));
  assert.equal(r.verdict, 'inconclusive');
  assert.equal(r.suspects[0].pid, 91946);
  assert.deepEqual(r.suspects[0].leak, { kind: 'inherited', count: 1 });
  assert.match(r.suspects[0].reasons[0].statement, /fd 21 \(\/Users\/jade\/\.cache\/nvim\/dap\.log\)/);
});
