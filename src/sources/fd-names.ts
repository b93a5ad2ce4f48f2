// `ls /proc/PID/fd` without -l: the names of the fd folder, which are the fd numbers, in columns
// (a terminal) or one a line (`-1`, or a pipe):
//   [root@host fd]# cd /proc/56081/fd
//   [root@host fd]# ls
//   0    105  112  12   127  134 ...
// It says how many fds the process has (the names counted, as `| wc -l` would), not what they
// are. The pid is in the command (its folder, or the `cd` before the `ls`).
import type { LineCountArtifact } from './artifacts.js';
import { ref } from '../types.js';
import type { SourceParser } from './parser.js';
import { argumentsOf } from '../command-words.js';

/** A process's fd folder, as a path or a `cd` names it: `/proc/56081/fd`, `/proc/$(pidof x)/fd/`, fish's `/proc/(pidof x)/fd`. */
const FD_FOLDER = /\/proc\/(?:\d{1,15}|self|\$\$|\$?\([^()$]{1,80}\)|`[^`]{1,80}`)\/fd\/?(?=\s|$)/;
/** ls options that print more than the names (long, inode, size, commas, recursion). */
const NOT_NAMES = /[lngoismR]/;
/** A name in the fd folder: a number (with `-F`'s `@` of a symlink), or `-a`'s `.` and `..`. */
const NAME = /^(?:\d{1,15}@?|\.{1,2})$/;

/** `ls /proc/PID/fd`, `cd /proc/PID/fd && ls -1`: names only, printed to the screen (no pipe after). */
function listsNames(command: string | undefined): boolean {
  if (!command || command.includes('|') || !FD_FOLDER.test(command)) return false;
  const args = argumentsOf(command, 'ls');
  if (!args) return false;
  return !args.some((a) => /^-[^-]/.test(a) && NOT_NAMES.test(a.slice(1)));
}

/** The names of a line, or undefined when it is not a line of names only. */
function namesOf(text: string): string[] | undefined {
  const words = text.trim().split(/\s+/);
  return words.length > 0 && words.every((w) => NAME.test(w)) ? words : undefined;
}

export const fdNames: SourceParser<LineCountArtifact> = {
  id: 'fd-names',
  title: 'The fd numbers of a process (ls /proc/PID/fd)',
  detect({ head, command }) {
    if (!listsNames(command)) return 0;
    const lines = head.filter((l) => l.trim() !== '');
    const names = lines.filter((l) => namesOf(l) !== undefined).length;
    // A line of prose may follow the output (a paste's label before the next sample).
    return names > 0 && names * 2 >= lines.length ? 0.96 : 0;
  },
  sink(ctx) {
    const seen = new Set<string>();
    let last: { n: number; text: string } | undefined;
    return {
      line(text, n) {
        if (text.trim() === '') return;
        const names = namesOf(text);
        if (!names) {
          ctx.warn(n, `not fd numbers: ${text.slice(0, 80)}`);
          return;
        }
        for (const name of names) seen.add(name.replace(/@$/, ''));
        last = { n, text };
      },
      end() {
        const out: LineCountArtifact = last
          ? { records: 1, value: seen.size, ev: ref(ctx.file, last.n, last.text) }
          : { records: 0, value: 0, ev: ref(ctx.file, 1) };
        if (ctx.command) out.command = ctx.command;
        return out;
      },
    };
  },
};
