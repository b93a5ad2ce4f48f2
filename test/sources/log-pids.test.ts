// Logs that name their writer's pid without a syslog prefix (src/sources/log-pids.ts). Real lines:
// PgBouncer in mediacloud/backend#101 (test/accuracy/cases/gh-mediacloud-pgbouncer-tail-accept-emfile),
// PgBouncer's newer format in pgbouncer/pgbouncer#1037, conmand in dun/conman#17
// (gh-conman-conmand-logfile-emfile-limit-1024).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { glibSource, levelFirst, pcpSource, syslogSource, withoutWriterPrefix } from '../../src/sources/log-pids.js';
import { announcedPid, stampedPid } from '../../src/sources/record-pids.js';
import { afterLogcatHeader } from '../../src/sources/logcat-log.js';
import { logMessage } from '../../src/sources/log-message.js';
import { analyzeTranscript } from '../analyze-transcript.js';

const now = new Date('2026-01-01T00:00:00Z');

async function analyzeText(text: string, name: string) {
  return analyzeTranscript(text, name, now);
}

test("PgBouncer's and PostgreSQL's pid after the time", () => {
  assert.equal(stampedPid('2017-01-12 14:48:43.088 46529 WARNING sbuf_connect failed: Too many open files'), 46529);
  assert.equal(stampedPid('2017-01-12 14:48:51.761 46529 ERROR accept() failed: Too many open files'), 46529);
  assert.equal(
    stampedPid('2024-03-13 17:29:01.802 CET [3115148] LOG kernel file descriptor limit: 64000 (hard: 64000); max_client_conn: 5000'),
    3115148,
  );
  assert.equal(
    stampedPid('2017-01-12 14:48:43.088 UTC [46529] LOG:  out of file descriptors: Too many open files; release and retry'),
    46529,
  );
  // A thread id: MySQL's bracketed level, log4net's comma.
  assert.equal(stampedPid('2017-01-12 14:48:43 46529 [Warning] Too many open files'), undefined);
  assert.equal(stampedPid('2017-01-12 14:48:43,088 [12] ERROR Worker - Too many open files'), undefined);
});

test("a daemon's start line announces its own pid; a worker's does not", () => {
  assert.equal(announcedPid('NOTICE:    Starting ConMan daemon 0.2.7 (pid 1234)'), 1234);
  assert.equal(
    announcedPid('1:C 12 Jan 2020 10:00:00.000 # Redis version=5.0.7, bits=64, commit=00000000, modified=0, pid=1, just started'),
    1,
  );
  assert.equal(
    announcedPid('[2020-01-01T00:00:00,000][INFO ][o.e.n.Node] [node-1] version[7.1.0], pid[1234], build[default/tar/606a173]'),
    1234,
  );
  assert.equal(announcedPid('[2017-01-12 14:48:43 +0000] [4321] [INFO] Booting worker with pid: 4330'), undefined);
  assert.equal(announcedPid('spawned uWSGI worker 1 (pid: 1235, cores: 1)'), undefined);
  assert.equal(announcedPid('INFO:      Open file limit set to 1024'), undefined);
});

test('a log of level-first lines, no time, is a log', () => {
  assert.ok(levelFirst('WARNING:   Unable to open logfile "/var/log/conman/foo509": Too many open files'));
  assert.ok(levelFirst('ERROR:root:[Errno 24] Too many open files'));
  assert.ok(!levelFirst("lsof: WARNING: can't stat() fuse.gvfsd-fuse file system /run/user/1000/gvfs"));
});

test("a level padded to a column and a dash opens a record too (RenderDoc's console, baldurk/renderdoc#1424)", async () => {
  assert.ok(levelFirst('Error   - Could not create AF_NETLINK socket (Too many open files)'));
  assert.ok(levelFirst('ERROR - Could not open /data/x: Too many open files'));
  assert.ok(!levelFirst('error - lower case is a sentence, not a level'));
  assert.ok(!levelFirst('Errors - a plural word is no level'));
  const text = [
    'Renderdoc opens a new pipe every few seconds but does not close it.  Eventually I get messages like this on the console:',
    '',
    'Error   - Could not create AF_NETLINK socket (Too many open files)',
    'Error   - Could not create stdout pipe',
    'Error   - Could not create stderr pipe',
    '',
    'This does not seem to be immediately fatal, but trying to start a process in this state will crash renderdoc.',
    '',
  ].join('\n');
  const result = await analyzeText(text, 'transcript.md');
  assert.equal(result.verdict, 'inconclusive');
  assert.equal(result.suspects.length, 0);
  assert.match(result.unownedRanOut?.message ?? '', /Could not create AF_NETLINK socket \(Too many open files\)/);
});

