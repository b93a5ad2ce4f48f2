import { trimEndChars } from './text.js';

// Numbers as en-US prints them (1,234,567.891: groups of three, at most three decimals), without
// Intl: the first toLocaleString call of a run loads ICU's number data, ~25 ms of an analysis that
// takes ~2 s. Like ICU, it rounds the shortest decimal form of the number (String(n)), half away
// from zero.
export function formatNumber(n: number): string {
  if (!Number.isFinite(n) || Math.abs(n) >= 1e15) return n.toLocaleString('en-US');
  const sign = n < 0 || Object.is(n, -0) ? '-' : '';
  const abs = Math.abs(n);
  // Below 1e-6 String() has an exponent; such a number rounds to 0 anyway.
  const s = abs < 1e-6 ? '0' : String(abs);
  const dot = s.indexOf('.');
  let int = dot === -1 ? s : s.slice(0, dot);
  let frac = dot === -1 ? '' : s.slice(dot + 1);
  if (frac.length > 3) {
    let digits = BigInt(int + frac.slice(0, 3));
    if (frac.charCodeAt(3) >= 53 /* 5 */) digits += 1n;
    const all = digits.toString().padStart(4, '0');
    int = all.slice(0, -3);
    frac = all.slice(-3);
  }
  frac = trimEndChars(frac, '0');
  let grouped = int.slice(0, int.length % 3 || 3);
  for (let k = grouped.length; k < int.length; k += 3) grouped += ',' + int.slice(k, k + 3);
  return sign + grouped + (frac === '' ? '' : '.' + frac);
}

/** 7,878,865,375 bytes (7.3 GiB): the exact number, then its size in binary units. */
export function formatBytes(n: number): string {
  const units = ['KiB', 'MiB', 'GiB', 'TiB'];
  let v = n;
  let unit = '';
  for (const u of units) {
    if (v < 1024) break;
    v /= 1024;
    unit = u;
  }
  return unit ? `${formatNumber(n)} bytes (${formatNumber(Math.round(v * 10) / 10)} ${unit})` : `${formatNumber(n)} bytes`;
}

/** 65,966 lsof rows / at least 63 fds / 613 fds: a count says what it counted. */
export function fdCountText(n: number, measure?: 'fds' | 'rows' | 'at-least' | null): string {
  if (measure === 'rows') return `${formatNumber(n)} lsof rows`;
  if (measure === 'at-least') return `at least ${formatNumber(n)} fds`;
  return `${formatNumber(n)} fds`;
}
