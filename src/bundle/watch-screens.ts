// `watch`'s screens pasted into a transcript: the header line names the command it reruns and the
// time of the screen (procps-ng's `Every 2.0s: CMD    host: Sun Dec  6 12:27:43 2026`). The header
// is the prompt of the command whose output the screen shows.
import { monthNumber } from './date-output.js';

/** `watch`'s header: `Every 2.0s: ls /proc/4242/fd | wc -l`, then (after the command) the host and the time. */
const WATCH_HEAD = /^Every\s{1,4}\d{1,6}(?:\.\d{1,3})?s:\s/;
const WATCH_TAIL = /\s{2}(?:[\w.-]{1,64}:\s{1,4})?[A-Z][a-z]{2} [A-Z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d \d{4}\s{0,4}$/;

/** The command a `watch` screen shows the output of, from its header line. */
export function watchedCommand(line: string): string | null {
  const head = WATCH_HEAD.exec(line);
  if (!head) return null;
  const tail = WATCH_TAIL.exec(line);
  const command = line.slice(head[0].length, tail ? tail.index : undefined).trim();
  return command === '' ? null : command;
}

/** The time a `watch` screen's header prints (`Sun Dec  6 12:27:43 2026`), as local ISO; undefined without one. */
export function watchedAt(line: string): string | undefined {
  if (!WATCH_HEAD.test(line)) return undefined;
  const m = /([A-Z][a-z]{2}) ([ \d]\d) (\d\d:\d\d:\d\d) (\d{4})\s{0,4}$/.exec(line);
  const month = m ? monthNumber(m[1]) : 0;
  if (!m || month === 0) return undefined;
  return `${m[4]}-${String(month).padStart(2, '0')}-${m[2].trim().padStart(2, '0')}T${m[3]}`;
}