test("PgBouncer's `tail -f` says which pid ran out", async () => {
  const text = [
    '```',
    '# tail -f /var/log/postgresql/pgbouncer.log',
    '2017-01-12 14:48:43.088 46529 WARNING sbuf_connect failed: Too many open files',
    '2017-01-12 14:48:51.761 46529 ERROR accept() failed: Too many open files',
    '```',
    '',
  ].join('\n');
  const result = await analyzeText(text, 'transcript.md');
  assert.equal(result.suspects[0]?.pid, 46529);
  assert.match(result.suspects[0]?.ranOut?.message ?? '', /Too many open files/);
});

test("conmand's log: read as a log, its lines are the pid its start line announced", async () => {
  const text = [
    'NOTICE:    Starting ConMan daemon 0.2.7 (pid 1234)',
    'INFO:      Open file limit set to 1024',
    'WARNING:   Unable to open logfile "/var/log/conman/foo509": Too many open files',
    'WARNING:   Unable to resolve hostname "cy15" for [foo509]',
    'WARNING:   Unable to open logfile "/var/log/conman/foo510": Too many open files',
    '',
  ].join('\n');
  const result = await analyzeText(text, 'conman.log');
  assert.equal(result.verdict, 'inconclusive');
  assert.equal(result.suspects[0]?.pid, 1234);
  assert.match(result.suspects[0]?.ranOut?.message ?? '', /Unable to open logfile/);
});

// VerneMQ (vernemq/vernemq#354) and RabbitMQ (rabbitmq/rabbitmq-server#1670): the BEAM's words for EMFILE.
test("lager's `due to emfile` and Ranch's `out of file descriptors` say the broker ran out", async () => {
  const vernemq = await analyzeText(
    '2017-04-07 13:16:05.296 [error] <0.185.0> can\'t load acl file "/etc/vernemq/vmq.acl" due to emfile\n',
    'console.log',
  );
  assert.equal(vernemq.verdict, 'inconclusive');
  assert.ok(vernemq.findings.some((f) => f.id === 'emfile-errors' && f.status === 'fail'));
  const ranch = await analyzeText(
    [
      '2018-08-12 11:53:12.436 [warning] <0.1055.0> Ranch acceptor reducing accept rate: out of file descriptors',
      '2018-08-12 11:53:12.436 [warning] <0.1056.0> Ranch acceptor reducing accept rate: out of file descriptors',
      '',
    ].join('\n'),
    'rabbit.log',
  );
  assert.ok(ranch.findings.some((f) => f.id === 'emfile-errors' && f.status === 'fail'));
});

// GLib's default log handler: nextcloud/desktop#1876 (gh-nextcloud-desktop-gwakeup-pipes-emfile-log)
// and owncloud/client#5595 (`process` when the program set no name, no time in older GLib).
test("GLib's `(prgname:pid): Domain-LEVEL **:` prefix names the program and its pid", () => {
  assert.deepEqual(glibSource('(nextcloud:16504): GLib-ERROR **: 02:34:10.533: Creating pipes for GWakeup: Too many open files'), {
    program: 'nextcloud',
    pid: 16504,
  });
  assert.deepEqual(
    glibSource("(nextcloud:16504): GLib-GIO-CRITICAL **: 02:27:52.268: g_menu_insert_item: assertion 'G_IS_MENU (menu)' failed"),
    { program: 'nextcloud', pid: 16504 },
  );
  assert.deepEqual(glibSource('(process:58877): GLib-ERROR **: Creating pipes for GWakeup: Too many open files'), { pid: 58877 });
  assert.deepEqual(glibSource('** (zenity:4242): WARNING **: no domain'), { program: 'zenity', pid: 4242 });
  assert.equal(glibSource('(nextcloud:16504) GLib-ERROR: no stars'), null);
  assert.equal(glibSource('Trace/breakpoint trap (core dumped)'), null);
  assert.equal(glibSource('(a:0): GLib-ERROR **: pid 0'), null);
});

test('a pasted GLib stderr that ends in EMFILE blames the pid its prefix names', async () => {
  const text = [
    '```',
    '...',
    "(nextcloud:16504): GLib-GIO-CRITICAL **: 02:27:52.268: g_menu_insert_item: assertion 'G_IS_MENU (menu)' failed",
    '',
    '(nextcloud:16504): GLib-ERROR **: 02:34:10.533: Creating pipes for GWakeup: Too many open files',
    '',
    'Trace/breakpoint trap (core dumped)',
    '```',
    '',
  ].join('\n');
  const result = await analyzeText(text, 'transcript.md');
  assert.equal(result.verdict, 'inconclusive');
  assert.equal(result.suspects[0]?.pid, 16504);
  assert.match(result.suspects[0]?.ranOut?.message ?? '', /Creating pipes for GWakeup/);
});

