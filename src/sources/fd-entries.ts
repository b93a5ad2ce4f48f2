// The named fds of one process (FdHolder.entries), stored as numbers and bytes rather than one
// object per fd: a whole host's lsof names about a million of them, and the rules read few (the
// kinds of one pile, the files opened again and again, a path for the fd an strace names). An
// entry's strings are decoded when read; `at(i)` and iteration give the FdEntry of before.
import { FD_KINDS, TCP_STATES, type FdEntry, type FdKind, type TcpState } from './fd-entry.js';
import type { EvidenceRef } from '../types.js';

const KIND_CODE = new Map(FD_KINDS.map((k, i) => [k, i]));
const STATES: readonly TcpState[] = TCP_STATES;
/** 0: no state; otherwise 1 + its index in STATES. */
const STATE_CODE = new Map(STATES.map((s, i) => [s, i + 1]));
const ENCODER = new TextEncoder();
/** Ints per entry in `ints`: end of the fd text, end of the name, kind and state, TYPE, mode. */
const STRIDE = 5;
/** The mode id of an entry without one. */
export const NO_MODE = -1;

/** Strings that repeat from entry to entry (TYPE, mode), kept once per table and stored as ids. */
export class Vocabulary {
  private readonly ids = new Map<string, number>();
  readonly words: string[] = [];

  id(word: string): number {
    let id = this.ids.get(word);
    if (id === undefined) {
      id = this.words.length;
      this.words.push(word);
      this.ids.set(word, id);
    }
    return id;
  }
}

export class FdEntryList implements Iterable<FdEntry> {
  length = 0;
  /** Per entry, its fd as printed and then its name, as UTF-8. */
  private bytes = Buffer.allocUnsafe(256);
  private used = 0;
  private ints = new Int32Array(8 * STRIDE);
  private lines = new Float64Array(8);

  constructor(
    private readonly file: string,
    private readonly vocabulary: Vocabulary,
    private readonly capacity: number,
  ) {}

  /** Appends an entry given as strings. */
  add(fd: string, kind: FdKind, type: string, name: string, mode: string | undefined, state: TcpState | undefined, line: number): void {
    this.reserve(3 * (fd.length + name.length));
    const fdEnd = this.used + ENCODER.encodeInto(fd, this.bytes.subarray(this.used)).written;
    const nameEnd = fdEnd + ENCODER.encodeInto(name, this.bytes.subarray(fdEnd)).written;
    this.push(fdEnd, nameEnd, kind, state, this.vocabulary.id(type), mode === undefined ? NO_MODE : this.vocabulary.id(mode), line);
  }

  /**
   * Appends an entry whose fd and name are the bytes [fdFrom, fdTo) and [nameFrom, nameTo) of
   * buf; `type` and `mode` are vocabulary ids (mode NO_MODE for none).
   */
  addBytes(
    buf: Uint8Array,
    fdFrom: number,
    fdTo: number,
    kind: FdKind,
    type: number,
    mode: number,
    nameFrom: number,
    nameTo: number,
    state: TcpState | undefined,
    line: number,
  ): void {
    this.reserve(fdTo - fdFrom + nameTo - nameFrom);
    const bytes = this.bytes;
    let at = this.used;
    for (let k = fdFrom; k < fdTo; k++) bytes[at++] = buf[k];
    const fdEnd = at;
    if (nameTo - nameFrom > 64) {
      bytes.set(buf.subarray(nameFrom, nameTo), at);
      at += nameTo - nameFrom;
    } else for (let k = nameFrom; k < nameTo; k++) bytes[at++] = buf[k];
    this.push(fdEnd, at, kind, state, type, mode, line);
  }

  /** The entries of these kinds, in order (the signals read a few kinds of a million entries). */
  ofKind(...kinds: FdKind[]): number[] {
    const codes = kinds.map((k) => KIND_CODE.get(k)!);
    const out: number[] = [];
    for (let i = 0; i < this.length; i++) if (codes.includes(this.ints[i * STRIDE + 2] & 0xff)) out.push(i);
    return out;
  }

  kind(i: number): FdKind {
    return FD_KINDS[this.ints[i * STRIDE + 2] & 0xff];
  }

  state(i: number): TcpState | undefined {
    const code = this.ints[i * STRIDE + 2] >>> 8;
    return code === 0 ? undefined : STATES[code - 1];
  }

  /** The entry's TYPE column as the listing printed it (`REG`, `DIR`, `IPv4`...). */
  type(i: number): string {
    return this.vocabulary.words[this.ints[i * STRIDE + 3]];
  }

  fd(i: number): string {
    return this.bytes.toString('utf8', this.start(i), this.ints[i * STRIDE]);
  }

  name(i: number): string {
    return this.bytes.toString('utf8', this.ints[i * STRIDE], this.ints[i * STRIDE + 1]);
  }

  line(i: number): number {
    return this.lines[i];
  }

  ev(i: number): EvidenceRef {
    return { file: this.file, line: this.lines[i] };
  }

  at(i: number): FdEntry {
    const e: FdEntry = {
      fd: this.fd(i),
      kind: this.kind(i),
      type: this.type(i),
      name: this.name(i),
      ev: this.ev(i),
    };
    const mode = this.ints[i * STRIDE + 4];
    if (mode !== NO_MODE) e.mode = this.vocabulary.words[mode];
    const state = this.state(i);
    if (state) e.state = state;
    return e;
  }

  *[Symbol.iterator](): Iterator<FdEntry> {
    for (let i = 0; i < this.length; i++) yield this.at(i);
  }

  toJSON(): FdEntry[] {
    return [...this];
  }

  private start(i: number): number {
    return i === 0 ? 0 : this.ints[(i - 1) * STRIDE + 1];
  }

  private push(fdEnd: number, nameEnd: number, kind: FdKind, state: TcpState | undefined, type: number, mode: number, line: number): void {
    const n = this.length;
    if (n === this.lines.length) this.grow();
    const o = n * STRIDE;
    this.ints[o] = fdEnd;
    this.ints[o + 1] = nameEnd;
    this.ints[o + 2] = KIND_CODE.get(kind)! | ((state === undefined ? 0 : STATE_CODE.get(state)!) << 8);
    this.ints[o + 3] = type;
    this.ints[o + 4] = mode;
    this.lines[n] = line;
    this.used = nameEnd;
    this.length = n + 1;
  }

  private grow(): void {
    const n = this.lines.length;
    const size = n < this.capacity ? Math.min(n * 2, this.capacity) : n * 2;
    const ints = new Int32Array(size * STRIDE);
    ints.set(this.ints);
    this.ints = ints;
    const lines = new Float64Array(size);
    lines.set(this.lines);
    this.lines = lines;
  }

  private reserve(more: number): void {
    if (this.used + more <= this.bytes.length) return;
    const bigger = Buffer.allocUnsafe(Math.max(this.bytes.length * 2, this.used + more));
    this.bytes.copy(bigger, 0, 0, this.used);
    this.bytes = bigger;
  }
}
