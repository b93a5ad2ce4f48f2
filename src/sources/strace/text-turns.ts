// Which fd events keep their line's text: per call pattern (a create's detail, `x` closes, `s`
// FD_CLOEXEC sets …) and thread, the first KEEP_FIRST and the last KEEP_LAST — a capture of a
// million lines keeps a few hundred texts, enough to quote what each thread did first and last.
import type { FdEvent } from './types.js';

/** Line texts kept per (thread, call pattern): the first and the last few. */
const KEEP_FIRST = 20;
const KEEP_LAST = 20;
/** (call pattern, thread) pairs whose events keep texts. */
const MAX_TEXT_SLOTS = 20_000;

/** A (call pattern, thread)'s lines so far, and the last KEEP_LAST events that keep their text with their turns. */
interface TextTurns {
  tid: number;
  n: number;
  ring: FdEvent[];
  at: number[];
}

export interface TextKeeper {
  /** Gives `ev` the text of its line (clipped) while its (pattern, thread) has turns left, or among the last. */
  keepText(group: string, ev: FdEvent, text: string): void;
  /**
   * A close the compactor took without an event takes its turn all the same, so which lines keep
   * their text does not depend on what was folded: texts it would have pushed out go at the end.
   */
  closeTurn(tid: number): void;
  /** At the end: the texts of closes past the last KEEP_LAST turns are dropped. */
  lastTurns(): void;
}

export function createTextTurns(clip: (text: string) => string): TextKeeper {
  const textKeep = new Map<string, Map<number, TextTurns>>();
  let textSlots = 0;
  const turnsOf = (group: string, tid: number): TextTurns | undefined => {
    let byTid = textKeep.get(group);
    let k = byTid?.get(tid);
    if (k === undefined) {
      if (textSlots++ >= MAX_TEXT_SLOTS) return undefined;
      if (byTid === undefined) textKeep.set(group, (byTid = new Map()));
      byTid.set(tid, (k = { tid, n: 0, ring: [], at: [] }));
    }
    return k;
  };
  let closer: TextTurns | undefined;
  return {
    keepText(group, ev, text) {
      const k = turnsOf(group, ev.tid);
      if (k === undefined) return;
      ev.text = clip(text);
      const after = k.n++ - KEEP_FIRST;
      if (after < 0) return;
      // The last KEEP_LAST, in a circular buffer: the event it replaces loses its text.
      const slot = after % KEEP_LAST;
      const old = k.ring[slot];
      if (old !== undefined) old.text = undefined;
      k.ring[slot] = ev;
      k.at[slot] = k.n - 1;
    },
    closeTurn(tid) {
      // A thread's closes come in runs (a child closing what it inherited): its turns are looked up once a run.
      if (closer === undefined || closer.tid !== tid) closer = turnsOf('x', tid);
      if (closer !== undefined) closer.n++;
    },
    lastTurns() {
      for (const k of textKeep.get('x')?.values() ?? []) {
        for (let s = 0; s < k.ring.length; s++) if (k.at[s] < k.n - KEEP_LAST) k.ring[s].text = undefined;
      }
    },
  };
}
