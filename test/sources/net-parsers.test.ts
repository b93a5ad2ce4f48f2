// Cases the connection-table fixtures do not show on their own: odd columns, cut lines,
// awk keys that are not states, evidence bounds.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ConnectionTableBuilder, netstat, netstatTcpRow, netstatUdpRow, netstatUnixRow, tcpStateOf } from '../../src/sources/netstat.js';
import { isStderrLine } from '../../src/bundle/stderr-notices.js';
import { netstatStateCounts } from '../../src/sources/netstat-state-counts.js';
import { ssOwners, ssSockets } from '../../src/sources/ss-sockets.js';
import { ssSummary } from '../../src/sources/ss-summary.js';
import { parseLines } from '../../src/sources/run.js';

test('states: netstat, ss and translated spellings become netstat spelling', () => {
  assert.equal(tcpStateOf('CLOSE_WAIT'), 'CLOSE_WAIT');
  assert.equal(tcpStateOf('CLOSE-WAIT'), 'CLOSE_WAIT');
  assert.equal(tcpStateOf('ESTAB'), 'ESTABLISHED');
  assert.equal(tcpStateOf('UNCONN'), 'CLOSE');
  assert.equal(tcpStateOf('ESPERANDO_FECHAR'), 'CLOSE_WAIT');
  assert.equal(tcpStateOf('POSLEDNÍ ACK'), 'LAST_ACK');
  assert.equal(tcpStateOf('ESTABLISHE'), undefined);
  // FreeBSD's and macOS's spellings (sockjs-node#99's tally).
  assert.equal(tcpStateOf('FIN_WAIT_1'), 'FIN_WAIT1');
  assert.equal(tcpStateOf('CLOSED'), 'CLOSE');
});

test('netstat row: -e and -o columns around a program name with a space', () => {
  const row = netstatTcpRow(
    'tcp        0      0 127.0.0.1:18081         0.0.0.0:*               LISTEN      0          27649      6873/tw server       off (0.00/0/0)',
    { process: true, timer: true },
  );
  assert.deepEqual(row, {
    state: 'LISTEN',
    owner: { pid: 6873, command: 'tw server' },
    ends: { local: '127.0.0.1:18081', remote: '0.0.0.0:*' },
  });
});

test('netstat row: the two-word Czech state and a missing PID column', () => {
  assert.deepEqual(
    netstatTcpRow('tcp        1      0 10.0.0.5:8080           10.0.0.9:41234          POSLEDNÍ ACK 812/java', {
      process: true,
      timer: false,
    }),
    { state: 'LAST_ACK', owner: { pid: 812, command: 'java' }, ends: { local: '10.0.0.5:8080', remote: '10.0.0.9:41234' } },
  );
  const cut = netstatTcpRow('tcp        0      0 127.0.0.1:18080         127.0.0.1:55360         ESTABLISHED', {
    process: true,
    timer: false,
  });
  assert.ok('problem' in cut);
  assert.deepEqual(netstatTcpRow('tcp        0      0 127.0.0.1:18080         127.0.0.1:55360         ESTABLISHED', undefined), {
    state: 'ESTABLISHED',
  });
});

test('netstat: a title line that no header follows is reported', () => {
  const { artifact, warnings } = parseLines(netstat, [
    'Active Internet connections (w/o servers)',
    'Proto Recv-Q Send-Q Local Address           Foreign Address         State',
    'tcp        0      0 127.0.0.1:18080         127.0.0.1:55372         ESTABLISHED',
    'bash: line 1: garbage',
  ]);
  assert.equal(artifact.tcpRows, 1);
  assert.equal(artifact.lines, 4);
  assert.deepEqual(warnings, [{ file: 'input.txt', line: 4, message: 'not a netstat line: bash: line 1: garbage' }]);
});

test('state counts: awk $NF over netstat -antp counts programs, which are reported, not counted', () => {
  // Real output of `netstat -antp | awk '/^tcp/ {++state[$NF]} ...'` on the fixture host.
  const lines = ['server \t 1', '11504/client \t 4', '6871/cw-server \t 16', '8553/java \t 2', '6879/client \t 4', '- \t 312'];
  const { artifact, warnings } = parseLines(netstatStateCounts, lines);
  assert.equal(artifact.tcpRows, 0);
  assert.deepEqual(artifact.byState, {});
  assert.equal(warnings.filter((w) => w.message.includes('is not a TCP state')).length, 6);
});

