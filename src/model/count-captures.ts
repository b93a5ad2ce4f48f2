// Counts and tallies into the model: `| wc -l` counts, `sort | uniq -c` tables (by pid, by kind,
// by TCP state, a per-process count loop's rows) and inotify surveys, each tied to the process it counts.
import type { CountTableArtifact, LineCountArtifact } from '../sources/artifacts.js';
import type { Capture, HostModel, ProcessModel } from './host.js';
import { UNNAMED_PID } from '../sources/artifacts.js';
import { fdCountLoop, loopKey, loopValue, type FdCountLoop } from '../sources/proc-fd-count-loop.js';
import type { InotifyInstancesArtifact } from '../sources/inotify-instances.js';
import { kindTalliesPerPid } from './kind-tallies.js';
import { ownRows, pidOfKey, rowsByPid } from './pid-row-tallies.js';
import { commandName, commandPid, commandTool, interpretCount, type CountMeaning } from './pipeline.js';
import { splitPipeline } from '../shell.js';
import { withoutDate } from '../bundle/timed-count.js';
import { programSocketsOf } from './program-sockets.js';
import { stateTallyOf, type StateTally } from './tcp-state-tallies.js';
import {
  commandPidTypeHolders,
  fdTargetTally,
  greppedLinkTally,
  keyedByLinkTarget,
  keyedByLsofType,
  linkCountHolder,
  lsfdTypeCountHolder,
  lsofPicksOneProcess,
  lsofNameTally,
  nameCountHolder,
  typeCountHolder,
  withoutLinkArrows,
} from './type-counts.js';
import { processOf } from './processes.js';
import { INOTIFY_SURVEY } from './row-counts.js';

