// A program started at the prompt that is a script (`mitmdump`, an entry point of a Python
// package): it runs under its interpreter's name, not its own — lsof prints `Python` (macOS's
// framework build) or `python3`, ps's comm the same — so no process of the bundle has the
// command's name. The output says which interpreter ran it when it prints that interpreter's own
// stack frames (Python's `File "…/tcp.py", line 394, in serve_forever`); the one process of that
// interpreter whose fds the bundle shows is then the process the command started.
import type { HostModel, ProcessModel } from './host.js';
import { RUNTIME_NAMES } from './runtime-names.js';

interface Interpreter {
  /** The interpreter's process names (comm, lsof's COMMAND). */
  name: RegExp;
  /** A stack frame only it prints, as a line of the program's output. */
  frame: RegExp;
  label: string;
}

const INTERPRETERS: readonly Interpreter[] = [
  { name: new RegExp(`^${RUNTIME_NAMES.python}$`), frame: /^\s{0,16}File "[^"\n]{1,512}", line \d{1,9}, in \S/, label: "Python's" },
  {
    name: new RegExp(`^${RUNTIME_NAMES.node}$`),
    frame: /^\s{0,16}at (?:\S{1,256} \()?[^\s()]{1,256}\.(?:js|cjs|mjs):\d{1,9}:\d{1,9}\)?$/,
    label: "Node's",
  },
];

/** A process whose fds the bundle shows by a listing, a count or socket rows of its own, not by a name's lookup. */
export type FdEvidence = (p: ProcessModel) => boolean;

/**
 * The one process running the interpreter whose stack frames `lines` print, when it is the only
 * process whose fds the bundle shows and its name is not `program`'s (the command's own program,
 * which then ran as it); null otherwise.
 */
export function interpreterOfScript(
  model: HostModel,
  program: string,
  lines: readonly { text: string }[],
  shown: FdEvidence,
): { process: ProcessModel; label: string } | null {
  const known = [...model.processes.values()].filter((p) => (!p.lookup || p.lookup.listed) && shown(p));
  if (known.length !== 1 || known[0].command === null) return null;
  const host = known[0];
  const it = INTERPRETERS.find((i) => i.name.test(host.command ?? ''));
  if (!it || it.name.test(program)) return null;
  return lines.some((l) => it.frame.test(l.text)) ? { process: host, label: it.label } : null;
}
