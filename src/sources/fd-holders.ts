// Per-process fd accounting shared by the lsof, lsof -F, lsfd and /proc/PID/fd parsers.
// Counting is split from detail so a parser can count a row without building strings for it:
// it asks wantsEntry() before taking out the fd and name, and wantsText() before decoding a row.
import type { FdHolder, FdKind, FdTableArtifact, TcpState } from './artifacts.js';
import { keep, ref, type EvidenceRef } from '../types.js';
import { FdEntryList, Vocabulary } from './fd-entries.js';

export const MAX_ENTRIES = 2000;
/** Fds remembered per listing to tell a thread's row of a new fd from a repeat (bounded memory). */
const MAX_OWN_FD_KEYS = 200_000;
const MAX_SAMPLES = 20;
/** Pipe inodes kept per process: enough to tie a child's stdin, stdout and stderr to its parent. */
const MAX_PIPES = 1024;
/** Internet sockets kept with their rows per listing, and the characters of each row kept. */
const MAX_INET_SOCKETS = 20_000;
const MAX_ROW_TEXT = 300;
const MAX_TIDS = 4096;
/** lsof prints fds from this number on as `*` and their last three digits. */
export const CUT_FD_BASE = 10000;
/** An entry's name is kept up to PATH_MAX characters; a longer one is cut (it is no path a kernel prints). */
export const MAX_NAME_CHARS = 4096;

/** An fd listing's artifact before its first line. */
export function emptyFdTable(tool: FdTableArtifact['tool']): FdTableArtifact {
  return { records: 0, tool, hasHeader: false, hasTidColumn: false, truncated: false, rows: 0, holders: [] };
}

export class FdHolderTable {
  private readonly byPid = new Map<number, FdHolder>();
  private readonly threadOnly = new Set<FdHolder>();
  private readonly threadFds = new Map<FdHolder, Set<string>>();
  /** The fds (number, or -1 - number when cut) each holder's own rows, or its threads' rows, showed. */
  private readonly ownFds = new Map<FdHolder, Set<number>>();
  private ownFdKeys = 0;
  /** Internet sockets kept with their rows, every holder's together (inetSocket). */
  private inetKept = 0;
  private last: FdHolder | undefined;
  /** TYPE and mode words of every holder's entries. */
  readonly vocabulary = new Vocabulary();

  constructor(private readonly file: string) {}

  /** The holder of pid if it has been seen (the last one is cached: rows come grouped by pid). */
  find(pid: number): FdHolder | undefined {
    if (this.last !== undefined && this.last.pid === pid) return this.last;
    const h = this.byPid.get(pid);
    if (h !== undefined) this.last = h;
    return h;
  }

  /** Starts the holder of pid at its first row. */
  add(pid: number, command: string, user: string | undefined, line: number, text: string): FdHolder {
    const h = newHolder(
      pid,
      keep(command),
      user === undefined ? undefined : keep(user),
      ref(this.file, line, text),
      new FdEntryList(this.file, this.vocabulary, MAX_ENTRIES),
    );
    this.byPid.set(pid, h);
    this.last = h;
    return h;
  }

  /**
   * Whether a thread's row must be read as an fd: when the process has no row of its own (a
   * pasted excerpt of per-thread rows), its threads' rows are all there is to say what its fds are.
   */
  threadRowIsFd(h: FdHolder): boolean {
    return h.fds === 0 || this.threadOnly.has(h);
  }

  /** An fd the process's own row showed (see threadShowsNewFd). */
  ownFd(h: FdHolder, key: number): void {
    if (this.ownFdKeys >= MAX_OWN_FD_KEYS) return;
    let fds = this.ownFds.get(h);
    if (fds === undefined) this.ownFds.set(h, (fds = new Set()));
    if (!fds.has(key)) {
      fds.add(key);
      this.ownFdKeys++;
    }
  }

  /**
   * Whether a thread's row of a process that has rows of its own shows an fd none of them showed:
   * threads share the process's fd table, so lsof repeats its fds for each thread — but in an
   * excerpt (a paste cut short, a second block from further down) the process's own row of that
   * fd may be missing, and the thread's row is the only one that shows it (Zigbee2MQTT's fds
   * 26-33, shown only by thread 1071's rows). Not past MAX_OWN_FD_KEYS: then it is unknown.
   */
  threadShowsNewFd(h: FdHolder, key: number): boolean {
    if (this.ownFdKeys >= MAX_OWN_FD_KEYS || this.threadRowIsFd(h)) return false;
    return !(this.ownFds.get(h)?.has(key) ?? false);
  }

  /** A thread's row of an fd the process's own rows did not show: one more fd (then known). */
  threadNewFd(
    h: FdHolder,
    tid: number,
    key: number,
    kind: FdKind,
    type: string,
    fdNumber: number,
    state: TcpState | undefined,
    line: number,
    text: string,
    cut: boolean,
  ): void {
    this.threadRow(h, tid);
    this.ownFd(h, key);
    this.fd(h, kind, type, fdNumber, state, line, text, cut);
    h.rows--; // counted once, as a thread's row
  }

  /** A thread's row read as an fd (threadRowIsFd): each fd counted once, whichever thread printed it. */
  threadFd(
    h: FdHolder,
    tid: number,
    fdKey: string,
    kind: FdKind,
    type: string,
    fdNumber: number,
    state: TcpState | undefined,
    line: number,
    text: string,
    cut: boolean,
  ): boolean {
    this.threadRow(h, tid);
    let seen = this.threadFds.get(h);
    if (seen === undefined) {
      this.threadOnly.add(h);
      this.threadFds.set(h, (seen = new Set()));
    }
    if (seen.has(fdKey) || seen.size >= MAX_ENTRIES) return false;
    seen.add(fdKey);
    this.fd(h, kind, type, fdNumber, state, line, text, cut);
    h.rows--; // counted once, as a thread's row
    return true;
  }

