// The message of a log line, as a root cause quotes it: without the journal's who-and-when prefix,
// the docker compose service column or the application's own time stamp. Lines from the corpus.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appLog } from '../../src/sources/app-log.js';
import { logMessage, quotedExhaustion } from '../../src/sources/log-message.js';
import { exhaustionQuote } from '../../src/sources/exhaustion-text.js';
import { codeSpanText, relayedByEngine } from '../../src/sources/log-pids.js';
import { parseLines } from '../../src/sources/run.js';

test('a journal line: the message after `host program[pid]: `, with or without its time', () => {
  assert.equal(
    logMessage(
      'May 14 21:31:15 zenzen dbus-broker-launch[2844]: ERROR sockopt_get_peerpidfd @ ../dbus-broker-37/src/util/sockopt.c +244: Too many open files',
    ),
    'ERROR sockopt_get_peerpidfd @ ../dbus-broker-37/src/util/sockopt.c +244: Too many open files',
  );
  assert.equal(
    logMessage(
      'nixos NetworkManager[5261]: <warn>  [1750876680.7697] platform-linux: do-change-link[2]: failure 23 (Too many open files in system) (assume success changing address)',
    ),
    '<warn>  [1750876680.7697] platform-linux: do-change-link[2]: failure 23 (Too many open files in system) (assume success changing address)',
  );
});

test('an application line keeps its text after its own stamp; nginx after its pid#tid', () => {
  assert.equal(
    logMessage('2018/10/19 16:05:32 [crit] 42#42: accept4() failed (24: Too many open files)'),
    'accept4() failed (24: Too many open files)',
  );
});

// gh-promtail-inotify-user-instances-negative: the words come after a 200-character key.
const PROMTAIL =
  'level=error ts=2021-10-28T11:35:44.792212392Z caller=filetargetmanager.go:263 msg="Failed to create target" key="{container_id=\\"c517dad0337ef4991ed311d1c0efd2ab008102af1b730b8da31b4f3ffa3fe050\\", container_name=\\"elegant_meninsky\\", container_status=\\"exited\\", instance=\\"play64\\"}" error="filetarget.fsnotify.NewWatcher: too many open files"';

// gh-microceph-osd-accept-emfile-log: a ceph-osd crash dump's recent events; Ceph's header is time,
// thread (pthread_self in hex) and priority.
test("a Ceph daemon's line: its message after the dump index, the time, the thread and the priority", () => {
  assert.equal(
    logMessage(
      '-7> 2025-03-10T12:11:22.572+0000 7a50ed8006c0 -1 Processor -- accept open file descriptions limit reached sd = 19 errno -24 (24) Too many open files',
    ),
    'Processor -- accept open file descriptions limit reached sd = 19 errno -24 (24) Too many open files',
  );
  assert.equal(
    logMessage('2025-03-10T12:11:22.572+0000 7a50ed8006c0 -1 Processor -- accept open file descriptions limit reached sd = 19'),
    'Processor -- accept open file descriptions limit reached sd = 19',
  );
  // Not a Ceph header: a number without a hex letter stays (PgBouncer's pid is read elsewhere).
  assert.equal(logMessage('2021/01/26 11:48:41 12345678 5 too many open files'), '12345678 5 too many open files');
});

test("a long line's quote keeps its start and the words that say it ran out, past the 300 characters a quote holds", () => {
  const q = exhaustionQuote(PROMTAIL);
  assert.ok(PROMTAIL.length > 300);
  assert.ok(q.length <= 300);
  assert.ok(q.startsWith('level=error ts=2021-10-28T11:35:44.792212392Z caller=filetargetmanager.go:263'));
  assert.ok(q.endsWith('error="filetarget.fsnotify.NewWatcher: too many open files"'));
  assert.ok(q.includes(' … '));
  assert.match(logMessage(q), /fsnotify\.NewWatcher: too many open files/);
});

