// The folder a shell prompt shows, and what an `ls` typed at it lists. An on-call engineer often
// changes into a process's /proc folder and lists it there (`cd /proc/2000/fd`, then `ls -al`):
// only the prompt says which process's fds the listing shows.

/** bash's `user@host:DIR$` / `user@host:DIR#` (OpenWrt's `root@OpenWrt:/proc/1234/fd# `). */
const USER_HOST_DIR = /^(?:\([\w.-]{1,40}\) )?(?:I have no name!|[\w.-]{1,40})@[\w.-]{1,64}:(\/[^\s$#]{0,200})\s?[$#]/;
/**
 * busybox ash's `\w \$` prompt on embedded systems: an absolute place, a blank, the sign (`/proc/2000/fd # `);
 * bash's `\w\$` has no blank (`/proc/1075119/fd# `: root's, the user and host left out of PS1).
 */
const PLACE_SIGN = /^(\/[^\s$#>]{0,200}) ?[$#]\s/;
/**
 * Gentoo's default prompt, `\h \w \$`: the host, a blank, the place, a blank, the sign
 * (`nas /proc/18771/fd # ls -al`, DynamoRIO/dynamorio#2884).
 */
const HOST_PLACE_SIGN = /^[\w.-]{1,64} (\/[^\s$#>]{0,200}) [$#]\s/;
/** Android's `adb shell` prompt (mksh): `host:DIR #` / `host:DIR $` (`generic_x86:/proc/10003/fd # `). */
const HOST_DIR = /^[\w.-]{1,64}:(\/[^\s$#>]{0,200}) ?[$#]\s/;

/**
 * bash's default `[user@host DIR]# ` (RHEL, CentOS: `\W`) shows only the folder's last name; the
 * name `proc` is /proc (`[root@flt-master proc]# ls 23401/fd | wc -l`). Any other last name says
 * no absolute folder.
 */
const BRACKET_PROC = /^\[[\w.-]{1,40}@[\w.-]{1,64} proc\] ?[$#]/;

/** The absolute folder a prompt line shows (the line is a command at a prompt); null when it shows none. */
export function promptDir(line: string): string | null {
  const text = line.trimStart();
  if (BRACKET_PROC.test(text)) return '/proc';
  return (USER_HOST_DIR.exec(text) ?? PLACE_SIGN.exec(text) ?? HOST_DIR.exec(text) ?? HOST_PLACE_SIGN.exec(text))?.[1] ?? null;
}

/** `23401/fd`, `23401/fd/`: a pid's fd folder named relative to /proc. */
const PID_FD_RELATIVE = /^(\d{1,10})\/fd\/?$/;

/**
 * An `ls` standing in /proc that names a pid's fd folder relatively (`ls 23401/fd | wc -l`, typed
 * again and again to watch a count) lists `/proc/23401/fd`: said with its absolute path, every
 * reader of `ls /proc/PID/fd` reads it. Null when the command is no such `ls`.
 */
function inProc(command: string): string | null {
  const [first, ...rest] = command.split('|');
  const words = first.trim().split(/\s+/);
  if (words[0] !== 'ls' || !words.some((w) => PID_FD_RELATIVE.test(w))) return null;
  const absolute = words.map((w) => (PID_FD_RELATIVE.test(w) ? `/proc/${w}` : w)).join(' ');
  return [absolute, ...rest.map((part) => part.trim())].join(' | ');
}

/** A file of a process's /proc folder named by its bare name (`limits`, `status`, `./limits`). */
const PROC_FILE_RELATIVE = /^(?:\.\/)?([a-z_]{1,20})$/;

/**
 * A `cat` (or `head`) of a bare file name typed in a process's /proc folder (`cd /proc/8353/`, then
 * `# cat limits`) reads that process's file: said with its absolute path (`cat /proc/8353/limits`),
 * every reader of `/proc/PID/…` reads it. Null when the command is no such `cat`, or `dir` is the fd folder.
 */
function inPidDir(command: string, dir: string): string | null {
  const pidDir = /^(\/proc\/\d{1,10})\/?$/.exec(dir)?.[1];
  if (!pidDir) return null;
  const [first, ...rest] = command.split('|');
  const words = first.trim().split(/\s+/);
  if ((words[0] !== 'cat' && words[0] !== 'head') || words.length < 2) return null;
  const names: string[] = [];
  for (const word of words.slice(1)) {
    const name = PROC_FILE_RELATIVE.exec(word)?.[1];
    if (!name) return null;
    names.push(`${pidDir}/${name}`);
  }
  const absolute = [words[0], ...names].join(' ');
  return [absolute, ...rest.map((part) => part.trim())].join(' | ');
}

/**
 * The command as run in `dir`: in /proc, an `ls` of `PID/fd` (see inProc); an `ls` of no absolute path, run in a process's /proc folder (the
 * prompt shows it, a `cd` before it, or a `pwd` that printed it), lists that folder. Said with its `cd`, the pid is in the
 * command, where every reader of commands looks.
 */
export function inDir(command: string, dir: string | null): string {
  if (dir === '/proc' || dir === '/proc/') return inProc(command) ?? command;
  if (!dir || !/^\/proc\/\d+(?:\/fd)?\/?$/.test(dir)) return command;
  const file = inPidDir(command, dir) ?? fdFolderIn(command, dir);
  if (file) return file;
  const first = command.split('|')[0].trim().split(/\s+/);
  if (!isLs(first[0]) || first.slice(1).some((w) => w.startsWith('/'))) return command;
  return `cd ${dir} && ${command}`;
}

/**
 * `ls`, or `ll`: the long listing nearly every distribution's shell profile aliases (`ls -alF`, `ls -l`,
 * or eza's), which lists a folder as `ls -l` does.
 */
function isLs(word: string | undefined): boolean {
  return word === 'ls' || word === 'll';
}

/** `fd`, `fd/`, `./fd`: the fd folder named from its process's /proc folder. */
const FD_RELATIVE = /^(?:\.\/)?fd\/?$/;

/**
 * An `ls` (or `ll`) of `fd` typed in a process's /proc folder (`root@X570GP:/proc/5572 # ll fd`, MPD#2363)
 * lists `/proc/5572/fd`: said with its absolute path. Null when the command is no such `ls`, or `dir`
 * is the fd folder itself.
 */
function fdFolderIn(command: string, dir: string): string | null {
  const pidDir = /^(\/proc\/\d{1,10})\/?$/.exec(dir)?.[1];
  if (!pidDir) return null;
  const [first, ...rest] = command.split('|');
  const words = first.trim().split(/\s+/);
  if (!isLs(words[0]) || !words.some((w) => FD_RELATIVE.test(w))) return null;
  const absolute = words.map((w) => (FD_RELATIVE.test(w) ? `${pidDir}/fd` : w)).join(' ');
  return [absolute, ...rest.map((part) => part.trim())].join(' | ');
}

/** `cd /proc/40995/fd` on a line of its own: into a process's /proc folder. */
const CD_INTO_PROC = /^cd\s+\/proc\/\d{1,10}(?:\/fd)?\/?$/;

/**
 * A `cd` into a process's /proc folder typed without a prompt, inside a block whose other commands
 * may have one (`# ps aux | grep wazuh-db`, its row, then `cd /proc/40995/fd` and `ls`): no output
 * prints such a line, so it is a command, whatever it follows.
 */
export function isBareCdIntoProc(line: string): boolean {
  return CD_INTO_PROC.test(line.trim());
}

/**
 * `cd` prints nothing when it succeeds (and `bash: cd: …` when it fails): a line right under a
 * `cd` that printed nothing is the next command typed, not its output.
 */
export function underSilentCd(command: string | null, outputLines: number): boolean {
  return command !== null && outputLines === 0 && /^cd\s+\S{1,400}$/.test(command.trim());
}
