// A process's rows that are one run of consecutive fds far above 0 (a window cut out of its table),
// or that hold under a tenth of the fds its highest fd number says it held (that fd 512 or more),
// are an excerpt, whatever header they were pasted under: no listing in full, no no-leak.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeTranscript } from '../analyze-transcript.js';

const now = new Date('2026-01-01T00:00:00Z');

// https://github.com/microsoft/vscode-dotnettools/issues/2782, as in test/accuracy/cases/gh-dotnet-devkit-lsof-thread-rows-dlls
const HEADER = 'COMMAND    PID  TID TASKCMD     USER   FD      TYPE             DEVICE    SIZE/OFF    NODE NAME';
const ROWS = [
  'dotnet    1966 2671 .NET\\x20T vscode  173r      REG               0,98     7900936   53194 /usr/share/dotnet/shared/Microsoft.NETCore.App/10.0.2/System.Private.Xml.dll',
  'dotnet    1966 2671 .NET\\x20T vscode  174r      REG               0,98     7900936   53194 /usr/share/dotnet/shared/Microsoft.NETCore.App/10.0.2/System.Private.Xml.dll',
  'dotnet    1966 2671 .NET\\x20T vscode  175r      REG               0,98       58632   49730 /usr/share/dotnet/sdk/10.0.102/Microsoft.NET.Sdk.WorkloadMSBuildSdkResolver.dll',
  'dotnet    1966 2671 .NET\\x20T vscode  176r      REG               0,98       58632   49730 /usr/share/dotnet/sdk/10.0.102/Microsoft.NET.Sdk.WorkloadMSBuildSdkResolver.dll',
  'dotnet    1966 2671 .NET\\x20T vscode  177r      REG               0,98       89872   49688 /usr/share/dotnet/sdk/10.0.102/Microsoft.Build.NuGetSdkResolver.dll',
];

async function analyse(rows: readonly string[]) {
  return analyzeTranscript(['Sample output from `lsof`:', '', '```', HEADER, ...rows, '```', ''].join('\n'), 'transcript.md', now);
}

test('fds 173-177 and none below: a window of the table, not all of it (inconclusive, not no-leak)', async () => {
  const r = await analyse(ROWS);
  assert.equal(r.verdict, 'inconclusive');
  // Its rows are its own assemblies, each open twice: the program's code, no pile.
  assert.deepEqual(r.suspects, []);
  assert.equal(r.processes?.find((p) => p.pid === 1966)?.kindsFrom, 'partial-listing');
});

test('scattered survivors above 10 (173, 175, 177) are no window: the listing is read as in full', async () => {
  const r = await analyse([ROWS[0], ROWS[2], ROWS[4]]);
  assert.equal(r.processes?.find((p) => p.pid === 1966)?.kindsFrom, 'listing');
});

// https://github.com/kubernetes/kubernetes/issues/135245, as in
// test/accuracy/cases/gh-kube-apiserver-star-fd-protocol-tcp-row: one row whose fd, `*770u`, is
// 10,770 or higher.
const APISERVER = [
  'COMMAND     PID     USER   FD   TYPE   DEVICE SIZE/OFF NODE NAME',
  'kube-apis 15754     3001 *770u  sock    0,8      0t0 4243227966 protocol: TCP',
];

async function analyseLines(lines: readonly string[]) {
  return analyzeTranscript([...lines, ''].join('\n'), 'transcript.md', now);
}

test('one row at fd *770 (10,770 or higher): an example out of a table of 10,000 fds, never a listing in full (inconclusive, not no-leak)', async () => {
  const r = await analyseLines(APISERVER);
  assert.equal(r.verdict, 'inconclusive');
  assert.equal(r.suspects[0]?.pid, 15754);
  assert.equal(r.suspects[0]?.leak.kind, 'socket-unconnected');
  assert.equal(r.processes?.find((p) => p.pid === 15754)?.kindsFrom, 'partial-listing');
});

test('rows of fds 0-2 and 1,050 hold under a tenth of 1,051: an excerpt; 0-2 and 255 (a shell) stay a listing', async () => {
  const row = (fd: string) => `bash    4242 root ${fd}   CHR  136,0      0t0      3 /dev/pts/0`;
  const far = await analyseLines([APISERVER[0], row('0u'), row('1u'), row('2u'), row('1050u')]);
  assert.equal(far.processes?.find((p) => p.pid === 4242)?.kindsFrom, 'partial-listing');
  const shell = await analyseLines([APISERVER[0], row('0u'), row('1u'), row('2u'), row('255u')]);
  assert.equal(shell.processes?.find((p) => p.pid === 4242)?.kindsFrom, 'listing');
});

