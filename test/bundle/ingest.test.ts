import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ingest } from '../../src/sources/parse.js';
import { analyzeBundle } from '../../src/analysis.js';
import { commandLinesCut } from '../../src/bundle/transcript.js';

const SOCKSTAT = 'sockets: used 158400\nTCP: inuse 89 orphan 2 tw 197 alloc 157760 mem 16\nUDP: inuse 6 mem 0\n';

function badBundle(): string {
  const dir = mkdtempSync(join(tmpdir(), 'fdleak-bad-'));
  writeFileSync(join(dir, 'sockstat-crlf.txt'), SOCKSTAT.replace(/\n/g, '\r\n'));
  writeFileSync(join(dir, 'empty.txt'), '');
  writeFileSync(join(dir, 'core.bin'), Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 0, 1, 2, 3, 0, 0, 0]));
  writeFileSync(join(dir, 'cut.txt'), 'sockets: used 10\nTCP: inuse 1 orphan 0 tw 0 all');
  writeFileSync(join(dir, 'lsof-denied.txt'), 'bash: lsof: command not found\n');
  writeFileSync(join(dir, 'mystery.txt'), 'hello\nworld\n');
  return dir;
}

test('bad files each get a warning naming them, and the rest is analysed', async () => {
  const dir = badBundle();
  const before = readFileSync(join(dir, 'sockstat-crlf.txt'));
  const got = await ingest(dir);
  const byFile = new Map(got.entries.map((e) => [e.file, e]));
  const warn = (f: string) =>
    byFile
      .get(f)!
      .warnings.map((w) => w.message)
      .join(' | ');
  assert.match(warn('empty.txt'), /empty file/);
  assert.match(warn('core.bin'), /binary/);
  assert.match(warn('sockstat-crlf.txt'), /CRLF/);
  assert.match(warn('cut.txt'), /no newline|cut off/);
  assert.match(warn('lsof-denied.txt'), /error message.*command not found/);
  assert.equal(byFile.get('mystery.txt')!.source, null);
  assert.equal(byFile.get('sockstat-crlf.txt')!.source, 'sockstat');
  const { result } = await analyzeBundle(dir);
  const gap = result.findings.find((f) => f.id === 'socket-alloc-gap');
  assert.equal(gap?.status, 'fail');
  assert.deepEqual(gap?.evidence.map((e) => `${e.file}:${e.line}`).sort(), ['sockstat-crlf.txt:1', 'sockstat-crlf.txt:2']);
  assert.deepEqual(readFileSync(join(dir, 'sockstat-crlf.txt')), before, 'input untouched');
});

test('a manifest gives commands, times and pids; its own problems are warnings', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'fdleak-manifest-'));
  mkdirSync(join(dir, 'proc'));
  writeFileSync(join(dir, 'proc', 'net-sockstat'), SOCKSTAT);
  writeFileSync(
    join(dir, 'manifest.yaml'),
    [
      'schema: fdleak/bundle@1',
      'title: Tomcat refuses connections',
      'ticket: INC-1',
      'timezone: Asia/Shanghai',
      'capturedAt: 2019-07-22T10:00:00+08:00',
      'files:',
      '  - path: proc/net-sockstat',
      '    command: cat /proc/net/sockstat',
      '    startedAt: 2019-07-22T10:00:01+08:00',
      '  - path: not-there.txt',
      '    command: ss -s',
    ].join('\n'),
  );
  const got = await ingest(dir);
  assert.equal(got.manifest?.title, 'Tomcat refuses connections');
  const e = got.entries.find((x) => x.file === 'proc/net-sockstat')!;
  assert.equal(e.command, 'cat /proc/net/sockstat');
  assert.equal(e.capturedAt, '2019-07-22T10:00:01+08:00');
  assert.ok(got.warnings.some((w) => w.message.includes('not-there.txt')));
});

test('a missing input is an InputError', async () => {
  await assert.rejects(ingest('/nonexistent/bundle'), { name: 'InputError' });
});

// blog-oracle-jdk-imageio-netstat-one-close-wait-row: a web page's text, the command inside a
// sentence and its row a paragraph of its own; no prompt, no fence.
const PAGE = [
  'Step 1: Problem Focus',
  '',
  'The first step was to identify which IP pairs were generating the CLOSE_WAIT sockets using netstat: netstat -np | grep tcp | grep "CLOSE_WAIT" Sample output showed many lines similar to:',
  '',
  'tcp 3547 0 10.107.17.xxx:34602 yyy.12.230.115:443 CLOSE_WAIT 19819/java',
  '',
  'Step 2: IP Investigation',
  '',
].join('\n');

test('a plain-text write-up nothing reads as a whole is read paragraph by paragraph', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'fdleak-page-'));
  writeFileSync(join(dir, 'page.md'), PAGE);
  writeFileSync(join(dir, 'prose.txt'), 'hello\n\nworld\n');
  const got = await ingest(dir);
  const page = got.entries.filter((e) => e.file === 'page.md');
  const row = page.find((e) => e.source === 'netstat');
  assert.ok(row, 'the row paragraph is read as netstat');
  assert.equal(row.firstLine, 5);
  assert.equal(row.lastLine, 5);
  // Prose alone stays one unread entry, as before.
  const prose = got.entries.filter((e) => e.file === 'prose.txt');
  assert.equal(prose.length, 1);
  assert.equal(prose[0].source, null);
});

test('a transcript of more commands than fdleak reads says where it stopped, and reads the first ones', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'fdleak-many-'));
  const file = join(dir, 'session.txt');
  const commands = Array.from({ length: 10_005 }, (_, i) => `$ cat /proc/sys/fs/file-nr\n${1000 + i}\t0\t9223372036854775807`);
  writeFileSync(file, `${commands.join('\n')}\n`);
  const got = await ingest(file);
  assert.equal(got.entries.length, 10_000);
  const warnings = got.entries.flatMap((e) => e.warnings);
  const cap = warnings.find((w) => /more than 10,000 command lines/.test(w.message));
  assert.ok(cap, warnings.map((w) => w.message).join(' | '));
  assert.equal(cap.line, 20_001);
  assert.match(cap.message, /not read from here on/);
});

test('a transcript is cut at its 10,001st command line before it is split, whatever opens its items', () => {
  const prompts = Array.from({ length: 10_003 }, (_, i) => `$ ls /proc/${i}/fd | wc -l\n${i}`).join('\n');
  assert.deepEqual(commandLinesCut(prompts, 10_000), { offset: prompts.indexOf('$ ls /proc/10000/'), line: 20_001 });
  // Fenced blocks without commands: each fence is a command line (a block is two).
  const fences = Array.from({ length: 6_000 }, (_, i) => `\`\`\`\r\n${i}\r\n\`\`\``).join('\r\n');
  assert.equal(commandLinesCut(fences, 10_000)?.line, 15_001);
  // Commands heading paragraphs, no prompt: each paragraph's first line.
  const bare = Array.from({ length: 10_001 }, (_, i) => `lsof -p ${i}\nx`).join('\n\n');
  assert.equal(commandLinesCut(bare, 10_000)?.line, 30_001);
  // Output lines (an lsof listing of any length) are no command lines.
  const listing = [
    '$ lsof -p 1',
    ...Array.from({ length: 50_000 }, (_, i) => `java 1 app ${i}u IPv4 9 0t0 TCP a:1->b:2 (CLOSE_WAIT)`),
  ].join('\n');
  assert.equal(commandLinesCut(listing, 10_000), null);
});
