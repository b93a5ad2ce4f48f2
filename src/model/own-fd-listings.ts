// `ls -l /proc/self/fd` lists the fds of the `ls` that prints them: a program just started, which
// opened only the folder it reads (fd 3, `-> /proc/940/fd`). Every other fd of 3 and above came to
// it through execve from the program that started it — a shell, `docker exec`, a container's
// init, a service manager — which holds that fd without close-on-exec and hands it to every program
// it starts. The listing does not say which process that is: it is no process's case, and it is
// no sign of health either (it shows an ls).
import type { EvidenceRef } from '../types.js';
import type { FdEntry, FdHolder } from '../sources/artifacts.js';
import { formatNumber as fmt } from '../format.js';

export interface OwnFdListing {
  file: string;
  command?: string;
  holder: FdHolder;
}

/** The folder ls opened to read: `/proc/940/fd`, `/proc/940/task/940/fd`. */
const OWN_FOLDER = /^\/proc\/(?:\d{1,10}|self|thread-self)(?:\/task\/\d{1,10})?\/fd\/?$/;
/** An fd the command itself redirects (`3</dev/null`, `5>&1`): given on purpose. */
const REDIRECT = /(?:^|[\s;|&])(\d{1,4})(?:<|>)/g;
/** `ls -l /proc/$$/fd`: the fds of the shell that runs the command. */
const OWN_SHELL_FOLDER = /\/proc\/\$\$\/fd\b/;
/** `lsof -p $$`, `lsof -a -p$$`: lsof picks the shell's fds by its pid. */
const OWN_SHELL_PID = /(?:^|\s)-p ?\$\$(?:\s|$)/;

/** The command lists the fds of the shell that runs it. */
export function listsOwnShell(command: string | undefined): boolean {
  if (command === undefined) return false;
  return OWN_SHELL_FOLDER.test(command) || (/\blsof\b/.test(command) && OWN_SHELL_PID.test(command));
}
/**
 * A terminal: all an interactive shell opens itself, beside its standard streams (bash's fd 255,
 * zsh's and busybox sh's fd 10, tcsh's 15-19 are copies of it).
 */
const TERMINAL = /^\/dev\/(?:pts\/\d{1,7}|tty\w{0,12}|console)$/;

/**
 * The fds of 3 and above a program was started with, in number order: those it did not open
 * itself (`own`) and the command did not redirect for it.
 */
export function givenAtExec(entries: Iterable<FdEntry>, command: string | undefined, own: (e: FdEntry) => boolean): FdEntry[] {
  const redirected = new Set([...(command ?? '').matchAll(REDIRECT)].map((m) => m[1]));
  return [...entries]
    .filter((e) => {
      const fd = Number(e.fd);
      return Number.isInteger(fd) && fd >= 3 && !own(e) && !redirected.has(e.fd);
    })
    .sort((a, b) => Number(a.fd) - Number(b.fd)); // ls lists them in text order: 106, 109, 11
}

/** The fds the listing's ls was started with beyond its standard streams. */
function inheritedAtExec(listing: OwnFdListing): FdEntry[] {
  return givenAtExec(listing.holder.entries, listing.command, (e) => OWN_FOLDER.test(e.name));
}

/**
 * The fds a shell listing its own (`ls -l /proc/$$/fd`, `lsof -p $$`) was started with: any but its terminal. An
 * unread link is no evidence; the listing's own folder means `$$` was the ls (`bash -c` execs its last command).
 */
export function shellGivenAtExec(entries: Iterable<FdEntry>, command: string | undefined): FdEntry[] {
  return givenAtExec(entries, command, (e) => e.name === '' || TERMINAL.test(e.name) || OWN_FOLDER.test(e.name));
}

/** What the first listing with such fds shows, as a sign of trouble no process's case explains; null when none has any. */
export function inheritedAtExecTrouble(listings: readonly OwnFdListing[]): ExecTrouble | null {
  for (const l of listings) {
    const fds = inheritedAtExec(l);
    if (fds.length === 0) continue;
    const at = `${l.holder.firstEvidence.file}:${l.holder.firstEvidence.line}`;
    return givenAtExecTrouble(
      fds,
      (count, shown) => `\`ls\` listed its own fds (${at}) and holds ${count} it did not open, ${shown}: `,
      "a shell, `docker exec`, a container's init",
      'PPID its pid',
    );
  }
  return null;
}

export interface ExecTrouble {
  statement: string;
  evidence: EvidenceRef[];
  owned: true;
}

/**
 * Fds a program was given at execve, as a sign of trouble no process's case explains: who holds
 * them (`opening`, given "an fd" or "N fds" and the first three), where they came from (one of
 * `starters`), and the starting program's listing that shows whose they are (its pid `ppid`).
 */
export function givenAtExecTrouble(
  fds: readonly FdEntry[],
  opening: (count: string, shown: string) => string,
  starters: string,
  ppid: string,
): ExecTrouble {
  const one = fds.length === 1;
  const shown = `${fds
    .slice(0, 3)
    .map((e) => `fd ${e.fd} (${e.name || 'its link unread'})`)
    .join(', ')}${fds.length > 3 ? ', …' : ''}`;
  return {
    statement:
      opening(one ? 'an fd' : `${fmt(fds.length)} fds`, shown) +
      `${one ? 'it' : 'they'} came through execve from the program that started it (${starters}), ` +
      `which holds ${one ? 'it' : 'them'} without close-on-exec and passes ${one ? 'it' : 'them'} to every program it starts. ` +
      `That program's own fd listing (\`ls -l /proc/PPID/fd\`, ${ppid}) shows whose ${one ? 'fd it is' : 'fds they are'}.`,
    evidence: fds.slice(0, 3).map((e) => e.ev),
    owned: true,
  };
}