test('a line that says it within the quote, or a short one, is quoted as it is', () => {
  const early = `accept4: too many open files; retrying in 1s ${'x'.repeat(400)}`;
  assert.equal(exhaustionQuote(early), early);
  assert.equal(exhaustionQuote('accept4: too many open files'), 'accept4: too many open files');
});

// gh-bandit-elixir-code-server-emfile-log (https://github.com/mtrudel/bandit/issues/209): the BEAM
// names the errno as an atom, in lower case, inside its own error terms.
const BEAM_EMFILE = [
  '[error] [label: {:erl_prim_loader, :file_error}, report: ~c"File operation error: emfile. Target: /Users/herman/.local/share/rtx/installs/erlang/26.0.2/lib/crypto-5.2/ebin. Function: list_dir. Process: code_server."]',
  '[error] [label: {:erl_prim_loader, :file_error}, report: ~c"File operation error: emfile. Target: ./io_lib_pretty.beam. Function: get_file. Process: code_server."]',
];

test("the BEAM's `emfile` atom in its error terms is EMFILE; a file or folder named emfile is not", () => {
  assert.equal(appLog.detect({ head: BEAM_EMFILE, name: 'x.log' }) > 0, true);
  const log = parseLines(appLog, BEAM_EMFILE, { file: 'x.log' }).artifact;
  assert.equal(log.exhaustion.emfile, 2);
  assert.equal(log.exhaustion.enfile, 0);
  // {stop,{file_error,"./data/…_log3",emfile}} (AntidoteDB), {error,enfile}.
  const terms = parseLines(appLog, ['exit with reason {stop,{file_error,"./data/x_log3",emfile}}', '{error,enfile}'], {
    file: 'y.log',
  }).artifact;
  assert.equal(terms.exhaustion.emfile, 1);
  assert.equal(terms.exhaustion.enfile, 1);
  const names = parseLines(appLog, ['2024-01-01 10:00:00 INFO loaded emfile.py', '2024-01-01 10:00:01 INFO cd /srv/enfile/'], {
    file: 'z.log',
  }).artifact;
  assert.equal(names.exhaustion.emfile + names.exhaustion.enfile, 0);
});

// gh-podman-user-systemd-exec-fd-pipe: the user's systemd manager's lines, pasted without time and
// host under its tag, among `systemctl list-units` output.
const USER_MANAGER = [
  '$ systemctl list-units --user --failed',
  '  UNIT           LOAD   ACTIVE SUB    DESCRIPTION',
  '● podman.service loaded failed failed Podman API Service',
  '● podman.socket  loaded failed failed Podman API Socket',
  '',
  '**Logs**:',
  'systemd: podman.service: Failed to allocate exec_fd pipe: Too many open files',
  'systemd: Failed to start Podman API Service.',
];

test("a unit message under its manager's tag (`systemd: podman.service: …`) names the program that ran out, among other output", () => {
  assert.equal(appLog.detect({ head: USER_MANAGER, name: 'x.md' }) > 0, true);
  const log = parseLines(appLog, USER_MANAGER, { file: 'x.md' }).artifact;
  assert.equal(log.exhaustion.emfile, 1);
  assert.equal(log.exhaustion.samples[0].program, 'systemd');
  assert.equal(log.exhaustion.samples[0].pid, undefined);
  // A word and a colon before anything else is no tag: `Error: Too many open files` names nobody.
  const bare = parseLines(appLog, ['Error: Too many open files', 'Job for sshd.service canceled.'], { file: 'y.md' }).artifact;
  assert.equal(bare.exhaustion.samples[0]?.program, undefined);
});

