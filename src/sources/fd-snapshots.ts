// `snapshots.txt` written by `fdleak collect --snapshots K`: one line per sample of a process's fds.
//   # fdleak snapshots: fds of pid 31486 by kind, 3 samples every 1 s
//   2026-11-25T19:08:23.685+00:00 pid=31486 total=613 limit=20000 anon=1 file=6 socket-tcp=601 tcp:ESTABLISHED=600
// The same samples in `snapshots.json` are read too (schema fdleak/snapshots@1).
import { FD_KINDS, type FdKind, type FdSnapshot, type FdSnapshotsArtifact } from './artifacts.js';
import { ref } from '../types.js';
import type { SourceParser } from './parser.js';
import { count } from './numbers.js';

// `s`: the kinds run to the end of the line whatever it holds (else `(\d+)(.*)$` backtracks at a CR).
const SAMPLE = /^(\d{4}-\d\d-\d\dT\S+)\s+pid=(\d{1,15})\s+total=(\d{1,15})(.*)$/s;
/** snapshots.json is parsed whole: `collect --snapshots` writes a few KB per sample; past this it is not one. */
const SNAPSHOTS_JSON_MAX_CHARS = 16 * 1024 * 1024;
const KINDS = new Set<FdKind>(FD_KINDS);

export const fdSnapshots: SourceParser<FdSnapshotsArtifact> = {
  id: 'fd-snapshots',
  title: 'fd counts over time (fdleak collect --snapshots)',
  detect({ head }) {
    if (head.some((l) => l.startsWith('# fdleak snapshots:'))) return 0.95;
    if (head.some((l) => l.includes('"schema": "fdleak/snapshots@1"'))) return 0.95;
    return head.filter((l) => SAMPLE.test(l)).length >= 2 ? 0.7 : 0;
  },
  sink(ctx) {
    const out: FdSnapshotsArtifact = { records: 0, samples: [] };
    let json: string[] | null = null;
    let jsonChars = 0;
    return {
      line(text, n) {
        if (json) {
          jsonChars += text.length + 1;
          if (jsonChars <= SNAPSHOTS_JSON_MAX_CHARS) json.push(text);
          return;
        }
        if (n === 1 && text.trimStart().startsWith('{')) {
          json = [text];
          return;
        }
        // `TIME pid=N gone`: the process had exited by that sample.
        if (text.startsWith('#') || text.trim() === '' || /\bpid=\d+\s+gone\s*$/.test(text)) return;
        const m = SAMPLE.exec(text);
        if (!m) return ctx.warn(n, `not a snapshot line: ${text.slice(0, 80)}`);
        if (!isTime(m[1])) return ctx.warn(n, `the sample time ${m[1].slice(0, 40)} is no date and time; sample skipped`);
        const sample: FdSnapshot = { at: m[1], pid: Number(m[2]), total: Number(m[3]), byKind: {}, ev: ref(ctx.file, n, text) };
        for (const part of m[4].trim().split(/\s+/)) {
          const [k, v] = part.split('=');
          const value = count(v);
          if (value === undefined) continue;
          if (k === 'limit') sample.limit = value;
          else if (KINDS.has(k as FdKind)) sample.byKind[k as FdKind] = value;
        }
        out.samples.push(sample);
        out.records++;
      },
      end() {
        if (json && jsonChars > SNAPSHOTS_JSON_MAX_CHARS)
          ctx.warn(undefined, `JSON over ${SNAPSHOTS_JSON_MAX_CHARS} characters, the cap for snapshots; not read`);
        else if (json) readJson(json.join('\n'), ctx.file, out, (msg) => ctx.warn(undefined, msg));
        return out;
      },
    };
  },
};

interface JsonSample {
  at?: string;
  pid?: number;
  total?: number | null;
  limit?: number;
  byKind?: Record<string, number>;
}

function readJson(text: string, file: string, out: FdSnapshotsArtifact, warn: (m: string) => void): void {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    return warn(`not valid JSON: ${(err as Error).message.split('\n')[0].slice(0, 120)}`);
  }
  const samples = doc && typeof doc === 'object' ? (doc as { samples?: unknown }).samples : undefined;
  if (!Array.isArray(samples)) return warn('no "samples" list');
  // JSON keeps no line per sample; cite the line where each sample's "at" appears.
  const lines = text.split('\n');
  let from = 0;
  for (const s of samples as JsonSample[]) {
    if (!s || typeof s !== 'object' || typeof s.at !== 'string' || !isCount(s.pid) || !isCount(s.total)) continue;
    if (!isTime(s.at)) {
      warn(`the sample time ${s.at.slice(0, 40)} is no date and time; sample skipped`);
      continue;
    }
    let idx = -1;
    for (let i = from; i < lines.length && idx === -1; i++) if (lines[i].includes(`"${s.at}"`)) idx = i;
    if (idx >= 0) from = idx + 1;
    const line = idx >= 0 ? idx + 1 : 1;
    const byKind: FdSnapshot['byKind'] = {};
    const kinds = s.byKind && typeof s.byKind === 'object' ? Object.entries(s.byKind) : [];
    for (const [k, v] of kinds) if (KINDS.has(k as FdKind) && isCount(v)) byKind[k as FdKind] = v;
    const sample: FdSnapshot = { at: s.at, pid: s.pid, total: s.total, byKind, ev: ref(file, line, lines[line - 1]?.trim()) };
    if (isCount(s.limit)) sample.limit = s.limit;
    out.samples.push(sample);
    out.records++;
  }
}

/** A count as JSON may hold one: a whole number, not negative, exact. */
function isCount(v: unknown): v is number {
  return typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
}

/** A time the rules can subtract: Date.parse reads it (2026-13-45T99:99 it does not). */
function isTime(at: string): boolean {
  return Number.isFinite(Date.parse(at));
}
