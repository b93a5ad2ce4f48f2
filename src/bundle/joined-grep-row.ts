// A copy of a blog post re-rendered by a mirror site can lose the newline between a command and the
// first line it printed, joining lsof's row to grep's pattern:
//   SUSE11X64-001:/test # lsof | grep vmcorea.out 2610 root 3r REG 8,2 941331144 1643779 /test/vmcore (deleted)
// (miaokee.com's copy of a Chinese post: `lsof | grep vmcore`, then a.out's row), or
//   -bash-4.2# lsof | grep deletemysqld 2470 mysql 4u REG 253,1 0 523577 /var/tmp/ibfTeQFn (deleted)
// (zwzz.com.cn's copy of another: `grep delete`, then mysqld's). grep printed only rows that hold
// its pattern, so the pattern is the longest head of the joined word that the rest of the row holds;
// the row is the word's tail and what follows it, when a pid, a user, an fd and a type come next.

import type { TranscriptItem } from './terminal-session.js';

/** What follows lsof's COMMAND on a row: a pid, maybe a TID, a user, an fd, a type. */
const ROW_REST =
  /^\s{1,40}\d{1,10}\s{1,40}(?:\d{1,10}\s{1,40})?[^\s\d]\S{0,63}\s{1,40}(?:\d{1,10}[rwuRWU]?|cwd|rtd|txt|mem|DEL|mmap)\S{0,8}\s{1,40}[A-Za-z0-9_]/;
/** A joined word no longer than this is split. */
const MAX_WORD = 200;

/** `lsof … | grep [-opts] WORD rest`: the command up to WORD, WORD, and the rest of the line. */
function joinedGrep(command: string): { head: string; word: string; rest: string } | null {
  const bar = command.lastIndexOf('|');
  if (bar < 0 || !/\blsof\b/.test(command.slice(0, bar))) return null;
  const m = /^\s{0,4}grep\s{1,4}/.exec(command.slice(bar + 1));
  if (!m) return null;
  let at = bar + 1 + m[0].length;
  // grep's options (`-i`, `-w`), each a word of its own.
  for (let k = 0; k < 4 && command[at] === '-'; k++) {
    const opt = /^-[A-Za-z]{1,8}\s{1,4}/.exec(command.slice(at, at + 16));
    if (!opt) return null;
    at += opt[0].length;
  }
  const word = /^[^\s'"|]{2,200}/.exec(command.slice(at));
  if (!word) return null;
  const rest = command.slice(at + word[0].length);
  return ROW_REST.test(rest) ? { head: command.slice(0, at), word: word[0], rest } : null;
}

/** The command and the row a joined grep pattern hides, or null. */
export function splitJoinedGrepRow(command: string): { command: string; row: string } | null {
  const j = joinedGrep(command);
  if (!j || j.word.length > MAX_WORD) return null;
  // The longest head that the row (the word's tail and the rest) holds; the tail is lsof's COMMAND.
  for (let k = j.word.length - 1; k >= 2; k--) {
    const row = j.word.slice(k) + j.rest;
    if (row.includes(j.word.slice(0, k))) return { command: j.head + j.word.slice(0, k), row };
  }
  return null;
}

/** Items whose command line ends in a grep joined to its first row, split back into command and row. */
export function withJoinedGrepRows(items: TranscriptItem[]): TranscriptItem[] {
  return items.map((item) => {
    const split = item.command === null ? null : splitJoinedGrepRow(item.command);
    if (!split) return item;
    return { ...item, command: split.command, output: [{ text: split.row, line: item.commandLine }, ...item.output] };
  });
}
