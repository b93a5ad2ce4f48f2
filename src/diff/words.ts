// Small wordings shared by the comparison and its renderers.
import { formatNumber as fmt } from '../format.js';
import type { EvidenceRef } from '../types.js';
import type { LeakKind } from '../result.js';
import { LEAK_KINDS } from '../leak-kinds.js';
import type { Side } from './result.js';

/** 4 s, 10 min, 2.5 h. */
export function duration(seconds: number): string {
  if (seconds < 120) return `${fmt(Math.round(seconds))} s`;
  if (seconds < 2 * 3600) return `${fmt(Math.round(seconds / 60))} min`;
  return `${fmt(Math.round(seconds / 360) / 10)} h`;
}

/** A rate per minute as fds per hour, the unit a fix is watched in: 585/min → "35,100/h". */
export function perHour(perMinute: number): string {
  return `${fmt(Math.round(perMinute * 60))}/h`;
}

/** `A:snapshots.txt:4`: a citation says which bundle it points into. */
function cite(side: Side, ev: EvidenceRef): string {
  return `${side.toUpperCase()}:${ev.file}:${ev.line}`;
}

/** +592, -599.9, 0: a change with its sign. */
export function signed(n: number): string {
  const r = Math.round(n * 10) / 10;
  return `${r > 0 ? '+' : ''}${fmt(r)}`;
}

/** The citations of a value in A and one in B, A's first. */
export function citesOf(a: { evidence: EvidenceRef[] } | null, b: { evidence: EvidenceRef[] } | null): string[] {
  return [...(a?.evidence ?? []).map((e) => cite('a', e)), ...(b?.evidence ?? []).map((e) => cite('b', e))];
}

/** What a leak kind's number counts, short: "unconnected sockets"; "fds" for kinds no listing names (inherited, other). */
export function leakLabel(kind: LeakKind): string {
  if (kind === 'socket-unconnected') return 'unconnected sockets';
  if (kind === 'socket-close-wait') return 'CLOSE_WAIT sockets';
  return kind === 'inherited' || kind === 'other' ? 'fds' : LEAK_KINDS[kind].label;
}
