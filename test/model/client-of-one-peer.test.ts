// A process holding many live connections as the client of one peer (docs/diagnosis.md,
// `client-of-one-peer`): weight 1, no leak kind. Real lines: prometheus/blackbox_exporter#941
// (a count of its netstat rows grep'd for the program and the SSO server's port), kubernetes#8229
// (a count of the rows of etcd's loopback port beside netstat -anp's rows), istio/istio#27726 (a
// count of the program's rows whose excerpt goes to one peer in 7 rows of 10), and the captured
// py-bulkship-conn-per-batch-established-timed-counts-ss (ss -tnp rows of one client).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeTranscript } from '../analyze-transcript.js';
import { remoteEndRows, tallyPeer, tallyRemoteEnd, topPeer, type PeerTally } from '../../src/sources/tcp-peers.js';
import { peerOnlyCount, programSockets } from '../../src/model/program-sockets.js';

const now = new Date('2026-01-01T00:00:00Z');
const analyzeText = (text: string) => analyzeTranscript(text, 'transcript.md', now);
const reasonOf = (result: Awaited<ReturnType<typeof analyzeText>>, pid: number) =>
  result.suspects.find((s) => s.pid === pid)?.reasons.find((r) => r.signal === 'client-of-one-peer');

const BLACKBOX_941 = [
  '```',
  '[root@ip-XX-XXX-XXX-XXX ec2-user]# netstat -tunp|grep blackbox|wc -l',
  '993',
  '[root@ip-XX-XXX-XXX-XXX ec2-user]# netstat -tunp|grep blackbox|grep <SSO_IP1>:443|wc -l',
  '518',
  '[root@ip-XX-XXX-XXX-XXX ec2-user]# netstat -tunp|grep blackbox|grep <SSO_IP2>:443|wc -l',
  '472',
  '```',
  '```',
  '[root@ip-XX-XXX-XXX-XXX ec2-user]# systemctl status blackbox_exporter.service',
  '● blackbox_exporter.service - Blackbox Exporter',
  '   Loaded: loaded (/usr/lib/systemd/system/blackbox_exporter.service; enabled; vendor preset: disabled)',
  '   Active: active (running) since Fri 2022-07-01 10:14:47 UTC; 1h 10min ago',
  ' Main PID: 19860 (blackbox_export)',
  '   Memory: 87.6M',
  '   CGroup: /system.slice/blackbox_exporter.service',
  '           └─19860 /usr/bin/blackbox_exporter-0.21.1.linux-amd64/blackbox_exporter --config.file /etc/prometheus/blackbox_exporter.yml',
  '```',
  '',
].join('\n');

test('a count of a program’s rows to one peer at 512 or more, its limit unknown, points at it (weight 1, no kind)', async () => {
  const result = await analyzeText(BLACKBOX_941);
  assert.equal(result.verdict, 'inconclusive');
  assert.equal(result.suspects[0]?.pid, 19860);
  const r = reasonOf(result, 19860);
  assert.equal(r?.weight, 1);
  assert.equal(r?.kind, null);
  assert.equal(r?.count, 518);
  assert.match(r?.statement ?? '', /client of one peer, <SSO_IP1>:443/);
  assert.match(r?.statement ?? '', /the count again later, its own limit and its fd listing would decide/);
});

test('under 512 connections to the peer, its limit unknown: no signal', async () => {
  const result = await analyzeText(BLACKBOX_941.replace('\n518\n', '\n511\n'));
  assert.equal(reasonOf(result, 19860), undefined);
});

const KUBE_8229 = [
  '```',
  '> netstat -anp',
  '...',
  'tcp        0      0 127.0.0.1:4001          127.0.0.1:43320         ESTABLISHED 6162/etcd',
  'tcp        0      0 127.0.0.1:43099         127.0.0.1:4001          ESTABLISHED 6081/kube-apiserver',
  'tcp        0      0 127.0.0.1:4001          127.0.0.1:35694         ESTABLISHED 6162/etcd',
  'tcp        0      0 127.0.0.1:50859         127.0.0.1:4001          ESTABLISHED 6081/kube-apiserver',
  'tcp        0      0 127.0.0.1:44242         127.0.0.1:4001          ESTABLISHED 6081/kube-apiserver',
  'tcp        0      0 127.0.0.1:4001          127.0.0.1:55018         ESTABLISHED 6162/etcd',
  '...',
  '```',
  '',
  '```',
  '> netstat -anp | wc -l',
  '56683',
  '> netstat -anp | grep 127.0.0.1.4001 | wc -l',
  '56467',
  '```',
  '',
].join('\n');

test('a count of a loopback peer’s rows is halved and is the client’s whose rows to it the listing shows; the server is not named', async () => {
  const result = await analyzeText(KUBE_8229);
  assert.equal(result.suspects[0]?.pid, 6081);
  assert.equal(reasonOf(result, 6081)?.count, 28233);
  assert.match(reasonOf(result, 6081)?.statement ?? '', /halved/);
  assert.equal(reasonOf(result, 6162), undefined);
});

test('a peer count whose shown rows to the peer are of two processes stays nobody’s', async () => {
  const mixed = KUBE_8229.replace(
    'ESTABLISHED 6081/kube-apiserver\ntcp        0      0 127.0.0.1:4001          127.0.0.1:35694',
    'ESTABLISHED 7001/etcdctl\ntcp        0      0 127.0.0.1:4001          127.0.0.1:35694',
  ).replace(
    '127.0.0.1:50859         127.0.0.1:4001          ESTABLISHED 6081/kube-apiserver',
    '127.0.0.1:50859         127.0.0.1:4001          ESTABLISHED 7001/etcdctl',
  );
  const result = await analyzeText(mixed);
  assert.equal(reasonOf(result, 6081), undefined);
  assert.equal(reasonOf(result, 7001), undefined);
});

