// Captures that do not say which process they are about — an `ls -l /proc/$(pgrep x)/fd` pasted
// alone, a limits file named `limits.txt` — belong to the only process they can be: the one their
// command names, else the only process the bundle knows (from any source, a strace's traced pid
// included). The basis says how each was tied; what cannot be tied stays out of every case. A
// bundle of logs alone whose exhaustion lines name one pid (or a few, each by its syslog tag) is about
// those processes.
import { basename } from 'node:path';
import type { HostModel, ProcessModel } from './host.js';
import type { ServiceLimits } from '../sources/artifacts.js';
import type { ExhaustionLine } from '../sources/app-log.js';
import { processesNamed, sortSamples } from './build.js';
import { labelOf, listedOnlyProcess, nameOnlyProcess, processOf, startedUnderLimit, whoIs } from './processes.js';
import { interpretCount, logFileProgram, lsofPickedCommand, lsofRowsOwner, programRun } from './pipeline.js';
import { isProgramName, words } from './command-segments.js';
import { pidLookup } from './pid-lookups.js';
import { splitPipeline } from '../shell.js';
import { codeSpan } from '../rich.js';
import { complementCounts } from './row-counts.js';
import { listsOwnShell } from './own-fd-listings.js';
import { onlyScriptOf, scriptRunBy } from './log-owners.js';
import { peerCountsOfListings } from './peer-counts.js';
import { isRuntimeName } from './runtime-names.js';

export function bindUnnamed(model: HostModel, tracedPids: readonly number[]): void {
  if (tracedPids.length === 0) processOfLogs(model);
  namesFromLogs(model);
  addNameOnlyProcesses(model);
  const only = theOnlyProcess(model, tracedPids);
  model.unnamedFdViews = model.unnamedFdViews.filter((v) => {
    // The shell's own fds: its pid, when the transcript shows it; never another process by elimination.
    if (listsOwnShell(v.command)) {
      const shell = promptShell(model, v.file);
      if (shell) processOf(model, shell.pid).fdViews.push({ ...v, holder: { ...v.holder, pid: shell.pid }, boundBy: shell.why });
      return !shell;
    }
    // Listed inside a container (`docker exec web ls -l /proc/1/fd`): its process there, known by that alone.
    const inside = containerProcess(model, v.command);
    if (inside) return void inside.fdViews.push({ ...v, boundBy: inside.lookup?.namedBy });
    // `ls -l /proc/*/fd/ | grep deleted`: every process's folder, the `/proc/N/fd:` headers that said whose grep'd away.
    if (EVERY_PROCESS.test(v.command ?? '')) return true;
    const name = v.name ?? programInFileName(model, v.file);
    const named = name ? processesNamed(model, name) : [];
    const pid = named.length === 1 ? named[0].pid : v.name ? undefined : only;
    if (pid === undefined) return true;
    const p = processOf(model, pid);
    const why = named.length === 1 ? `${name} is ${labelOf(p)}` : `${labelOf(p)} is the process the bundle is about`;
    p.fdViews.push({ ...v, holder: { ...v.holder, pid }, boundBy: why });
    if (!p.command && v.name) p.command = v.name;
    return false;
  });
  listedOnly(model, tracedPids);
  // `… | wc -l` beside `… | grep -v X | wc -l` of the same rows: the rows with X, counted.
  for (const p of model.processes.values()) p.pipelineCounts.push(...complementCounts(p.pipelineCounts));
  countsOfOneListing(model);
  socketCountsOfOneListing(model);
  peerCountsOfListings(model);
  model.unnamedSamples = model.unnamedSamples.filter((s) => {
    const name = programInFileName(model, s.ev.file);
    const named = name ? processesNamed(model, name) : [];
    const pid = named.length === 1 ? named[0].pid : only;
    if (pid === undefined) return true;
    const p = processOf(model, pid);
    p.snapshots.push({ ...s, pid });
    sortSamples(p.snapshots);
    return false;
  });
  countedOnly(model, tracedPids);
  tieServiceLimits(model);
  model.unboundLimits = model.unboundLimits.filter((c) => {
    const inside = containerProcess(model, c.command);
    if (inside) {
      inside.nofile = {
        ...c.data.openFiles!,
        basis: 'proc-limits',
        tiedBy: `read inside the container too (${codeSpan(c.command ?? '')})`,
      };
      return false;
    }
    const name = programInFileName(model, c.file);
    const named = name ? processesNamed(model, name) : [];
    const pid = named.length === 1 ? named[0].pid : only;
    if (pid === undefined) return true;
    const p = processOf(model, pid);
    if (p.nofile?.basis === 'proc-limits') return true;
    const label = labelOf(p);
    const why = named.length === 1 ? `its name says ${name}, ${label}` : `${label} is the process the bundle is about`;
    p.nofile = { ...c.data.openFiles!, basis: 'proc-limits', tiedBy: `it names no pid; ${why}` };
    return false;
  });
}

