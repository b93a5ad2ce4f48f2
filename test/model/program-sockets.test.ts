// A program's sockets picked by its name from netstat -p / ss -p rows. Real lines:
// - gh-knx-ultimate-node-red-udp-netstat-count (node-red-contrib-knx-ultimate#210):
//   `netstat -nvuap | grep node-red | wc -l` → 28224;
// - gh-gpodder-python-ss-close-wait-state-tally (gpodder#1738):
//   `ss -p | awk '/tcp.*gpodder/ { print $2}' | sort | uniq -c` → 218 CLOSE-WAIT, 10 ESTAB.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { analyzeBundle } from '../../src/analysis.js';
import { programSockets, programSocketsOf } from '../../src/model/program-sockets.js';
import { ref } from '../../src/types.js';
import { CASES_DIR } from '../accuracy/score.js';
import { analyzeTranscript } from '../analyze-transcript.js';

const ev = ref('transcript.md', 15, '28224');
const row = (count: number, key: string) => ({ count, key, ev: ref('transcript.md', 12) });
const GPODDER = "ss -p | awk '/tcp.*gpodder/ { print $2}' | sort | uniq -c";
const now = new Date('2026-01-01T00:00:00Z');

test('which program and protocol a socket listing’s filter picks', () => {
  assert.deepEqual(programSockets('netstat -nvuap | grep node-red | wc -l'), { name: 'node-red', protocol: 'udp' });
  assert.deepEqual(programSockets(GPODDER), { name: 'gpodder', protocol: 'tcp' });
  assert.deepEqual(programSockets("ss -tanp | grep java | awk '{print $1}' | sort | uniq -c"), { name: 'java', protocol: 'tcp' });
  // No process column, a state or a protocol: no program. A number is a pid or a port: bind.ts
  // joins it to a process of that pid when the bundle knows one; two numbers say neither.
  assert.equal(programSockets('netstat -nua | grep node-red | wc -l'), undefined);
  assert.deepEqual(programSockets('netstat -nap | grep 33000 | wc -l'), { pid: 33000 });
  assert.equal(programSockets('netstat -nap | grep 11423 | grep 5432 | wc -l'), undefined);
  assert.equal(programSockets('ss -tanp | grep CLOSE-WAIT | wc -l'), undefined);
  assert.equal(programSockets('lsof -n | grep node-red | wc -l'), undefined);
});

test('a count of UDP rows is that many UDP sockets; a count of TCP rows or of both says no kind', () => {
  const udp = programSocketsOf('netstat -nvuap | grep node-red | wc -l', 'transcript.md', { value: 28224, ev });
  assert.equal(udp?.name, 'node-red');
  assert.deepEqual(udp?.connection.sockets, { udp: 28224 });
  assert.equal(programSocketsOf('netstat -ntap | grep java | wc -l', 'transcript.md', { value: 900, ev }), undefined);
  assert.equal(programSocketsOf('netstat -nap | grep java | wc -l', 'transcript.md', { value: 900, ev }), undefined);
});

test('a tally of its TCP rows by state is its TCP sockets by state; keys that are no state are no tally', () => {
  const t = programSocketsOf(GPODDER, 'transcript.md', { rows: [row(218, 'CLOSE-WAIT'), row(10, 'ESTAB')] });
  assert.deepEqual(
    { rows: t?.connection.rows, byState: t?.connection.byState },
    { rows: 228, byState: { CLOSE_WAIT: 218, ESTABLISHED: 10 } },
  );
  assert.equal(programSocketsOf(GPODDER, 'transcript.md', { rows: [row(218, '10.0.0.1:443')] }), undefined);
});

test('node-red and gpodder, known by name alone: a UDP leak and a CLOSE_WAIT leak, pid null', async () => {
  const knx = (await analyzeBundle(join(CASES_DIR, 'gh-knx-ultimate-node-red-udp-netstat-count', 'transcript.md'), { now })).result;
  assert.equal(knx.verdict, 'leak');
  assert.equal(knx.suspects[0].pid, null);
  assert.equal(knx.suspects[0].command, 'node-red');
  assert.equal(knx.suspects[0].leak.kind, 'socket-udp');
  assert.equal(knx.suspects[0].pidCommand, 'pidof node-red');
  const gp = (await analyzeBundle(join(CASES_DIR, 'gh-gpodder-python-ss-close-wait-state-tally', 'transcript.md'), { now })).result;
  assert.equal(gp.verdict, 'leak');
  assert.equal(gp.suspects[0].command, 'gpodder');
  assert.equal(gp.suspects[0].leak.kind, 'socket-close-wait');
});

