// Which text says a process ran out of fds (EMFILE) or the host did (ENFILE): the words each
// runtime, libc, kernel and server prints for it. app-log.ts reads logs with them; the model quotes
// the lines they match. Every pattern is anchored or literal, its repeats bounded (linear on any line).
import { OCAML_EMFILE, OCAML_ENFILE } from './ocaml-errnos.js';
import { LOCALIZED_EMFILE, LOCALIZED_ENFILE } from './strerror-locales.js';
import { MADE_FD_CALLS } from './strace/calls.js';
import { ERRNO_NAMES, MUSL_EMFILE, RETYPED_EMFILE, TOO_MANY_OPEN_FILE } from '../bundle/bare-traces.js';

// "Too many open files" is EMFILE's text, "... in system" ENFILE's; kernels print "VFS: file-max
// limit N reached"; nginx `(24: Too many open files)`, Go `accept4: too many open files`.
// The errno names only in capitals: `emfile.py` or a folder `enfile/` is not an error — except as
// the BEAM (Erlang, Elixir) writes them, an atom in its error terms: `File operation error: emfile.`
// (erl_prim_loader), `{error,emfile}`, `Erlang error: :emfile`, `{file_error,"./data/x",emfile}`.
// musl libc (Alpine images) spells EMFILE "No file descriptors available": nginx's `accept4() failed
// (24: No file descriptors available)`.
// lager prints a reason after "due to" (VerneMQ's `can't load acl file "/etc/vernemq/vmq.acl" due to
// emfile`); Ranch, the acceptor pool of RabbitMQ, Cowboy and EMQX, says `Ranch acceptor reducing
// accept rate: out of file descriptors` when accept() fails with EMFILE. HAProxy logs `Proxy tcp-443
// reached process FD limit (maxsock=37563)` when accept() fails with EMFILE, `… reached system FD
// limit` with ENFILE. 389 Directory Server's accept thread (ns-slapd, and the Red Hat and Fedora
// Directory Servers before it) stops accepting when its connection table holds every descriptor it
// may use (the fd limit less nsslapd-reservedescriptors) and logs `ERR - accept_thread - Not
// listening for new connections - too many fds open` (389ds/389-ds-base#7377; older releases and
// the RHDS manuals: `Not listening for new connections -- too many fds open`): the server ran out of
// its fds. Its `Listening for new connections again` says the opposite and is not matched.
// An exit value whose reason is the atom (`{emfile,[{erlang,open_port,[…]}]}`: os_mon's cpu_sup could
// not spawn its port program); esockd, EMQX's acceptor, counts its failed accepts: `acceptor on
// 0.0.0.0:1883 suspend 100(ms) for 2600 emfile errors!!!`. ejabberd's listener before 18.x printed
// the reason of a failed accept as the atom itself (`Failed TCP accept: emfile`), and an Erlang
// process that exits for it says `{shutdown, emfile}` (EMQX's `EXIT: {shutdown, emfile}`).
// A program that logs a failed call's reason with `~p` after a colon prints the atom as the last
// word of its line: OTP logger's `2026-12-07T19:06:55.367824+00:00 error: dispatcher: job 121:
// open_port failed: emfile` (open_port/2 raising it); only at the line's end, so that a word in
// prose (`the accept: emfiles list`, `emfile.erl`) is not one.
// lager (Riak, RabbitMQ before 3.7, VerneMQ, old EMQX) words a crash whose reason is `{emfile, Trace}`
// in its own text, not the atom: `gen_server memsup terminated with reason: maximum number of file
// descriptors exhausted, check ulimit -n` (basho/riak#267), as do its ports' formatters (flatlog).
// RabbitMQ (before 3.13) raises its file descriptor alarm when its file handle cache has handed out
// every fd its limit allows for connections, and logs it under a warning report: `=WARNING
// REPORT==== 16-Nov-2015::10:47:53 ===` then `file descriptor limit alarm set.` and its banner `***
// New connections will not be accepted until this alarm clears ***` (alphagov/fabric-scripts#188):
// the broker ran out of its fds. `… alarm cleared.` says the opposite and is not matched.
// Elixir inspects the same tuple with its atoms' colons: `{:error, :emfile}` (a Task's `** (MatchError)
// no match of right hand side value: {:error, :emfile}`, dogstatsd-elixir's UDP send). Elixir's HTTP
// clients wrap the reason in an error struct, inspected with its field: HTTPoison's and Mint's
// `%HTTPoison.Error{id: nil, reason: :emfile}`, `%Mint.TransportError{reason: :emfile}`, HTTPotion's
// `%HTTPotion.HTTPError{message: "emfile"}` (evercam/evercam-server#81).
// glibc's texts in other locales (`java.io.IOException: Zu viele offene Dateien`) are in
// strerror-locales.ts; OCaml's `Unix.Unix_error(15, "socket", "")` (EMFILE by its index) in
// ocaml-errnos.ts.
// .NET's FileSystemWatcher on Linux throws, when inotify_init fails with EMFILE, its own message
// instead of strerror's: `System.IO.IOException: The configured user limit (128) on the number of
// INotify instances has been reached.` (newer runtimes say `inotify` and add ", or the per-process
// limit on the number of open file descriptors has been reached"): the user's inotify instances
// (fs.inotify.max_user_instances) or the process's fds ran out.
// Chromium's base library (Chrome, and the CEF, Electron and NW.js apps built on it) logs its own
// words when dup() of a new shared-memory file fails with EMFILE: `[1210/223530:WARNING:
// shared_memory_posix.cc(386)] Shared memory creation failed; out of file descriptors` (Steam's web
// views).
// glibc's dynamic loader, failing before strerror can be used, prints the errno's number:
// `id: error while loading shared libraries: libc.so.6: cannot open shared object file: Error 24`,
// `… libncursesw.so.6: cannot close file descriptor: Error 24`: the library, the step, the errno
// (EMFILE; `Error 23` is ENFILE) — a fresh process meeting a table something else filled.
// The JDK, when fork or exec of a child fails (ProcessBuilder.start, Runtime.exec), throws an
// IOException of its own format, `error=%d, %s` — the errno's number, then strerror's text:
// `java.io.IOException: Cannot run program "p4" (in directory "…"): java.io.IOException: error=24,
// Too many open files` (JDK 6; JDK 7 and later drop the inner class name). The number alone says it
// (24 EMFILE, 23 ENFILE) when the text after it is cut or folded onto the next line (OpenGrok
// Bugzilla #18227's `error=24, Too ma`, then `ny open files`, at a tracker's 80-column fold).
// After `Cannot run program "p4"` the number follows the program's closing quote, or the parenthesis
// closing `(in directory "…")`: matched there, without scanning back over the line.
const JAVA_SPAWN_ERRNO = /IOException: error=2[34]\b|"\)?: error=2[34]\b/;
const JAVA_SPAWN_ENFILE = /IOException: error=23\b|"\)?: error=23\b/;
// C programs that print the errno's number with the word errno, not strerror's text: csync's
// `opendir failed for [...] (errno 24)` (the ownCloud client, owncloud/client#430), abseil's
// symbolizer `/proc/self/task/4138/maps: errno=24`, `errno: 24`. Every Unix numbers EMFILE 24 and
// ENFILE 23 (Linux, the BSDs, macOS, Solaris), so the number alone says which ran out.
const ERRNO_NUMBER = /\b[Ee]rrno ?[=:]? ?2[34]\b/;
const ERRNO_NUMBER_ENFILE = /\b[Ee]rrno ?[=:]? ?23\b/;
// nfs-ganesha reports an error of the exported file system that it hands the client as an NFS
// error by its own format, the errno's number, no strerror text: `nfs4_Errno_verbose :NFS4 :CRIT
// :Error I/O error with error code 24 in file_To_Fattr converted to NFS4ERR_IO but was set
// non-retryable` (nfs-ganesha#1092; NFSv3's `nfs3_Errno_verbose` says `NFS3ERR_`). 24 is EMFILE,
// 23 ENFILE, as for ERRNO_NUMBER: ganesha itself ran out while opening a file it serves.
const GANESHA_ERRNO = / with error code 2[34] in \w{1,64} converted to NFS[34]?ERR_/;
const GANESHA_ENFILE = / with error code 23 in \w{1,64} converted to NFS[34]?ERR_/;
// The MySQL and MariaDB client library (libmysqlclient, Connector/C) reports a failed socket() by
// its own message with the errno's number in parentheses, strerror's text left out: error 2004
// `Can't create TCP/IP socket (24)` (CR_IPSOCK_ERROR), 2001 `Can't create UNIX socket (24)`
// (CR_SOCKET_CREATE_ERROR) — ProxySQL's `Failed to mysql_real_connect() on 10.128.19.218:3306 , FD
// (Conn:0 , MyDS:0) , 2004: Can't create TCP/IP socket (24).`, a PHP or Python client's error 2004.
// 24 is EMFILE, 23 ENFILE, as for ERRNO_NUMBER.
const MYSQL_SOCKET_ERRNO = /Can't create (?:TCP\/IP|UNIX) socket \(2[34]\b/;
const MYSQL_SOCKET_ENFILE = /Can't create (?:TCP\/IP|UNIX) socket \(23\b/;
// Hyprland's crash report runs a command for each of its sections (GPU, os-release, ...) through a
// signal-safe writer that prints a failed pipe() as `<pipe(pipefd) failed with` and the errno's
// number, no space, no strerror (hyprwm/Hyprland#16093: `GPU:` then `<pipe(pipefd) failed with24>`):
// the compositor had no fd left for the pipe. 24 is EMFILE, 23 ENFILE, as for ERRNO_NUMBER.
const HYPRLAND_PIPE_ERRNO = /<pipe\(pipefd\) failed with ?2[34]>/;
const HYPRLAND_PIPE_ENFILE = /<pipe\(pipefd\) failed with ?23>/;
// valgrind keeps the top of the fd table for itself and refuses its client any fd there: when a
// call that makes an fd is handed one at or over the client's limit, valgrind closes it, fails the
// call with EMFILE and warns `==22391== Warning: invalid file descriptor 1031 in syscall openat()`
// (ros/ros_comm#1419's rosbag; LTP pipe07's `… 1030 in syscall pipe2()`, then `errno == EMFILE`).
// Only the calls that make an fd say that: the same warning for a call handed a bad fd as an
// argument (`… -1 in syscall close()`, a closefrom loop's `… 1048564 in syscall close()`) is EBADF.
// The calls are strace/calls.ts's list of those that make an fd, and dup, whose copy valgrind
// checks as a new fd too.
const VALGRIND_NEW_FD = new RegExp(
  `Warning: invalid file descriptor \\d{1,10} in syscall (?:socketcall\\.)?(?:${[...MADE_FD_CALLS, 'dup'].join('|')})\\(\\)`,
);
// XNU (macOS) logs `file: table is full` (its tablefull("file")) when falloc finds the host's file
// table (kern.maxfiles) full: ENFILE, the kernel's own line (macOS Console's `kernel[0]: `).
const XNU_FILE_TABLE_FULL = /\bfile: table is full\b/;
const LOADER_ERRNO = /error while loading shared libraries: [^\n:]{1,300}: [a-z ]{1,80}: Error 2[34]$/;
// A one-shot file command's own error line, GNU's and busybox's `PROGRAM: message` (gfarm#203's
// `mv: accessing `B': Too many open files`, `ls: cannot open directory .: Too many open files`): a
// program that had just started and opened a file or two met a full table rather than filled it —
// one it inherited, or a file server's (FUSE) whose EMFILE came back through the mount — as the
// loader's line says. Long-running ones (`tail -f`) fill nothing of their own either: a file each.
const ONE_SHOT_TOOL =
  /^\s{0,16}(ls|cp|mv|rm|ln|cat|touch|mkdir|rmdir|chmod|chown|chgrp|stat|head|tail|du|df|find|tar|sort|tee|dd|install|readlink|realpath|grep|sed|wc|file): /;

