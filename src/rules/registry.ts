// The explicit list of rules, in investigation order.
import type { Rule } from './rule.js';
import { rule as netstatBlindSpot } from './netstat-blind-spot.js';
import { rule as ssClosedSockets } from './ss-closed-sockets.js';
import { rule as socketAllocGap } from './socket-alloc-gap.js';
import { rule as fdHolders } from './fd-holders.js';
import { rule as unconnectedSockets } from './unconnected-sockets.js';
import { rule as closeWaitSockets } from './close-wait-sockets.js';
import { rule as deletedFilesHeld } from './deleted-files-held.js';
import { rule as sameFileOpen } from './same-file-open.js';
import { rule as fdKindPiles } from './fd-kind-piles.js';
import { rule as emfileErrors } from './emfile-errors.js';
import { rule as suspectIdentity } from './suspect-identity.js';
import { rule as fdLimitHeadroom } from './fd-limit-headroom.js';
import { rule as fileMaxHeadroom } from './file-max-headroom.js';
import { rule as fdGrowth } from './fd-growth.js';
import { rule as socketViewsAgreement } from './socket-views-agreement.js';
import { rule as leakingThread } from './leaking-thread.js';
import { rule as cloexecForkRace } from './cloexec-fork-race.js';
import { rule as leakerWrites } from './leaker-writes.js';
import { rule as leakerFdPath } from './leaker-fd-path.js';
import { rule as logExplainsLeak } from './log-explains-leak.js';
import { rule as captureQuality } from './capture-quality.js';

export const RULES: readonly Rule[] = [
  netstatBlindSpot,
  ssClosedSockets,
  socketAllocGap,
  fdHolders,
  unconnectedSockets,
  closeWaitSockets,
  deletedFilesHeld,
  sameFileOpen,
  fdKindPiles,
  suspectIdentity,
  emfileErrors,
  fdLimitHeadroom,
  fileMaxHeadroom,
  fdGrowth,
  socketViewsAgreement,
  leakingThread,
  cloexecForkRace,
  leakerWrites,
  leakerFdPath,
  logExplainsLeak,
  captureQuality,
];
