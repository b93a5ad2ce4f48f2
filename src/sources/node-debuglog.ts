// Node's util.debuglog (what NODE_DEBUG=section turns on, for core modules and for any package that
// calls it, node-hdb's `hdb_conn` among them) opens each line with the section in capitals and the
// writer's pid:
//   `HDB_CONN 34859: Connection to localhost:30015 failed with: getaddrinfo EMFILE localhost:30015`
//   `NET 12345: listen2 0.0.0.0 8080 4 false undefined`
// The pid is the process's own (process.pid). A level word in capitals before a number (`ERROR 500:`)
// is a record's level and a status, not a section.

import { isLevelWord } from './log-stamps.js';

/** `SECTION PID: `: a section of capitals, digits and underscores (2-32), one space, the pid, a colon and a space. */
const DEBUGLOG_PREFIX = /^([A-Z][A-Z0-9_]{1,31}) ([1-9]\d{0,8}): \S/;

/** The pid a util.debuglog line names; undefined for any other line. */
export function debuglogPid(text: string): number | undefined {
  const m = DEBUGLOG_PREFIX.exec(text);
  return m && !isLevelWord(m[1]) ? Number(m[2]) : undefined;
}