// Clementine's stderr under gdb (clementine-player/Clementine#4663,
// test/accuracy/cases/gh-clementine-moodbar-gwakeup-glib-pid-log): GLib's message names the pid, the
// program's own logger then writes the EMFILE line with a time and no pid.
test("the lines after a GLib message that name no process are the same stderr's", async () => {
  const text = [
    '```',
    "(clementine:20962): GStreamer-CRITICAL **: gst_poll_get_read_gpollfd: assertion 'set != NULL' failed",
    '00:11:27.427 WARN  unknown                          QNetworkDiskCache::prepare() unable to open temporary file  ',
    '[New Thread 0x7fff4c99b700 (LWP 21646)]',
    '00:11:27.428 DEBUG logging:65                       Creating pipes for GWakeup: Too many open files',
    '',
    '',
    'Program received signal SIGTRAP, Trace/breakpoint trap.',
    '```',
    '',
  ].join('\n');
  const result = await analyzeText(text, 'transcript.md');
  assert.equal(result.verdict, 'inconclusive');
  assert.equal(result.suspects[0]?.pid, 20962);
  assert.match(result.suspects[0]?.ranOut?.message ?? '', /Creating pipes for GWakeup/);
  // A journal line of another process in between ends the carry: its own prefix names its writer.
  const other = await analyzeText(
    [
      '```',
      "(clementine:20962): GStreamer-CRITICAL **: gst_poll_get_read_gpollfd: assertion 'set != NULL' failed",
      'Dec 14 00:11:27 host pulseaudio[1200]: W: [pulseaudio] module.c: unloading',
      '00:11:27.428 DEBUG logging:65                       Creating pipes for GWakeup: Too many open files',
      '```',
      '',
    ].join('\n'),
    'transcript.md',
  );
  assert.notEqual(other.suspects[0]?.pid, 20962);
});

test("a logcat record's message is what follows its header", () => {
  assert.equal(
    afterLogcatHeader('  583   583 E adbd    : shell_service.cpp:139 cannot create socket pair: Too many open files'),
    'shell_service.cpp:139 cannot create socket pair: Too many open files',
  );
  assert.equal(afterLogcatHeader('E/Parcel  (11944): error: Too many open files'), 'error: Too many open files');
  assert.equal(afterLogcatHeader('[ERROR] accept: Too many open files'), '[ERROR] accept: Too many open files');
  assert.equal(
    logMessage(
      'Jan 30 15:32:08 didoi adbd[583]: 01-30 15:32:08.920   583   583 E adbd    : shell_service.cpp:139 cannot create socket pair: Too many open files',
    ),
    'shell_service.cpp:139 cannot create socket pair: Too many open files',
  );
});

test('a pasted logcat saying it ran out names its process as the suspect, with the message without the header', async () => {
  const result = await analyzeText(
    [
      '```',
      '02-01 09:21:11.921  3649  3796 E com.network.proxy.vpn.ProxyVpnThread: Too many open files',
      '02-01 09:21:11.921  3649  3796 E com.network.proxy.vpn.ProxyVpnThread: java.net.SocketException: Too many open files',
      '02-01 09:21:11.921  3649  3796 E com.network.proxy.vpn.ProxyVpnThread: \tat sun.nio.ch.Net.socket0(Native Method)',
      '```',
      '',
    ].join('\n'),
    'logcat.md',
  );
  assert.equal(result.suspects[0]?.pid, 3649);
  assert.equal(result.suspects[0]?.ranOut?.message, 'Too many open files');
});

test("journalctl's other short forms and a raw syslog priority name the line's program and pid", () => {
  const msg = 'accept4: too many open files';
  for (const prefix of [
    'Dec 06 19:00:00.123456 noc2 myapp[2211]: ', // -o short-precise
    'Sun 2026-12-06 19:00:00 UTC noc2 myapp[2211]: ', // -o short-full
    '1765047600.123456 noc2 myapp[2211]: ', // -o short-unix
    '[ 1234.567890] noc2 myapp[2211]: ', // -o short-monotonic
    '<27>Dec  6 19:00:00 noc2 myapp[2211]: ', // a raw syslog message
  ]) {
    assert.deepEqual(syslogSource(prefix + msg), { program: 'myapp', pid: 2211 }, prefix);
    assert.equal(logMessage(prefix + msg), msg, prefix);
  }
  // dmesg prints no host and no pid: `usb 1-1` is no program with a pid.
  assert.equal(syslogSource('[    5.123456] usb 1-1: new high-speed USB device number 2 using xhci_hcd'), null);
  // An epoch time without the journal's host and bracketed pid is no journal line.
  assert.equal(syslogSource('1765047600.123456 worker: too many open files'), null);
});