// gh-ztunnel-rust-ss-close-wait-grep-count (istio/ztunnel#1629), real lines:
//   root@aks-ingress6-10369747-vmss000015:~# nsenter -t 13807 -n ss -tp | grep CLOSE-WAIT | grep -c ztunnel
//   89928
//   CLOSE-WAIT 0      0        94.254.175.76:47513   172.26.52.210:https    users:(("ztunnel",pid=13182,fd=63793))
const ZTUNNEL = 'nsenter -t 13807 -n ss -tp | grep CLOSE-WAIT | grep -c ztunnel';

test('a count of a program’s rows grep’d for one TCP state is that many of its TCP sockets in it', () => {
  assert.deepEqual(programSockets(ZTUNNEL), { name: 'ztunnel', protocol: 'tcp', state: 'CLOSE_WAIT' });
  assert.deepEqual(programSockets('netstat -anp | grep CLOSE_WAIT | grep java | wc -l'), {
    name: 'java',
    protocol: 'tcp',
    state: 'CLOSE_WAIT',
  });
  const c = programSocketsOf(ZTUNNEL, 'transcript.md', { value: 89928, ev: ref('transcript.md', 27, '89928') });
  assert.equal(c?.name, 'ztunnel');
  assert.deepEqual(c?.connection.byState, { CLOSE_WAIT: 89928 });
  assert.equal(c?.connection.pickedByState, true);
  // No state, two states, rows dropped by -v, or ESTAB (ss prints connected UDP sockets as ESTAB too): no state.
  assert.equal(programSockets('ss -tp | grep -c ztunnel')?.state, undefined);
  assert.equal(programSockets('ss -tp | grep CLOSE-WAIT | grep TIME-WAIT | grep -c ztunnel')?.state, undefined);
  assert.equal(programSockets('ss -tp | grep -v CLOSE-WAIT | grep -c ztunnel')?.state, undefined);
  assert.equal(programSockets('ss -tp | grep ESTAB | grep -c ztunnel')?.state, undefined);
  // nsenter into the network namespace only keeps the host's pids; into its mount or pid namespace, not.
  assert.equal(programSockets('nsenter -t 13807 -n -m -p ss -tp | grep CLOSE-WAIT | grep -c ztunnel'), undefined);
});

test('ztunnel: 89,928 CLOSE-WAIT sockets counted by its name, tied to pid 13182 by its ss row, are a leak', async () => {
  const r = (await analyzeBundle(join(CASES_DIR, 'gh-ztunnel-rust-ss-close-wait-grep-count', 'transcript.md'), { now })).result;
  assert.equal(r.verdict, 'leak');
  assert.equal(r.suspects[0].pid, 13182);
  assert.equal(r.suspects[0].leak.kind, 'socket-close-wait');
  assert.equal(r.suspects[0].leak.count, 89928);
  // Each of those sockets is one of its fds: it holds that many at least (more than fd 63793 says).
  assert.ok((r.suspects[0].fdCount ?? 0) >= 89928);
});

// gh-crate-netstat-pid-grep-close-wait-count (crate/crate#9635), real lines:
//   root@crate00:/home/d.shmyglev# ls /proc/11423/fd/ | wc -l
//   3638
//   root@crate00:/home/d.shmyglev# netstat -nap | grep 11423 | grep CLOSE_WAIT | wc -l
//   975
test('a count of netstat -p rows grep’d for a pid and a TCP state is that pid’s sockets in it', () => {
  const cmd = 'netstat -nap | grep 11423 | grep CLOSE_WAIT | wc -l';
  assert.deepEqual(programSockets(cmd), { pid: 11423, protocol: 'tcp', state: 'CLOSE_WAIT' });
  const c = programSocketsOf(cmd, 'transcript.md', { value: 975, ev });
  assert.equal(c?.pid, 11423);
  assert.deepEqual(c?.connection.byState, { CLOSE_WAIT: 975 });
});

test('CrateDB: 975 CLOSE_WAIT sockets counted by its pid, a process the bundle knows, are a leak', async () => {
  const dir = join(CASES_DIR, 'gh-crate-netstat-pid-grep-close-wait-count', 'transcript.md');
  const { result } = await analyzeBundle(dir, { now });
  assert.equal(result.verdict, 'leak');
  assert.equal(result.suspects[0].pid, 11423);
  assert.equal(result.suspects[0].leak.kind, 'socket-close-wait');
});

