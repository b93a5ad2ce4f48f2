// Fds a listing names that are not what their kind alone says: a memfd named `(deleted)`, a
// tracer's perf events and BPF objects among the anonymous inodes, a netlink socket among the
// sockets of other types.
import type { FdEntryList } from '../../sources/fd-entries.js';

/**
 * A memfd (`/memfd:stat_segment (deleted)`): anonymous memory, which every tool shows as deleted
 * because it never had a name on a disk. Its fds are of one file, not of files unlinked while open.
 */
export function isMemfd(name: string): boolean {
  return name.startsWith('/memfd:');
}

/**
 * The perf events and BPF objects of an eBPF or perf tracer (`anon_inode:[perf_event]`,
 * `anon_inode:bpf-map`, `bpf-prog`, `bpf_link`): one per probe and CPU, one per map — the work it
 * was asked for, held while it traces. In an excerpt they say what such a tool holds by design
 * (bpftrace, bcc and traceloop hit EMFILE at start with a few probes), not what piles up.
 */
const TRACER_OBJECT = /(?:^|[:[])(?:perf_event|bpf[-_](?:map|prog|link|iter))\b/;

export function tracerObjects(list: FdEntryList): number {
  let n = 0;
  for (const i of list.ofKind('anon')) if (TRACER_OBJECT.test(list.name(i))) n++;
  return n;
}

/**
 * The protocols lsof names a `netlink` row by (its NAME column). A process holds a handful of
 * netlink sockets (a route socket, a uevent or audit socket); more, at the top of a large table,
 * are made again and again and never closed (one per reload, per query).
 */
const NETLINK_PROTOCOL =
  /^(?:ROUTE|UNUSED|USERSOCK|FIREWALL|SOCK_DIAG|INET_DIAG|NFLOG|XFRM|SELINUX|ISCSI|AUDIT|FIB_LOOKUP|CONNECTOR|NETFILTER|IP6_FW|DNRTMSG|KOBJECT_UEVENT|GENERIC|SCSITRANSPORT|ECRYPTFS|RDMA|CRYPTO|SMC|NETLINK)$/;

/**
 * Netlink sockets of a listing: lsof's `netlink` rows (their NAME is the protocol), and its `sock`
 * rows named `protocol: NETLINK` (a netlink socket lsof found in no table of its own).
 */
export function netlinkSockets(list: FdEntryList): number {
  let n = 0;
  for (const i of list.ofKind('socket-other')) if (isNetlinkName(list.name(i))) n++;
  return n;
}

/** `ROUTE`, `KOBJECT_UEVENT` … or `protocol: NETLINK`: the NAME lsof gives a netlink socket. */
export function isNetlinkName(name: string): boolean {
  const bare = name.trim();
  return NETLINK_PROTOCOL.test(bare.startsWith('protocol: ') ? bare.slice(10) : bare);
}
