// Fds a process holds that an ancestor opened and passed down across execve, not close-on-exec:
// the runtime files of a Chromium app in a program that is none, a .NET runtime's diagnostic
// socket in a process of another pid, anything beside its terminal in a shell listing its own fds.
// The suspect is the holder: its parent's or the app's own listing says who opened them. (A
// process whose children keep its fds is inherited.ts'.)
import { formatNumber as fmt } from '../../format.js';
import type { FdEntry } from '../../sources/artifacts.js';
import type { FdEntryList } from '../../sources/fd-entries.js';
import type { Signal, SignalSource } from '../signal.js';
import { MANY_KEPT } from './strace.js';
import { listsOwnShell, shellGivenAtExec } from '../own-fd-listings.js';

/**
 * Files only a Chromium runtime opens (Electron apps, Chrome, CEF): its ICU data and V8 snapshots.
 * Chromium opens them, and the `.pak` resources beside them, without close-on-exec
 * (electron/electron#1447), so every program an Electron app starts gets them.
 */
const CHROMIUM_ANCHOR = /\/(?:icudtl\.dat|v8_context_snapshot\.bin|snapshot_blob\.bin|natives_blob\.bin)$/;
/** Chromium's own programs, whose binary need not be named after the folder it lives in (a snap's `chrome` under `chromium-browser/`). */
const CHROMIUM_PROGRAMS = new Set([
  'chrome',
  'chromium',
  'chromium-browser',
  'chromium-browse',
  'electron',
  'msedge',
  'brave',
  'opera',
  'vivaldi-bin',
  'nw',
]);

/**
 * A process of another program holding, on fds 3 and above, the runtime files of a Chromium or
 * Electron app (`top` run in VS Code's terminal holding /usr/share/code/icudtl.dat and its .pak
 * files): it cannot have opened them; an ancestor that is that app did, without close-on-exec, and
 * they crossed every execve since.
 */
const runtimeFilesOfAnother: SignalSource = ({ facts }) => {
  const p = facts.process;
  const command = p.command?.toLowerCase();
  if (!command || CHROMIUM_PROGRAMS.has(command.split(/[-_. ]/)[0]) || CHROMIUM_PROGRAMS.has(command)) return [];
  // A whole host's listing names a million fds: entries are read by index, not each made an object.
  const files3 = (visit: (list: FdEntryList, i: number, name: string) => boolean | undefined): void => {
    for (const v of p.fdViews) {
      const list = v.holder.entries;
      for (let i = 0; i < list.length; i++) {
        if (list.kind(i) === 'file' && Number(list.fd(i)) >= 3 && visit(list, i, list.name(i))) return;
      }
    }
  };
  let anchor: string | null = null;
  files3((_list, _i, name) => {
    if (CHROMIUM_ANCHOR.test(name)) anchor = name;
    return anchor !== null;
  });
  if (anchor === null) return [];
  const app = (anchor as string).slice(0, (anchor as string).lastIndexOf('/'));
  if (isAppOf(command, app)) return [];
  const held = new Map<string, FdEntry>();
  files3((list, i, name) => {
    if (name.startsWith(`${app}/`) && !held.has(list.fd(i))) held.set(list.fd(i), list.at(i));
    return false;
  });
  const files = [...held.values()];
  const names = files.slice(0, 3).map((e) => e.name.slice(app.length + 1));
  return [
    heldSignal(
      'inherited-runtime-files',
      files,
      `It holds ${fmt(files.length)} file${files.length === 1 ? '' : 's'} of the Chromium runtime in ${app} (${names.join(', ')}${files.length > 3 ? ', …' : ''}), ` +
        `which only a Chromium or Electron program opens and ${p.command} is not: an ancestor that is one opened them without close-on-exec, and they crossed execve into this process.`,
    ),
  ];
};

/**
 * The program is the app whose folder this is: a folder's name or one of its words is the
 * program's name (`code` for /usr/share/code, /opt/visual-studio-code), or one begins the other
 * (lsof cuts names at 9 characters: `code-insi`; `signal-desktop` in /opt/Signal).
 */
function isAppOf(command: string, folder: string): boolean {
  return folder
    .toLowerCase()
    .split('/')
    .some((c) => {
      if (c === command || c.split(/[-_. ]+/).includes(command)) return true;
      return command.length >= 4 && c.length >= 4 && (c.startsWith(command) || command.startsWith(c));
    });
}

/**
 * A .NET runtime's diagnostic socket, `/tmp/dotnet-diagnostic-{pid}-{key}-socket`: the runtime binds
 * it at start-up under its own pid, without close-on-exec before .NET 5 (dotnet/runtime#48214), and
 * lsof names every holder's copy by that path.
 */
