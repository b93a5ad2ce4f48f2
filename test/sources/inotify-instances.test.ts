// Inotify instances per process as kde-inotify-survey and inotify-info print them. Real outputs:
// huderlem/porymap#743 (test/accuracy/cases/gh-porymap-kde-inotify-survey-instances) and the
// inotify-info tables of pop-os/cosmic-files#429 and mikesart/inotify-info#40 (first rows).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { analyzeBundle } from '../../src/analysis.js';
import { inotifyInstances } from '../../src/sources/inotify-instances.js';
import { CASES_DIR } from '../accuracy/score.js';

function parse(lines: string[]) {
  const sink = inotifyInstances.sink({ file: 'x', warn: () => {} });
  for (const [i, l] of lines.entries()) sink.line(l, i + 1);
  return sink.end();
}

const SURVEY = [
  '    {',
  '        "cmdline": "porymap\\u0000",',
  '        "instances": 175,',
  '        "pid": 34318,',
  '        "uid": 1000,',
  '        "watches": 555',
  '    }',
  '    [...]',
  '    "totals": {',
  '        "instancePercent": 98,',
  '        "instances": 251,',
  '        "maxInstances": 256',
  '    }',
];

const INFO = [
  '------------------------------------------------------------------------------',
  'INotify Limits:',
  '  max_queued_events    16,384',
  '  max_user_instances   128',
  '  max_user_watches     492,830',
  '------------------------------------------------------------------------------',
  '       Pid Uid        App                            Watches  Instances',
  '     89989 1000       xdg-desktop-portal-gnome           119          1',
  '     89849 1000       gsd-xsettings                      110          1',
  '     90086 1000       xdg-desktop-portal-gtk             109          1',
];

test("kde-inotify-survey's JSON: each process's instances, and the user's totals", () => {
  assert.ok(inotifyInstances.detect({ head: SURVEY, name: 'transcript.md' }) >= 0.9);
  const a = parse(SURVEY);
  assert.deepEqual(
    a.rows.map((r) => [r.pid, r.command, r.instances, r.watches]),
    [[34318, 'porymap', 175, 555]],
  );
  assert.equal(a.totalInstances?.value, 251);
  assert.equal(a.maxInstances?.value, 256);
});

test("inotify-info's table: rows after its header, the limit above it", () => {
  assert.ok(inotifyInstances.detect({ head: INFO, name: 'transcript.md' }) >= 0.9);
  const a = parse(INFO);
  assert.equal(a.tool, 'inotify-info');
  assert.deepEqual(
    a.rows.map((r) => [r.pid, r.command, r.watches, r.instances]),
    [
      [89989, 'xdg-desktop-portal-gnome', 119, 1],
      [89849, 'gsd-xsettings', 110, 1],
      [90086, 'xdg-desktop-portal-gtk', 109, 1],
    ],
  );
  assert.equal(a.maxInstances?.value, 128);
});

test('other JSON is not a survey', () => {
  assert.equal(inotifyInstances.detect({ head: ['{', '  "pid": 1,', '  "name": "x"', '}'], name: 'a.json' }), 0);
});

test("porymap, holding 175 of the user's 251 inotify instances, leaks them: a program needs one (inotify-instances)", async () => {
  const file = join(CASES_DIR, 'gh-porymap-kde-inotify-survey-instances', 'transcript.md');
  const { result } = await analyzeBundle(file, { now: new Date('2026-01-01T00:00:00Z') });
  // The case's expectation says inconclusive (written before the inotify-instances signal); the
  // signal holds 100 instances in one process, of the 128 a user has by default, to be a leak.
  assert.equal(result.verdict, 'leak');
  assert.equal(result.suspects[0]?.pid, 34318);
  assert.equal(result.suspects[0]?.leak.kind, 'anon-inode');
  assert.equal(result.suspects[0]?.reasons.find((r) => r.signal === 'inotify-instances')?.count, 175);
});

// inotify-consumers' table, real lines of dotnet/vscode-csharp#3284 (round 43's
// gh-omnisharp-inotify-consumers-45-instances).
const CONSUMERS = [
  '❯ inotify-consumers ',
  '',
  '   INOTIFY   INSTANCES',
  '   WATCHES      PER   ',
  '    COUNT     PROCESS   PID USER         COMMAND',
  '------------------------------------------------------------',
  '    1751        45      162774 awilkins    /home/awilkins/.vscode/extensions/ms-dotnettools.csharp-1.24.4-linux-x64/.omnisharp/1.38.2/bin/mono /home/awilkins/.vscode/extensions/ms-dotnettool',
  '    2387         5      162718 awilkins    /home/awilkins/.vscode/extensions/ms-dotnettools.csharp-1.24.4-linux-x64/.razor/rzls -lsp --trace 0',
  '     542         2      162284 awilkins    /usr/share/code/code --ms-enable-electron-run-as-node /usr/share/code/resources/app/out/bootstrap-fork --type=fileWatcher',
];

test("inotify-consumers' table: watches, instances, pid and program of each row", () => {
  assert.ok(inotifyInstances.detect({ head: CONSUMERS, name: 'transcript.md' }) >= 0.9);
  const a = parse(CONSUMERS);
  assert.equal(a.tool, 'inotify-consumers');
  assert.deepEqual(
    a.rows.map((r) => [r.pid, r.command, r.instances, r.watches]),
    [
      [162774, 'mono', 45, 1751],
      [162718, 'rzls', 5, 2387],
      [162284, 'code', 2, 542],
    ],
  );
  // Its header alone is no row; a line of prose under the rule is none either.
  assert.equal(parse([...CONSUMERS.slice(0, 6), 'So omnisharp holds most of them.']).rows.length, 0);
});

