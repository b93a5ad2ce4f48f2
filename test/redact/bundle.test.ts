// The redacted copy and the learning behind it: a sos report (its host from etc/hostname and its
// folder name, only the files fdleak reads copied), the analyst's notes, binary files, line ends
// and the line cap; the result's schema words, which no name may replace.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { fixturePath, ROOT } from '../helpers.js';
import { analyzeBundle } from '../../src/analysis.js';
import { ingest } from '../../src/sources/parse.js';
import { MAX_LINE_BYTES } from '../../src/bundle/lines.js';
import { learnBundle, Learner, sosReportHost } from '../../src/redact/learn.js';
import { redactBundle, redactFile } from '../../src/redact/bundle.js';
import { redactResult } from '../../src/redact/result.js';
import type { PsArtifact } from '../../src/sources/artifacts.js';
import { renderReport } from '../../src/report/render.js';

let work: string;
before(() => {
  work = mkdtempSync(join(tmpdir(), 'fdleak-redact-bundle-'));
});
after(() => rmSync(work, { recursive: true, force: true }));

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? filesUnder(join(dir, f)) : [join(dir, f)]));
}

test("a sos report folder name gives its host (with sos's label when it had one)", () => {
  assert.equal(sosReportHost('sosreport-web3-2026-11-25-pxophew.tar.xz'), 'web3');
  assert.equal(sosReportHost('sosreport-db-prod-2-case42-2026-11-25-abcdef'), 'db-prod-2-case42');
  assert.equal(sosReportHost('sosreport-web3.12345-20240101123456.tar.xz'), 'web3.12345');
  assert.equal(sosReportHost('fdleak-web3-20261206-101010'), null);
});

test('a sos report: its host learned from etc/hostname, only the files fdleak reads copied, the host in none of them, the same diagnosis', async () => {
  const sos = fixturePath('bundles', 'sosreport-py-leak.tar.xz');
  const ingested = await ingest(sos);
  try {
    const map = await learnBundle(ingested);
    assert.equal(map.hosts.get('vm'), 'host-1', 'etc/hostname, and the folder sosreport-vm-pyleak-… (pyleak is its label)');
    assert.equal(map.hosts.get('vm-pyleak'), undefined);
  } finally {
    await ingested.cleanup();
  }
  const out = join(work, 'sos');
  const r = await redactBundle(sos, out);
  const files = filesUnder(out).map((f) => relative(out, f));
  assert.ok(
    files.every((f) => f.startsWith('sos_commands/') || f.startsWith('proc/')),
    files.join(' '),
  );
  assert.ok(!files.includes('etc/hostname'));
  assert.equal(r.written.length, files.length);
  for (const f of filesUnder(out)) assert.doesNotMatch(readFileSync(f, 'utf8'), /(?<![A-Za-z0-9])vm(?![A-Za-z0-9])/i, f);
  const [plain, copy] = [await analyzeBundle(sos), await analyzeBundle(out)];
  assert.equal(copy.result.verdict, plain.result.verdict);
  assert.deepEqual(
    copy.result.suspects.map((s) => [s.pid, s.leak]),
    plain.result.suspects.map((s) => [s.pid, s.leak]),
  );
});

test("the analyst's notes are redacted with the same map, in the report and in the copy", async () => {
  const bundle = join(work, 'flume');
  cpSync(resolve(ROOT, 'samples', 'flume-redis-host'), bundle, { recursive: true });
  writeFileSync(
    join(bundle, 'notes.md'),
    '## Timeline\n\nPaged at 02:10; logged in to redis01 as apps, password=hunter2; redis01.corp.example.com is 10.44.0.9.\n',
  );
  const { result, notes } = await analyzeBundle(bundle, { redact: {} });
  assert.ok(notes);
  assert.equal(
    notes.text,
    '## Timeline\n\nPaged at 02:10; logged in to host-1 as user-1, password=[REDACTED]; host-1.domain-1.example is 192.0.2.1.\n',
  );
  const md = (await renderReport(result, 'md-full', { notes: notes.text })) as string;
  assert.match(md, /logged in to host-1 as user-1/);
  assert.doesNotMatch(md, /redis01|10\.44\.0\.9|hunter2|(?<![A-Za-z0-9])apps(?![A-Za-z0-9])/);
  const out = join(work, 'flume-copy');
  await redactBundle(bundle, out);
  assert.equal(readFileSync(join(out, 'notes.md'), 'utf8'), notes.text);
  assert.match(readFileSync(join(out, 'manifest.yaml'), 'utf8'), /^host: host-1$/m);
});