test('state counts: sort | uniq -c puts the count first; header words are not states', () => {
  // Real output of `netstat -nat | awk '{print $6}' | sort | uniq -c | sort -nr`.
  const lines = [
    '    307 TIME_WAIT',
    '     16 ESTABLISHED',
    '      7 CLOSE_WAIT',
    '      5 LISTEN',
    '      4 FIN_WAIT2',
    '      1 established)',
    '      1 Foreign',
  ];
  const { artifact, warnings } = parseLines(netstatStateCounts, lines);
  assert.equal(artifact.tcpRows, 339);
  assert.equal(artifact.byState.CLOSE_WAIT, 7);
  assert.equal(artifact.stateEvidence.CLOSE_WAIT?.line, 3);
  // awk's $6 of netstat's own two header lines: its header, skipped without a warning (engintron#840).
  assert.deepEqual(warnings, []);
});

test('ss users: old format without pid=, several fds of one process (its highest fd kept, and how many), a cut list', () => {
  assert.deepEqual(ssOwners('ESTAB 0 0 10.0.0.1:22 10.0.0.2:5123 users:(("java",4730,369))').owners, [
    { pid: 4730, command: 'java', fd: 369 },
  ]);
  assert.deepEqual(ssOwners('LISTEN 0 128 *:80 *:* users:(("nginx",pid=10,fd=6),("nginx",pid=10,fd=7),("nginx",pid=11,fd=6))').owners, [
    { pid: 10, command: 'nginx', fd: 7, fds: 2 },
    { pid: 11, command: 'nginx', fd: 6 },
  ]);
  // An fd of more digits than any fd has is no fd number.
  assert.deepEqual(ssOwners('ESTAB 0 0 a b users:(("x",pid=1,fd=12345678901))').owners, [{ pid: 1, command: 'x' }]);
  const cut = ssOwners('LISTEN 0 64 127.0.0.1:18081 0.0.0.0:* users:(("tw-child",pid=6875,fd=3),("tw-se');
  assert.equal(cut.cut, true);
  assert.deepEqual(cut.owners, [{ pid: 6875, command: 'tw-child', fd: 3 }]);
});

test('ss listing: a row cut before its addresses counts nothing', () => {
  const { artifact, warnings } = parseLines(
    ssSockets,
    ['State      Recv-Q Send-Q Local Address:Port  Peer Address:Port Process', 'CLOSE-WAIT 1      0          127.0'],
    { command: 'ss -tanp' },
  );
  assert.equal(artifact.tcpRows, 0);
  assert.equal(artifact.lines, 2);
  assert.equal(warnings[0].line, 2);
});

test('ss -s: a TCP line cut inside the counts sets no TCP numbers', () => {
  const { artifact, warnings } = parseLines(ssSummary, ['Total: 158211 (kernel 158355)', 'TCP:   157740 (estab 103, closed 1576']);
  assert.equal(artifact.tcp, undefined);
  assert.equal(artifact.format, 'old');
  assert.equal(warnings[0].line, 2);
});

test('ss -s: a TCP line cut after the counts keeps them and drops ports', () => {
  const { artifact, warnings } = parseLines(ssSummary, [
    'TCP:   157740 (estab 103, closed 157624, orphaned 0, synrecv 0, timewait 173/0), po',
  ]);
  assert.equal(artifact.tcp?.closed, 157624);
  assert.equal(artifact.tcp?.ports, undefined);
  assert.equal(artifact.format, 'old');
  assert.equal(warnings.length, 1);
});

test('by process: CLOSE_WAIT rows are quoted first and evidence stays at 20', () => {
  const b = new ConnectionTableBuilder('f', 'ss', 'listing');
  const java = [{ pid: 7, command: 'java' }];
  for (let i = 1; i <= 30; i++) b.tcp('ESTABLISHED', 1, i, `estab ${i}`, java);
  b.tcp('LISTEN', 1, 31, 'listen', java);
  for (let i = 32; i <= 61; i++) b.tcp('CLOSE_WAIT', 1, i, `close-wait ${i}`, java);
  const [p] = b.build().byProcess;
  assert.equal(p.rows, 61);
  assert.deepEqual(p.byState, { ESTABLISHED: 30, LISTEN: 1, CLOSE_WAIT: 30 });
  assert.equal(p.evidence.length, 20);
  assert.ok(p.evidence.every((e) => e.text?.startsWith('close-wait')));
});

test('by process: first rows of each other state follow the CLOSE_WAIT rows', () => {
  const b = new ConnectionTableBuilder('f', 'netstat', 'listing');
  const p1 = [{ pid: 1 }];
  for (let i = 1; i <= 5; i++) b.tcp('ESTABLISHED', 1, i, 'e', p1);
  b.tcp('LISTEN', 1, 6, 'l', p1);
  b.tcp('CLOSE_WAIT', 1, 7, 'c', p1);
  assert.deepEqual(
    b.build().byProcess[0].evidence.map((e) => e.line),
    [7, 1, 6, 2, 3, 4, 5],
  );
});

