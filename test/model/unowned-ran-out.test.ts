// "Too many open files" lines that no join ties to a process (no pid, no tag, no command that
// started the program, no process in the bundle): nobody is blamed, but the result still says
// where fds ran out, in `unownedRanOut` and in the summary's "Ran out" row. A pidless syslog
// tag beside the only process the bundle knows (by pid, its program unnamed) is that process's.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeTranscript } from '../analyze-transcript.js';

const now = new Date('2026-01-01T00:00:00Z');

const analyzeText = (lines: string[]) => analyzeTranscript(lines, 'session.txt', now);

// linuxep/lepd#6: lepd's trace of its built-in mpstat, then the error; no pid, no tag.
const LEPD = ['func: mpstat', 'para:-P', 'para:ALL', 'para:1', 'para:1', 'para:(null)', 'Cannot open /proc/stat: Too many open files'];

test('an exhaustion line no process can be tied to: no suspect, and the result says where fds ran out', async () => {
  const r = await analyzeText(LEPD);
  assert.equal(r.verdict, 'inconclusive');
  assert.equal(r.suspects.length, 0);
  assert.equal(r.unownedRanOut?.message, 'Cannot open /proc/stat: Too many open files');
  assert.equal(r.unownedRanOut?.evidence[0].line, 7);
  assert.match(r.unownedRanOut?.statement ?? '', /nothing in the bundle ties the line to a process/);
});

// rabbitmq/rabbitmq-server#1670: a RabbitMQ node's lager log words EMFILE its own way; the
// statement names the errno, and does not put "Too many open files" in the log's mouth.
const RABBITMQ = [
  '2018-08-12 11:53:12.436 [warning] <0.1055.0> Ranch acceptor reducing accept rate: out of file descriptors',
  '2018-08-12 11:53:12.436 [warning] <0.1056.0> Ranch acceptor reducing accept rate: out of file descriptors',
  "2018-08-12 11:53:13.011 [error] <0.7958.1> Restarting crashed queue 'Logs' in vhost 'oaop-dev'.",
];

test('the statement of unowned exhaustion lines names the errno, not words the lines do not say', async () => {
  const r = await analyzeText(RABBITMQ);
  assert.equal(r.suspects.length, 0);
  assert.match(r.unownedRanOut?.message ?? '', /out of file descriptors/);
  assert.match(r.summary, /reports 2 times that fds ran out \(EMFILE, "Too many open files"\)/);
});

test("a line its own process carries is that suspect's ranOut, not an unowned one", async () => {
  const r = await analyzeText(['Dec 01 10:00:01 host myapp[2211]: accept4: too many open files']);
  assert.equal(r.suspects[0]?.pid, 2211);
  assert.match(r.suspects[0]?.ranOut?.message ?? '', /too many open files/);
  assert.equal(r.unownedRanOut, undefined);
});

// adrienverge/openfortivpn#540: journal lines under a pidless tag, and the limits of one pid.
const OPENFORTIVPN = [
  'Feb 23 20:17:47 noc2 openfortivpn: ERROR:  socket: Too many open files',
  'Feb 23 20:17:47 noc2 openfortivpn: INFO:   Closed connection to gateway.',
  '',
  '[root@noc2 objects]# cat /proc/19653/limits ',
  'Limit                     Soft Limit           Hard Limit           Units     ',
  'Max processes             11198                11198                processes ',
  'Max open files            1024                 4096                 files     ',
];

test("a pidless syslog tag names the only process the bundle knows when nothing else names that process's program", async () => {
  const r = await analyzeText(OPENFORTIVPN);
  const s = r.suspects[0];
  assert.equal(s.pid, 19653);
  assert.equal(s.command, 'openfortivpn');
  assert.equal(s.fdLimit, 1024);
  assert.match(s.ranOut?.message ?? '', /socket: Too many open files/);
  assert.match(r.summary, /the only process the bundle knows, whose program nothing else names/);
  // With a second process in the bundle the tag names neither: the program stays known by its name alone.
  const two = await analyzeText([...OPENFORTIVPN, '', '$ cat /proc/2211/limits', ...OPENFORTIVPN.slice(4)]);
  assert.equal(two.suspects[0]?.pid, null);
  assert.equal(two.suspects[0]?.command, 'openfortivpn');
  // Two programs' tags on such lines: neither is the one process by elimination.
  const tags = await analyzeText(['Feb 23 20:17:48 noc2 pppd: ERROR: open: Too many open files', ...OPENFORTIVPN]);
  assert.ok(tags.suspects.every((s) => s.pid === null));
});

