import type { Rule, RuleOutcome } from './rule.js';
import { fmt, missing } from './rule.js';
import { latest } from '../model/build.js';
import { fileTable } from '../model/host-facts.js';
import { NO_FILE_LIMIT } from '../sources/kernel-files.js';

/** A file-max as said: LONG_MAX (read as NO_FILE_LIMIT) is no limit. */
function limit(max: number): string {
  return max >= NO_FILE_LIMIT ? 'no limit (9223372036854775807, LONG_MAX)' : fmt(max);
}

/** The table's name as the host calls it: BSD's and macOS's sysctl says kern.maxfiles. */
function tableName(ev: { text?: string }): string {
  return ev.text?.trimStart().startsWith('kern.') ? 'kern.maxfiles' : 'fs.file-max';
}

export const rule: Rule = {
  id: 'file-max-headroom',
  step: 6,
  title: 'The host has headroom under fs.file-max',
  failureTitle: 'The host is near its system-wide file limit (fs.file-max)',
  method:
    '`/proc/sys/fs/file-max` caps open files for the whole host; `/proc/sys/fs/file-nr` prints allocated, unused and max. ' +
    'At the system limit every process gets ENFILE ("Too many open files in system"), not only the leaking one. A leak in ' +
    'one process usually hits its own limit (EMFILE) long before file-max.',
  check({ model }): RuleOutcome | null {
    const k = latest(model.kernel.filter((c) => c.data.fileMax || c.data.fileNr));
    const max = k?.data.fileMax?.value ?? k?.data.fileNr?.max;
    if (!k || max === undefined) return missing('fs.file-max and fs.file-nr', 'cat /proc/sys/fs/file-max /proc/sys/fs/file-nr');
    const evMax = k.data.fileMax?.ev ?? k.data.fileNr!.ev;
    const nr = k.data.fileNr;
    if (!nr) {
      return {
        status: 'info',
        severity: 'info',
        detail: `${tableName(evMax)} is ${limit(max)}; without /proc/sys/fs/file-nr the host-wide count of open files is unknown.`,
        evidence: [evMax],
        command: 'cat /proc/sys/fs/file-nr',
      };
    }
    const table = fileTable(model);
    if (!table) return null;
    const near = table.use >= 0.9;
    const name = tableName(evMax);
    // A kernel before 2.6 lists freed handles it keeps allocated: those are open files no more.
    const held =
      table.unused > 0
        ? `${fmt(table.inUse)} file handles in use (${fmt(table.allocated)} allocated, ${fmt(table.unused)} of them free)`
        : `${fmt(table.allocated)} file handles allocated`;
    return {
      status: near ? 'fail' : 'pass',
      severity: near ? 'critical' : 'info',
      detail:
        table.max >= NO_FILE_LIMIT
          ? `The host has ${held}; ${name} is ${limit(table.max)}.`
          : `The host has ${held} of ${name} ${fmt(table.max)} (${Math.round(table.use * 1000) / 10}%).`,
      evidence: table.ev,
    };
  },
};