/**
 * `systemctl show UNIT`: the open-files limit systemd gives a service is its processes' own — the
 * one MainPID= names, and every process whose program is named like the service (`nginx.service` →
 * `nginx`: a master and its workers share it). With neither, the only process the bundle knows, when
 * nothing names its program, is the service's. A process of another name never is; a process's own
 * /proc/PID/limits stays first (it is what the program runs with, also after raising its soft limit).
 */
function tieServiceLimits(model: HostModel): void {
  for (const c of model.serviceLimits) {
    if (c.data.elsewhere) continue;
    for (const s of c.data.services) {
      if (!s.openFiles) continue;
      for (const { p, why } of serviceProcesses(model, s, c.file, c.data.services.length)) {
        // Its /proc/PID/limits, another service's limit, or the `ulimit -n` typed before strace started it.
        if (p.nofile && (p.nofile.basis !== 'ulimit' || p.nofile.tiedBy)) continue;
        const text = `${serviceLimitText(s, c.data.user)}; ${why}`;
        // The JVM sets its soft limit to the hard one as it starts (-XX:+MaxFDLimit, on by default).
        if (s.hard && raisesSoftLimit(p)) {
          const raised = `${text}; a JVM raises its soft limit to the hard one (${s.hard.value ?? 'infinity'}) as it starts`;
          p.nofile = { soft: s.hard.value, hard: s.hard.value, ev: s.hard.ev, basis: 'systemd', tiedBy: raised };
        } else p.nofile = { ...s.openFiles, basis: 'systemd', tiedBy: text };
      }
    }
  }
}

/** A JVM, unless its command line turns MaxFDLimit off. */
function raisesSoftLimit(p: ProcessModel): boolean {
  const java = p.command === 'java' || /^\S*\/java\s/.test(p.cmdline ?? '');
  return java && !(p.cmdline ?? '').includes('-XX:-MaxFDLimit');
}

/** The processes a service's limit is the limit of, each with why. */
function serviceProcesses(model: HostModel, s: ServiceLimits, file: string, services: number): { p: ProcessModel; why: string }[] {
  const out = new Map<ProcessModel, string>();
  const main = s.mainPid ? model.processes.get(s.mainPid.pid) : undefined;
  if (main && !main.lookup) out.set(main, `MainPID=${main.pid}`);
  const name = s.service ?? (s.unit === undefined ? programInFileName(model, file) : undefined);
  if (name && isProgramName(name)) {
    // `nginx: worker process`: a program that retitles itself keeps its name before a colon.
    const retitled = [...model.processes.values()].filter((p) => p.command === `${name}:`);
    for (const p of [...processesNamed(model, name), ...retitled]) {
      if (!out.has(p)) out.set(p, p.lookup ? `its program is ${name}` : `${whoIs(p)} is named ${name}`);
    }
  }
  const all = [...model.processes.values()];
  if (out.size === 0 && services === 1 && all.length === 1 && all[0].command === null && !all[0].lookup) {
    out.set(all[0], `${labelOf(all[0])} is the only process the bundle knows, and nothing names its program`);
  }
  return [...out].map(([p, why]) => ({ p, why }));
}