  /** A row repeated for a thread (lsof's TID column set): a row, not another fd. */
  threadRow(h: FdHolder, tid: number): void {
    h.rows++;
    h.threadRows++;
    const tids = (h.tids ??= []);
    // Rows come grouped by thread: a new tid differs from the last one kept.
    if (tids.length < MAX_TIDS && tids[tids.length - 1] !== tid && !tids.includes(tid)) tids.push(tid);
  }

  /** cwd, rtd, txt, mem, DEL, NOFD ...: printed by lsof but not a file descriptor. */
  otherRow(h: FdHolder): void {
    h.rows++;
    h.otherRows++;
  }

  /**
   * One distinct fd. `cut`: lsof printed it truncated (`*280`: fd 10280 or higher, the last three
   * digits), and fdNumber holds those digits.
   */
  fd(
    h: FdHolder,
    kind: FdKind,
    type: string,
    fdNumber: number,
    state: TcpState | undefined,
    line: number,
    text: string,
    cut = false,
  ): void {
    h.rows++;
    h.fds++;
    h.byKind[kind] = (h.byKind[kind] ?? 0) + 1;
    h.byType[type] = (h.byType[type] ?? 0) + 1;
    const highest = cut ? CUT_FD_BASE + (fdNumber % 1000) : fdNumber;
    if (highest > Math.max(h.maxFd ?? -1, h.maxFdAtLeast ?? -1)) h.maxFdLine = line;
    if (cut) {
      if (h.maxFdAtLeast === undefined || highest > h.maxFdAtLeast) h.maxFdAtLeast = highest;
    } else if (fdNumber >= 0 && (h.maxFd === undefined || fdNumber > h.maxFd)) h.maxFd = fdNumber;
    if (kind === 'socket-unconnected') {
      h.unidentifiedSockets++;
      this.sample(h.samples.unidentified, line, text);
    } else if (kind === 'deleted-file') {
      h.deletedFiles++;
      this.sample(h.samples.deleted, line, text);
    }
    if (state === 'CLOSE_WAIT') {
      h.closeWait++;
      this.sample(h.samples.closeWait, line, text);
    }
  }

  /** A pipe fd and its inode (lsof's NODE), the first MAX_PIPES of the process. */
  pipe(h: FdHolder, fd: number, inode: number): void {
    if ((h.pipes ??= []).length < MAX_PIPES) h.pipes.push({ fd, inode });
  }

  /** A unix socket fd and its inode (lsof's NODE), the first MAX_PIPES of the process. */
  unixSocket(h: FdHolder, fd: number, inode: number): void {
    if ((h.unixSockets ??= []).length < MAX_PIPES) h.unixSockets.push({ fd, inode });
  }

  /**
   * An internet socket's fd and inode (lsof's DEVICE on Linux) with its row: the first MAX_PIPES of
   * the process, MAX_INET_SOCKETS of the listing (a host's lsof of many servers stays small), the row
   * cut to what a citation shows. `text` is asked for only when the socket is kept.
   */
  inetSocket(h: FdHolder, fd: number, inode: number, line: number, text: () => string): void {
    const kept = (h.inetSockets ??= []);
    if (kept.length >= MAX_PIPES || this.inetKept >= MAX_INET_SOCKETS) return;
    this.inetKept++;
    kept.push({ fd, inode, line, text: text().slice(0, MAX_ROW_TEXT) });
  }

  /** Whether fd() would quote the row: only then must a parser reading bytes decode it. */
  wantsText(h: FdHolder, kind: FdKind, state: TcpState | undefined): boolean {
    return (
      (kind === 'socket-unconnected' && h.samples.unidentified.length < MAX_SAMPLES) ||
      (kind === 'deleted-file' && h.samples.deleted.length < MAX_SAMPLES) ||
      (state === 'CLOSE_WAIT' && h.samples.closeWait.length < MAX_SAMPLES)
    );
  }

  wantsEntry(h: FdHolder): boolean {
    return h.entries.length < MAX_ENTRIES;
  }

  /** Entries cite the line without its text: up to 2000 per process would otherwise pin every line. */
  entry(
    h: FdHolder,
    fd: string,
    kind: FdKind,
    type: string,
    name: string,
    mode: string | undefined,
    state: TcpState | undefined,
    line: number,
  ): void {
    h.entries.add(fd.slice(0, 64), kind, type.slice(0, 64), name.slice(0, MAX_NAME_CHARS), mode || undefined, state, line);
  }

  holders(): FdHolder[] {
    return [...this.byPid.values()];
  }

  private sample(list: EvidenceRef[], line: number, text: string): void {
    if (list.length < MAX_SAMPLES) list.push(ref(this.file, line, text));
  }
}

function newHolder(pid: number, command: string, user: string | undefined, firstEvidence: EvidenceRef, entries: FdEntryList): FdHolder {
  const h: FdHolder = {
    pid,
    command,
    rows: 0,
    threadRows: 0,
    fds: 0,
    otherRows: 0,
    byKind: {},
    byType: {},
    unidentifiedSockets: 0,
    closeWait: 0,
    deletedFiles: 0,
    deletedBytes: 0,
    samples: { unidentified: [], closeWait: [], deleted: [] },
    entries,
    firstEvidence,
  };
  if (user !== undefined && user !== '') h.user = user;
  return h;
}
