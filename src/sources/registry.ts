// The explicit list of source parsers. Order breaks ties in detection.
import type { SourceParser } from './parser.js';
import { captureLog } from './capture-log.js';
import { countTable } from './count-table.js';
import { fdSnapshots } from './fd-snapshots.js';
import { fdCountSamples } from './fd-count-samples.js';
import { fdCountTable } from './fd-count-table.js';
import { fdCountStatements } from './fd-count-statements.js';
import { pidstat } from './pidstat.js';
import { fdNames } from './fd-names.js';
import { fstat } from './fstat.js';
import { pfiles } from './pfiles.js';
import { strace } from './strace.js';
import { appLog } from './app-log.js';
import { jstack } from './jstack.js';
import { kernelFiles } from './kernel-files.js';
import { lineCount } from './line-count.js';
import { lsfd } from './lsfd.js';
import { lsfdSummary } from './lsfd-summary.js';
import { lsof } from './lsof.js';
import { lsofFields } from './lsof-fields.js';
import { netstat } from './netstat.js';
import { netstatStateCounts } from './netstat-state-counts.js';
import { netstatWindows } from './netstat-windows.js';
import { procFd } from './proc-fd.js';
import { procLimits } from './proc-limits.js';
import { procStatus } from './proc-status.js';
import { ps } from './ps.js';
import { sockstat } from './sockstat.js';
import { ssSockets } from './ss-sockets.js';
import { ssSummary } from './ss-summary.js';
import { storeFdCounters } from './store-fd-counters.js';
import { prometheusProcessFds } from './prometheus-process-fds.js';
import { beamCheckIo } from './beam-check-io.js';
import { zookeeperMntr } from './zookeeper-mntr.js';
import { systemctlShow } from './systemctl-show.js';
import { taskComm } from './task-comm.js';
import { ulimit } from './ulimit.js';
import { inotifyInstances } from './inotify-instances.js';
import { valgrindFds } from './valgrind-fds.js';
import { psutilOpenFiles } from './psutil-open-files.js';
import { fileLeakDetector } from './file-leak-detector.js';
import { systemctlStatus } from './systemctl-status.js';

export const PARSERS: readonly SourceParser[] = [
  sockstat,
  ssSummary,
  ssSockets,
  netstat,
  netstatStateCounts,
  netstatWindows,
  lsof,
  lsofFields,
  lsfd,
  lsfdSummary,
  procFd,
  fstat,
  pfiles,
  fdNames,
  ps,
  taskComm,
  jstack,
  ulimit,
  procLimits,
  procStatus,
  systemctlShow,
  kernelFiles,
  countTable,
  lineCount,
  fdSnapshots,
  fdCountSamples,
  fdCountTable,
  fdCountStatements,
  pidstat,
  storeFdCounters,
  prometheusProcessFds,
  beamCheckIo,
  zookeeperMntr,
  inotifyInstances,
  valgrindFds,
  psutilOpenFiles,
  fileLeakDetector,
  captureLog,
  strace,
  appLog,
  // After app-log, at the lowest confidence: a status block whose journal lines app-log reads stays app-log's.
  systemctlStatus,
];

export function parserById(id: string): SourceParser | undefined {
  return PARSERS.find((p) => p.id === id);
}