/**
 * Who met a full table at its start, said on a line: glibc's loader (`… Error 24`), or a one-shot
 * file command by its name (`mv: accessing …: Too many open files`); null for any other line.
 */
export function justStartedReporter(text: string): string | null {
  if (LOADER_ERRNO.test(text)) return 'the dynamic loader';
  const tool = ONE_SHOT_TOOL.exec(text)?.[1];
  return tool ? `\`${tool}\`, a one-shot command` : null;
}
const LOADER_ENFILE = /error while loading shared libraries: [^\n:]{1,300}: [a-z ]{1,80}: Error 23$/;
// A line cut at the terminal's width inside ENFILE's words (journalctl's pager marks the cut with
// `>`: telegraf#12813's `open …/memory.limit_in_bytes: too many open files in sys>`) is ENFILE's.
const CUT_ENFILE = /[Ff]iles in (?:s|sy|sys|syst|syste)(?:>|…|\.\.\.)?$/;
const CHROMIUM_SHM_EMFILE = /Shared memory creation failed; out of file descriptors/;
// Prosody's select() backend (net/server_select.lua, its default before 0.12) watches fds below
// FD_SETSIZE only: handed a new connection's fd at or above it, it closes the connection and logs
// `server.lua: Disallowed FD number: 1024` (jitsi/docker-jitsi-meet#248, 1000+ BOSH users): the
// server had no fd left that it may use — its limit is 1024 whatever `ulimit -n` says.
const PROSODY_SELECT_FD = /\bDisallowed FD number: \d{1,7}\b/;
// Android's SQLite (Samsung's builds) names the errno inside its own extended code when a database
// file cannot be opened for want of an fd, in a banner of its own and never with EMFILE's text:
// `E AndroidRuntime: Error Code : 2062 (SQLITE_CANTOPEN_EMFILE)` (Signal-Android#6284,
// AdguardForAndroid#1659), `Caused By : Application has opened two many files. Maximum of available
// file descriptors in one process is 1024 in default.`
const SQLITE_CANTOPEN_EMFILE = /\bSQLITE_CANTOPEN_EMFILE\b|\bApplication has opened two many files\b/;
const DOTNET_INOTIFY_LIMIT = /\bconfigured user limit \(\d{1,12}\) on the number of [Ii][Nn]otify instances has been reached/;
// Dovecot (lib/ioloop-notify-inotify.c) warns in its own words when inotify_init() fails with
// EMFILE, and stops watching mailboxes: `imap(user@example.org): Warning: Inotify instance limit for
// user 5000 (UID vmail) exceeded, disabling. Increase /proc/sys/fs/inotify/max_user_instances`
// (mailcow/mailcow-dockerized#453; `… for user UID 1000 exceeded …` when the uid has no name): the
// user's inotify instances (fs.inotify.max_user_instances) ran out, or the process's fds did.
const DOVECOT_INOTIFY_LIMIT = /\bInotify instance limit for user (?:UID )?\d{1,10}(?: \(UID [^()\n]{1,64}\))? exceeded\b/;
const BEAM_ERRNO =
  /File operation error: e[mn]file\b|\{:?error, ?:?e[mn]file\}|[Ee]rror: :e[mn]file\b|,e[mn]file\}|^\{e[mn]file,|\bfor \d{1,12} e[mn]file errors\b|\bdue to e[mn]file\b|\baccept: e[mn]file\b|: e[mn]file\.?\s{0,8}$|\{shutdown, ?e[mn]file\}|accept rate: out of file descriptors|maximum number of file descriptors exhausted|\bfile descriptor limit alarm set\b|\breason: :e[mn]file\b|\bmessage: "e[mn]file"/;
// strerror's words as people retype them (RETYPED_EMFILE, bare-traces.ts); the last letter dropped,
// `Too many open file`, is read by `open [Ff]ile`.
export const EXHAUSTION = new RegExp(
  `${TOO_MANY_OPEN_FILE}|${RETYPED_EMFILE.source}|TOO MANY OPEN FILES|${MUSL_EMFILE}|Not listening for new connections -{1,2} too many fds open|${ERRNO_NAMES}|file-max limit \\d+ reached|[Ff]ile table overflow|${XNU_FILE_TABLE_FULL.source}|reached (?:process|system) FD limit|${LOADER_ERRNO.source}|${JAVA_SPAWN_ERRNO.source}|${ERRNO_NUMBER.source}|${GANESHA_ERRNO.source}|${MYSQL_SOCKET_ERRNO.source}|${HYPRLAND_PIPE_ERRNO.source}|${VALGRIND_NEW_FD.source}|${DOTNET_INOTIFY_LIMIT.source}|${DOVECOT_INOTIFY_LIMIT.source}|${CHROMIUM_SHM_EMFILE.source}|${PROSODY_SELECT_FD.source}|${SQLITE_CANTOPEN_EMFILE.source}|${BEAM_ERRNO.source}|${LOCALIZED_EMFILE.source}|${OCAML_EMFILE.source}|${OCAML_ENFILE.source}`,
);
export const ENFILE = new RegExp(
  `in system|reached system FD limit|${XNU_FILE_TABLE_FULL.source}|${LOADER_ENFILE.source}|${JAVA_SPAWN_ENFILE.source}|${ERRNO_NUMBER_ENFILE.source}|${GANESHA_ENFILE.source}|${MYSQL_SOCKET_ENFILE.source}|${HYPRLAND_PIPE_ENFILE.source}|${CUT_ENFILE.source}|\\bENFILE\\b|file-max limit|[Ff]ile table overflow|error: :?enfile\\b|\\{:?error, ?:?enfile\\}|,enfile\\}|^\\{enfile,|\\bfor \\d{1,12} enfile errors\\b|due to enfile\\b|\\baccept: enfile\\b|: enfile\\.?\\s{0,8}$|\\{shutdown, ?enfile\\}|\\breason: :enfile\\b|\\bmessage: "enfile"|${LOCALIZED_ENFILE.source}|${OCAML_ENFILE.source}`,
);

/** Whether a line says a process ran out, and of which: EMFILE (its own table) or ENFILE (the host's). */
export function ranOutErrno(text: string): 'EMFILE' | 'ENFILE' | null {
  if (!EXHAUSTION.test(text)) return null;
  return ENFILE.test(text) ? 'ENFILE' : 'EMFILE';
}

/** How much of a line a quote keeps (ref clips at 300), and of its start before an elision. */
const QUOTE_LENGTH = 297;
const QUOTE_HEAD = 120;

/**
 * A long line quoted so that it keeps what says it ran out: a log record whose "too many open
 * files" comes after a long key or a stack (promtail's `msg=... key="{container_id=...}"
 * error="...: too many open files"`) keeps its start (time, program, pid), then ` … ` and the
 * stretch that ends just after the words. A line that says it early is quoted as it is.
 */
export function exhaustionQuote(text: string): string {
  if (text.length <= QUOTE_LENGTH) return text;
  const m = EXHAUSTION.exec(text);
  if (!m) return text;
  const end = Math.min(text.length, m.index + m[0].length + 40);
  if (end <= QUOTE_LENGTH) return text;
  const from = Math.max(QUOTE_HEAD, end - (QUOTE_LENGTH - QUOTE_HEAD - 3));
  return `${text.slice(0, QUOTE_HEAD)} … ${text.slice(from, end)}`;
}
