// What a tool writes to stderr beside its output, as a terminal shows it pasted: not its output.
// `netstat -p` run by a user prints, before its rows,
//   (Not all processes could be identified, non-owned process info
//    will not be shown, you would have to be root to see it all.)
// or `(No info could be read for "-p": geteuid()=1000 but you should be root.)`. It goes to
// stderr, so a count piped after netstat (`netstat -nvuap | grep X | wc -l`) never counted it.

import { COMMAND_WRAPPERS } from '../command-words.js';

const NETSTAT_NOTICE_STARTS = ['(Not all processes could be identified', '(No info could be read for "-p"'];
const NETSTAT_NOTICE_SECOND = 'will not be shown, you would have to be root to see it all.)';

/** A line of netstat's stderr notice about the processes it could not identify. */
function isNetstatNotice(text: string): boolean {
  const t = text.trim();
  return t === NETSTAT_NOTICE_SECOND || NETSTAT_NOTICE_STARTS.some((s) => t.startsWith(s));
}

/**
 * lsof's warnings, on stderr before its rows, where a file system cannot be read (a user's FUSE
 * mounts, gvfs and the document portal, even under sudo):
 *   `lsof: WARNING: can't stat() fuse.gvfsd-fuse file system /run/user/1000/gvfs`
 *   `      Output information may be incomplete.`
 * Never counted by a pipe after lsof (`lsof | awk … | uniq -c`); only under a command that runs lsof.
 */
const LSOF_WARNING = 'lsof: WARNING: ';
const LSOF_WARNING_SECOND = 'Output information may be incomplete.';

function isLsofWarning(text: string): boolean {
  const t = text.trim();
  return t === LSOF_WARNING_SECOND || t.startsWith(LSOF_WARNING);
}

/** Runners whose own options come before the program they run. */
const RUNNERS: ReadonlySet<string> = new Set([...COMMAND_WRAPPERS, 'xargs']);
/** xargs and sudo options that take the next word. */
const OPTION_ARGUMENT = new Set(['-I', '-n', '-P', '-d', '-a', '-L', '-s', '-E', '-u', '-g']);

/** The programs a command line runs (`find`, `cut`, `xargs`, `ps` …), by their base names. */
export function programsOf(command: string): Set<string> {
  const out = new Set<string>();
  for (const segment of command.split(/[|;&`]|\$\(/)) {
    const words = segment.trim().split(/\s+/);
    let i = 0;
    while (i < words.length) {
      const name = words[i].replace(/^.*\//, '');
      if (RUNNERS.has(name)) out.add(name);
      else if (words[i] === '--' || /^[A-Z_]+=/.test(words[i])) {
        // end of a runner's options, or an environment assignment
      } else if (OPTION_ARGUMENT.has(words[i])) i++;
      else if (!words[i].startsWith('-') && !/^\d+[smh]?$/.test(words[i])) {
        if (/^[\w.+-]{1,64}$/.test(name)) out.add(name);
        break;
      }
      i++;
    }
  }
  return out;
}

/** What a program's own error looks like on stderr: `find: ‘/proc/1/fd’: Permission denied`. */
const TOOL_ERROR =
  /^([\w.+-]{1,64}): .{0,400}(?:Permission denied|No such file or directory|No such process|Operation not permitted|cannot )/;

/**
 * A line the command's own programs wrote to stderr, pasted among their output: netstat's notice,
 * lsof's warnings, or `PROGRAM: … Permission denied` (a find of /proc run as a user prints one for each process it may not read).
 */
export function isStderrLine(text: string, command: string | undefined): boolean {
  if (isNetstatNotice(text)) return true;
  if (isLsofWarning(text)) return command !== undefined && programsOf(command).has('lsof');
  const program = TOOL_ERROR.exec(text)?.[1];
  return program !== undefined && command !== undefined && programsOf(command).has(program);
}
