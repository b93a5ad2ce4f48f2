// strace's printed times → seconds in the file's time base: `-tt` clock times wrap at midnight (a
// day is added when one runs back by more than twelve hours), `-r` relative times accumulate, `-ttt`
// epoch seconds stay as printed. The base is read on each call: the sink learns it from the lines.
import type { StraceShape } from './types.js';

export interface StraceClock {
  /** The printed time in seconds of the file's base; the first and last such are kept. */
  advance(printed: number): number;
  /** The first and last times advanced to; NaN before any. */
  first(): number;
  last(): number;
}

const HALF_DAY = 43200;
const DAY_SECONDS = 86400;

export function createStraceClock(shape: Pick<StraceShape, 'timeBase'>): StraceClock {
  // Times change on every line: kept in a Float64Array, since a fraction in a closure variable is
  // a new heap number each time. NaN: no time yet.
  const clock = new Float64Array(5);
  const LAST_CLOCK = 0;
  const DAY = 1;
  const REL_SUM = 2;
  const FIRST = 3;
  const LAST = 4;
  clock[LAST_CLOCK] = -1;
  clock[FIRST] = NaN;
  clock[LAST] = NaN;
  return {
    advance(printed) {
      let t = printed;
      if (shape.timeBase === 'clock') {
        const last = clock[LAST_CLOCK];
        if (last >= 0 && printed + HALF_DAY < last) clock[DAY] += DAY_SECONDS;
        clock[LAST_CLOCK] = printed;
        t = printed + clock[DAY];
      } else if (shape.timeBase === 'relative') t = clock[REL_SUM] += printed;
      if (Number.isNaN(clock[FIRST])) clock[FIRST] = t;
      clock[LAST] = t;
      return t;
    },
    first: () => clock[FIRST],
    last: () => clock[LAST],
  };
}
