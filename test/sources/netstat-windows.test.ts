// Windows netstat -ano (accuracy round 233). Real lines: puppeteer/puppeteer#561 (a Node app's
// port 3001 after browser.close(): its listeners and two TIME_WAIT connections of pid 0),
// ultrafunkamsterdam/undetected-chromedriver#1025 (`netstat -ano | find "185.151.247.141"`, no
// header) and TechnitiumSoftware/DnsServer#854 (`netstat -ano|grep ' 13224$'`, UDP rows).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { netstat } from '../../src/sources/netstat.js';
import { netstatWindows, windowsNetstatRow } from '../../src/sources/netstat-windows.js';

const PORT = [
  '  Proto  Local Address          Foreign Address        State           PID',
  '  TCP    0.0.0.0:3001           0.0.0.0:0              LISTENING       23940',
  '  TCP    [::]:3001              [::]:0                 LISTENING       23940',
  '  TCP    [::1]:3001             [::1]:62122            TIME_WAIT       0',
  '  TCP    [::1]:62121            [::1]:3001             TIME_WAIT       0',
];
const FIND = [
  'netstat -ano | find "185.151.247.141"',
  '  TCP    192.168.1.31:50385     185.151.247.141:14432  ESTABLISHED     19652',
  '  TCP    192.168.1.31:50386     185.151.247.141:14432  ESTABLISHED     19652',
];
const UDP = '  UDP    0.0.0.0:1037           *:*                                    13224';

function parse(lines: readonly string[], command?: string) {
  const warnings: string[] = [];
  const sink = netstatWindows.sink({ file: 'transcript.md', command, warn: (_n, m) => warnings.push(m) });
  for (const [i, l] of lines.entries()) sink.line(l, i + 1);
  return { table: sink.end(), warnings };
}

test('a row: state in Windows spelling, the pid last; UDP rows have no state', () => {
  assert.deepEqual(windowsNetstatRow(PORT[1]), { protocol: 'tcp', state: 'LISTEN', pid: 23940 });
  assert.deepEqual(windowsNetstatRow(PORT[3]), { protocol: 'tcp', state: 'TIME_WAIT', pid: 0 });
  assert.deepEqual(windowsNetstatRow(UDP), { protocol: 'udp', pid: 13224 });
  // A paste indented as a whole and read without its indent is the same row.
  assert.deepEqual(windowsNetstatRow(PORT[1].trimStart()), { protocol: 'tcp', state: 'LISTEN', pid: 23940 });
  // Linux netstat's rows are not Windows rows, and Windows rows are not Linux netstat's.
  assert.equal(windowsNetstatRow('tcp        1      0 127.0.0.1:18080         127.0.0.1:55388         CLOSE_WAIT  6871/cw-server'), null);
  assert.equal(netstat.detect({ head: PORT, name: 'transcript.md' }), 0);
});

test('the header and rows, or rows under their find, are Windows netstat', () => {
  assert.ok(netstatWindows.detect({ head: PORT, name: 'transcript.md' }) >= 0.9);
  assert.ok(netstatWindows.detect({ head: FIND, name: 'transcript.md' }) >= 0.8);
  assert.equal(netstatWindows.detect({ head: ['I get these strange TIME_WAIT processes:'], name: 'transcript.md' }), 0);
});

test("TIME_WAIT's pid 0 owns nothing: the port's rows are pid 23940's two listeners", () => {
  const { table, warnings } = parse(PORT, 'netstat -ano');
  assert.deepEqual(warnings, []);
  assert.equal(table.hasProcessColumn, true);
  assert.deepEqual(table.byState, { LISTEN: 2, TIME_WAIT: 2 });
  assert.deepEqual(
    table.byProcess.map((p) => [p.pid, p.rows]),
    [[23940, 2]],
  );
});

test("find's rows are pid 19652's two ESTABLISHED connections; UDP rows its UDP sockets", () => {
  assert.deepEqual(
    parse(FIND).table.byProcess.map((p) => [p.pid, p.byState]),
    [[19652, { ESTABLISHED: 2 }]],
  );
  assert.deepEqual(parse([UDP, UDP]).table.byProcess[0].sockets, { udp: 2 });
});

test("-b's executable under a row names the row's owner (the documented -abno shape)", () => {
  const { table } = parse([PORT[1], '  RpcSs', ' [svchost.exe]', PORT[3], PORT[2], ' [node.exe]']);
  assert.deepEqual(
    table.byProcess.map((p) => [p.pid, p.command, p.rows]),
    [[23940, 'svchost.exe', 2]],
  );
});