test('a number no process of the bundle has is a port: its rows join nobody', async () => {
  const text = ['# ls /proc/11423/fd/ | wc -l', '3638', '# netstat -nap | grep 8080 | grep CLOSE_WAIT | wc -l', '975', ''].join('\n');
  const result = await analyzeTranscript(text, 'transcript.md', now);
  assert.notEqual(result.suspects[0]?.leak.kind, 'socket-close-wait');
});

// gh-haproxy-2-6-netstat-grep-close-wait-pid-count-436 (haproxy/haproxy#2520), real lines:
//   # netstat -a -n -o -l -p | grep CLOSE_WAIT | grep 1037/haproxy | wc -l
//   436
// A grep for netstat's own `PID/Program` value picks one process's rows: its pid and its name,
// not a port, whether or not the bundle shows that process elsewhere.
test('a grep for netstat’s PID/Program value picks that process’s rows, pid and name both', () => {
  const cmd = 'netstat -a -n -o -l -p | grep CLOSE_WAIT | grep 1037/haproxy | wc -l';
  assert.deepEqual(programSockets(cmd), { pid: 1037, name: 'haproxy', protocol: 'tcp', state: 'CLOSE_WAIT' });
  const c = programSocketsOf(cmd, 'transcript.md', { value: 436, ev });
  assert.equal(c?.pid, 1037);
  assert.equal(c?.name, 'haproxy');
  assert.deepEqual(c?.connection.byState, { CLOSE_WAIT: 436 });
  // Two owners, or a path-like word that is not `PID/Program`, pick nobody by it.
  assert.equal(programSockets('netstat -anp | grep 1037/haproxy | grep 2040/haproxy | wc -l')?.pid, undefined);
  assert.equal(programSockets('netstat -anp | grep CLOSE_WAIT | grep /usr/sbin/haproxy | wc -l'), undefined);
});

test('haproxy 2.6: 436 CLOSE_WAIT sockets counted by grep 1037/haproxy are pid 1037’s CLOSE_WAIT leak', async () => {
  const dir = join(CASES_DIR, 'gh-haproxy-2-6-netstat-grep-close-wait-pid-count-436', 'transcript.md');
  const { result } = await analyzeBundle(dir, { now });
  assert.equal(result.verdict, 'leak');
  assert.equal(result.suspects[0].pid, 1037);
  assert.equal(result.suspects[0].leak.kind, 'socket-close-wait');
});

// ruby-metrics-unix-strace (captured here), real lines:
//   root@vm:~# ss -xp | grep -c 'pid=10628,'
//   175
//   root@vm:~# ss -xp | grep 'pid=10628,' | head -4
//   u_str ESTAB 0      0                  * 6335778            * 0       users:(("ruby",pid=10628,fd=178))
// ss -x lists unix sockets only, and ss's own `pid=N` field picks one process's rows (never a port).
test('a count of ss -xp rows grep’d for ss’s pid=N field is that pid’s unix sockets', () => {
  const cmd = "ss -xp | grep -c 'pid=10628,'";
  assert.deepEqual(programSockets(cmd), { pid: 10628, protocol: 'unix' });
  assert.deepEqual(programSockets('ss -xp | grep pid=10628 | wc -l'), { pid: 10628, protocol: 'unix' });
  assert.deepEqual(programSockets('netstat -xp | grep 10628 | wc -l'), { pid: 10628, protocol: 'unix' });
  // ss -xtp mixes TCP rows in; a trailing comma without `pid=` is no pid.
  assert.deepEqual(programSockets("ss -xtp | grep -c 'pid=10628,'"), { pid: 10628 });
  assert.equal(programSockets("ss -xp | grep -c '10628,'"), undefined);
  const c = programSocketsOf(cmd, 'transcript.md', { value: 175, ev: ref('transcript.md', 32, '175') });
  assert.equal(c?.pid, 10628);
  assert.deepEqual(c?.connection.sockets, { unix: 175 });
});

test('Ruby metrics shipper: its 175 unix sockets counted by ss -xp | grep -c pid=N are its fds of that kind', async () => {
  const dir = join(CASES_DIR, 'ruby-metrics-unix-strace', 'transcript.md');
  const { result } = await analyzeBundle(dir, { now });
  assert.equal(result.suspects[0].pid, 10628);
  assert.equal(result.suspects[0].leak.kind, 'socket-unix');
  assert.equal(result.suspects[0].leak.count, 175);
});

