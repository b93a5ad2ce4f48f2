// A program's own report, at start, of an fd it found open and did not open itself: LVM's tools
// close every fd above 2 they were given and say which, naming the process that ran them
// (lvmcmdline.c, `_close_descriptor`; libdaemon/server/daemon-stray.h since 2.03.24):
//   File descriptor 4 (/dev/null) leaked on lvm invocation. Parent PID 470913: /bin/bash
//   File descriptor 63 (pipe:[30340]) leaked on lvs invocation. Parent PID 14800: bash
//   File descriptor 56 (/dev/pts/12) leaked on vgs invocation. Parent PID 23929: /usr/sbin/grub-probe
// The fd crossed fork and execve into the tool: its parent held it without close-on-exec. The
// line is found anywhere in a line (after a syslog prefix, `# ` in a write-up, or inside a
// program's log of the tool's stderr: `Stderr: u'File descriptor 20 (/dev/urandom) leaked on
// lvcreate invocation. Parent PID 769: /usr/bin/python2\n  Thin pool ...'`). The parent's name is
// the first 31 (63) bytes of its /proc/PID/cmdline up to the first NUL: argv[0], maybe empty.
import type { EvidenceRef } from '../types.js';
import { keep, ref } from '../types.js';

export interface StrayFdReport {
  fd: number;
  /** What the fd's /proc link read in the tool (`/dev/null`, `pipe:[30340]`); '' when unreadable. */
  path: string;
  /** The tool that reported it (`lvm`, `vgs`, `lvcreate`). */
  program: string;
  parentPid: number;
  /** argv[0] of the parent as the tool printed it (`/bin/bash`, `-bash`); absent when it printed none. */
  parentCommand?: string;
  ev: EvidenceRef;
}

const OPENING = /File descriptor (\d{1,9}) \(/;
const LEAKED = ') leaked on ';
/** The rest after the path: `lvm invocation. Parent PID 470913: /bin/bash`. */
const TAIL = /^([\w.+-]{1,64}) invocation\. Parent PID (\d{1,9}):(?: ([^\s\\'"]{1,256}))?/;

/** The report a line carries, or null. Linear: one search for the opening, one indexOf, one anchored match. */
export function strayFdReport(text: string, file: string, line: number): StrayFdReport | null {
  const open = OPENING.exec(text);
  if (!open) return null;
  const from = open.index + open[0].length;
  const close = text.indexOf(LEAKED, from);
  // A path is at most PATH_MAX (4096) bytes.
  if (close === -1 || close - from > 4096) return null;
  const tail = TAIL.exec(text.slice(close + LEAKED.length, close + LEAKED.length + 400));
  if (!tail) return null;
  const out: StrayFdReport = {
    fd: Number(open[1]),
    path: keep(text.slice(from, close)),
    program: keep(tail[1]),
    parentPid: Number(tail[2]),
    ev: ref(file, line, text),
  };
  if (tail[3]) out.parentCommand = keep(tail[3]);
  return out;
}

/** Cheap test for detection: the words every such report has. */
export function isStrayFdReport(text: string): boolean {
  return text.includes(LEAKED) && strayFdReport(text, '', 0) !== null;
}

/**
 * Jenkins's words when a build step's process exited while a process it started still held the
 * step's output pipe (the agent waits for the pipe's end, which a daemon the step left running keeps
 * open: it inherited the write end without close-on-exec or a redirect). It names neither the
 * process nor its pid; newer Jenkins points at jenkins.io, older at the wiki:
 *   Process leaked file descriptors. See https://jenkins.io/redirect/troubleshooting/process-leaked-file-descriptors for more information
 *   Process leaked file descriptors. See http://wiki.jenkins-ci.org/display/JENKINS/Spawning+processes+from+build for more information
 * At a line's start, after the timestamper plugin's time if any (`23:21:48 Process leaked …`).
 */
const KEPT_OUTPUT_PIPE = 'Process leaked file descriptors.';
/** What may precede it: blanks, a time, brackets. */
const BEFORE_KEPT = /^[\s\d:.,[\]TZ+-]{0,40}$/;

export function isKeptOutputPipeReport(text: string): boolean {
  const at = text.indexOf(KEPT_OUTPUT_PIPE);
  return at !== -1 && BEFORE_KEPT.test(text.slice(0, at));
}

/**
 * liblxc's own closing, at a container's start, of each fd above 2 it was handed (start.c,
 * `lxc_check_inherited`): the program that started it (`lxc-start`'s caller, LXD's
 * `lxd forkstart`) held the fd without close-on-exec. lxc 2 says `Closed inherited fd: 4.`,
 * later ones `Closed inherited fd 4`, after the log's own prefix:
 *   lxc imp1 20220110170207.475 INFO     start - start.c:lxc_check_inherited:337 - Closed inherited fd 4
 *   lxc-start 20170716154158.548 INFO     lxc_start - start.c:lxc_check_inherited:235 - Closed inherited fd: 4.
 * No line names the parent or its pid.
 */
const LXC_CLOSED_INHERITED = /lxc_check_inherited:\d{1,6} - Closed inherited fd:? (\d{1,9})\b/;

/** The fd liblxc says it closed as inherited, or -1. */
export function lxcClosedInheritedFd(text: string): number {
  const m = LXC_CLOSED_INHERITED.exec(text);
  return m ? Number(m[1]) : -1;
}