const DOTNET_DIAGNOSTIC = /\/dotnet-diagnostic-(\d{1,10})-\d{1,20}-socket\b/;

/**
 * A process holding the diagnostic socket of a .NET runtime of another pid (a GitHub runner's step
 * bash holding the runner's): it did not bind it; the runtime that did is its ancestor, and the
 * socket crossed every execve since.
 */
const diagnosticSocketsOfAnother: SignalSource = ({ facts }) => {
  const p = facts.process;
  if (p.lookup) return [];
  const held = new Map<string, FdEntry>();
  for (const v of p.fdViews) {
    const list = v.holder.entries;
    for (let i = 0; i < list.length; i++) {
      const m = DOTNET_DIAGNOSTIC.exec(list.name(i));
      if (m && Number(m[1]) !== p.pid && list.kind(i).startsWith('socket') && !held.has(list.fd(i))) held.set(list.fd(i), list.at(i));
    }
  }
  const sockets = [...held.values()];
  if (sockets.length === 0) return [];
  const owners = [...new Set(sockets.map((e) => DOTNET_DIAGNOSTIC.exec(e.name)![1]))].slice(0, 3);
  const one = sockets.length === 1;
  return [
    heldSignal(
      'inherited-runtime-files',
      sockets,
      `It holds ${one ? 'the diagnostic socket' : `${fmt(sockets.length)} diagnostic sockets`} of a .NET runtime of another pid (${owners.map((o) => `pid ${o}`).join(', ')}; ` +
        `fd ${sockets
          .slice(0, 3)
          .map((e) => e.fd)
          .join(', fd ')}${sockets.length > 3 ? ', …' : ''}), which that runtime binds under its own pid: ` +
        `${one ? 'it' : 'they'} crossed execve into this process from an ancestor that is one, not close-on-exec.`,
    ),
  ];
};

/**
 * The shell at a prompt listing its own fds (`ls -l /proc/$$/fd`) opened none but its terminal:
 * any other fd of 3 and above came through execve from the program that started it (a terminal
 * emulator, an IDE, a window manager), which held it without close-on-exec, and the shell hands it
 * to every program it starts.
 */
const givenToTheShell: SignalSource = ({ facts }) => {
  const p = facts.process;
  const view = p.fdViews.find((v) => listsOwnShell(v.command));
  const fds = view ? shellGivenAtExec(view.holder.entries, view.command) : [];
  if (fds.length === 0) return [];
  const one = fds.length === 1;
  const shown = fds.slice(0, 3).map((e) => `fd ${e.fd} (${e.name})`);
  return [
    heldSignal(
      'inherited-by-shell',
      fds,
      `The shell listed its own fds and holds ${one ? 'one' : fmt(fds.length)} beside its terminal, ${shown.join(', ')}${fds.length > 3 ? ', …' : ''}: ` +
        `a shell at a prompt opens no other, so ${one ? 'it' : 'they'} came through execve from the program that started it, which held ${one ? 'it' : 'them'} without close-on-exec; ` +
        `the shell passes ${one ? 'it' : 'them'} to every program it starts. That program's own listing (\`ls -l /proc/$PPID/fd\` or \`lsof -p $PPID\`, typed in the same shell) shows whose ${one ? 'fd it is' : 'fds they are'}.`,
    ),
  ];
};

/** Fds held from an ancestor, as a signal: decisive from MANY_KEPT, as the copies strace sees kept. */
function heldSignal(id: string, fds: readonly FdEntry[], statement: string): Signal {
  return {
    id,
    kind: 'inherited',
    weight: fds.length >= MANY_KEPT ? 3 : 2,
    count: fds.length,
    statement,
    evidence: fds.slice(0, 3).map((e) => e.ev),
  };
}

/** The most specific reading first: the same fds are told once. */
const READINGS: readonly SignalSource[] = [runtimeFilesOfAnother, diagnosticSocketsOfAnother, givenToTheShell];

export const fromAncestorSignals: SignalSource = (ctx) => {
  for (const read of READINGS) {
    const signals = read(ctx);
    if (signals.length > 0) return signals;
  }
  return [];
};

/** The suspect holds fds an ancestor passed down, rather than leaking to its children: its strongest reason is one of these. */
export function heldFromAncestor(s: { reasons: readonly { signal: string }[] }): boolean {
  const top = s.reasons[0]?.signal;
  return top === 'inherited-runtime-files' || top === 'inherited-by-shell';
}
