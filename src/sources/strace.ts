// strace output in every common shape: `-f -o` (pid column), `-ff -o` (one file per thread,
// `name.TID`; grep'd together, `name.TID:` before each line), stderr with `[pid N]`, with -tt /
// -ttt / -r / no times, -T, -y/-yy.
//   8585  18:59:57.748325 socket(AF_INET, SOCK_STREAM, IPPROTO_IP) = 26<socket:[37344]> <0.000054>
//   8585  18:59:57.748682 connect(26<socket:[37344]>, {sa_family=AF_INET, sin_port=htons(2280), ...}, 16) = -1 EINPROGRESS (Operation now in progress) <0.000125>
// The sink streams and keeps only fd events (see src/strace/sink.ts).
import type { SourceParser } from './parser.js';
import { createStraceSink } from './strace/sink.js';
import { straceLines } from './strace/sniff.js';
import type { StraceArtifact } from './strace/types.js';

export const strace: SourceParser<StraceArtifact> = {
  id: 'strace',
  title: 'System calls of the suspect (strace)',
  detect({ head }) {
    const { share, calls } = straceLines(head);
    if (calls === 0) return 0;
    return share >= 0.8 ? 0.95 : share >= 0.5 ? 0.7 : calls >= 3 ? 0.4 : 0;
  },
  sink(ctx) {
    return createStraceSink(ctx);
  },
};
