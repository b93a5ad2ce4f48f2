// The folder a shell prompt shows, and what an `ls` typed at it lists. An on-call engineer often
// changes into a process's /proc folder and lists it there (`cd /proc/2000/fd`, then `ls -al`):
// only the prompt says which process's fds the listing shows.

/** bash's `user@host:DIR$` / `user@host:DIR#` (OpenWrt's `root@OpenWrt:/proc/1234/fd# `). */
const USER_HOST_DIR = /^(?:\([\w.-]{1,40}\) )?[\w.-]{1,40}@[\w.-]{1,64}:(\/[^\s$#]{0,200})\s?[$#]/;
/** busybox ash's `\w \$` prompt on embedded systems: an absolute place, a blank, the sign (`/proc/2000/fd # `). */
const PLACE_SIGN = /^(\/[^\s$#>]{0,200}) [$#]\s/;
/** Android's `adb shell` prompt (mksh): `host:DIR #` / `host:DIR $` (`generic_x86:/proc/10003/fd # `). */
const HOST_DIR = /^[\w.-]{1,64}:(\/[^\s$#>]{0,200}) ?[$#]\s/;

/** The absolute folder a prompt line shows (the line is a command at a prompt); null when it shows none. */
export function promptDir(line: string): string | null {
  const text = line.trimStart();
  return (USER_HOST_DIR.exec(text) ?? PLACE_SIGN.exec(text) ?? HOST_DIR.exec(text))?.[1] ?? null;
}

/**
 * The command as run in `dir`: an `ls` of no absolute path, run in a process's /proc folder (the
 * prompt shows it, a `cd` before it, or a `pwd` that printed it), lists that folder. Said with its `cd`, the pid is in the
 * command, where every reader of commands looks.
 */
export function inDir(command: string, dir: string | null): string {
  if (!dir || !/^\/proc\/\d+(?:\/fd)?\/?$/.test(dir)) return command;
  const first = command.split('|')[0].trim().split(/\s+/);
  if (first[0] !== 'ls' || first.slice(1).some((w) => w.startsWith('/'))) return command;
  return `cd ${dir} && ${command}`;
}
