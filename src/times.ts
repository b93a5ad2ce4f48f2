// Times as evidence prints them: ISO stamps from manifests, clock times from strace -tt, "MM-DD hh:mm:ss"
// from application logs, epoch seconds from strace -ttt. Clock times borrow their date from the capture.

const ISO = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;
const MONTH_DAY = /^(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})(\.\d+)?$/;
const CLOCK = /^(\d{2}):(\d{2}):(\d{2})(\.\d+)?$/;
const EPOCH = /^(\d{9,10})(\.\d+)?$/;

interface Parts {
  y: number;
  mo: number;
  d: number;
  h: number;
  mi: number;
  s: number;
  ms: number;
  /** Minutes east of UTC; null when the text does not say. */
  offset: number | null;
}

function parts(text: string): Partial<Parts> | null {
  const t = text.trim();
  let m = ISO.exec(t);
  if (m) {
    return { y: +m[1], mo: +m[2], d: +m[3], h: +m[4], mi: +m[5], s: +(m[6] ?? 0), ms: frac(m[7]), offset: zone(m[8]) };
  }
  m = MONTH_DAY.exec(t);
  if (m) return { mo: +m[1], d: +m[2], h: +m[3], mi: +m[4], s: +m[5], ms: frac(m[6]) };
  m = CLOCK.exec(t);
  if (m) return { h: +m[1], mi: +m[2], s: +m[3], ms: frac(m[4]) };
  m = EPOCH.exec(t);
  if (m) {
    const d = new Date(+m[1] * 1000 + frac(m[2]));
    return {
      y: d.getUTCFullYear(),
      mo: d.getUTCMonth() + 1,
      d: d.getUTCDate(),
      h: d.getUTCHours(),
      mi: d.getUTCMinutes(),
      s: d.getUTCSeconds(),
      ms: d.getUTCMilliseconds(),
      offset: 0,
    };
  }
  return null;
}

function frac(f: string | undefined): number {
  return f ? Math.round(Number(f) * 1000) : 0;
}

function zone(z: string | undefined): number | null {
  if (!z) return null;
  if (z === 'Z') return 0;
  const m = /^([+-])(\d{2}):?(\d{2})$/.exec(z)!;
  return (m[1] === '-' ? -1 : 1) * (+m[2] * 60 + +m[3]);
}

/**
 * Milliseconds since the epoch, or null when the text is not a time or has no date and `context`
 * (an ISO capture time) cannot supply one. A clock time takes the context's date and zone.
 */
export function instant(text: string, context?: string | null): number | null {
  const p = parts(text);
  if (!p) return null;
  const c = context ? parts(context) : null;
  const y = p.y ?? c?.y;
  const mo = p.mo ?? c?.mo;
  const d = p.d ?? c?.d;
  if (y === undefined || mo === undefined || d === undefined) return null;
  const offset = p.offset ?? c?.offset ?? 0;
  return Date.UTC(y, mo - 1, d, p.h ?? 0, p.mi ?? 0, p.s ?? 0, p.ms ?? 0) - offset * 60_000;
}

/** The wall-clock time as printed, placed on a UTC axis (for charts: what the reader saw, no zone shifts). */
export function wallClock(text: string): number | null {
  const p = parts(text);
  if (!p) return null;
  return Date.UTC(p.y ?? 1970, (p.mo ?? 1) - 1, p.d ?? 1, p.h ?? 0, p.mi ?? 0, p.s ?? 0, p.ms ?? 0);
}
