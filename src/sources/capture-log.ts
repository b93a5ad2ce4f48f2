// A log of a capture session: what the engineer ran, when, and where the output went.
//   02:35:21 ps -C spoold -o pid,nlwp,lstart,rss,args > ps.txt
//   02:35:42 strace -p 21422 -o spoold.strace
//   02:35:48 ^C strace (spoold.strace done)
// The bundle reads it first: each file it names gets the command that made it, as a manifest
// would give (the command says whose output it is: `-p 21422`, `/proc/21422/fd`).
import type { EvidenceRef } from '../types.js';
import type { ArtifactBase, SourceParser } from './parser.js';
import { ref } from '../types.js';

interface CaptureLogEntry {
  time: string;
  command: string;
  /** The file the output went to (`> file`, `>> file`, `-o file`). */
  output: string;
  ev: EvidenceRef;
}

export interface CaptureLogArtifact extends ArtifactBase {
  entries: CaptureLogEntry[];
}

const LINE = /^\[?(\d\d:\d\d:\d\d)(?:\.\d+)?\]?\s+(?:\$\s+|#\s+)?(\S.*)$/;
const REDIRECT = /^(.*?\S)\s*(?:\d?>>?|&>)\s*([^\s|;&<>]+)\s*$/;
const OUTPUT_FLAG = /\s-o\s*([^\s|;&<>]+)/;

/** The command of a capture-log line and the file its output went to; null for a note. */
function captureOf(text: string): { time: string; command: string; output: string } | null {
  const m = LINE.exec(text);
  if (!m) return null;
  const rest = m[2];
  const redirect = REDIRECT.exec(rest);
  if (redirect) return { time: m[1], command: redirect[1], output: redirect[2] };
  const flag = OUTPUT_FLAG.exec(rest);
  return flag ? { time: m[1], command: rest, output: flag[1] } : null;
}

export const captureLog: SourceParser<CaptureLogArtifact> = {
  id: 'capture-log',
  title: 'A log of the capture session (time, command, output file)',
  detect({ head }) {
    const lines = head.filter((l) => l.trim() !== '');
    const captures = lines.filter((l) => captureOf(l) !== null).length;
    const timed = lines.filter((l) => LINE.test(l)).length;
    return captures >= 2 && timed >= lines.length * 0.8 ? 0.9 : 0;
  },
  sink(ctx) {
    const out: CaptureLogArtifact = { records: 0, entries: [] };
    return {
      line(text, n) {
        const c = captureOf(text);
        if (!c) return;
        out.entries.push({ ...c, ev: ref(ctx.file, n, text) });
        out.records++;
      },
      end() {
        return out;
      },
    };
  },
};