// gh-nbhosting-dockerd-current-relayed-errno24: docker's journald log driver writes a container's
// Python traceback under the daemon's name and pid.
test("a container's traceback line in the journal under dockerd-current[1574] is relayed: no pid, no program; the daemon's own lines keep theirs", () => {
  const relayed = 'Jan 14 16:07:45 thurst dockerd-current[1574]:     OSError: [Errno 24] Too many open files';
  assert.equal(relayedByEngine(relayed), 'dockerd-current');
  const log = parseLines(appLog, [relayed], { file: 'j.log' }).artifact;
  assert.equal(log.exhaustion.emfile, 1);
  assert.equal(log.exhaustion.samples[0].pid, undefined);
  assert.equal(log.exhaustion.samples[0].program, undefined);
  assert.equal(log.exhaustion.samples[0].relayedBy, 'dockerd-current');
  assert.deepEqual(log.exhaustion.byPid, {});
  // dockerd's own error (Go's http server) stays dockerd's.
  const own =
    'Jan 10 10:00:00 host dockerd[811]: http: Accept error: accept unix /var/run/docker.sock: accept4: too many open files; retrying in 1s';
  assert.equal(relayedByEngine(own), null);
  assert.equal(parseLines(appLog, [own], { file: 'k.log' }).artifact.exhaustion.samples[0].pid, 811);
  // A Python program's own journal line is its own.
  const python = 'Jan 14 16:07:45 thurst python3[2200]:     OSError: [Errno 24] Too many open files';
  assert.equal(relayedByEngine(python), null);
});

// gh-paperwm-gnome-shell-gwakeup-journal: journal lines pasted without time and host, the first
// wrapped onto an indented line that carries the words.
const GNOME_SHELL = [
  'gnome-shell[4503]: Extension paperwm@paperwm.github.com: GLib.FileError: Failed to open file',
  '    ".../schemas/gschemas.compiled": open() failed: Too many open files',
  'gnome-shell[4503]: Creating pipes for GWakeup: Too many open files',
  'gnome-shell[4503]: GNOME Shell crashed with signal 5',
];

test('a journal line pasted without time and host (`gnome-shell[4503]: …`) names its program and pid, also on its wrapped line', () => {
  const log = parseLines(appLog, GNOME_SHELL, { file: 'j.md' }).artifact;
  assert.equal(log.exhaustion.emfile, 2);
  assert.deepEqual(
    log.exhaustion.samples.map((s) => [s.program, s.pid, s.ev.line]),
    [
      ['gnome-shell', 4503, 2],
      ['gnome-shell', 4503, 3],
    ],
  );
  assert.deepEqual(log.exhaustion.byPid, { 4503: 2 });
  assert.equal(logMessage(GNOME_SHELL[2]), 'Creating pipes for GWakeup: Too many open files');
  // A bracketed number that is no pid, or a tag with no pid, names no process.
  const other = parseLines(appLog, ['args[a]: Too many open files', 'fd[0]: Too many open files', 'Error: Too many open files'], {
    file: 'k.md',
  }).artifact;
  assert.deepEqual(other.exhaustion.byPid, {});
});

// forum-openacs-nsd-couldnt-create-pipe: AOLserver's Tcl errorInfo, mailed by OpenACS's WatchDog.
test('a Tcl error and its errorInfo stack are a log that ran out of fds', () => {
  const lines = [
    '[01/Apr/2002:05:39:06]',
    "    Error: couldn't create pipe: too many open files",
    "    couldn't create pipe: too many open files",
    '        while executing',
    '    "exec $command $options $error_log"',
    '        (procedure "wd_errors" line 17)',
    '        invoked from within',
    '    "wd_errors $num_minutes"',
    '        (procedure "wd_mail_errors" line 8)',
    '        invoked from within',
    '    "wd_mail_errors"',
    '        ("eval" body line 1)',
    '        invoked from within',
    '    "eval [concat [list $proc] $args]"',
    '        (procedure "ad_run_scheduled_proc" line 43)',
    '        invoked from within',
    '    "ad_run_scheduled_proc {f f 900 wd_mail_errors {} 1017346118 0 t}"',
    '    Notice: Running scheduled proc wd_mail_errors...',
  ];
  assert.ok(appLog.detect({ head: lines, name: 'f' }) > 0);
  const { artifact } = parseLines(appLog, lines);
  assert.equal(artifact.exhaustion.emfile, 2);
  // Quoted Tcl commands alone are no stack: no log.
  assert.equal(appLog.detect({ head: ['    "exec $command"', '    "wd_errors $n"'], name: 'f' }), 0);
});