export function addCountTable(m: HostModel, c: Capture<CountTableArtifact>): void {
  const command = c.command ?? c.data.command ?? '';
  m.countTables.push({ ...c, data: { command, rows: c.data.rows } });
  const loop = fdCountLoop(command);
  if (loop) return addLoopCounts(m, c.data.rows, command, loop);
  const meaning = interpretCount(command);
  if (command === '' ? keyedByLsofType(c.data.rows) : meaning?.tool === 'lsof' && meaning.key === 'type') {
    return addTypeCounts(m, c, meaning);
  }
  if (meaning?.tool === 'lsfd' && meaning.key === 'type' && meaning.pid !== undefined && !meaning.grep?.length) {
    return addLsfdTypeCounts(m, c, command, meaning.pid);
  }
  if ((meaning?.tool === 'lsof' || meaning?.tool === 'lsfd') && meaning.key === 'command pid type' && !meaning.grep?.length) {
    return addCommandPidTypeCounts(m, c, command, meaning.tool);
  }
  const captioned = meaning === null ? captionedTypeTally(command, c.data.rows) : null;
  if (captioned) return addTypeCounts(m, c, captioned);
  // `lsof -p PID | awk '{print $9}' | sort | uniq -c` (or of a saved lsof): its rows by NAME — pipes, eventpolls, inotify instances.
  const byName = lsofNameTally(command, meaning, c.data.rows);
  if (byName) {
    const view = {
      tool: 'lsof' as const,
      file: c.file,
      command,
      holder: nameCountHolder(c.file, c.data.rows, byName.pid),
      partial: byName.partial === true,
      tally: 'name' as const,
      targets: c.data.rows,
    };
    if (byName.pid === undefined) return void m.unnamedFdViews.push(view);
    processOf(m, byName.pid).fdViews.push(view);
    // `awk '{print $NF}'`: its TCP rows' keys are their states, the process's TCP sockets by state.
    return addStateTally(m, c.file, stateTallyOf(meaning, c.data.rows));
  }
  // `ls -l /proc/PID/fd | awk '{print $11}' | … | uniq -c`: its fds by link target (`| head` keeps the largest);
  // a cut that kept ls's arrow (`cut -c55-200`: `1391 -> /…/functions.xsl`) keys them by target too.
  const linkRows = meaning?.tool === 'ls' ? withoutLinkArrows(c.data.rows) : c.data.rows;
  if (meaning?.tool === 'ls' && meaning.pid !== undefined && !meaning.grep?.length && keyedByLinkTarget(linkRows)) {
    const holder = linkCountHolder(c.file, linkRows, meaning.pid);
    const partial = /\|\s*(?:head|tail)\b/.test(command);
    const view = { tool: 'proc-fd' as const, file: c.file, command, holder, partial, tally: 'target' as const, targets: linkRows };
    return void processOf(m, meaning.pid).fdViews.push(view);
  }
  // The same tally pasted without its command (a program's own fd scan by category): tied as any capture that names no process.
  if (command === '' && fdTargetTally(c.data.rows))
    return void m.unnamedFdViews.push({
      tool: 'proc-fd',
      file: c.file,
      holder: linkCountHolder(c.file, c.data.rows, UNNAMED_PID),
      partial: true,
      tally: 'target',
    });
  // `ls -l /proc/PID/fd | … | grep soledad | cut -d/ -f6 | sort | uniq -c`: that many of its fds at least.
  const picked = greppedLinkTally(meaning, command, c.data.rows);
  if (picked) return void processOf(m, picked.pid).pipelineCounts.push(picked.count);
  // `ss -p | awk '/tcp.*gpodder/ {print $2}' | sort | uniq -c`: a program's TCP sockets by state.
  const sockets = programSocketsOf(command, c.file, { rows: c.data.rows });
  if (sockets) return void m.programSockets.push(sockets);
  // `lsof -p PID | grep -Eo "\(.*\)$" | sort | uniq -c`: that process's TCP sockets by state.
  const states = stateTallyOf(meaning, c.data.rows);
  if (states) return addStateTally(m, c.file, states);
  // `lsof | grep deleted | awk '{print $2}' | sort | uniq -c`, `ss -tanp state close-wait | … | uniq -c`:
  // each pid's rows of that kind, not all its rows.
  const tallies = kindTalliesPerPid(command, meaning, c.data.rows);
  for (const t of tallies) {
    const p = processOf(m, t.pid);
    p.pipelineCounts.push({ value: t.count, ev: t.ev, basis: command, grep: t.grep, tool: t.tool });
    if (t.name) p.command ??= t.name;
  }
  if (meaning?.tool !== 'lsof' || tallies.length > 0) return;
  if (meaning.key === 'pid') {
    for (const row of c.data.rows) {
      const pid = pidOfKey(row.key);
      if (pid !== undefined) addLsofRows(processOf(m, pid), { value: row.count, ev: row.ev, basis: command });
    }
  } else if (meaning.key === 'command pid' || meaning.key === 'command pid user') {
    for (const [pid, rows] of rowsByPid(c.data.rows, meaning.key)) {
      const p = processOf(m, pid);
      const own = ownRows(pid, rows, command);
      // `lsof -u x | awk '$4 ~ /[0-9]+[rwu -].*/{p[$1"\t"$2"\t"$3]++} …'`: its rows with an fd number, one per fd.
      if (meaning.fdRows)
        p.pipelineCounts.push({
          value: own.value,
          ev: own.ev,
          basis: `${own.basis}: rows with an fd number`,
          grep: [],
          tool: 'lsof',
          measure: 'fds',
        });
      else addLsofRows(p, { ...own, run: command });
      // Under one name, that is the process's (lsof's COMMAND, cut to 9 characters).
      if (rows.length === 1) p.command ??= rows[0].name;
    }
  }
}

/** One process's TCP sockets by state, from a tally of its lsof rows (see tcp-state-tallies.ts). */
function addStateTally(m: HostModel, file: string, states: StateTally | null): void {
  if (states) processOf(m, states.pid).connections.push({ rows: states.rows, byState: states.byState, evidence: states.evidence, file });
}