/** `systemctl show myapp: LimitNOFILESoft=1024, the service's soft limit; its hard limit is 4096`. */
function serviceLimitText(s: ServiceLimits, user?: true): string {
  const v = (x: number | null) => (x === null ? 'infinity' : String(x));
  const soft = s.soft!.value;
  const hard = s.hard ? `; its hard limit is ${v(s.hard.value)}` : '';
  const nrOpen = soft === null ? ' (as many as the kernel allows: fs.nr_open)' : '';
  return (
    `systemctl ${user ? '--user ' : ''}show ${s.unit ?? ''}`.trimEnd() +
    `: LimitNOFILESoft=${v(soft)}, the service's soft limit${nrOpen}${hard}`
  );
}

/**
 * Timed fd counts that say not whose they are (a table of samples pasted alone), in a bundle that
 * knows no process at all: they are the process the bundle is about, known by its counts alone.
 */
function countedOnly(model: HostModel, tracedPids: readonly number[]): void {
  if (model.unnamedSamples.length < 2 || model.processes.size > 0 || tracedPids.length > 0) return;
  const p = listedOnlyProcess(model, model.unnamedSamples[0].ev, 'counts');
  p.snapshots.push(...model.unnamedSamples.map((s) => ({ ...s, pid: p.pid })));
  sortSamples(p.snapshots);
  model.unnamedSamples = [];
}

/**
 * One listing that says not whose fds it shows (`ls -l` of an fd folder pasted alone), in a bundle
 * that knows no process at all: its process is the one the bundle is about, known by the listing
 * alone (never given a pid). With any other process in the bundle the listing may be its: it stays
 * unnamed.
 */
function listedOnly(model: HostModel, tracedPids: readonly number[]): void {
  if (model.unnamedFdViews.length !== 1 || model.processes.size > 0 || tracedPids.length > 0) return;
  const v = model.unnamedFdViews[0];
  if (EVERY_PROCESS.test(v.command ?? '')) return;
  const p = listedOnlyProcess(model, v.holder.firstEvidence, listsOwnShell(v.command) ? 'own-shell' : 'listing');
  p.fdViews.push({ ...v, holder: { ...v.holder, pid: p.pid }, boundBy: 'it is the only process the bundle shows' });
  if (v.holder.user) p.user = v.holder.user;
  model.unnamedFdViews = [];
}

/**
 * `lsof -n | grep rundeck | grep deleted | wc -l` beside a listing of `lsof -n | grep rundeck | grep
 * deleted`: the count counts the rows the listing shows. When that listing shows the rows of one
 * process only, none of them twice (no TID column: one row per fd), the count is that process's —
 * the only process the same rows show. A count its name or pid already ties (`lsof -c java`, `grep
 * 1147`) is not one of these.
 */
function countsOfOneListing(model: HostModel): void {
  const counts = [
    ...model.namedCounts.filter((c) => processesNamed(model, c.name).length === 0 && !pidLookup(c.basis)),
    ...model.toolLineCounts.flatMap((c) => {
      const meaning = interpretCount(c.basis);
      return meaning?.grep?.length && meaning.pid === undefined && meaning.name === undefined ? [{ ...c, grep: meaning.grep }] : [];
    }),
  ];
  for (const c of counts) {
    const listing = listingOf(c.basis);
    if (!listing || !c.tool.startsWith('lsof')) continue;
    const holders = [...model.processes.values()].filter((p) =>
      p.fdViews.some((v) => v.command !== undefined && pipelineText(v.command) === listing),
    );
    if (holders.length !== 1) continue;
    const p = holders[0];
    const view = p.fdViews.find((v) => v.command !== undefined && pipelineText(v.command) === listing)!;
    if (view.tool !== 'lsof' || view.holder.threadRows > 0) continue;
    const tiedBy = `its rows are those of ${codeSpan(listing)}, which shows ${labelOf(p)} alone`;
    p.pipelineCounts.push({
      value: c.value,
      ev: c.ev,
      basis: c.basis,
      grep: [...rowWord((c as { name?: string }).name, p), ...c.grep],
      tool: 'lsof',
      tiedBy,
    });
  }
}

/**
 * The word a grep read as a program's name picked rows by, when the rows it picked are of a process
 * neither named nor run by it (`lsof | grep dtags`, rows of java run by tomcat7): a word of their
 * NAME column, a filter of rows like any other grep. A name that is the process's or its user's
 * (`lsof -n | grep rundeck`, rows of user rundeck) picked the process.
 */
