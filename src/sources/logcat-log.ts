// Android's logcat (`adb logcat`, `logcat` in an `adb shell`; on a device the journal may carry it
// too, as adbd's own lines do), in the three shapes issue threads paste:
//   threadtime (adb's default)  `02-01 09:21:11.921  3649  3796 E com.network.proxy.vpn.ProxyVpnThread: Too many open files`
//                               `01-30 15:32:08.920   583   583 E adbd    : shell_service.cpp:139 cannot create socket pair: …`
//   brief (`-v brief`)          `E/Parcel  (11944): fcntl(F_DUPFD_CLOEXEC) failed in Parcel::read, … error: Too many open files`
//   Android Studio's window     `06-24 07:33:04.513 24171-1946/org.loklak.android.wok E/art: ashmem_create_region failed …`
//                               (`2021-06-17 15:36:26.140 10277-10277/com.test.app I/TAG: …`, `/?` when the package is unknown)
// The first number is the writing process's pid; threadtime's second and Studio's number after the
// dash are its thread's (gettid()), which brief does not print. The tag names a class, a library or
// the program, so it is not taken for the program's name.
// A paste may put something before the record on its line: the number a log viewer or `cat -n` /
// `grep -n` gives each line (`37305 W/System.err( 7350): …`, `  12\t…`, `12:…`), or the backticks
// opening an inline code span (``` ``` 06-24 07:33:04.513 24171-1946/org.app E/art: …```. ```). The
// record after it is read as if it began the line.

const TIME = String.raw`(?:\d{4}-)?\d\d-\d\d \d\d:\d\d:\d\d\.\d{3}`;
/** What threadtime prints after the time: `  583   583 E adbd    : ` (pid, tid, level, tag and colon). */
const THREADTIME_HEADER = String.raw` {0,8}(\d{1,9}) {1,8}(\d{1,9}) [VDIWEFA] [^:]{0,128}: `;
/** What Android Studio prints after the time: `24171-1946/org.loklak.android.wok E/art: `. */
const STUDIO_HEADER = String.raw` {0,8}(\d{1,9})-(\d{1,9})\/[\w.:?-]{1,128} [VDIWEFA]\/[^:]{0,128}: `;
const THREADTIME = new RegExp(`^${TIME} ${THREADTIME_HEADER}`);
const STUDIO = new RegExp(`^${TIME} ${STUDIO_HEADER}`);
const HEADER = new RegExp(`^(?:${THREADTIME_HEADER}|${STUDIO_HEADER})`);
const BRIEF = /^[VDIWEFA]\/[^(\s][^(]{0,127}\( {0,8}(\d{1,9})\): /;
/** A paste's decoration before a record: a line number (` 37305 `, `12\t`, `12:`) or an inline code span's opening backticks. */
const PASTE_PREFIX = /^(?: {0,8}\d{1,9}(?:[ \t]|:)|`{1,3} ?)/;

/** The writing process (and thread, where the format prints it) of a logcat record; null for any other line. */
export function logcatSource(text: string): { pid: number; tid?: number } | null {
  return recordSource(text) ?? recordSource(text.replace(PASTE_PREFIX, ''));
}

function recordSource(text: string): { pid: number; tid?: number } | null {
  const m = THREADTIME.exec(text) ?? STUDIO.exec(text);
  if (m) {
    const pid = Number(m[1]);
    const tid = Number(m[2]);
    if (pid <= 0) return null;
    return tid > 0 ? { pid, tid } : { pid };
  }
  const brief = BRIEF.exec(text);
  const pid = brief ? Number(brief[1]) : 0;
  return pid > 0 ? { pid } : null;
}

/** The pid of a logcat line; undefined for any other line. */
export function logcatPid(text: string): number | undefined {
  return logcatSource(text)?.pid;
}

/**
 * A logcat record's message: from what follows its time (`  583   583 E adbd    : msg`,
 * `24171-1946/org.app E/art: msg` → `msg`), or from a brief-format line (`E/Parcel  (11944): msg`
 * → `msg`); other text as it is.
 */
export function afterLogcatHeader(rest: string): string {
  const m = HEADER.exec(rest) ?? BRIEF.exec(rest);
  return m ? rest.slice(m[0].length) : rest;
}