// kb-linuxshare-apache-fcgid-emfile-file-nr: Apache 2.2's error_log, hard-wrapped at 128 columns by the page.
test('Apache error_log lines: a ctime stamp in brackets and a lowercase level are records', () => {
  const lines = [
    "[Mon Sep 07 12:50:44 2009] [error] (24)Too many open files: mod_fcgid: couldn't set child process attributes: /var/lib/httpd/",
    'fcgid/sock/8959.1',
    '[Mon Sep 07 12:50:45 2009] [warn] (24)Too many open files: mod_fcgid: spawn process /var/virtual/www/domain.com/subdomains/',
    'lab/httpdocs/dispatch.fcgi error',
    'Couldn\'t write to "/var/virtual/www/domain.com/subdomains/lab/httpdocs/log/fcgi_crash.log": starting',
    '  Errno::EACCES: Permission denied - /var/virtual/www/domain.com/subdomains/lab/httpdocs/log/fcgi_crash.log',
    '[Mon Sep 07 13:08:02 2009] [notice] child pid 30185 exit signal Segmentation fault (11)',
    '[Mon Sep 07 13:09:08 2009] [error] [client ::1] (24)Too many open files: file permissions deny server access: /var/www/html/i',
    'ndex.html',
  ];
  assert.ok(appLog.detect({ head: lines, name: 'f' }) > 0);
  const { artifact } = parseLines(appLog, lines);
  assert.equal(artifact.exhaustion.emfile, 3);
  assert.equal(artifact.recordLines, 4);
  assert.deepEqual(artifact.byLevel, { ERROR: 2, WARN: 1, INFO: 1 });
  assert.equal(artifact.firstRecord?.date, '2009-09-07');
  assert.equal(artifact.firstRecord?.seconds, 12 * 3600 + 50 * 60 + 44);
  // A day no calendar has is no stamp.
  assert.equal(parseLines(appLog, ['[Mon Sep 37 12:50:44 2009] [error] x']).artifact.recordLines, 0);
  assert.equal(
    logMessage('[Mon Sep 07 13:08:02 2009] [notice] child pid 30185 exit signal Segmentation fault (11)'),
    '[notice] child pid 30185 exit signal Segmentation fault (11)',
  );
});

// gh-influxdb2-syslog-accept4-ulimit-1024: one syslog line quoted in an issue as an inline code
// span (rsyslog's `#011` for its tabs kept).
test('a journal line quoted as one inline code span names its program and pid', () => {
  const line =
    '`influxd[535]: 2021-02-06T16:14:19.803835Z#011info#011http: Accept error: accept tcp [::]:8086: accept4: too many open files; retrying in 1s`';
  const log = parseLines(appLog, [line], { file: 't.md' }).artifact;
  assert.deepEqual(
    log.exhaustion.samples.map((s) => [s.program, s.pid]),
    [['influxd', 535]],
  );
  assert.equal(codeSpanText(line).startsWith('influxd[535]: '), true);
  // Only a whole line that is one span: a span inside a sentence stays the sentence.
  assert.equal(codeSpanText('see `influxd[535]: x` here'), 'see `influxd[535]: x` here');
});

