// What the strace command line itself says, when a transcript or manifest shows it. Only -f for
// now: a single-threaded process traced with `strace -f -p PID` prints no `[pid N]` prefix (strace
// adds one only once it traces two tasks), so the lines alone cannot tell -f was given.
import { splitPipeline } from '../../shell.js';

/** strace's short options that take an argument: the letters after one in a cluster are its value. */
const TAKES_ARGUMENT = new Set('abeEIoOpPsSuUX');
/** At most this many words of the command are read. */
const MAX_WORDS = 64;

/** Whether the command runs strace with -f / -ff / --follow-forks (also in a cluster: `-fttT`). */
export function followsForks(command: string | undefined): boolean {
  if (!command) return false;
  for (const stage of splitPipeline(command)) {
    const words = stage.trim().split(/\s+/).slice(0, MAX_WORDS);
    const at = words.findIndex((w) => w === 'strace' || w.endsWith('/strace'));
    if (at === -1) continue;
    for (let i = at + 1; i < words.length; i++) {
      const w = words[i];
      if (w === '--follow-forks' || w === '--follow-forks=true') return true;
      if (!w.startsWith('-')) {
        // an option's value (`-p 1234`, `-o out`) or the traced program, whose options are its own
        if (TAKES_ARGUMENT.has(words[i - 1]?.slice(-1) ?? '') && /^-[A-Za-z]+$/.test(words[i - 1])) continue;
        break;
      }
      if (!/^-[A-Za-z]{1,20}$/.test(w)) continue;
      for (const letter of w.slice(1)) {
        if (letter === 'f') return true;
        if (TAKES_ARGUMENT.has(letter)) break;
      }
    }
  }
  return false;
}
