// Packs the strace artifact a worker thread posts back (src/strace/parallel.ts) into typed arrays
// and one string. The structured clone of tens of thousands of event and write-sample objects
// took ~60-90 ms to write in the worker and ~110-120 ms to read on the main thread (500 MB
// benchmark logs), on the critical path; typed arrays move without a copy and one string is one copy.
import type { FdEvent, FdEventKind, FdWrites, StraceArtifact, WriteSample } from './types.js';

const KINDS: FdEventKind[] = ['create', 'close', 'close-range', 'cloexec', 'connect', 'fork', 'exec', 'exit'];
const KIND_INDEX = new Map(KINDS.map((k, i) => [k, i]));

// Numbers per event, sample and write. NaN stands for null/absent, -1 for no string.
const EV = { kind: 0, time: 1, tid: 2, fd: 3, fd2: 4, detail: 5, flags: 6, path: 7, child: 8, line: 9, text: 10, listAt: 11, listLen: 12, byAt: 13, size: 14 };
const SA = { time: 0, line: 1, lineText: 2, text: 3, bytes: 4, truncated: 5, size: 6 };
const WR = { tid: 0, fd: 1, path: 2, count: 3, bytes: 4, first: 5, listAt: 6, listLen: 7, size: 8 };
/** Optional booleans of an event: two bits each (present, value). */
const BOOLS = ['cloexec', 'shareFiles', 'thread', 'replaces', 'childExeced'] as const;

export interface PackedArtifact {
  /** The artifact without its events and writes. */
  rest: StraceArtifact;
  events: Float64Array;
  samples: Float64Array;
  writes: Float64Array;
  /** Inherited fds of fork events and sample indexes of writes, by listAt/listLen. */
  lists: Float64Array;
  /** Every string, joined; strEnds[i] is where string i ends. */
  strings: string;
  strEnds: Float64Array;
}

/** The typed arrays of a packed artifact, for postMessage's transfer list. */
export function transferablesOf(p: PackedArtifact): ArrayBuffer[] {
  return [p.events, p.samples, p.writes, p.lists, p.strEnds].map((a) => a.buffer as ArrayBuffer);
}

class StringTable {
  private readonly index = new Map<string, number>();
  private readonly parts: string[] = [];
  private readonly ends: number[] = [];
  private length = 0;

  /** Details and paths repeat (and are interned, so their hash is known): stored once each. */
  shared(s: string | undefined): number {
    if (s === undefined) return -1;
    const i = this.index.get(s);
    if (i !== undefined) return i;
    const added = this.add(s);
    this.index.set(s, added);
    return added;
  }

  /** Quoted line texts are nearly all different: not looked up. */
  add(s: string | undefined): number {
    if (s === undefined) return -1;
    this.parts.push(s);
    this.length += s.length;
    this.ends.push(this.length);
    return this.parts.length - 1;
  }

  done(): { strings: string; strEnds: Float64Array } {
    return { strings: this.parts.join(''), strEnds: Float64Array.from(this.ends) };
  }
}

const num = (v: number | null | undefined): number => (v === null || v === undefined ? NaN : v);

export function packArtifact(art: StraceArtifact): PackedArtifact {
  const strs = new StringTable();
  const lists: number[] = [];
  const events = new Float64Array(art.events.length * EV.size);
  art.events.forEach((e, n) => {
    const o = n * EV.size;
    events[o + EV.kind] = KIND_INDEX.get(e.kind)!;
    events[o + EV.time] = num(e.time);
    events[o + EV.tid] = e.tid;
    events[o + EV.fd] = e.fd;
    events[o + EV.fd2] = num(e.fd2);
    events[o + EV.detail] = strs.shared(e.detail);
    let flags = 0;
    BOOLS.forEach((b, k) => {
      const v = e[b];
      if (v !== undefined) flags |= (v ? 3 : 1) << (2 * k);
    });
    events[o + EV.flags] = flags;
    events[o + EV.path] = strs.shared(e.path);
    events[o + EV.child] = num(e.child);
    events[o + EV.line] = e.line;
    events[o + EV.text] = strs.add(e.text);
    events[o + EV.listAt] = e.inherit ? lists.length : -1;
    events[o + EV.listLen] = e.inherit?.length ?? 0;
    if (e.inherit) for (const x of e.inherit) lists.push(x);
    events[o + EV.byAt] = e.inheritBy ? lists.length : -1;
    if (e.inheritBy) for (const x of e.inheritBy) lists.push(x);
  });
  // A sample can be both a write's `first` and one of its samples: each is packed once.
  const sampleIndex = new Map<WriteSample, number>();
  const sampleList: WriteSample[] = [];
  const sampleOf = (s: WriteSample): number => {
    let i = sampleIndex.get(s);
    if (i === undefined) {
      i = sampleList.length;
      sampleIndex.set(s, i);
      sampleList.push(s);
    }
    return i;
  };
  const writes = new Float64Array(art.writes.length * WR.size);
  art.writes.forEach((w, n) => {
    const o = n * WR.size;
    writes[o + WR.tid] = w.tid;
    writes[o + WR.fd] = w.fd;
    writes[o + WR.path] = strs.shared(w.path);
    writes[o + WR.count] = w.count;
    writes[o + WR.bytes] = w.bytes;
    writes[o + WR.first] = sampleOf(w.first);
    writes[o + WR.listAt] = lists.length;
    writes[o + WR.listLen] = w.samples.length;
    for (const s of w.samples) lists.push(sampleOf(s));
  });
  const samples = new Float64Array(sampleList.length * SA.size);
  sampleList.forEach((s, n) => {
    const o = n * SA.size;
    samples[o + SA.time] = num(s.time);
    samples[o + SA.line] = s.line;
    samples[o + SA.lineText] = strs.add(s.lineText);
    samples[o + SA.text] = strs.add(s.text);
    samples[o + SA.bytes] = s.bytes;
    samples[o + SA.truncated] = s.truncated ? 1 : 0;
  });
  return { rest: { ...art, events: [], writes: [] }, events, samples, writes, lists: Float64Array.from(lists), ...strs.done() };
}

