// A process's lsof rows counted by TYPE (`lsof -p PID | awk '{print $5}' | sort | uniq -c`) say
// what all its fds are; lsof's `sock` rows are sockets in no table only as far as the kernel's own
// count of such sockets (ss -s, sockstat) allows. Real lines: go-segstore-healthy-large-flat.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyzeBundle } from '../../src/analysis.js';
import { CASES_DIR } from '../accuracy/score.js';
import { interpretCount } from '../../src/model/pipeline.js';
import { keyedByLinkTarget, keyedByLsofType, linkCountHolder, lsfdTypeCountHolder, typeCountHolder } from '../../src/model/type-counts.js';
import { analyzeTranscript } from '../analyze-transcript.js';

const now = new Date('2026-01-01T00:00:00Z');
const SEGSTORE = join(CASES_DIR, 'go-segstore-healthy-large-flat', 'bundle');
// lsof-types.txt of the case, as `lsof -n -P -p 23083 | awk 'NR>1 {print $5}' | sort | uniq -c | sort -nr` printed it.
const TYPES = ['  12292 REG', '    601 sock', '      3 CHR', '      2 FIFO', '      2 DIR', '      1 a_inode'];

function rows(lines: string[]) {
  return lines.map((text, i) => {
    const [count, key] = text.trim().split(/\s+/);
    return { count: Number(count), key, ev: { file: 'lsof-types.txt', line: i + 1, text } };
  });
}