// Watches per inotify fd from /proc/PID/fdinfo, real rows of microsoft/vscode#59679 (round 43's
// gh-vscode-code-inotify-fdinfo-watch-counts): each row is one instance of its process.
const FDINFO = [
  '4565    /proc/4679/fdinfo/21    /usr/share/code/code',
  '3301    /proc/4719/fdinfo/20    /usr/share/code/code',
  '96      /proc/1/fdinfo/6        /lib/systemd/systemd',
  '72      /proc/2313/fdinfo/11    /usr/lib/gnome-settings-daemon/gsd-xsettings',
  '',
  '... omitted for brevity',
];

test('watches per inotify fd: one instance per row, watches summed per process', () => {
  assert.ok(inotifyInstances.detect({ head: FDINFO, name: 'transcript.md' }) > 0);
  const a = parse([...FDINFO, '10      /proc/4679/fdinfo/22    /usr/share/code/code']);
  assert.deepEqual(
    a.rows.map((r) => [r.pid, r.command, r.instances, r.watches]),
    [
      [4679, 'code', 2, 4575],
      [4719, 'code', 1, 3301],
      [1, 'systemd', 1, 96],
      [2313, 'gsd-xsettings', 1, 72],
    ],
  );
  // One such row alone is not enough to call the block this table.
  assert.equal(inotifyInstances.detect({ head: FDINFO.slice(0, 1), name: 'transcript.md' }), 0);
});

// The same per inotify fd with the process first — name, executable, pid, fdinfo path, watches —
// real rows of a `watchers` script in kubernetes/kubernetes#70494 (round 119's
// gh-kubelet-plugin-watcher-enospc-watchers-fdinfo-13932).
const WATCHERS = [
  '$ sudo bash watchers | column -t',
  'kubelet        /hyperkube                        8851   /proc/8851/fdinfo/5    1',
  'kubelet        /hyperkube                        8851   /proc/8851/fdinfo/9    1',
  'kubelet        /hyperkube                        8851   /proc/8851/fdinfo/18   1',
  'kubelet        /hyperkube                        8851   /proc/8851/fdinfo/25   13932',
  'kubelet        /hyperkube                        8851   /proc/8851/fdinfo/36   0',
];

test('watches per inotify fd, process first: one instance per row of that pid', () => {
  assert.ok(inotifyInstances.detect({ head: WATCHERS, name: 'transcript.md' }) > 0);
  const a = parse(WATCHERS);
  assert.deepEqual(
    a.rows.map((r) => [r.pid, r.command, r.instances, r.watches]),
    [[8851, 'kubelet', 5, 13935]],
  );
  // A pid column that is not the path's process is no such row.
  assert.equal(parse(['kubelet  /hyperkube  8852   /proc/8851/fdinfo/5    1']).rows.length, 0);
});

test('a kubelet with five inotify fds is no pile: nobody is blamed', async () => {
  const file = join(CASES_DIR, 'gh-kubelet-plugin-watcher-enospc-watchers-fdinfo-13932', 'transcript.md');
  const { result } = await analyzeBundle(file, { now: new Date('2026-01-01T00:00:00Z') });
  assert.equal(result.verdict, 'inconclusive');
  assert.equal(result.suspects.length, 0);
});

// linuxserver/docker-jellyfin#331: a script's host survey on Synology DSM — the sysctls, a TOTAL
// line, and a table whose header names its columns in its own order.
const SCRIPT_TABLE = [
  'fs.inotify.max_queued_events = 16384',
  'fs.inotify.max_user_instances = 128',
  'fs.inotify.max_user_watches = 16384',
  '',
  'TOTAL processes=20 instances=102 watches=16493',
  '',
  'PID     UID     INSTANCES   WATCHES   COMMAND',
  '9807    1027    75          16383     jellyfin',
];

test('a table whose header names PID and INSTANCES is read by its header, in any column order', () => {
  assert.equal(inotifyInstances.detect({ head: SCRIPT_TABLE, name: 'x' }), 0.9);
  const a = parse(SCRIPT_TABLE);
  assert.equal(a.tool, 'inotify-table');
  assert.deepEqual(
    a.rows.map(({ pid, command, instances, watches }) => ({ pid, command, instances, watches })),
    [{ pid: 9807, command: 'jellyfin', instances: 75, watches: 16383 }],
  );
  assert.equal(a.maxInstances?.value, 128);
  assert.equal(a.totalInstances?.value, 102);
  // A command line of several words ends the row; a column of another meaning is no such header.
  const b = parse(['pid instances command', '42 3 /usr/bin/python3 -m watcher']);
  assert.equal(b.rows[0]?.command, '/usr/bin/python3 -m watcher');
  assert.equal(b.rows[0]?.watches, undefined);
  assert.equal(inotifyInstances.detect({ head: ['PID USER %CPU INSTANCES COMMAND'], name: 'x' }), 0);
  assert.equal(inotifyInstances.detect({ head: ['PID UID WATCHES COMMAND'], name: 'x' }), 0);
  assert.equal(parse(['PID UID INSTANCES WATCHES COMMAND', 'abc 1027 75 16383 jellyfin']).rows.length, 0);
});

test('jellyfin holding 75 instances points at it; alone it is no leak', async () => {
  const r = (await analyzeBundle(join(CASES_DIR, 'gh-lsio-jellyfin-inotify-table-75-instances-watch-limit', 'transcript.md'))).result;
  assert.equal(r.verdict, 'inconclusive');
  assert.equal(r.suspects[0]?.pid, 9807);
  assert.equal(r.suspects[0]?.leak?.kind, 'anon-inode');
});