/**
 * A process's lsof rows counted by TYPE: the kinds of all its fds, as a listing gives them. The
 * process is the one its command names (`lsof -p PID`, `lsof -c NAME`); a table with no command
 * is tied as any capture that names no process is (bind.ts). A host-wide one (`lsof | awk ...`)
 * or one whose rows a grep picked is no process's make-up.
 */
function addTypeCounts(m: HostModel, c: Capture<CountTableArtifact>, meaning: CountMeaning | null): void {
  // A host-wide lsof's tally is no process's; one whose `-p` names a redacted pid (`lsof -p <daemon>`) is one process's, unnamed.
  const unnamed = meaning !== null && meaning.pid === undefined && meaning.name === undefined;
  if (
    c.data.rows.length === 0 ||
    (meaning && (meaning.grep?.length || (unnamed && !lsofPicksOneProcess(c.command ?? c.data.command ?? ''))))
  )
    return;
  const holder = typeCountHolder(c.file, c.data.rows, meaning?.pid);
  const view = {
    tool: 'lsof' as const,
    file: c.file,
    command: c.command ?? c.data.command,
    holder,
    partial: false,
    tally: 'type' as const,
  };
  if (meaning?.pid !== undefined) processOf(m, meaning.pid).fdViews.push(view);
  else m.unnamedFdViews.push({ ...view, name: meaning?.name });
}

/** `lsfd -p PID -o TYPE | sort | uniq -c`: that process's rows by TYPE, a view of its make-up (partial after `head` or `tail`). */
function addLsfdTypeCounts(m: HostModel, c: Capture<CountTableArtifact>, command: string, pid: number): void {
  if (c.data.rows.length === 0) return;
  const partial = /\|\s*(?:head|tail)\b/.test(command);
  const holder = lsfdTypeCountHolder(c.file, c.data.rows, pid);
  processOf(m, pid).fdViews.push({ tool: 'lsfd', file: c.file, command, holder, partial, tally: 'type' });
}

/** A host-wide tally by `command pid TYPE`: each process's rows by TYPE, a view of its make-up (partial after `head` or `tail`). */
function addCommandPidTypeCounts(m: HostModel, c: Capture<CountTableArtifact>, command: string, tool: 'lsof' | 'lsfd'): void {
  const partial = /\|\s*(?:head|tail)\b/.test(command);
  for (const [pid, { name, holder }] of commandPidTypeHolders(c.file, c.data.rows, tool)) {
    const p = processOf(m, pid);
    p.command ??= name;
    p.fdViews.push({ tool, file: c.file, command, holder, partial, tally: 'type' });
  }
}

/**
 * A TYPE tally under the bare listing it counts: an issue template's heading names the lsof
 * (``### FD count (`lsof -p 88916`)``), not the `awk '{print $5}' | sort | uniq -c` after it. Such
 * a command prints rows, never `240476 REG`: the table is its rows counted by TYPE.
 */
function captionedTypeTally(command: string, rows: CountTableArtifact['rows']): CountMeaning | null {
  if (commandTool(command) !== 'lsof' || splitPipeline(command).length > 1 || !keyedByLsofType(rows)) return null;
  const pid = commandPid(command);
  const name = commandName(command);
  return { tool: 'lsof', measure: 'rows-per-key', key: 'type', ...(pid !== undefined ? { pid } : name !== undefined ? { name } : {}) };
}

