// How many fds of one kind make a pile: the thresholds the model's signals weigh a process by,
// and `collect --auto` picks its suspect by (one meaning, written once). docs/diagnosis.md's signal
// table says what each proves.

/** Counts past which a kind is a pile: `decisive` alone proves a leak, `weak` only points at the process. */
export const PILES = {
  // A socket sits in no table only between socket() and connect(): a healthy client holds one or
  // two for an instant, never a handful.
  unconnected: { decisive: 50, decisiveShare: 0.2, weak: 3 },
  // CLOSE_WAIT waits only for the program's close(): a healthy one holds a few for an instant.
  // Or `mostly` of them, when they are `mostlyShare` of the TCP sockets its rows show.
  closeWait: { decisive: 10, weak: 3, mostly: 5, mostlyShare: 0.5 },
  /** A connected unix socket whose peer is gone waits, like CLOSE_WAIT, for a close() that never comes. */
  unixPeerGone: { decisive: 10, weak: 3 },
  /** Or a weak pile by the disk it holds: 1 GiB of unlinked files kept open. */
  deleted: { decisive: 20, weak: 3, weakBytes: 2 ** 30 },
  /**
   * Files a rotation replaced, still open (deleted, or renamed beside the new file): a reader
   * finishing the copy it was on holds one; two are handles left behind.
   */
  rotated: { decisive: 2 },
  sameFile: { decisive: 50, decisiveShare: 0.3, weak: 10 },
  /** pipes, anon inodes, UDP and unix sockets, sockets of unknown type: [count, share] per weight. */
  other: { strong: [200, 0.5], decisive: [500, 0.5], weak: [50, 0.3] },
} as const;

/** Instances past which one process holds a pile: the default per-user allowance is 128. */
export const INOTIFY_PILE = { weak: 16, strong: 64, decisive: 100 } as const;
