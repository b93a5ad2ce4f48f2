// A count timed by hand: `date` run before the counting command, in the same command line
// (`# date && lsof -p 26768 |wc -l`, `date; ls /proc/4242/fd | wc -l`). The shell prints date's
// line, then the count: the command's output is two lines, not one.

/** `date && …`, `date +%T; …`: a `date` run first and not piped (`date | tr '\n' ' ' && …` prints no line of its own). */
const DATE_FIRST = /^date\b[^|;&\n]{0,80}(?:&&|;)/;

/** Whether the command runs `date` first, on its own, before what it counts. */
export function datesFirst(command: string): boolean {
  return DATE_FIRST.test(command.trim());
}

/** How many lines a command that prints one count prints: the count, after date's line when it runs `date` first. */
export function countLines(command: string): number {
  return datesFirst(command) ? 2 : 1;
}

/** What the command counts, without the `date` run before it (`date; ss -antp | wc -l` → `ss -antp | wc -l`). */
export function withoutDate(command: string): string {
  const trimmed = command.trim();
  const m = DATE_FIRST.exec(trimmed);
  return m ? trimmed.slice(m[0].length).trim() : command;
}
