// Every strace shape of the real Java capture, through the whole pipeline: a bundle folder (strace,
// jstack, ls -l /proc/PID/fd, the log under logs/, a manifest) analysed by analyzeBundle, as
// `fdleak analyze --json` does. The root cause must name the leaking thread, fd, path and message.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fixturePath } from '../helpers.js';
import { analyzeBundle } from '../../src/analysis.js';

const SRC = fixturePath('strace', 'java-cat-leak');
const meta = JSON.parse(readFileSync(join(SRC, 'meta.json'), 'utf8')) as {
  pid: number;
  leakTid: number;
  captureDate: string;
  timezone: string;
  logPath: string;
  port: number;
};
const LOG = meta.logPath.split('/').pop()!;

const SHAPES: { name: string; files: string[]; command: string }[] = [
  { name: '-f -tt -T -y', files: ['f-tt-T-y.strace'], command: `strace -f -tt -T -y -s 256 -p ${meta.pid} -o f-tt-T-y.strace` },
  { name: '-f -ttt', files: ['f-ttt.strace'], command: `strace -f -ttt -p ${meta.pid} -o f-ttt.strace` },
  { name: '-f -r', files: ['f-r.strace'], command: `strace -f -r -p ${meta.pid} -o f-r.strace` },
  { name: '-f (no times)', files: ['f-notime.strace'], command: `strace -f -p ${meta.pid} -o f-notime.strace` },
  { name: '-f to stderr ([pid N])', files: ['stderr.strace'], command: `strace -f -tt -y -p ${meta.pid}` },
  {
    name: '-ff -o (a file per thread)',
    files: ['ff/trace.8582', 'ff/trace.8584', 'ff/trace.8585'],
    command: `strace -ff -tt -T -y -s 256 -p ${meta.pid} -o trace`,
  },
];

function bundle(shape: (typeof SHAPES)[number]): string {
  const dir = mkdtempSync(join(tmpdir(), 'fdleak-shape-'));
  const files: Record<string, unknown>[] = [];
  for (const f of shape.files) {
    mkdirSync(dirname(join(dir, f)), { recursive: true });
    cpSync(join(SRC, f), join(dir, f));
    files.push({ path: f, command: shape.command, pid: meta.pid, startedAt: `${meta.captureDate}T19:10:00+00:00` });
  }
  cpSync(join(SRC, 'jstack.txt'), join(dir, 'jstack.txt'));
  files.push({ path: 'jstack.txt', command: `jstack ${meta.pid}`, pid: meta.pid });
  cpSync(join(SRC, 'proc-fd.txt'), join(dir, 'proc-fd.txt'));
  files.push({ path: 'proc-fd.txt', command: `ls -l /proc/${meta.pid}/fd`, pid: meta.pid });
  const log = join('logs', meta.logPath);
  mkdirSync(dirname(join(dir, log)), { recursive: true });
  cpSync(join(SRC, LOG), join(dir, log));
  files.push({ path: log, command: `tail -c 1048576 ${meta.logPath}`, pid: meta.pid });
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify({ schema: 'fdleak/bundle@1', timezone: meta.timezone, files }, null, 2));
  return dir;
}

for (const shape of SHAPES) {
  test(`strace ${shape.name}: analyze names the leaking thread, its fd, the log path and message`, async () => {
    const { result } = await analyzeBundle(bundle(shape));
    assert.deepEqual(
      result.sources.filter((s) => shape.files.includes(s.file)).map((s) => s.kind),
      shape.files.map(() => 'strace'),
    );
    const rc = result.rootCause;
    assert.ok(
      rc,
      `root cause: ${result.findings
        .filter((f) => f.step >= 8)
        .map((f) => `${f.id}: ${f.detail}`)
        .join(' | ')}`,
    );
    assert.equal(rc.pid, meta.pid);
    assert.equal(rc.tid, meta.leakTid);
    assert.equal(rc.fd, 4);
    assert.equal(rc.path, meta.logPath);
    assert.match(rc.message ?? '', new RegExp(`Error when try connecting to /127\\.0\\.0\\.1:${meta.port}`));
    assert.match(rc.statement, /Cat-ChannelManager/);
    assert.equal(result.findings.find((f) => f.id === 'leaking-thread')?.status, 'fail');
  });
}

test('C fork/cloexec race through the pipeline: the race finding names both threads and the fds; the children keep them', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'fdleak-race-'));
  const src = fixturePath('strace', 'c-cloexec-race', 'race-f-tt-T-y.strace');
  cpSync(src, join(dir, 'strace.txt'));
  const lines = readFileSync(src, 'utf8').split('\n');
  const tidOf = (re: RegExp) => Number(lines.find((l) => re.test(l))!.split(' ')[0]);
  const opener = tidOf(/ socket\(AF_INET/);
  const spawner = tidOf(/ clone\(child_stack=NULL/);
  const { result } = await analyzeBundle(join(dir, 'strace.txt'));
  const race = result.findings.find((f) => f.id === 'cloexec-fork-race');
  assert.equal(race?.status, 'fail');
  // 18 /bin/true children held copies after their execve: decisive, a leak of kind inherited.
  assert.equal(race.severity, 'high');
  assert.deepEqual([result.verdict, result.suspects[0]?.leak.kind], ['leak', 'inherited']);
  assert.match(
    race.detail,
    new RegExp(
      `thread ${spawner} forked child \\d+ [\\d.]+ ms after thread ${opener} created fd [34] \\([^)]+\\) and before it set FD_CLOEXEC, and the child execed with it open`,
    ),
  );
  const table = race.details?.find((d) => d.type === 'table');
  assert.ok(table && table.type === 'table' && table.rows.some((r) => r[0] === 3) && table.rows.some((r) => r[0] === 4));
  assert.ok(
    race.evidence.every((e) => e.file === 'strace.txt' && lines[e.line - 1].startsWith(e.text ?? '')),
    JSON.stringify(race.evidence),
  );
  assert.ok(race.evidence.some((e) => / socket\(/.test(e.text ?? '')) && race.evidence.some((e) => / clone\(/.test(e.text ?? '')));
  // The opener closes what it opens: the parent leaks nothing; the root cause is the fd it made
  // without close-on-exec that children kept.
  assert.equal(result.rootCause?.basis, 'inherited');
  assert.equal(result.rootCause?.tid, opener);
  assert.ok(result.rootCause?.fd === 3 || result.rootCause?.fd === 4);
  assert.match(
    result.rootCause?.statement ?? '',
    new RegExp(`^Thread ${opener} of pid \\d+ makes fd [34] .* without close-on-exec .*thread ${spawner} forks while it is open`),
  );
});