/** `for p in /proc/[0-9]*; do echo "$(ls $p/fd | wc -l) $p"; done`: each process's fds, as `ls /proc/PID/fd | wc -l` counts them. */
function addLoopCounts(m: HostModel, rows: CountTableArtifact['rows'], command: string, loop: FdCountLoop): void {
  for (const row of rows) {
    // Count first: `COUNT PID [NAME]`; process first: `PID [NAME] COUNT` (the name its comm, when echoed).
    const key = loop.countFirst ? loopKey(row.key) : undefined;
    const rest = loop.countFirst ? undefined : loopValue(row.key);
    const pid = loop.countFirst ? key?.pid : row.count;
    const value = loop.countFirst ? row.count : rest?.value;
    const name = key?.name ?? rest?.name;
    if (pid === undefined || value === undefined) continue;
    const p = processOf(m, pid);
    p.pipelineCounts.push({ value, ev: row.ev, basis: command, grep: [], tool: 'ls' });
    if (name) p.command ??= name;
  }
}

/**
 * A process's rows in a host-wide tally by pid: the most any tally gave is its lsofRows; each tally
 * is also one run of its count (the same tally pasted again is the count run again: fd-growth.ts).
 */
function addLsofRows(p: ProcessModel, rows: NonNullable<ProcessModel['lsofRows']> & { run?: string }): void {
  const { run = rows.basis, ...measured } = rows;
  (p.lsofRowRuns ??= []).push({ value: measured.value, ev: measured.ev, basis: run });
  if (!p.lsofRows || measured.value > p.lsofRows.value) p.lsofRows = measured;
}

export function addLineCount(m: HostModel, c: Capture<LineCountArtifact>, counted = ''): void {
  if (c.data.records === 0 || !Number.isFinite(c.data.value)) return;
  // What a `date` run first timed is the command after it (`date; ss -antp | grep -i close | wc -l`).
  const command = withoutDate(c.command ?? c.data.command ?? '');
  // `pidof NAME` / `pgrep NAME` printed one pid: that process is named NAME (with `pgrep -f`, NAME
  // is a piece of its command line, `worker.py` of `python3 worker.py`, not its name).
  const named = /^(?:sudo\s+)?(?:pidof|pgrep)\s+((?:-\w+\s+)*)([\w.-]{1,64})\s*$/.exec(command.trim());
  if (named) {
    const p = processOf(m, c.data.value);
    if (!/-\w*f/.test(named[1])) p.command ??= named[2];
    p.identity.push(c.data.ev);
    return;
  }
  const meaning = interpretCount(command + counted);
  if (meaning?.measure !== 'lines') return;
  // `netstat -nvuap | grep node-red | wc -l`: a program's UDP sockets.
  const sockets = programSocketsOf(command + counted, c.file, { value: c.data.value, ev: c.data.ev });
  if (sockets) return void m.programSockets.push(sockets);
  const measured = { value: c.data.value, ev: c.data.ev, basis: command };
  if (meaning.pid !== undefined) {
    processOf(m, meaning.pid).pipelineCounts.push({ ...measured, grep: meaning.grep ?? [], tool: meaning.tool });
  } else if (meaning.name !== undefined) {
    m.namedCounts.push({ ...measured, grep: meaning.grep ?? [], tool: meaning.tool, name: meaning.name });
  } else if (!meaning.grep || meaning.grep.length === 0) {
    m.toolLineCounts.push({ ...measured, tool: meaning.tool });
  } else {
    m.toolLineCounts.push({ ...measured, tool: `${meaning.tool}|grep ${meaning.grep.join('|')}` });
  }
}

/**
 * Inotify instances per process (kde-inotify-survey, inotify-info): each is one `anon_inode:inotify`
 * fd of its process, so each row is a count of that kind of its fds, as `ls -l /proc/PID/fd | grep
 * -c inotify` would print — not all its fds.
 */
export function addInotifyInstances(m: HostModel, c: Capture<InotifyInstancesArtifact>): void {
  const basis = c.command ?? c.data.tool;
  for (const r of c.data.rows) {
    const p = processOf(m, r.pid);
    if (r.command) p.command ??= r.command;
    p.pipelineCounts.push({ value: r.instances, ev: r.ev, basis, grep: ['inotify'], tool: INOTIFY_SURVEY });
  }
}
