// Output saved to a file at a prompt of a transcript and read back by the commands after it:
//   # netstat -anp|grep rpm-ostree > conns.txt
//   # wc -l conns.txt
//   148 conns.txt
//   # head -3 conns.txt
// reads the second command as `netstat -anp|grep rpm-ostree | wc -l` and the third as
// `netstat -anp|grep rpm-ostree | head -3`: their output is that of the saved command, counted or cut.
// strace's `-o FILE` saves its trace the same way (strace-output-file.ts), and `sed -n '19,30p' FILE`
// prints a range of its lines, as head and tail print theirs.
import { straceOutputFile } from './strace-output-file.js';

/** Programs that read a file operand and print (part of) its lines, or count them. */
const READERS = new Set(['cat', 'head', 'tail', 'wc', 'grep', 'egrep', 'fgrep', 'sort', 'uniq', 'awk', 'less', 'more']);
/** A file name a command may save to: a plain relative or absolute path, no shell syntax. */
const FILE_NAME = /^[\w./@%+-]{1,200}$/;
/** How long a saved command may be: longer ones stay as typed. */
const MAX_SAVED = 1_000;

/**
 * Where a command saves its standard output, and what it is without the redirection:
 * `netstat -anp|grep x > conns.txt` → { command: 'netstat -anp|grep x', file: 'conns.txt' }. Only one
 * `>` outside quotes, at the end (an appending `>>`, a `2>`, `&>` or `>&` is none).
 */
export function savedTo(command: string): { command: string; file: string } | null {
  let quote: string | null = null;
  let at = -1;
  for (let i = 0; i < command.length; i++) {
    const ch = command[i];
    if (quote) {
      if (ch === quote) quote = null;
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '>') {
      if (at !== -1) return null;
      at = i;
    }
  }
  if (at <= 0 || quote) return null;
  const before = command[at - 1];
  if (before !== ' ' && before !== '\t' && !/[\w'"]/.test(before)) return null;
  if (/\d/.test(before) && (at < 2 || /\s/.test(command[at - 2]))) return null; // `2>` is stderr.
  const file = command.slice(at + 1).trim();
  const saved = command.slice(0, at).trim();
  if (!FILE_NAME.test(file) || file.startsWith('&') || saved === '' || saved.length > MAX_SAVED) return null;
  return { command: saved, file };
}

/**
 * A command that reads a saved file (`wc -l conns.txt`, `head -3 conns.txt | grep x`): the saved
 * command piped into it instead, as the output shows; else null.
 */
function readBack(command: string, saved: ReadonlyMap<string, string>): string | null {
  const bar = command.indexOf('|');
  const first = (bar === -1 ? command : command.slice(0, bar)).trim();
  const rest = bar === -1 ? '' : command.slice(bar);
  const words = first.split(/\s+/);
  const tool = words[0].replace(/^.*\//, '');
  if (!READERS.has(tool) && !(tool === 'sed' && printsRange(words))) return null;
  const operands = words.slice(1).filter((w) => saved.has(w));
  if (operands.length !== 1) return null;
  const reader = words.filter((w, i) => i === 0 || w !== operands[0]).join(' ');
  return `${saved.get(operands[0])} | ${reader}${rest ? ` ${rest}` : ''}`;
}

/** A sed that prints a range of lines and nothing else: `sed -n '19,30p'`, `sed -n 5p`, `sed -n '40,$p'`. */
function printsRange(words: readonly string[]): boolean {
  return words.length === 4 && words[1] === '-n' && /^(['"]?)\d{1,9}(?:,(?:\d{1,9}|\$))?p\1$/.test(words[2]);
}

/**
 * Commands that read back what an earlier command of the transcript saved to a file (`cmd > f`,
 * then `wc -l f`, `head f`): read as that command piped into them. A file saved again is the
 * newer command's; one appended to (`>> f`) is no longer one command's output.
 */
export function withSavedOutputs<T extends { command: string | null }>(items: T[]): T[] {
  const saved = new Map<string, string>();
  return items.map((item) => {
    if (item.command === null) return item;
    const read = saved.size > 0 ? readBack(item.command, saved) : null;
    if (read !== null) return { ...item, command: read };
    const save = savedTo(item.command) ?? straceOutputFile(item.command);
    if (save) saved.set(save.file, save.command);
    else for (const m of item.command.matchAll(/>>\s*([\w./@%+-]{1,200})/g)) saved.delete(m[1]);
    return item;
  });
}