test('the copy: binary files left out and said so, CRLF and a last line without LF kept, a line past the cap cut like the reader cuts it', async () => {
  const bundle = join(work, 'mixed');
  cpSync(resolve(ROOT, 'samples', 'flume-redis-host'), bundle, { recursive: true });
  writeFileSync(join(bundle, 'core.bin'), Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 0, 1, 2, 3]));
  writeFileSync(join(bundle, 'app.log'), 'connect 10.9.9.9:6379\r\nok redis01\r\nlast 10.9.9.9');
  const r = await redactBundle(bundle, join(work, 'mixed-copy'));
  assert.deepEqual(r.skipped, [{ file: 'core.bin', why: 'binary content' }]);
  assert.equal(readFileSync(join(work, 'mixed-copy', 'app.log'), 'utf8'), 'connect 192.0.2.1:6379\r\nok host-1\r\nlast 192.0.2.1');

  const long = join(work, 'long.txt');
  writeFileSync(long, `${'10.9.9.9 '.repeat(Math.ceil((MAX_LINE_BYTES + 10) / 9))}\nnext 10.9.9.9\n`);
  const l = new Learner();
  l.line('10.9.9.9');
  const stats = await redactFile(long, join(work, 'long.out'), l.finish());
  assert.deepEqual(stats, { lines: 2, cutLines: 1 });
  const lines = readFileSync(join(work, 'long.out'), 'utf8').split('\n');
  assert.ok(lines[0].length < MAX_LINE_BYTES * 1.2 && lines[0].startsWith('192.0.2.1 192.0.2.1'));
  assert.doesNotMatch(lines[0], /10\.9/, 'no half address at the cut');
  assert.equal(lines[1], 'next 192.0.2.1');
});

test("the result's own words stay whatever the bundle names: a user called leak does not change the verdict", async () => {
  const { result } = await analyzeBundle(resolve(ROOT, 'samples', 'flume-redis-host'));
  const l = new Learner();
  for (const name of ['leak', 'fail', 'critical', 'socket-unconnected', 'fd-holders']) l.user(name);
  const red = redactResult(result, l.finish());
  assert.equal(red.verdict, 'leak');
  assert.equal(red.severity, result.severity);
  assert.deepEqual(
    red.suspects.map((s) => s.leak),
    result.suspects.map((s) => s.leak),
  );
  assert.deepEqual(
    red.findings.map((f) => [f.id, f.status, f.severity]),
    result.findings.map((f) => [f.id, f.status, f.severity]),
  );
  assert.equal(red.incident.redacted, true);
  assert.equal(result.incident.redacted, undefined, 'the plain result is not changed');
});

test("the user of a ps | grep's own grep row is learned: the row is no evidence, but its name is in the bundle (cri-o#10006's real lines)", async () => {
  const dir = mkdtempSync(join(tmpdir(), 'fdleak-grep-user-'));
  try {
    const bundle = join(dir, 'bundle');
    mkdirSync(bundle);
    writeFileSync(
      join(bundle, 'transcript.md'),
      [
        '```console',
        '$ ps aux | grep /usr/bin/crio',
        'root     1116296  1.3  0.1 4067972 154112 ?      Ssl  21:37   0:04 /usr/bin/crio',
        'hkj      1120908  0.0  0.0   7212  2220 pts/0    S+   21:43   0:00 grep /usr/bin/crio',
        '```',
        '',
      ].join('\n'),
    );
    const ingested = await ingest(bundle);
    const ps = ingested.entries.find((e) => e.source === 'ps');
    assert.ok(ps, 'the ps rows are read');
    assert.deepEqual(
      (ps.artifact as PsArtifact).processes.map((p) => p.pid),
      [1116296],
      'the grep row is no process',
    );
    const out = join(dir, 'copy');
    await redactBundle(bundle, out);
    const copy = readFileSync(join(out, 'transcript.md'), 'utf8');
    assert.doesNotMatch(copy, /\bhkj\b/);
    assert.match(copy, /^user-1 +1120908 /m);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