/**
 * The artifact again. `move`: its lines and times moved as merge-parts' moveToFile moves them (the
 * second part of a file: lineOffset lines and `shift` seconds later), while they are unpacked.
 */
export function unpackArtifact(p: PackedArtifact, move: { lineOffset: number; shift: number } = { lineOffset: 0, shift: 0 }): StraceArtifact {
  const { lineOffset, shift } = move;
  const strs: string[] = new Array(p.strEnds.length);
  for (let i = 0, at = 0; i < p.strEnds.length; i++) {
    strs[i] = p.strings.slice(at, p.strEnds[i]);
    at = p.strEnds[i];
  }
  const str = (i: number): string | undefined => (i < 0 ? undefined : strs[i]);
  const orNull = (v: number): number | null => (Number.isNaN(v) ? null : v);
  const timeOf = (v: number): number | null => (Number.isNaN(v) ? null : v + shift);
  const { events: ev, samples: sa, writes: wr, lists } = p;
  const events: FdEvent[] = [];
  for (let o = 0; o < ev.length; o += EV.size) {
    const e: FdEvent = { kind: KINDS[ev[o + EV.kind]], time: timeOf(ev[o + EV.time]), tid: ev[o + EV.tid], fd: ev[o + EV.fd], detail: strs[ev[o + EV.detail]], line: ev[o + EV.line] + lineOffset };
    if (!Number.isNaN(ev[o + EV.fd2])) e.fd2 = ev[o + EV.fd2];
    const flags = ev[o + EV.flags];
    if (flags !== 0) {
      for (let k = 0; k < BOOLS.length; k++) {
        const bits = (flags >> (2 * k)) & 3;
        if (bits !== 0) e[BOOLS[k]] = bits === 3;
      }
    }
    const path = str(ev[o + EV.path]);
    if (path !== undefined) e.path = path;
    if (!Number.isNaN(ev[o + EV.child])) e.child = ev[o + EV.child];
    const text = str(ev[o + EV.text]);
    if (text !== undefined) e.text = text;
    const at = ev[o + EV.listAt];
    if (at >= 0) e.inherit = Array.from(lists.subarray(at, at + ev[o + EV.listLen]));
    const byAt = ev[o + EV.byAt];
    if (byAt >= 0) e.inheritBy = Array.from(lists.subarray(byAt, byAt + ev[o + EV.listLen]));
    events.push(e);
  }
  const samples: WriteSample[] = [];
  for (let o = 0; o < sa.length; o += SA.size) {
    samples.push({ time: timeOf(sa[o + SA.time]), line: sa[o + SA.line] + lineOffset, lineText: strs[sa[o + SA.lineText]], text: strs[sa[o + SA.text]], bytes: sa[o + SA.bytes], truncated: sa[o + SA.truncated] === 1 });
  }
  const writes: FdWrites[] = [];
  for (let o = 0; o < wr.length; o += WR.size) {
    const at = wr[o + WR.listAt];
    const w: FdWrites = {
      tid: wr[o + WR.tid], fd: wr[o + WR.fd], count: wr[o + WR.count], bytes: wr[o + WR.bytes],
      samples: Array.from(lists.subarray(at, at + wr[o + WR.listLen]), (i) => samples[i]), first: samples[wr[o + WR.first]],
    };
    const path = str(wr[o + WR.path]);
    if (path !== undefined) w.path = path;
    writes.push(w);
  }
  const moved = (t: number | null) => (t === null ? null : t + shift);
  const threads = lineOffset === 0 && shift === 0 ? p.rest.threads
    : p.rest.threads.map((th) => ({ ...th, firstLine: th.firstLine + lineOffset, firstTime: moved(th.firstTime), lastTime: moved(th.lastTime) }));
  return { ...p.rest, firstTime: moved(p.rest.firstTime), lastTime: moved(p.rest.lastTime), threads, events, writes };
}