function rowWord(name: string | undefined, p: ProcessModel): string[] {
  return name !== undefined && name !== p.command && name !== p.user ? [name] : [];
}

/**
 * `netstat -anp | grep rpm-ostree | wc -l` (148) beside `netstat -anp | grep rpm-ostree | head -3`:
 * the count counts the rows the listing starts with. When every row it shows is a socket of one
 * protocol (unix, udp) of the one process the grep names, the count is that many of its sockets of
 * that protocol. A grep for anything else (a port, a state) may pick other processes' rows; a
 * pattern `'53.*opendkim'` requires the program's name too, so names it.
 */
function socketCountsOfOneListing(model: HostModel): void {
  for (const c of model.toolLineCounts) {
    if (!/^(?:netstat|ss)\|grep /.test(c.tool)) continue;
    const listing = listingOf(c.basis);
    const greps = (interpretCount(c.basis)?.grep ?? []).filter((g) => !g.startsWith('!')).flatMap(wordsOfPattern);
    const names = greps.filter((g) => isProgramName(g) && !/^\d+$/.test(g));
    if (!listing || names.length !== 1) continue;
    const shown = [...model.netstat, ...model.ssListings].filter((t) => t.command !== undefined && withoutCut(t.command) === listing);
    if (shown.length !== 1 || shown[0].data.byProcess.length !== 1) continue;
    const bp = shown[0].data.byProcess[0];
    const protocols = (['unix', 'udp'] as const).filter((k) => (bp.sockets?.[k] ?? 0) > 0);
    if (bp.rows > 0 || protocols.length !== 1 || bp.command !== names[0] || c.value <= (bp.sockets?.[protocols[0]] ?? 0)) continue;
    const k = protocols[0];
    processOf(model, bp.pid).connections.push({
      rows: 0,
      byState: {},
      evidence: [],
      file: c.ev.file,
      sockets: { [k]: c.value },
      socketEvidence: { [k]: [c.ev, ...(bp.socketEvidence?.[k] ?? []).slice(0, 2)] },
    });
  }
}

/**
 * The words a grep pattern requires of a row: the pattern itself, or for `A.*B` (`'53.*opendkim'`:
 * port 53, then the program) both words.
 */
export function wordsOfPattern(pattern: string): string[] {
  const parts = pattern.split('.*');
  return parts.length === 2 && parts.every((w) => /^[\w:/=-]{1,64}$/.test(w)) ? parts : [pattern];
}