test('peerOnlyCount reads a dotted end and needs a listing with a process column', () => {
  assert.deepEqual(peerOnlyCount('netstat -anp | grep 127.0.0.1.4001 | wc -l'), { listing: 'netstat -anp', peer: '127.0.0.1:4001' });
  assert.equal(peerOnlyCount('netstat -an | grep 127.0.0.1.4001 | wc -l'), undefined);
  assert.equal(peerOnlyCount('netstat -anp | grep :4001 | wc -l'), undefined);
  assert.equal(peerOnlyCount('netstat -anp | grep 4001 | grep ESTAB | wc -l'), undefined);
});

test('programSockets takes the peer a grep picks beside the program', () => {
  assert.deepEqual(programSockets('netstat -tunp|grep blackbox|grep <SSO_IP1>:443|wc -l'), { name: 'blackbox', peer: '<SSO_IP1>:443' });
  assert.equal(programSockets('netstat -tunp|grep blackbox|grep :443|wc -l')?.peer, undefined);
});

// istio/istio#27726: the program's rows, 7 of the 10 shown to ::1:8080 (a listener among them).
const ISTIO_ROWS = [
  'tcp        0      0 10.42.13.221:58948      10.43.193.142:15012     ESTABLISHED 1/pilot-agent',
  'tcp        0      0 127.0.0.1:33248         127.0.0.1:15090         ESTABLISHED 1/pilot-agent',
  'tcp6       0      0 :::15020                :::*                    LISTEN      1/pilot-agent',
  'tcp6       0      0 ::1:53226               ::1:8080                ESTABLISHED 1/pilot-agent',
  'tcp6       0      0 ::1:56378               ::1:8080                ESTABLISHED 1/pilot-agent',
];

test('rows are tallied by remote end from local ports of their own; a listener’s wildcard is no peer', () => {
  const peers = new Map<string, PeerTally>();
  const ends = new Map<string, Map<number, number>>();
  const ev = () => ({ file: 't', line: 1, text: '' });
  for (const row of ISTIO_ROWS) {
    const t = row.trim().split(/\s+/);
    if (t[5] === 'LISTEN') continue;
    tallyPeer(peers, { local: t[3], remote: t[4] }, ev);
    tallyRemoteEnd(ends, { local: t[3], remote: t[4] }, 1);
  }
  assert.deepEqual({ ...topPeer(peers), evidence: [] }, { peer: '::1:8080', rows: 2, localPorts: 2, evidence: [] });
  assert.deepEqual(remoteEndRows(ends), [{ peer: '::1:8080', rows: 2, owners: [{ pid: 1, rows: 2 }] }]);
});

// py-bulkship-conn-per-batch-established-timed-counts-ss: ss -tnp rows of one client to its backend.
const BULKSHIP_ROW = '0      0          127.0.0.1:40120    127.0.0.1:19200 users:(("python3",pid=21153,fd=61)) ';

function bulkshipRows(n: number): string {
  const rows = Array.from({ length: n }, (_, i) => BULKSHIP_ROW.replace('40120', String(40120 + i)).replace('fd=61', `fd=${61 + i}`));
  return [
    '```',
    "ops@ship-4:~$ ss -tnp state established '( dport = :19200 )'",
    'Recv-Q Send-Q Local Address:Port  Peer Address:Port Process                              ',
    ...rows,
    '```',
    '',
  ].join('\n');
}

test('a client’s own ss rows to one peer: 600 of them point at it, its limit unknown', async () => {
  const result = await analyzeText(bulkshipRows(600));
  assert.equal(reasonOf(result, 21153)?.count, 600);
});

test('the same 600 under a limit of 2048 are under half of it: no signal', async () => {
  const limits = [
    '```',
    "ops@ship-4:~$ grep 'open files' /proc/21153/limits",
    'Max open files            2048                 2048                 files     ',
    '```',
    '',
  ];
  const result = await analyzeText(bulkshipRows(600) + limits.join('\n'));
  assert.equal(reasonOf(result, 21153), undefined);
});

test('a server’s accepted rows come from many peers to its own port: never counted', async () => {
  const rows = Array.from(
    { length: 600 },
    (_, i) => `tcp        0      0 127.0.0.1:4001          127.0.0.1:${30000 + i}         ESTABLISHED 6162/etcd`,
  );
  const result = await analyzeText(['```', '$ netstat -anp', ...rows, '```', ''].join('\n'));
  assert.equal(reasonOf(result, 6162), undefined);
});

// blog-coderwall-node-imap-lsof-i-tcp-993-established-negative: lsof rows of a node client's IMAP
// connections, repeated with their ports and fds varied.
const IMAP_ROW = 'staging.p 6548 node   18u  IPv4 112416266      0t0  TCP 94.23.XX.YYY:35685->74.125.XXX.YYY:993 (ESTABLISHED)';

function imapRows(n: number): string {
  const rows = Array.from({ length: n }, (_, i) => IMAP_ROW.replace('18u', `${18 + i}u`).replace('35685', String(30000 + i)));
  return ['```', '$ lsof -p 6548', 'COMMAND    PID USER   FD   TYPE    DEVICE SIZE/OFF NODE NAME', ...rows, '```', ''].join('\n');
}

test('lsof’s TCP rows to one peer count as its connections, each fd once', async () => {
  const result = await analyzeText(imapRows(600));
  assert.equal(result.suspects[0]?.pid, 6548);
  assert.equal(reasonOf(result, 6548)?.count, 600);
});

test('a few hundred lsof rows to one peer are no signal', async () => {
  const result = await analyzeText(imapRows(300));
  assert.equal(reasonOf(result, 6548), undefined);
});
