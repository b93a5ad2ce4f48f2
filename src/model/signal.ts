// A signal: one thing the bundle shows about one process that bears on whether it leaks fds.
// Each signal module under signals/ reads one kind of evidence; docs/diagnosis.md is the table of
// signals, what each proves and its weight. The case of a process is the sum of its signals.
import type { EvidenceRef } from '../types.js';
import type { LeakKind } from '../result.js';
import type { FdKind, LimitValue } from '../sources/artifacts.js';
import type { FdView, HostModel, Measured, ProcessModel } from './host.js';
import type { Growth } from './growth.js';
import type { StraceView } from './strace/view.js';
import type { OwnedLog } from './log-owners.js';

/** 1: supporting (points at a process, proves nothing alone); 2: strong; 3: decisive on its own. */
export type Weight = 1 | 2 | 3;

export interface Signal {
  /** Stable id, listed in docs/diagnosis.md. */
  id: string;
  /** The leak kind it points at; null for exhaustion and growth, which say that, not what. */
  kind: LeakKind | null;
  weight: Weight;
  count: number | null;
  /** What the fds it counts are, more precisely than its kind says (`inotify instances`). */
  what?: string;
  /** The fds an excerpt lists, when `count` is a share of them rather than of all the process holds. */
  of?: number;
  /** One sentence whose numbers all come from the bundle. */
  statement: string;
  evidence: EvidenceRef[];
  /**
   * It says only that the process ran out of fds, or is close to: a limit too small for any
   * program (limitExplainsRunningOut) explains that, and then it is no signal.
   */
  runningOut?: true;
  /**
   * The weight it keeps when no signal of the process names a leaking kind: a clear climb of untimed
   * counts says the fds grow, not what they are; it takes a kind beside it to make a leak.
   */
  weightWithoutKind?: Weight;
}

export interface FdLimit {
  /** null: unlimited. */
  value: number | null;
  basis: string;
  ev: EvidenceRef;
  /** The capturing shell's `ulimit -a`, not the process's own limit. */
  assumed: boolean;
}

/** What is known of one process before it is judged. */
export interface CaseFacts {
  process: ProcessModel;
  /** The processes ps lists as its children. */
  children: ProcessModel[];
  fdCount: Measured | null;
  fdLimit: FdLimit | null;
  /** Fd kinds from the most complete fd listing (or the last snapshot); empty when none lists them. */
  kinds: Partial<Record<FdKind, number>>;
  /** The listing the kinds come from. */
  bestView: FdView | null;
  limitUse: number | null;
  growth: Growth | null;
  strace: StraceView | null;
  logs: OwnedLog[];
  /** Its own counts fall back again and again, far under its limit (reclaimed.ts): the smallest of them; else null. */
  reclaimedFloor?: number | null;
}

interface SignalContext {
  model: HostModel;
  facts: CaseFacts;
}

export type SignalSource = (ctx: SignalContext) => Signal[];

/** The capturing shell's `ulimit -a` stands in for a process's own limit only when nothing better exists. */
export const SHELL_ULIMIT_BASIS = "the capturing shell's ulimit -a, assumed";

/**
 * A process's own limit below this explains running out by itself: a program holds a dozen fds
 * at rest (stdio, its binary's libraries' files, a log, an event loop), so even a healthy one fails
 * under it. (The lowest default anywhere is macOS's 256.)
 */
export const TINY_LIMIT = 64;

/** Its own limit (not a shell's, assumed) is too small for any program. */
export function limitExplainsRunningOut(limit: FdLimit | null): boolean {
  return limit !== null && !limit.assumed && limit.value !== null && limit.value < TINY_LIMIT;
}

export function limitFrom(value: LimitValue, basis: string, assumed: boolean): FdLimit {
  return { value: value.soft, basis, ev: value.ev, assumed };
}

/** The leak kind an fd of this kind would be. */
export function leakKindOf(kind: FdKind): LeakKind {
  switch (kind) {
    case 'socket-unconnected':
    case 'socket-udp':
    case 'socket-unix':
    case 'file':
    case 'deleted-file':
    case 'pipe':
      return kind;
    case 'anon':
      return 'anon-inode';
    default:
      return 'other';
  }
}

export function share(count: number, total: number | null | undefined): number {
  return total ? count / total : 1;
}
