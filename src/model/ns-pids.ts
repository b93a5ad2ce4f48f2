// A process in a pid namespace of its own has two pids: the host's, and its own namespace's, which
// /proc/PID/status's NSpid line gives last (`NSpid: 27044 1`). What is read inside that namespace
// names it by the inner one: `nsenter -t 27044 -p -m ls -l /proc/1/fd` lists pid 1 of 27044's
// namespace (the mount namespace's /proc is that namespace's), and its own log says `spoold[1]`.
// With the NSpid line in the bundle, those are the host pid's.
import type { EvidenceRef } from '../types.js';
import type { HostModel, ProcessModel } from './host.js';
import { splitPipeline } from '../shell.js';

/** nsenter's options that enter the target's pid namespace, and its mount namespace (its /proc). */
const PID_NS = /^(?:-p|--pid|-a|--all)$/;
const MOUNT_NS = /^(?:-m|--mount|-a|--all)$/;
/** Short options joined: `-pm`, `-nmp`. */
const JOINED = /^-[a-zA-Z]{2,8}$/;

/**
 * The target of `nsenter -t T … -p -m CMD` (also `--target=T`, `-a`, joined `-pm`): the pid whose
 * pid and mount namespaces CMD ran in, so its `/proc/N/` is pid N of T's namespace. Undefined for
 * any other command — `nsenter -t T -n` keeps the host's pids and /proc.
 */
export function nsenterPidTarget(command: string | undefined): number | undefined {
  if (!command || command.length > 4000) return undefined;
  const first = splitPipeline(command)[0] ?? '';
  const words = first.trim().split(/\s+/).slice(0, 40);
  let i = words.indexOf('nsenter');
  if (i === -1) i = words.findIndex((w) => w.endsWith('/nsenter'));
  if (i === -1) return undefined;
  let target: number | undefined;
  let pid = false;
  let mount = false;
  for (i++; i < words.length && words[i].startsWith('-'); i++) {
    const w = words[i];
    if ((w === '-t' || w === '--target') && /^\d{1,10}$/.test(words[i + 1] ?? '')) target = Number(words[++i]);
    else if (w.startsWith('--target=') && /^\d{1,10}$/.test(w.slice(9))) target = Number(w.slice(9));
    else if (PID_NS.test(w) || MOUNT_NS.test(w)) {
      pid ||= PID_NS.test(w);
      mount ||= MOUNT_NS.test(w);
    } else if (JOINED.test(w) && !w.startsWith('--')) {
      pid ||= w.includes('p') || w.includes('a');
      mount ||= w.includes('m') || w.includes('a');
      const t = w.indexOf('t');
      if (t === w.length - 1 && /^\d{1,10}$/.test(words[i + 1] ?? '')) target = Number(words[++i]);
    }
  }
  return pid && mount ? target : undefined;
}

/** The host process whose own pid namespace names it `inner`, when the bundle shows its NSpid line. */
export function hostPidOf(model: HostModel, inner: number): { pid: number; ev: EvidenceRef }[] {
  return model.nsPids.filter((x) => x.inner === inner).map((x) => ({ pid: x.pid, ev: x.ev }));
}

/**
 * Joins what was read inside a process's pid namespace to its host pid: every fd listing of pid N
 * was read by `nsenter -t H -p -m …`, and H's NSpid says H is N there. Its limits, counts and name
 * go with them (the same commands read them).
 */
export function joinNamespacePids(model: HostModel): void {
  for (const alias of model.nsPids) {
    const inner = model.processes.get(alias.inner);
    const host = model.processes.get(alias.pid);
    if (!inner || !host || inner === host || inner.psListed || inner.fdViews.length === 0) continue;
    if (!inner.fdViews.every((v) => nsenterPidTarget(v.command) === alias.pid)) continue;
    if (inner.command && host.command && inner.command !== host.command) continue;
    mergeInto(host, inner);
    model.processes.delete(alias.inner);
  }
}

function mergeInto(host: ProcessModel, inner: ProcessModel): void {
  host.command ??= inner.command;
  host.cmdline ??= inner.cmdline;
  host.user ??= inner.user;
  host.identity.push(...inner.identity);
  host.fdViews.push(...inner.fdViews);
  host.pipelineCounts.push(...inner.pipelineCounts);
  host.snapshots.push(...inner.snapshots);
  host.connections.push(...inner.connections);
  host.nofile ??= inner.nofile;
  host.loggedFd ??= inner.loggedFd;
  for (const [tid, t] of inner.threads) if (!host.threads.has(tid)) host.threads.set(tid, t);
}