// https://github.com/hashicorp/vault/issues/3244, as in
// test/accuracy/cases/gh-vault-3244-lsof-tcpv6-unidentified-socks-fd-992-postgres-pool: two pieces of
// one `lsof -p` listing under its header, fds 0-8 and 977-992 — 25 rows of a table fd 992 says held
// at least 993 fds (992 < 1,000, over half the usual default 1,024).
const VAULT = [
  'COMMAND   PID  USER   FD      TYPE             DEVICE SIZE/OFF    NODE NAME',
  'vault   12877 vault  cwd       DIR              202,1     4096       2 /',
  'vault   12877 vault  rtd       DIR              202,1     4096       2 /',
  'vault   12877 vault  txt       REG              202,1 62588406   50785 /usr/local/bin/vault',
  'vault   12877 vault    0r      CHR                1,3      0t0       6 /dev/null',
  'vault   12877 vault    1u     unix 0xffff8800e9a06400      0t0   47394 type=STREAM',
  'vault   12877 vault    2u     unix 0xffff8800e9a06400      0t0   47394 type=STREAM',
  'vault   12877 vault    3u     IPv6              47055      0t0     TCP *:8200 (LISTEN)',
  'vault   12877 vault    4u  a_inode               0,11        0    8092 [eventpoll]',
  'vault   12877 vault    5u     IPv4            1751789      0t0     TCP production-vault-i-04706cfdcb0d19911:44462->production-vault-i-04706cfdcb0d19911:8500 (ESTABLISHED)',
  'vault   12877 vault    6u     IPv4            2062877      0t0     TCP production-vault-i-04706cfdcb0d19911:39532->ip-10-9-1-85.us-east-2.compute.internal:postgresql (ESTABLISHED)',
  'vault   12877 vault    7u     IPv4            2102353      0t0     TCP production-vault-i-04706cfdcb0d19911:36850->ip-10-9-1-85.us-east-2.compute.internal:postgresql (ESTABLISHED)',
  'vault   12877 vault  977u     sock                0,8      0t0 2171684 protocol: TCPv6',
  'vault   12877 vault  978u     sock                0,8      0t0 2171686 protocol: TCPv6',
  'vault   12877 vault  979u     sock                0,8      0t0 2171688 protocol: TCPv6',
  'vault   12877 vault  980u     sock                0,8      0t0 2171696 protocol: TCPv6',
  'vault   12877 vault  981u     sock                0,8      0t0 2171698 protocol: TCPv6',
  'vault   12877 vault  982u     sock                0,8      0t0 2171745 protocol: TCPv6',
  'vault   12877 vault  983u     sock                0,8      0t0 2171759 protocol: TCPv6',
  'vault   12877 vault  984u     sock                0,8      0t0 2171764 protocol: TCPv6',
  'vault   12877 vault  985u     sock                0,8      0t0 2172182 protocol: TCPv6',
  'vault   12877 vault  986u     sock                0,8      0t0 2172190 protocol: TCPv6',
  'vault   12877 vault  987u     sock                0,8      0t0 2172195 protocol: TCPv6',
  'vault   12877 vault  988u     sock                0,8      0t0 2172200 protocol: TCPv6',
  'vault   12877 vault  989u     sock                0,8      0t0 2171792 protocol: TCPv6',
  'vault   12877 vault  990u     sock                0,8      0t0 2171794 protocol: TCPv6',
  'vault   12877 vault  991u     sock                0,8      0t0 2171796 protocol: TCPv6',
  'vault   12877 vault  992u     sock                0,8      0t0 2171799 protocol: TCPv6',
];

test('fds 0-7 and 977-992 under one header (fd 992 < 1,000): an excerpt of a ~1,000-fd table, most of it unconnected sockets (leak)', async () => {
  const r = await analyseLines(VAULT);
  assert.equal(r.processes?.find((p) => p.pid === 12877)?.kindsFrom, 'partial-listing');
  assert.equal(r.verdict, 'leak');
  assert.equal(r.suspects[0]?.pid, 12877);
  assert.equal(r.suspects[0]?.leak.kind, 'socket-unconnected');
});

test('rows of fds 0-2 and 600 hold under a tenth of 601: an excerpt; 0-2 and 511 stay a listing', async () => {
  const row = (fd: string) => `bash    4242 root ${fd}   CHR  136,0      0t0      3 /dev/pts/0`;
  const far = await analyseLines([APISERVER[0], row('0u'), row('1u'), row('2u'), row('600u')]);
  assert.equal(far.processes?.find((p) => p.pid === 4242)?.kindsFrom, 'partial-listing');
  const below = await analyseLines([APISERVER[0], row('0u'), row('1u'), row('2u'), row('511u')]);
  assert.equal(below.processes?.find((p) => p.pid === 4242)?.kindsFrom, 'listing');
});
