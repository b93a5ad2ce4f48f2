// strace times in their three bases, printed for humans and lined up with log timestamps.
// -tt prints the local wall clock without a date; -ttt prints epoch seconds; -r only deltas.
import type { TimeBase } from '../../sources/strace/types.js';

function pad(n: number, w = 2): string {
  return String(n).padStart(w, '0');
}

/** Seconds since midnight (maybe past 86400 after a wrap) → `HH:MM:SS.ffffff` (+Nd). */
function formatClock(seconds: number): string {
  const day = Math.floor(seconds / 86400);
  let s = seconds - day * 86400;
  const h = Math.floor(s / 3600);
  s -= h * 3600;
  const m = Math.floor(s / 60);
  s -= m * 60;
  const whole = Math.floor(s);
  const micro = Math.round((s - whole) * 1e6);
  const text = `${pad(h)}:${pad(m)}:${pad(whole)}.${pad(Math.min(micro, 999999), 6)}`;
  return day > 0 ? `${text} (+${day}d)` : text;
}

export function formatTime(t: number | null, base: TimeBase, captureDate?: string): string | null {
  if (t === null) return null;
  switch (base) {
    case 'clock':
      return captureDate && t < 86400 ? `${captureDate} ${formatClock(t)}` : formatClock(t);
    case 'epoch':
      return new Date(t * 1000).toISOString();
    case 'relative':
      return `+${t.toFixed(6)}s`;
    default:
      return null;
  }
}

/** Seconds since local midnight of an epoch time in an IANA zone. */
function epochToLocalSeconds(epoch: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(Math.floor(epoch) * 1000));
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value ?? 0);
  return get('hour') * 3600 + get('minute') * 60 + get('second') + (epoch - Math.floor(epoch));
}

export interface Alignment {
  /** strace time → seconds since local midnight, comparable with log timestamps. */
  toLogSeconds: (t: number) => number;
  /** What was assumed, in words; null when nothing needed assuming. */
  assumption: string | null;
}

/** How to compare strace times with a log's local timestamps; null when strace has no wall clock. */
export function alignToLog(base: TimeBase, timezone?: string, captureDate?: string): Alignment | null {
  if (base === 'clock') {
    return {
      toLogSeconds: (t) => t % 86400,
      assumption:
        `The strace -tt times carry no date or zone: they are taken as the host's local time${timezone ? ` (${timezone})` : ''}` +
        `${captureDate ? ` on ${captureDate}` : ''}, the same clock as the log's timestamps`,
    };
  }
  if (base === 'epoch') {
    const zone = timezone ?? 'UTC';
    return {
      toLogSeconds: (t) => epochToLocalSeconds(t, zone),
      assumption: timezone ? null : 'No host time zone is given: the log timestamps are taken as UTC',
    };
  }
  return null;
}