test('ss: connected unix sockets whose peer is gone (`* 0`) are counted per owner; a listener is not', () => {
  // https://github.com/moby/moby/issues/37182 (test/accuracy/cases/gh-moby-dockerd-unix-peer-gone), under `state established`.
  const rows = [
    'u_str  0      0      @/containerd-shim/moby/804c7ff85b5e2201c6c9d5819309c55d63bc645729dccb07775f297a67db10f6/shim.sock@ -1442658938                * -1442661467           users:(("containerd-shim",pid=680421,fd=7))',
    'u_str  0      0      /var/run/docker.sock -1445160328                * 0                     users:(("dockerd",pid=1399,fd=5352))',
    'u_str  0      0      /var/run/docker.sock -1457809475                * 0                     users:(("dockerd",pid=1399,fd=5440))',
  ];
  const { artifact } = parseLines(ssSockets, rows, { command: 'ss -p state established |grep -v Recv-Q | less' });
  const dockerd = artifact.byProcess.find((p) => p.pid === 1399);
  assert.equal(dockerd?.unixPeerGone?.count, 2);
  assert.equal(dockerd?.maxFd?.fd, 5440);
  assert.equal(artifact.byProcess.find((p) => p.pid === 680421)?.unixPeerGone, undefined);
  const listening = parseLines(
    ssSockets,
    [
      'Netid State  Recv-Q Send-Q Local Address:Port Peer Address:Port Process',
      'u_str LISTEN 0 4096 /run/x.sock 12345 * 0 users:(("x",pid=7,fd=3))',
    ],
    { command: 'ss -xlp' },
  );
  assert.equal(listening.artifact.byProcess[0].unixPeerGone, undefined);
});

// gh-rpm-ostree-netstat-unix-listen-saved-count (coreos/rpm-ostree#725): `netstat -anp | grep rpm-ostree`
// rows of the unix section, pasted without a header.
const RPM_OSTREE = [
  'unix  2      [ ACC ]     STREAM     LISTENING     68288    2469/rpm-ostree      @/tmp/rpm-ostree/dbus-4T2FGwym',
  'unix  2      [ ACC ]     STREAM     LISTENING     57173    2469/rpm-ostree      @/tmp/rpm-ostree/dbus-yvMe308x',
  'unix  2      [ ACC ]     STREAM     LISTENING     179362   2469/rpm-ostree      @/tmp/rpm-ostree/dbus-SyCgodTc',
];

test('netstat unix rows: flags in brackets, a blank state, the owner when -p printed one', () => {
  assert.deepEqual(netstatUnixRow(RPM_OSTREE[0]), { owner: { pid: 2469, command: 'rpm-ostree' } });
  assert.deepEqual(netstatUnixRow('unix  2      [ ]         DGRAM                    23456    789/rsyslogd         /dev/log'), {
    owner: { pid: 789, command: 'rsyslogd' },
  });
  assert.deepEqual(netstatUnixRow('unix  3      [ ]         STREAM     CONNECTED     12345    -                    '), {});
  assert.equal(netstatUnixRow('unix  2      STREAM     LISTENING     68288'), null);
  assert.deepEqual(netstatUdpRow('udp        0      0 0.0.0.0:68              0.0.0.0:*                           612/dhclient'), {
    owner: { pid: 612, command: 'dhclient' },
  });
});

test("netstat: header-less unix rows of one process are its unix sockets (detected by their shape, or by netstat's command)", () => {
  assert.ok(netstat.detect({ head: RPM_OSTREE, name: 'transcript.md', command: 'netstat -anp|grep rpm-ostree | head -3' }) >= 0.9);
  assert.ok(netstat.detect({ head: RPM_OSTREE, name: 'conns.txt' }) > 0.5);
  const a = parseLines(netstat, [...RPM_OSTREE, '[root@olympus ~]#'], { file: 't.md' }).artifact;
  assert.equal(a.tcpRows, 0);
  assert.equal(a.byProcess.length, 1);
  assert.equal(a.byProcess[0].pid, 2469);
  assert.deepEqual(a.byProcess[0].sockets, { unix: 3 });
});

// ml-tomcat-users-nio-unix-fd-8368: `netstat -p | grep unix | grep java` on a tomcat-users mail.
const TOMCAT_UNIX = 'unix  2      [ ]         STREAM     CONNECTED     605702067 3907/java';

