// A count written on its own command's line, the way people note results in a REPL session or a
// write-up: `# lsof -p 35957 | wc -l => 150` (a comment in an irb session), `ls /proc/4242/fd | wc -l
// → 1017`. The command is the part before the arrow, its output the number after it. (An assistant's
// write-up puts it on the line below, as a comment: commented-results.ts.)

import { printsOneCount } from './known-commands.js';

/** ` => 150`, ` → 150` at the end of the line. */
const RESULT = /\s(?:=>|→)\s{0,8}(\d{1,15})\s*$/;

/** The command and the count written after it, when the line is a counting command with its result. */
export function inlineResult(command: string): { command: string; result: string } | null {
  const m = RESULT.exec(command);
  if (!m) return null;
  const head = command.slice(0, m.index).trim();
  return printsOneCount(head) ? { command: head, result: m[1] } : null;
}