/** The case's bundle with `edit` applied, analysed. */
async function segstoreWith(edit: (dir: string) => void) {
  const dir = mkdtempSync(join(tmpdir(), 'fdleak-segstore-'));
  try {
    cpSync(SEGSTORE, dir, { recursive: true });
    edit(dir);
    return (await analyzeBundle(dir, { now })).result;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test("a count table keyed by lsof's TYPE words is a count of rows by kind, with or without its command", () => {
  assert.ok(keyedByLsofType(rows(TYPES)));
  assert.ok(!keyedByLsofType(rows(['  65966 25204', '   5374 20179'])));
  assert.ok(!keyedByLsofType(rows(['    601 sock', '     12 java'])));
  assert.equal(interpretCount("lsof -n -P -p 23083 | awk 'NR>1 {print $5}' | sort | uniq -c | sort -nr")?.key, 'type');
  const h = typeCountHolder('lsof-types.txt', rows(TYPES), 23083);
  assert.deepEqual(h.byKind, { file: 12292, 'socket-unconnected': 601, device: 3, pipe: 2, dir: 2, anon: 1 });
  assert.equal(h.fds, 12901);
  assert.equal(h.unidentifiedSockets, 601);
  assert.deepEqual(
    h.samples.unidentified.map((e) => e.line),
    [2],
  );
});

test('a TYPE count of every row of the only process shows its kinds in full: an excerpt of its listing (lsof | head) is no longer a sample of them', async () => {
  const { result } = await analyzeBundle(SEGSTORE, { now });
  const p = result.processes?.find((x) => x.pid === 23083);
  assert.equal(p?.kindsFrom, 'listing');
  assert.equal(p?.kinds.file, 12292);
  // The exact count (ls /proc/PID/fd | wc -l), not the rows of the table (which hold cwd, txt, mem).
  assert.equal(p?.fdCount, 12896);
  assert.equal(p?.fdCountMeasure, 'fds');
  assert.deepEqual(p?.signals, []);
  assert.equal(result.verdict, 'no-leak');
});

test("a TYPE count names its process by its command; one of the whole host (lsof | awk) is no process's", async () => {
  const command = "lsof -n -P -p 23083 | awk 'NR>1 {print $5}' | sort | uniq -c | sort -nr";
  const named = await segstoreWith((dir) => writeFileSync(join(dir, 'lsof-types.txt'), `$ ${command}\n${TYPES.join('\n')}\n`));
  assert.equal(named.processes?.find((x) => x.pid === 23083)?.kindsFrom, 'listing');
  const host = await segstoreWith((dir) =>
    writeFileSync(join(dir, 'lsof-types.txt'), `$ lsof -n -P | awk 'NR>1 {print $5}' | sort | uniq -c | sort -nr\n${TYPES.join('\n')}\n`),
  );
  assert.equal(host.processes?.find((x) => x.pid === 23083)?.kindsFrom, 'partial-listing');
  assert.notEqual(host.verdict, 'no-leak');
});

test("lsof's sock rows are sockets in no table only when the kernel counts as many TCP sockets in no table (ss -s closed, sockstat alloc - inuse)", async () => {
  // ss-s.txt:2 `closed 4`, sockstat.txt:2 `inuse 1201 ... alloc 1205`: 601 rows cannot be 601 sockets in no table.
  const counted = await analyzeBundle(SEGSTORE, { now });
  assert.ok(!counted.result.processes?.[0].signals.includes('unconnected-sockets'));
  // The report says why they were set aside, with the lines of both counts.
  const setAside = counted.result.findings.filter((f) => f.id === 'unconnected-sockets');
  assert.equal(setAside.length, 1);
  assert.equal(setAside[0].status, 'pass');
  assert.match(
    setAside[0].detail,
    /^pid 23083 \(segstore\): 601 fds \(lsof-types\.txt\) are sockets lsof finds in no connection table, but the kernel counts 4 TCP sockets in no table \(ss -s: 4 closed\)/,
  );
  assert.deepEqual(
    setAside[0].evidence.map((e) => `${e.file}:${e.line}`),
    ['lsof-types.txt:2', 'ss-s.txt:2'],
  );
  // Without the kernel's counts, the rows are what lsof says they are.
  const blind = await segstoreWith((dir) => {
    rmSync(join(dir, 'ss-s.txt'));
    rmSync(join(dir, 'sockstat.txt'));
  });
  const s = blind.suspects[0];
  assert.equal(s?.pid, 23083);
  const r = s.reasons.find((x) => x.signal === 'unconnected-sockets');
  assert.equal(r?.weight, 1);
  assert.equal(r?.count, 601);
  assert.equal(blind.verdict, 'inconclusive');
  // Taken at other moments, the kernel's counts bound the rows only while the fd count stays flat.
  const rising = await segstoreWith((dir) =>
    writeFileSync(join(dir, 'fdcount.log'), ['02:55:12 12896', '02:55:15 12930', '02:55:18 12990', '02:55:21 13050'].join('\n') + '\n'),
  );
  assert.ok(rising.suspects[0]?.reasons.some((x) => x.signal === 'unconnected-sockets' && x.count === 601));
  assert.ok(!rising.findings.some((f) => f.id === 'unconnected-sockets' && f.status === 'pass'));
});

// blog-biekanle-java-sdk-fd-growth: `ls -la /proc/$pid/fd/ | awk '{print $11}' | sort | uniq -c | sort -rn | head`.
const TARGETS = ['41234 socket:[xxx]', '8500 /tmp/cache/xxx.tmp'];

test("/proc/PID/fd's links counted by target are the process's fds by kind; ls's total, . and .. rows (no target) are none", () => {
  assert.ok(keyedByLinkTarget(rows(TARGETS)));
  assert.ok(keyedByLinkTarget(rows(['   900 socket', '    40 pipe', '    12 anon_inode', '     3 /dev/null'])));
  assert.ok(!keyedByLinkTarget(rows(['   900 java', '    40 nginx'])));
  const h = linkCountHolder('t.md', [...rows(TARGETS), { count: 3, key: '', ev: { file: 't.md', line: 3, text: '      3' } }], 12345);
  assert.deepEqual(h.byKind, { 'socket-other': 41234, file: 8500 });
  assert.equal(h.fds, 49734);
  const cut = linkCountHolder('t.md', rows(['900 socket', '40 pipe', '12 anon_inode']), 1);
  assert.deepEqual(cut.byKind, { 'socket-other': 900, pipe: 40, anon: 12 });
});

test('a tally of link targets gives its process the kinds of its fds, cut by | head: a pile of sockets of unknown type, not the two pipes of an excerpt', async () => {
  const { result } = await analyzeBundle(join(CASES_DIR, 'blog-biekanle-java-sdk-fd-growth', 'transcript.md'), { now });
  const s = result.suspects[0];
  assert.equal(s.pid, 12345);
  assert.equal(s.leak.kind, 'other');
  assert.equal(s.leak.count, 41234);
  assert.ok(s.reasons.some((r) => r.signal === 'socket-pile' && /^41,234 of its 58,256 fds are sockets/.test(r.statement)));
});

// GlitterKill/sdl-mcp#12 (macOS): the tally's heading names the lsof it counted, not its awk.
const SDL_MCP = [
  '### Process',
  '```',
  'PID   PPID  USER         %CPU %MEM ELAPSED COMMAND',
  '88916 88739 username  0.0 13.8   18:15 node /Users/.../.bun/bin/sdl-mcp serve',
  '```',
  '',
  '### FD count (`lsof -p 88916`)',
  '```',
  '240476 REG',
  '     4 PIPE',
  '     4 DIR',
  '     3 unix',
  '     3 KQUEUE',
  '```',
];

test("a TYPE tally under a bare `lsof -p PID` is that process's rows by TYPE (a kqueue is an anonymous inode)", async () => {
  const r = await analyzeTranscript(`${SDL_MCP.join('\n')}\n`, 'issue.md', now);
  const p = r.processes?.find((x) => x.pid === 88916);
  assert.equal(p?.fdCount, 240490);
  assert.match(r.summary, /pid 88916 \(node\) is the likeliest holder — 240,476 of its 240,490 lsof rows are regular files/);
  const holder = typeCountHolder('issue.md', rows(['     3 KQUEUE', '     4 PIPE']));
  assert.equal(holder.byKind.anon, 3);
  assert.equal(holder.byKind.pipe, 4);
});

test("macOS lsof's own TYPE words (NPOLICY, PSXSHM, PSXSEM, systm) key a count table too (openai/codex#39446)", () => {
  // The Codex Desktop main process's breakdown, pasted without its command.
  const CODEX = ['183 REG', ' 19 unix', ' 14 PIPE', ' 11 KQUEUE', ' 10 DIR', '  5 CHR', '  1 NPOLICY'];
  assert.ok(keyedByLsofType(rows(CODEX)));
  assert.ok(keyedByLsofType(rows(['  40 REG', '   2 PSXSHM', '   1 PSXSEM', '   1 systm'])));
  const h = typeCountHolder('transcript.md', rows(CODEX));
  assert.equal(h.fds, 243);
  assert.equal(h.byKind.file, 183);
  assert.equal(h.byKind.other, 1);
});

// lua-loadmon-io-popen-kept-fd-prefix-tally-lsfd-type-tally: a Lua monitor's io.popen handles kept,
// tallied two ways. awk's `$NF` prints ls's `total 0` line as `0`, counted once.
const LOADMON_TARGETS = ['    140 pipe', '      3 /dev/null', '      1 0', '      1 /tmp/r323-work/luapo/loadmon.log'];
const LOADMON_TYPES = ['    140 FIFO', '     42  REG', '      3  CHR', '      2  DIR', '      1 TYPE'];

test("ls's `total N` figure under awk's $NF (a bare number counted once) is no fd of a link-target tally", () => {
  assert.ok(keyedByLinkTarget(rows(LOADMON_TARGETS)));
  const h = linkCountHolder('t.md', rows(LOADMON_TARGETS), 20399);
  assert.deepEqual(h.byKind, { pipe: 140, device: 3, file: 1 });
  assert.equal(h.fds, 144);
  // A number counted more than once is no ls total: a tally of pids or fd numbers is no link tally.
  assert.ok(!keyedByLinkTarget(rows(['    140 pipe', '      2 0'])));
  assert.ok(!keyedByLinkTarget(rows(['      1 0', '      1 12'])));
});

test("`lsfd -p PID -o TYPE | sort | uniq -c` is that process's rows by TYPE, its header `TYPE` none", async () => {
  const h = lsfdTypeCountHolder('t.md', rows(LOADMON_TYPES), 20399);
  assert.deepEqual(h.byKind, { pipe: 140, file: 42, device: 3, dir: 2 });
  assert.equal(h.fds, 187);
  assert.deepEqual(lsfdTypeCountHolder('t.md', rows(['  300 eventfd', '    2 UNKN'])).byKind, { anon: 300, other: 2 });
  const lines = [
    'admin@db-2:~$ pgrep -a lua',
    '20399 lua5.4 /srv/loadmon/loadmon.lua /srv/loadmon/loadmon.log',
    'admin@db-2:~$ lsfd -p 20399 -o TYPE | sort | uniq -c | sort -rn',
    ...LOADMON_TYPES,
  ];
  const r = await analyzeTranscript(`\`\`\`\n${lines.join('\n')}\n\`\`\`\n`, 'issue.md', now);
  assert.equal(r.suspects[0]?.pid, 20399);
  assert.equal(r.suspects[0]?.leak.kind, 'pipe');
  assert.match(r.suspects[0]?.fdCountBasis ?? '', /^lsfd rows of /);
});
