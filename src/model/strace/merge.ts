// Merges the event lists of several strace files (-ff: one per thread) into one stream ordered
// by time. Each list is already in file order, so this is a k-way merge; a stable tie-break on
// input order keeps same-time events of one file in their printed order.
import type { FdEvent, StraceArtifact, TimeBase } from '../../sources/strace/types.js';

export interface SourcedEvent {
  ev: FdEvent;
  file: string;
}

export interface MergeResult {
  events: SourcedEvent[];
  /** Set when times could not order the files (mixed bases, -r or no times): files were concatenated. */
  concatenated: string | null;
  timeBase: TimeBase;
}

export function mergeEvents(inputs: { file: string; artifact: StraceArtifact }[]): MergeResult {
  const bases = new Set(inputs.map((i) => i.artifact.shape.timeBase));
  const timeBase: TimeBase = bases.size === 1 ? [...bases][0] : 'none';
  if (inputs.length === 1 || bases.size !== 1 || timeBase === 'relative' || timeBase === 'none') {
    const events: SourcedEvent[] = [];
    for (const i of inputs) for (const ev of i.artifact.events) events.push({ ev, file: i.file });
    const concatenated =
      inputs.length <= 1
        ? null
        : bases.size !== 1
          ? 'the files use different time columns; they were read one after another'
          : `the files have ${timeBase === 'relative' ? 'relative (-r)' : 'no'} times; they were read one after another`;
    return { events, concatenated, timeBase: inputs.length <= 1 ? timeBase : bases.size === 1 ? timeBase : 'none' };
  }
  const heads = inputs.map(() => 0);
  const total = inputs.reduce((n, i) => n + i.artifact.events.length, 0);
  const events: SourcedEvent[] = new Array(total);
  for (let out = 0; out < total; out++) {
    let best = -1;
    let bestTime = Infinity;
    for (let k = 0; k < inputs.length; k++) {
      const list = inputs[k].artifact.events;
      if (heads[k] >= list.length) continue;
      const t = list[heads[k]].time ?? -Infinity;
      if (best === -1 || t < bestTime) {
        best = k;
        bestTime = t;
      }
    }
    events[out] = { ev: inputs[best].artifact.events[heads[best]++], file: inputs[best].file };
  }
  return { events, concatenated: null, timeBase };
}