// gh-redpanda-seastar-segment-open-emfile-shard-0: a log line pasted between triple backticks on
// one line (a code span in Markdown, not a fence).
test('a log line quoted between three backticks on one line is read without them', () => {
  const line =
    '```ERROR 2021-09-15 14:30:25,567 [shard 0] storage - Error writing record batch std::__1::__fs::filesystem::filesystem_error (error system:24, filesystem error: open failed: Too many open files [/var/lib/redpanda/data/kafka/topic-etnm/12_18/1-16-v1.log])```';
  assert.match(codeSpanText(line), /^ERROR 2021-09-15 14:30:25,567 \[shard 0\] storage - /);
  assert.doesNotMatch(logMessage(line), /`/);
  // Unbalanced delimiters (a fence opening, a span closed by one backtick) are no span.
  assert.equal(codeSpanText('```ERROR x`'), '```ERROR x`');
  assert.equal(codeSpanText('```'), '```');
});

// gh-siad-go-http-accept4-emfile-retrying: siad's progress message ran into the first log line
// (no newline between them); the lines after it open with their time.
test('the line quoted for where a log ran out is its first that opens a record, else its first', () => {
  const siad = [
    'Wallet: scanned to height 95350...2017/05/01 22:47:38 http: Accept error: accept tcp 127.0.0.1:9980: accept4: too many open files; retrying in 5ms',
    '2017/05/01 22:47:38 http: Accept error: accept tcp 127.0.0.1:9980: accept4: too many open files; retrying in 10ms',
  ];
  const log = parseLines(appLog, siad, { file: 'siad.txt' }).artifact;
  const line = quotedExhaustion(log.exhaustion.samples);
  assert.equal(line?.ev.line, 2);
  assert.equal(logMessage(line!.ev.text!), 'http: Accept error: accept tcp 127.0.0.1:9980: accept4: too many open files; retrying in 10ms');
  // No line opens a record (a wrapped continuation alone): the first is quoted.
  const wrapped = parseLines(appLog, ['data/db/collection-2071-2488305337711612400.wt: Too many open files'], { file: 'm.txt' }).artifact;
  assert.equal(quotedExhaustion(wrapped.exhaustion.samples)?.ev.line, 1);
});

// gh-influxdb-08-proc-fd-count-1023-shard-emfile: log4go's bracketed stamp ends with the zone's
// abbreviation.
test("a bracketed stamp closed by a zone's abbreviation is the stamp, not the message", () => {
  const line =
    '[2015/04/14 15:35:58 BST] [EROR] (github.com/influxdb/influxdb/coordinator.(*RaftServer).CreateShards:750) RAFT: CreateShards: %!(EXTRA *os.PathError=open /archive/influxdb/data/db/shard_db_v2/58987/type: too many open files)';
  assert.match(logMessage(line), /^\[EROR\] \(github\.com\/influxdb/);
  // Only before the closing bracket: a capitalised word after an unbracketed time stays the message's.
  assert.equal(logMessage('2015/04/14 15:35:58 BST open failed: too many open files'), 'BST open failed: too many open files');
});

// gh-nut-upssched-unix-peer-gone: the error quoted as inline code inside the reporter's sentence.
test('a sentence that quotes the error as inline code is quoted by that span', () => {
  const line =
    '> Every ~2-3 days I am getting the following error from NUT, specifically from `upssched`: `upssched[<pid>]: accept on unix fd failed: Too many open files`.';
  assert.equal(logMessage(line), 'upssched[<pid>]: accept on unix fd failed: Too many open files');
  // A span that does not say it ran out is not the message.
  assert.equal(logMessage('open `/tmp/x`: too many open files'), 'open `/tmp/x`: too many open files');
});

// gh-cinnamon-lsof-cant-identify-protocol-run-dialog-pipe (linuxmint/cinnamon#1635): a sentence that
// quotes the error dialog's words in double quotes.
test("a sentence that quotes the error in double quotes is quoted by that quote; a record's quoted parts are not", () => {
  const line =
    'After Cinnamon has been running for some time, I am unable to open or execute any applications. When using the command pop-up ("Please enter a command:"), it says, "Failed to create pipe for communicating with child process (Too many open files)"';
  assert.equal(logMessage(line), 'Failed to create pipe for communicating with child process (Too many open files)');
  // The error's name alone in quotes, a logfmt field, or a stamped record's quote: the line stays whole.
  // (dbeaver#9599's MariaDB error; a logfmt record.)
  const errno = "SQL Error [1018] [HY000]: (conn=14) Can't read dir of './the_db_name/' (errno: 24 \"Too many open files\")";
  assert.equal(logMessage(errno), errno);
  const logfmt = 'level=error msg="accept tcp [::]:80: accept4: too many open files" ts=1';
  assert.equal(logMessage(logfmt), logfmt);
});

// gh-parity-accept-emfile-host-lsof-shell-ulimit, gh-puma-jruby-unidentified-counts,
// gh-mediacloud-pgbouncer-tail-accept-emfile: what a stamp and a writer's pid leave out of the message.
test("a stamp's UTC, a spaced offset closed by a colon, and PgBouncer's pid are not the message", () => {
  assert.equal(
    logMessage('2017-10-15 19:48:55 UTC  ERROR hyper::server  listener accept error Too many open files (os error 24)'),
    'ERROR hyper::server  listener accept error Too many open files (os error 24)',
  );
  assert.equal(
    logMessage('2014-05-28 11:30:40 +0000: Listen loop error: #<IOError: Too many open files>'),
    'Listen loop error: #<IOError: Too many open files>',
  );
  assert.equal(
    logMessage('2017-01-12 14:48:43.088 46529 WARNING sbuf_connect failed: Too many open files'),
    'WARNING sbuf_connect failed: Too many open files',
  );
  assert.equal(
    logMessage('2017-01-12 14:48:43.088 UTC [46529] LOG:  out of file descriptors: Too many open files'),
    'LOG:  out of file descriptors: Too many open files',
  );
  // Near misses: a level word is no zone; a number after the time with no colon is the message's.
  assert.equal(logMessage('2024-03-01 10:00:00 INFO ready'), 'INFO ready');
  assert.equal(logMessage('2024-03-01 10:00:00 +1000 bytes lost: too many open files'), '+1000 bytes lost: too many open files');
});

// canonical/nrpe_exporter#27 (go-kit's logfmt under a journal prefix) and prometheus/node_exporter#627
// (logrus): the header's level, time and caller say who and when; the message starts at `msg=`.
test('a logfmt record: the message after its level, time and caller', () => {
  assert.equal(
    logMessage(
      'Nov 10 19:23:06 juju-733f2f-8-lxd-22 nrpe-exporter[3295]: level=error ts=2022-11-10T19:23:06.696Z caller=nrpe_exporter.go:102 msg="Error dialing NRPE server" err="dial tcp 192.168.1.133:5666: socket: too many open files"',
    ),
    'msg="Error dialing NRPE server" err="dial tcp 192.168.1.133:5666: socket: too many open files"',
  );
  assert.equal(
    logMessage(
      'time="2017-08-16T09:26:30Z" level=error msg="ERROR: stat collector failed after 0.000006s: open /proc/stat: too many open files" source="node_exporter.go:91"',
    ),
    'msg="ERROR: stat collector failed after 0.000006s: open /proc/stat: too many open files" source="node_exporter.go:91"',
  );
  // One key alone is no header: a message may start with `level=`.
  assert.equal(logMessage('level=error: too many open files'), 'level=error: too many open files');
});

// envoyproxy/envoy#13852 (accuracy round 87, gh-envoy-journal-socket2-emfile-assert-4138).
test("Envoy's record: the message after its bracketed time, thread, level, logger and source line", () => {
  assert.equal(
    logMessage(
      'Nov  1 19:22:20 portal envoy[4138]: [2020-11-01 19:22:20.467][4170][critical][assert] [external/envoy/source/common/network/socket_interface_impl.cc:51] assert failure: SOCKET_VALID(result.rc_). Details: socket(2) failed, got error: Too many open files',
    ),
    'assert failure: SOCKET_VALID(result.rc_). Details: socket(2) failed, got error: Too many open files',
  );
  // Without the source line (Envoy before its `[%g:%#]`), and a stamp run into a bracket of another format: only the time goes.
  assert.equal(
    logMessage('[2019-03-27 10:00:00.123][77][critical][main] panic: listener accept failure: Too many open files'),
    'panic: listener accept failure: Too many open files',
  );
  assert.equal(logMessage('[2021-01-01 10:00:00][ERROR] accept failed: Too many open files'), '[ERROR] accept failed: Too many open files');
});

// gluster/glusterfs#1603 (accuracy round 94, gh-glusterfs-brick-posix-opendir-emfile-log): a brick's log.
test("GlusterFS's record: the message after its bracketed time, level letter, message id and source location", () => {
  assert.equal(
    logMessage(
      '[2020-10-10 09:22:56.895077] E [MSGID: 113099] [posix-helpers.c:448:_posix_xattr_get_set] 0-sharing_vol-posix: Opening file /data11/brick_sharing_vol/11101479/workspace/youtube-8m/feature_extractor/download_img/414925.jpg failed [Too many open files]',
    ),
    '0-sharing_vol-posix: Opening file /data11/brick_sharing_vol/11101479/workspace/youtube-8m/feature_extractor/download_img/414925.jpg failed [Too many open files]',
  );
  // Without a message id (glusterd's, gluster/glusterfs#4349), and with the zone newer releases
  // print inside the brackets (gluster/glusterfs#3436).
  assert.equal(
    logMessage(
      '[2024-04-28 08:22:30.622639] W [socket.c:593:__socket_rwv] 0-management: readv on /var/run/gluster/833e2bfc86def78b22b83d30542015ed.socket failed (No data available)',
    ),
    '0-management: readv on /var/run/gluster/833e2bfc86def78b22b83d30542015ed.socket failed (No data available)',
  );
  assert.equal(
    logMessage(
      '[2022-04-14 10:03:38.489435 +0000] E [MSGID: 108028] [afr-open.c:366:afr_is_reopen_allowed_cbk] 0-gv_mail-replicate-1: Failed getlk for ce7605f8-e742-4aad-9b65-9ab41cc7dd7f [File descriptor in bad state]',
    ),
    '0-gv_mail-replicate-1: Failed getlk for ce7605f8-e742-4aad-9b65-9ab41cc7dd7f [File descriptor in bad state]',
  );
  // A level word is no GlusterFS letter: such a line keeps it.
  assert.equal(logMessage('[2021-01-01 10:00:00] ERROR [main.c:10:f] x: y'), 'ERROR [main.c:10:f] x: y');
});

// elastic/beats#6817 (accuracy round 96, gh-filebeat-dns-lookup-emfile-zap-log-no-pid) and
// IrineSistiana/mosdns's zap lines (gh-mosdns-zap-upstream-dial-socket-emfile-no-pid).
test("zap's console record: the message after its time, level and caller", () => {
  assert.equal(
    logMessage(
      '2018-04-10T10:35:26.999Z        WARN    transport/tcp.go:36     DNS lookup failure "logstash304": lookup logstash304: too many open files',
    ),
    'DNS lookup failure "logstash304": lookup logstash304: too many open files',
  );
  assert.equal(
    logMessage('2018-04-10T10:35:27.009Z\tERROR\tpipeline/output.go:74\tFailed to connect: lookup logstash303: too many open files'),
    'Failed to connect: lookup logstash303: too many open files',
  );
  const json =
    '{"query": "v4-vod.kwaicdn.com.3dce113f.c.cdnhwc1.com. IN A 9492 66337 127.0.0.1", "from": "127.0.0.1:5355", "error": "dial udp 127.0.0.1:5355: socket: too many open files"}';
  assert.equal(
    logMessage(`2022-07-02T18:36:24.377+0800\twarn\tbundled_upstream/bundled_upstream.go:93\tupstream failed\t${json}`),
    `upstream failed\t${json}`,
  );
  // A level without a Go caller after it is the message's own word.
  assert.equal(logMessage('WARN accept failed: too many open files'), 'WARN accept failed: too many open files');
});

// gh-bigtable-hbase-client-conf-filenotfound-emfile-jetty: an issue pasted without fences; the
// reporter's sentence says the error too, before the log's exception line.
test("with no line opening a record, the runtime's exception line is quoted before a sentence about the error", () => {
  const lines = [
    'With large load, and emptied bigtable, we will create a lot of tables, and we have a too many open files error.',
    '',
    '[FATAL] 16-09-2015 16:12:43,670 org.apache.hadoop.conf.Configuration loadResource - error parsing conf hbase-site.xml',
    'java.io.FileNotFoundException: /tmp/jetty-0.0.0.0-8080-globulus.war-_globulus-any-7404471105146041798.dir/webapp/WEB-INF/classes/hbase-site.xml (Too many open files)',
    '\tat java.io.FileInputStream.open0(Native Method)',
  ];
  const log = parseLines(appLog, lines, { file: 'issue.md' }).artifact;
  assert.equal(quotedExhaustion(log.exhaustion.samples)?.ev.line, 4);
});

// blog-mastertheboss-java-lsof-mem-row-beside-fd-row: a tutorial opens with a sentence naming the
// error, then quotes the JVM's lines (its page lost the class names: `at Method)`).
test('with no record and no exception head, a line that is no sentence of prose is quoted before one', () => {
  const lines = [
    'Scenario: Your application log displays the error message “Too many Open Files“. As a result, application requests are failing and you need to restart the application. In some cases, you also need to reboot your machine. In this article we will discuss File handling best practices and how to prevent File leaks in Java with proper resource management.',
    '',
    'Facts: The JVM console (or log file) contains the following error: filename (Too many open files)',
    'at Method)',
    '',
    'Or: Too many open files',
    '    at Method)',
  ];
  const log = parseLines(appLog, lines, { file: 'transcript.md' }).artifact;
  assert.equal(quotedExhaustion(log.exhaustion.samples)?.ev.line, 3);
  // Prose alone: its first line is still quoted.
  const prose = parseLines(appLog, [lines[0]], { file: 'p.md' }).artifact;
  assert.equal(quotedExhaustion(prose.exhaustion.samples)?.ev.line, 1);
});

test("logrus's terminal format opens a record: it is quoted before a reporter's sentence naming the error (clash#177)", async () => {
  const { analyzeBundle } = await import('../../src/analysis.js');
  const { CASES_DIR } = await import('../accuracy/score.js');
  const { join } = await import('node:path');
  const r = (await analyzeBundle(join(CASES_DIR, 'gh-clash-openwrt-lsof-tid-row-ipv6-loop-socket-emfile-zh', 'transcript.md'))).result;
  assert.equal(r.suspects[0].pid, 25589);
  assert.match(r.suspects[0].ranOut?.message ?? '', /^WARN\[0052\] Proxy\[DIRECT\] connect .* socket: too many open files$/);
});

test('a record a JSON writer escaped: the message ends at the first escaped break, once it says it ran out (RxNetty#316)', () => {
  assert.equal(
    logMessage('java.io.FileNotFoundException: /home/c/resources/static/user/index.html (Too many open files)\\n\\t'),
    'java.io.FileNotFoundException: /home/c/resources/static/user/index.html (Too many open files)',
  );
  assert.equal(
    logMessage('java.io.IOException: Too many open files\\n\\tat sun.nio.ch.Net.accept(Native Method)\\n\\t'),
    'java.io.IOException: Too many open files',
  );
  // The escapes before the error's words are kept: the line up to them says nothing yet.
  const wrapped = 'Exception in thread "main"\\n\\tjava.io.IOException: Too many open files';
  assert.equal(logMessage(wrapped), wrapped);
});
