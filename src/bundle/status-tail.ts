// `systemctl status UNIT` prints the unit's state (Loaded, Active, Main PID, the CGroup tree), a
// blank line, then the last lines of the unit's journal: one output, whose second part is often
// the one that says the service ran out (`bash[2031745]: OSError: [Errno 24] Too many open files`).

/** `systemctl status x`, `sudo systemctl --user status x`, `service x status` (systemd's wrapper prints the same). */
const STATUS_COMMAND = /^(?:sudo\s{1,4})?(?:systemctl\s{1,4}(?:--user\s{1,4})?status\b|service\s{1,4}\S{1,128}\s{1,4}status\b)/;

/** A journal line as `systemctl status` prints it: `Feb 04 05:07:12 host ident[pid]: `. */
const JOURNAL_LINE = /^[A-Z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d [\w.-]{1,64} [^\s:]{1,80}: /;

/**
 * Whether a blank line under a command's output goes on with more of it: the journal tail of a
 * `systemctl status` (the line after the blank is a journal line).
 */
export function journalTailFollows(command: string | null, next: string | undefined): boolean {
  return command !== null && next !== undefined && STATUS_COMMAND.test(command) && JOURNAL_LINE.test(next);
}
