// A write that strace's -s cut before its message (`write(3, "Dec 07 21:52:04 ftp1 ftpd[15485]"...,
// 98)`: the default 32 bytes hold a syslog record's time, host and program[pid] and no more) names
// the record's writer, not what it said. The log it went to holds that writer's records, the same
// head at other seconds: when they all say one thing, that is what the cut write said.
import { logMessage } from '../../sources/log-message.js';
import { syslogSource } from '../../sources/log-pids.js';

/** The writer a record head names: program and pid, as a key. */
function writerKey(text: string): string | null {
  const src = syslogSource(text);
  if (!src || src.pid === undefined) return null;
  return `${src.program ?? ''}[${src.pid}]`;
}

/**
 * The log lines a cut write stands for: `fragment` is the cut string, a whole syslog head (time,
 * host, `program[pid]`) and nothing after it. The lines of `lines` from the same program and pid,
 * when every one of them carries the same message (one template: the write's, at another second);
 * none when the fragment is no whole head, names no pid, or the writer's lines say different things.
 */
export function linesOfCutHead<T extends { text: string }>(fragment: string, lines: readonly T[]): T[] {
  const head = fragment.trimEnd();
  if (head.length > 200 || !head.endsWith(']')) return [];
  const key = writerKey(`${head}: x`);
  if (key === null || logMessage(`${head}: x`) !== 'x') return [];
  const own = lines.filter((l) => writerKey(l.text) === key);
  if (own.length === 0) return [];
  const said = logMessage(own[0].text);
  if (said === '' || own.some((l) => logMessage(l.text) !== said)) return [];
  return own;
}
