// A process's rows that are one run of consecutive fds far above 0 (a window cut out of its table),
// or that hold under a tenth of the fds its highest fd number says it held, are an excerpt, whatever
// header they were pasted under: no listing in full, no no-leak.
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