// gh-3proxy-ss-close-wait-pgrep-count-1837-strace-futex (3proxy/3proxy#193), real lines:
//   # ss -ntp state close-wait | grep "pid=`pgrep 3proxy`" | wc -l
//   1837
// ss's own `state close-wait` filter picks the state (no grep for it); the grep for ss's users field
// looked up by pgrep picks the program's rows, and a program's name may start with a digit.
const THREE_PROXY = 'ss -ntp state close-wait | grep "pid=`pgrep 3proxy`" | wc -l';

test('ss’s own state filter and a pid=`pgrep NAME` grep: that program’s TCP sockets in that state', () => {
  assert.deepEqual(programSockets(THREE_PROXY), { name: '3proxy', protocol: 'tcp', state: 'CLOSE_WAIT' });
  assert.deepEqual(programSockets('ss -ntp state close-wait | grep 3proxy | wc -l'), {
    name: '3proxy',
    protocol: 'tcp',
    state: 'CLOSE_WAIT',
  });
  assert.deepEqual(programSockets('ss -tnp state close-wait | grep "pid=$(pidof haproxy)" | wc -l'), {
    name: 'haproxy',
    protocol: 'tcp',
    state: 'CLOSE_WAIT',
  });
  // ESTABLISHED is no kind's state (connected UDP sockets are ESTAB too); a port is no program.
  assert.deepEqual(programSockets('ss -ntp state established | grep java | wc -l'), { name: 'java', protocol: 'tcp' });
  assert.equal(programSockets('ss -ntp state close-wait | grep 8080 | wc -l')?.name, undefined);
  const c = programSocketsOf(THREE_PROXY, 'transcript.md', { value: 1837, ev: ref('transcript.md', 10, '1837') });
  assert.deepEqual(c?.connection.byState, { CLOSE_WAIT: 1837 });
});

test('3proxy: 1837 CLOSE-WAIT sockets counted by ss state close-wait | grep pid=`pgrep 3proxy` are a CLOSE_WAIT leak', async () => {
  const dir = join(CASES_DIR, 'gh-3proxy-ss-close-wait-pgrep-count-1837-strace-futex', 'transcript.md');
  const { result } = await analyzeBundle(dir, { now });
  assert.equal(result.verdict, 'leak');
  assert.equal(result.suspects[0].command, '3proxy');
  assert.equal(result.suspects[0].leak.kind, 'socket-close-wait');
  assert.equal(result.suspects[0].leak.count, 1837);
  // `strace -f -p "`pgrep 3proxy`"` → `strace: Process 971 attached with 1876 threads`: pgrep's 3proxy is pid 971.
  assert.equal(result.suspects[0].pid, 971);
});

test('strace -p of a pgrep -f lookup names no program: the attached pid is not the counted program', async () => {
  const strace = [
    '# strace -f -p "`pgrep -f 3proxy`"',
    'strace: Process 971 attached with 1876 threads',
    '[pid  9525] futex(0x7fe723936830, FUTEX_WAIT_PRIVATE, 2, NULL <unfinished ...>',
    '[pid  9524] futex(0x7fe723936830, FUTEX_WAIT_PRIVATE, 2, NULL <unfinished ...>',
  ];
  const result = await analyzeTranscript(
    ['```', `# ${THREE_PROXY}`, '1837', '```', '', '```', ...strace, '```', ''].join('\n'),
    'transcript.md',
    now,
  );
  assert.equal(result.suspects[0]?.command, '3proxy');
  assert.equal(result.suspects[0]?.pid, null);
});

// discourse-haproxy-maxconn-close-wait-count-60 (https://discourse.haproxy.org/t/maxconn-causing-close-wait/6226):
// `ss -antp | grep listener-ip | grep -i close | wc -l` → 60; the row its `tail -1` shows holds
// `listener-ip:80` as its local address — a redacted address, no program's name.
test('a grep for a redacted address picks no program', () => {
  assert.equal(programSockets('ss -antp | grep listener-ip | grep -i close | wc -l'), undefined);
  assert.equal(programSockets('netstat -anp | grep server_ip | grep CLOSE_WAIT | wc -l'), undefined);
  assert.equal(programSockets('netstat -anp | grep x.x.x.x | grep CLOSE_WAIT | wc -l'), undefined);
  // Program names still pick their rows, one with a dash too.
  assert.equal(programSockets('ss -tp | grep CLOSE-WAIT | grep -c ztunnel')?.name, 'ztunnel');
  assert.equal(programSockets('netstat -anp | grep kube-proxy | grep CLOSE_WAIT | wc -l')?.name, 'kube-proxy');
});