// restic/rest-server#384: the container's log says only that the host's file table ran out.
const RESTIC = [
  'ERROR: open /data/locks/f582ae9a31b06ac2721f860effb2e6da27eb9611424b806708d4f141a5d6799b.rest-server-temp3847862705250625670: too many open files in system',
  'ERROR: open /data/locks: too many open files in system',
];

test("an ENFILE line no process can be tied to: the result says the host's file table ran out, and blames nobody", async () => {
  const r = await analyzeText(RESTIC);
  assert.equal(r.verdict, 'inconclusive');
  assert.equal(r.suspects.length, 0);
  assert.match(r.unownedRanOut?.message ?? '', /rest-server-temp3847862705250625670: too many open files in system$/);
  assert.match(r.unownedRanOut?.statement ?? '', /^The host's file table ran out \(ENFILE\)/);
});

test('an EMFILE line is quoted before an ENFILE line, wherever each stands', async () => {
  const r = await analyzeText([RESTIC[1], 'Cannot open /proc/stat: Too many open files']);
  assert.equal(r.unownedRanOut?.message, 'Cannot open /proc/stat: Too many open files');
  assert.match(r.unownedRanOut?.statement ?? '', /^A process ran out of fds/);
});

// Jip-Hop/jailmaker#35: systemctl in a systemd-nspawn jail; systemd's words when inotify_init1
// fails, which also happens when root's inotify instances (shared with every jail) are used up.
test("systemd's 'Failed to allocate directory watch' line: the statement names inotify instances as what may have run out", async () => {
  const r = await analyzeText(['```shell', 'systemctl restart sshd', 'Failed to allocate directory watch: Too many open files', '```']);
  assert.equal(r.suspects.length, 0);
  assert.equal(r.unownedRanOut?.message, 'Failed to allocate directory watch: Too many open files');
  assert.match(r.unownedRanOut?.statement ?? '', /or its user of inotify instances/);
  assert.match(r.unownedRanOut?.statement ?? '', /max_user_instances/);
});

// NVIDIA/gpu-operator#441: `kubectl logs` of the device plugin, whose fsnotify watcher (inotify_init1)
// fails; Go's standard logger stamps no pid (round 119's gh-nvidia-device-plugin-fs-watcher-emfile-kubectl-logs).
test("a device plugin's 'failed to create FS watcher' line: the statement names inotify instances as what may have run out", async () => {
  const r = await analyzeText([
    '```',
    '$ kubectl --kubeconfig $KUBECONFIG logs -n gpu-operator nvidia-device-plugin-daemonset-vwxgt        ',
    '2022/11/14 14:40:53 Starting FS watcher.',
    '2022/11/14 14:40:53 Error: failed to create FS watcher: too many open files',
    '```',
  ]);
  assert.equal(r.suspects.length, 0);
  assert.equal(r.unownedRanOut?.message, 'Error: failed to create FS watcher: too many open files');
  assert.match(r.unownedRanOut?.statement ?? '', /or its user of inotify instances/);
});

test('an unowned EMFILE line that is not about inotify keeps the plain statement', async () => {
  const r = await analyzeText(LEPD);
  assert.doesNotMatch(r.unownedRanOut?.statement ?? '', /inotify/);
});

// kubernetes/ingress-nginx#2980: nginx's EBADF alerts, then the controller's glog fatal (pid 7) —
// ENFILE, the host's table: its writer is known but blamed no more than anyone.
const INGRESS_ENFILE = [
  '2018/08/24 06:42:06 [alert] 40#40: sendmsg() failed (9: Bad file descriptor)',
  '2018/08/24 06:42:06 [alert] 40#40: sendmsg() failed (9: Bad file descriptor)',
  'F0824 06:42:19.499971       7 main.go:308] accept tcp [::]:10254: accept4: too many open files in system',
];

test('an ENFILE line of a known writer, with no suspect: where the host ran out, its writer named, nobody blamed', async () => {
  const r = await analyzeText(INGRESS_ENFILE);
  assert.equal(r.verdict, 'inconclusive');
  assert.equal(r.suspects.length, 0);
  assert.equal(r.unownedRanOut?.message, 'accept tcp [::]:10254: accept4: too many open files in system');
  assert.equal(r.unownedRanOut?.evidence[0].line, 3);
  assert.match(r.unownedRanOut?.statement ?? '', /ENFILE.*written by pid 7; ENFILE blames no process/);
});