/** A listing's pipeline without a final `| head …` or `| tail …`: the rows it starts (or ends) with are of that pipeline. */
function withoutCut(command: string): string {
  const segments = splitPipeline(command.trim().replace(/^[$#]\s+/, '')).map(words);
  const last = segments.at(-1);
  const cut = segments.length >= 2 && last !== undefined && (last[0] === 'head' || last[0] === 'tail');
  return (cut ? segments.slice(0, -1) : segments).map((w) => w.join(' ')).join(' | ');
}

/** The listing a count counted: its pipeline without the final `wc -l` (or `wc`, fish's `count`). */
function listingOf(command: string): string | undefined {
  const segments = splitPipeline(command.trim().replace(/^[$#]\s+/, '')).map(words);
  const last = segments.at(-1);
  if (segments.length < 2 || !last) return undefined;
  const counter =
    (last[0] === 'wc' && (last.length === 1 || (last.length === 2 && (last[1] === '-l' || last[1] === '--lines')))) ||
    (last[0] === 'count' && last.length === 1);
  return counter
    ? segments
        .slice(0, -1)
        .map((w) => w.join(' '))
        .join(' | ')
    : undefined;
}

/** A pipeline's words, segment by segment, spaced one way: the same command however it was typed. */
function pipelineText(command: string): string {
  return splitPipeline(command.trim().replace(/^[$#]\s+/, ''))
    .map((s) => words(s).join(' '))
    .join(' | ');
}

/** Every process's fd folder at once: `/proc/` then `*` or `[0-9]*`, then `/fd`. */
const EVERY_PROCESS = /\/proc\/(?:\*|\[[\d-]{1,5}\]\*)\/fd\b/;
/** argv[0] of a shell (`/bin/bash`, `-bash`, `zsh`). */
const SHELL = /^-?(?:\/\S*\/)?(?:ba|z|da|k|mk|tc|c|fi|a)?sh$/;

/**
 * The shell at the prompts of a transcript, when the transcript shows its pid: an LVM tool run at
 * a prompt of that file names its parent, and the parent of a command typed at a prompt is the
 * shell (only when it is one: `sudo lvm` names sudo). Several such pids: no answer.
 */
function promptShell(model: HostModel, file: string): { pid: number; why: string } | undefined {
  const reports = model.strayFds.filter((r) => r.ev.file === file && r.atPrompt && SHELL.test(r.parentCommand ?? ''));
  const pids = new Set(reports.map((r) => r.parentPid));
  if (pids.size !== 1) return undefined;
  const r = reports[0];
  return {
    pid: r.parentPid,
    why: `$$ is the shell at the prompt: pid ${r.parentPid} (${r.parentCommand}), the parent ${r.program} names when run at a prompt of ${file} (line ${r.ev.line})`,
  };
}

/**
 * Captures about a process found by a pid lookup (`ls -l /proc/$(cat /var/run/docker.pid)/fd | wc -l`,
 * `ls -l /proc/\`pgrep rsyslogd\`/fd`) whose name no process with a pid has: that process, known by
 * its name alone. With a process of that name in the bundle they join it as before.
 */
function addNameOnlyProcesses(model: HostModel): void {
  const withPid = (name: string) => processesNamed(model, name).some((p) => !p.lookup);
  // A program's sockets picked by its name from netstat -p / ss -p rows: the one process of that name, else one known by it.
  for (const s of model.programSockets) {
    // Picked by a number: the rows of the process of that pid, when one is known; else a port's.
    if (s.name === undefined) {
      model.processes.get(s.pid)?.connections.push(s.connection);
      continue;
    }
    // Picked by netstat's own `PID/Program` value (`grep 1037/haproxy`): the process of that pid and name.
    if (s.pid !== undefined) {
      const p = processOf(model, s.pid);
      if (p.command === null) {
        p.command = s.name;
        p.identity.push(...s.connection.evidence.slice(0, 1));
      }
      p.connections.push(s.connection);
      continue;
    }
    let named = processesNamed(model, s.name).filter((p) => !p.lookup);
    // Its rows to one peer, picked by a grep for a piece of the Program column: the one process whose name starts with it.
    if (named.length === 0 && s.byPeer) named = processesStartingWith(model, s.name);
    if (named.length > 1) continue;
    const p = named[0] ?? nameOnlyProcess(model, { name: s.name, by: 'socket-owner', command: s.basis, file: s.file });
    p.connections.push(s.connection);
  }
  for (const v of model.unnamedFdViews) {
    const lookup = pidLookup(v.command);
    if (lookup && !withPid(lookup.name)) nameOnlyProcess(model, lookup);
  }
  for (const c of model.namedCounts) {
    // `lsof -c fetchd | grep CLOSE_WAIT | wc -l`: lsof's own pick of the process by its COMMAND
    // column, as a grep anchored at the line's start is (lsofRowsOwner), whose rows it counted.
    const owner = lsofRowsOwner(c.basis) ?? lsofPickedCommand(c.basis);
    const lookup =
      pidLookup(c.basis) ?? (owner ? { name: owner, by: 'socket-owner' as const, command: c.basis, file: c.ev.file } : undefined);
    if (!lookup || withPid(lookup.name)) continue;
    const p = nameOnlyProcess(model, lookup);
    p.pipelineCounts.push({ value: c.value, ev: c.ev, basis: c.basis, grep: c.grep, tool: c.tool });
  }
  // "Too many open files" under a syslog tag with no pid (`octo_parser: ...`), in a bundle with no
  // process of that name: the program that wrote it, known by its name — or the only process the
  // bundle knows, when nothing names its program and one program's tag is on every such EMFILE line.
  const sole = soleUnnamedProcess(model);
  for (const l of model.logs) {
    for (const s of l.data.exhaustion?.samples ?? []) {
      const name = s.pid === undefined && s.program ? basename(s.program) : undefined;
      if (!name || !isProgramName(name) || withPid(name)) continue;
      if (sole && s.errno === 'EMFILE' && sole.command === null) {
        sole.command = name;
        sole.identity.push(s.ev);
      } else nameOnlyProcess(model, { name, by: 'syslog-tag', file: l.file });
    }
    // The same lines with no tag, printed by the program the command started (`matterbridge -debug`).
    const ran = programRun(l.command);
    const untagged = l.data.exhaustion?.samples.some((s) => s.pid === undefined && !s.program && !s.relayedBy);
    // …unless it ran as a script under the one interpreter whose fds are shown (log-owners.ts ties them to it).
    if (ran && untagged && !withPid(ran) && !scriptRunBy(l, ran, model))
      startedUnderLimit(model, nameOnlyProcess(model, { name: ran, by: 'command', command: l.command!, file: l.file }), l, ran);
    // Or read from a log file named after its program (`grep listener /var/log/parity.log`).
    const owner = ran ? undefined : logFileProgram(l.path);
    if (owner && untagged && !withPid(owner) && !onlyScriptOf(owner, model))
      nameOnlyProcess(model, { name: owner, by: 'log-file', path: l.path!, file: l.file });
  }
}

/**
 * The processes whose name starts with `word` (`blackbox` of `blackbox_export`, systemctl status's
 * `Main PID: 19860 (blackbox_export)`): a grep for it picks netstat -p rows of that program. None
 * unless exactly one process's name does.
 */
function processesStartingWith(model: HostModel, word: string): ProcessModel[] {
  const found = [...model.processes.values()].filter((p) => !p.lookup && p.command !== null && p.command.startsWith(word));
  return found.length === 1 ? found : [];
}

/**
 * The only process the bundle knows, by its pid, when nothing names its program (`cat
 * /proc/19653/limits` beside journal lines `openfortivpn: ERROR:  socket: Too many open files`):
 * the program a pidless syslog tag names is that process, as a service's limit is (tieServiceLimits).
 */
function soleUnnamedProcess(model: HostModel): ProcessModel | undefined {
  const all = [...model.processes.values()];
  if (all.length !== 1 || all[0].command !== null || all[0].lookup) return undefined;
  const tags = new Set<string>();
  for (const l of model.logs) {
    for (const s of l.data.exhaustion?.samples ?? [])
      if (s.errno === 'EMFILE' && s.pid === undefined && s.program) tags.add(basename(s.program));
  }
  return tags.size === 1 ? all[0] : undefined;
}

/** The process a command run inside a container names (`docker exec web cat /proc/1/limits`: pid 1 there), never one of the host's. */
function containerProcess(model: HostModel, command: string | undefined): ProcessModel | undefined {
  const lookup = pidLookup(command);
  return lookup?.by === 'container' ? nameOnlyProcess(model, lookup) : undefined;
}

/**
 * Logs whose "Too many open files" lines name one pid (a syslog prefix, nginx's `pid#tid`, Go
 * glog's header), in a bundle that lists no processes (no ps, no whole-host fd table): nothing says
 * that process is gone, so it is a process of the bundle — also beside captures of other chosen
 * processes (`lsof -p`, a grep'd lsof), which do not say who else runs. With a process list, pids
 * missing from it are earlier instances; so is a pid whose line names a program the bundle knows
 * under another pid (a restart). Several pids make processes only as `taggedLoggedPids` says.
 */
function processOfLogs(model: HostModel): void {
  if (listsProcesses(model)) return;
  const samples = model.logs.flatMap((l) => l.data.exhaustion?.samples ?? []);
  const pids = [...new Set(model.logs.flatMap((l) => Object.keys(l.data.exhaustion?.byPid ?? {})))].map(Number);
  const lines = pids.length === 1 ? loneLoggedPid(model, pids[0], samples) : taggedLoggedPids(model, pids, samples);
  for (const line of lines) {
    const p = processOf(model, line.pid!);
    if (line.program) p.command = line.program;
    p.identity.push(line.ev);
  }
}

/** The one pid the lines name, unless the bundle knows its program under another pid (a restart). */
function loneLoggedPid(model: HostModel, pid: number, samples: readonly ExhaustionLine[]): ExhaustionLine[] {
  const line = samples.find((x) => x.pid === pid);
  if (!line || (!model.processes.has(pid) && earlierInstance(model, line.program))) return [];
  return [line];
}

/**
 * Several pids, in a bundle that knows no process otherwise (logs alone: several instances, a
 * restart, two hosts pasted together): each pid whose own syslog tag says it ran out (EMFILE, not
 * the host's ENFILE — meeting a full table blames nobody) is a process the bundle is about. Past a
 * few pids they are a pool's or a journal's, and an untagged line (`pid#tid`) names no program to
 * tell instances apart: nobody.
 */
function taggedLoggedPids(model: HostModel, pids: readonly number[], samples: readonly ExhaustionLine[]): ExhaustionLine[] {
  if (model.processes.size > 0 || pids.length > MAX_LOGGED_PIDS) return [];
  const lines = pids.map((pid) => samples.find((x) => x.pid === pid && x.errno === 'EMFILE'));
  return lines.every((x) => x?.program && x.pid! > 0 && x.ev.text?.includes(`${x.program}[${x.pid}]`)) ? (lines as ExhaustionLine[]) : [];
}

/** Past this many pids, exhaustion lines are a pool's or a journal's, not processes the bundle is about. */
const MAX_LOGGED_PIDS = 8;

/**
 * The log line's program runs now under another pid the bundle knows (`usbguard-daemon[603]` beside
 * `pidof usbguard-daemon` → 14319): the line is of an instance since restarted. Not a runtime's
 * name (runtime-names.ts): `java[17485]` beside another `java` process may be any other JVM.
 */
function earlierInstance(model: HostModel, program: string | undefined): boolean {
  return program !== undefined && !isRuntimeName(program) && processesNamed(model, program).length > 0;
}

/**
 * Whether the bundle lists the host's processes — a ps listing, or a whole-host fd table — so that a
 * pid it lacks is gone. Captures of chosen processes (`lsof -p PID`, `ls -l /proc/PID/fd`, lsof rows
 * a grep for one file picked) name those processes only: a pid none of them shows may still run.
 */
function listsProcesses(model: Pick<HostModel, 'processes' | 'hostFdTables'>): boolean {
  return model.hostFdTables.length > 0 || [...model.processes.values()].some((p) => p.psListed === true);
}

/** A process known by its pid alone is named by a log line that names both (`NetworkManager[5261]:`). */
function namesFromLogs(model: HostModel): void {
  for (const l of model.logs) {
    for (const x of l.data.exhaustion?.samples ?? []) {
      const p = x.pid !== undefined ? model.processes.get(x.pid) : undefined;
      if (p && !p.command && x.program) p.command = x.program;
    }
  }
}

/** `agentd-fd.txt`, `notifyd.limits`: a word of the file's name that is the name of one process. */
function programInFileName(model: HostModel, file: string): string | undefined {
  const words = (file.split('/').pop() ?? '').split(/[-_.]+/).filter((w) => w.length >= 3 && !/^\d+$/.test(w));
  const hits = words.filter((w) => processesNamed(model, w).length === 1);
  return hits.length === 1 ? hits[0] : undefined;
}

/**
 * The process the bundle is about: the only one it knows of; else the only one its per-process
 * captures target (the traced pid of a strace, the manifest's suspect), when others appear only in
 * host-wide tables (a peer in `ss -p`, a row of `ps aux`).
 */
function theOnlyProcess(model: HostModel, tracedPids: readonly number[]): number | undefined {
  // A process known by name alone is known by what names it: an unnamed capture is not its by elimination.
  const withPid = [...model.processes.values()].filter((p) => !p.lookup).map((p) => p.pid);
  const known = new Set([...withPid, ...tracedPids]);
  if (known.size === 1) return [...known][0];
  const focus = new Set([...tracedPids, ...(model.suspectHint !== undefined ? [model.suspectHint] : [])]);
  return focus.size === 1 ? [...focus][0] : undefined;
}