test('netstat unix rows: the process after the inode; a path is no process', () => {
  assert.deepEqual(netstatUnixRow(TOMCAT_UNIX)?.owner, { pid: 3907, command: 'java' });
  // netstat/wneopa.txt: a listener with its path after the program, and a row with no -p column.
  assert.deepEqual(
    netstatUnixRow('unix  2      [ ACC ]     STREAM     LISTENING     23891    5740/java            /tmp/.java_pid5740.tmp')?.owner,
    {
      pid: 5740,
      command: 'java',
    },
  );
  assert.deepEqual(netstatUnixRow('unix  3      [ ]         STREAM     CONNECTED     17431    /run/systemd/journal/stdout'), {});
  assert.deepEqual(netstatUnixRow('unix  2      [ ]         DGRAM                    12345    -'), {});
  assert.equal(netstatUnixRow('unix  2      [ ]'), null);
});

test("netstat: grep'd unix rows that name their process are a listing, counted per owner", () => {
  assert.equal(netstat.detect({ head: [TOMCAT_UNIX], name: 'f', command: 'netstat -p | grep unix | grep java' }), 0.9);
  assert.equal(netstat.detect({ head: ['', TOMCAT_UNIX], name: 'f' }), 0.7);
  // Without -p the rows name nobody: no listing of whose sockets they are.
  assert.equal(netstat.detect({ head: ['unix  3      [ ]         STREAM     CONNECTED     17431    /run/x.sock'], name: 'f' }), 0);
  const { artifact } = parseLines(netstat, ['', TOMCAT_UNIX], { command: 'netstat -p | grep unix | grep java' });
  assert.equal(artifact.byProcess.length, 1);
  assert.equal(artifact.byProcess[0].pid, 3907);
  assert.deepEqual(artifact.byProcess[0].sockets, { unix: 1 });
  assert.equal(artifact.hasProcessColumn, true);
});

// github-act-runner#41 (round 27): `netstat -a -p | grep PID` run as a user pastes netstat's
// two-line notice above the rows; it is no row, and must not make the rows too few to read.
const ACT_RUNNER = [
  '(Not all processes could be identified, non-owned process info',
  ' will not be shown, you would have to be root to see it all.)',
  'tcp        0      0 ubuntu.fritz.box:46142  13.107.42.16:https      ESTABLISHED 2796193/github-acti',
  'unix  3      [ ]         STREAM     CONNECTED     36205857 2796193/github-acti',
  'unix  3      [ ]         STREAM     CONNECTED     36205858 2796193/github-acti',
  'unix  3      [ ]         STREAM     CONNECTED     35452257 2796193/github-acti',
  'unix  3      [ ]         STREAM     CONNECTED     35451597 2796193/github-acti',
  'unix  3      [ ]         STREAM     CONNECTED     36204890 2796193/github-acti',
];

test("netstat: the non-root notice pasted above grep'd rows is neither a row nor a stranger", () => {
  assert.ok(isStderrLine(ACT_RUNNER[0], 'netstat -p'));
  assert.ok(isStderrLine(ACT_RUNNER[1], 'netstat -p'));
  assert.ok(!isStderrLine(ACT_RUNNER[3], 'netstat -p'));
  assert.equal(netstat.detect({ head: ACT_RUNNER, name: 'f', command: 'netstat -a -p | grep 2796193' }), 0.9);
  const { artifact, warnings } = parseLines(netstat, ACT_RUNNER);
  assert.ok(!warnings.some((w) => w.message.includes('not a netstat line')));
  assert.equal(artifact.byProcess[0]?.pid, 2796193);
});

// gh-dnsmasq-netstat-udp-ports-vpn (round 32): `netstat -tulpn | grep dnsmasq` — one listener,
// then UDP sockets on random ports, each naming its owner; no header.
const DNSMASQ = [
  'tcp        0      0 172.17.0.1:53           0.0.0.0:*               LISTEN      1619759/dnsmasq     ',
  'udp        0      0 0.0.0.0:1079            0.0.0.0:*                           1619759/dnsmasq     ',
  'udp        0      0 0.0.0.0:34132           0.0.0.0:*                           1619759/dnsmasq     ',
  'udp        0      0 0.0.0.0:34430           0.0.0.0:*                           1619759/dnsmasq     ',
];

test("netstat: grep'd UDP rows that name their process are a listing, counted per owner", () => {
  assert.equal(netstat.detect({ head: DNSMASQ, name: 'f', command: 'netstat -tulpn | grep dnsmasq' }), 0.9);
  assert.equal(netstat.detect({ head: DNSMASQ, name: 'f' }), 0.7);
  // Without -p the rows name nobody.
  assert.equal(netstat.detect({ head: ['udp        0      0 0.0.0.0:1079            0.0.0.0:*'], name: 'f' }), 0);
  const { artifact } = parseLines(netstat, DNSMASQ, { command: 'netstat -tulpn | grep dnsmasq' });
  assert.equal(artifact.byProcess.length, 1);
  assert.equal(artifact.byProcess[0].pid, 1619759);
  assert.deepEqual(artifact.byProcess[0].sockets, { udp: 3 });
});
