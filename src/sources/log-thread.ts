// The thread a log line's own prefix names beside its writer's pid: KeyDB's `pid:tid:ROLE …`
// (redis-log.ts), Chromium's `[pid:tid:MMDD/HHMMSS:LEVEL:file(line)] ` (chromium-log.ts), logcat's
// threadtime `PID TID` and Android Studio's `PID-TID/package` (logcat-log.ts). Where a process ran
// out by its log, that thread is where.
import { chromiumLogSource } from './chromium-log.js';
import { logcatSource } from './logcat-log.js';
import { redisLogSource } from './redis-log.js';

/** The thread the line's prefix names when its pid is `pid`; null for any other line or process. */
export function loggedThread(text: string, pid: number | null): number | null {
  if (pid === null) return null;
  const source = redisLogSource(text) ?? chromiumLogSource(text) ?? logcatSource(text);
  return source?.pid === pid && source.tid !== undefined ? source.tid : null;
}