// Performance Co-Pilot: performancecopilot/pcp#1533 (gh-pcp-pmcd-accept-errno-24-log-pid-partial),
// the line as the comment quotes it (its writer's `[time stamp]` placeholder, in a code span).
test("PCP's `[time] prog(pid) Level: ` prefix names the daemon and its pid", async () => {
  const quoted = '`[time stamp] pmcd(1030) Error: AcceptNewClient(0): Unexpected error from __pmAccept: 24: Too many open files`';
  assert.deepEqual(syslogSource(quoted), { program: 'pmcd', pid: 1030 });
  assert.deepEqual(pcpSource('[Fri May 10 09:47:21] pmlogger(2345) Info: pmlogger: Validating metrics'), {
    program: 'pmlogger',
    pid: 2345,
  });
  assert.equal(pcpSource('[Fri May 10 09:47:21] pmcd(1030) no level word'), null);
  assert.equal(pcpSource('[1] 12345 Error: a job line'), null);
  assert.equal(pcpSource('[x] pmcd(0) Error: pid 0'), null);
  const result = await analyzeText(`some text\n\n${quoted}\n`, 'notes.md');
  assert.equal(result.suspects[0]?.pid, 1030);
  assert.match(result.suspects[0]?.ranOut?.message ?? '', /Too many open files/);
});

// journalctl in a Chinese, Japanese or Korean locale prints its month as `%b` does there: the
// number and 月 (or 월). Real lines: influxdata/influxdb#25140
// (test/accuracy/cases/gh-influxd-nats-accept4-emfile-cjk-month-journal).
test("a journal line whose month is a CJK locale's names its writer", () => {
  const line =
    '7月 09 09:34:55 rongtong-desktop influxd[9165]: ts=2024-07-09T01:34:55.599102Z lvl=error msg="Temporary Client Accept Error (accept tcp 127.0.0.1:45955: accept4: too many open files), sleeping 10ms" log_id=0qHHv3Rl000 service=nats';
  assert.deepEqual(syslogSource(line), { program: 'influxd', pid: 9165 });
  assert.match(withoutWriterPrefix(line).rest, /^ts=2024-07-09T01:34:55/);
  assert.deepEqual(syslogSource(' 7月 09 09:34:55 influxd[9165]: x'), { program: 'influxd', pid: 9165 });
  assert.deepEqual(syslogSource('12월 24 10:00:00 host app[42]: x'), { program: 'app', pid: 42 });
  // No month 13, no bare number.
  assert.equal(syslogSource('13月 09 09:34:55 host app[42]: x'), null);
  assert.equal(syslogSource('7 09 09:34:55 host app[42]: x'), null);
});

// journalctl in a European locale prints `%b` as three or four letters, lower case or accented,
// maybe with a dot. Real lines: eavanvalkenburg/pysiaalarm#30
// (test/accuracy/cases/gh-pysiaalarm-asyncio-accept-journal-lsof-grep-port-count).
test("a journal line whose month is a European locale's names its writer", () => {
  const line = 'févr. 21 02:05:29 domotique python[2711]: OSError: [Errno 24] Too many open files';
  assert.deepEqual(syslogSource(line), { program: 'python', pid: 2711 });
  assert.equal(withoutWriterPrefix(line).rest, 'OSError: [Errno 24] Too many open files');
  assert.deepEqual(
    syslogSource('févr. 21 02:05:29 domotique python[2711]: ERROR - 2022-02-21 02:05:29 - asyncio: socket.accept() out of system resource'),
    { program: 'python', pid: 2711 },
  );
  assert.deepEqual(syslogSource('févr. 21 02:05:29 python[2711]: x'), { program: 'python', pid: 2711 });
  assert.deepEqual(syslogSource('Mär 03 10:00:00 host app[42]: x'), { program: 'app', pid: 42 });
  assert.deepEqual(syslogSource('фев 03 10:00:00 host app[42]: x'), { program: 'app', pid: 42 });
  // A word of five letters, or a digit in it, is no month.
  assert.equal(syslogSource('hello 21 02:05:29 host app[42]: x'), null);
  assert.equal(syslogSource('fé1 21 02:05:29 host app[42]: x'), null);
});
