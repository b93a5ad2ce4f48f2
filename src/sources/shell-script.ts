// A command line that hands a script to a shell: `sudo bash -c 'ulimit -n 8; vector -c otlp.yaml'`.
// The program that prints the command's output is the script's last command (vector, not bash),
// and a `ulimit -n N` earlier in the script set the limit that program runs under — as one typed
// at the prompt before it would have. A line typed at the prompt that chains commands the same way
// (`ulimit -n 256; python3 bundle.py src/`) is such a script too, run by the interactive shell.

import { splitOutsideQuotes } from '../shell.js';
import { COMMAND_WRAPPERS } from '../command-words.js';

/** Shells whose `-c SCRIPT` runs a script (here, and `sh -c` inside a container: container-exec.ts). */
export const SCRIPT_SHELLS = new Set(['sh', 'bash', 'ash', 'dash', 'zsh', 'ksh', 'busybox']);
const MAX_SCRIPT_CHARS = 2000;
const MAX_SCRIPT_COMMANDS = 20;

/** The script of `[sudo] bash -c 'SCRIPT'` (the whole command line, nothing after it), else undefined. */
export function shellScript(command: string): string | undefined {
  if (command.length > MAX_SCRIPT_CHARS) return undefined;
  const text = command.trim().replace(/^[$#]\s+/, '');
  const at = text.indexOf(' -c ');
  if (at < 0) return undefined;
  const rest = text.slice(at + 4).trim();
  const quote = rest[0];
  if ((quote !== "'" && quote !== '"') || rest.length < 3 || rest.at(-1) !== quote) return undefined;
  const script = rest.slice(1, -1);
  // One quoted word, nothing after it; a double-quoted one without escapes or expansions.
  if (script.includes(quote) || (quote === '"' && /[\\$`]/.test(script))) return undefined;
  const before = text.slice(0, at).split(/\s+/);
  if (before.length > 5 || !SCRIPT_SHELLS.has(before.at(-1)!.replace(/^.*\//, ''))) return undefined;
  // Each word before the shell is a wrapper or one of its options (`sudo -u td-agent`, `env -i`).
  const wrappers = before.slice(0, -1);
  const wrapped =
    wrappers.length === 0 || (COMMAND_WRAPPERS.has(wrappers[0]) && wrappers.slice(1).every((w) => /^-?[\w.=-]{1,64}$/.test(w)));
  return wrapped ? script : undefined;
}

/** The simple commands of a script, in order: split at `;`, `&&`, `||` and newlines outside quotes. */
export function scriptCommands(script: string): string[] {
  return splitOutsideQuotes(script, commandSeparator, MAX_SCRIPT_COMMANDS);
}

/** `;`, a newline, `&&` or `||`: the length of the one at i, else 0. */
function commandSeparator(text: string, i: number): number {
  const ch = text[i];
  if (ch === ';' || ch === '\n') return 1;
  return (ch === '&' || ch === '|') && text[i + 1] === ch ? 2 : 0;
}

/**
 * Commands that print nothing and only set up the shell for the next one: before a program on a
 * typed line (`ulimit -n 256; prog`, `cd build && make`), the line's output is the program's.
 */
const SETUP_COMMAND = /^(?:ulimit|cd|export)(?:\s|$)/;

/**
 * A line typed at the prompt that chains commands (`;`, `&&`, `||`) run by the interactive shell,
 * each before the last one only setting it up (`ulimit -n 256; python3 bundle.py src/`): the line is
 * a script as `bash -c` runs one. A line whose earlier commands print something (`date; prog`) is
 * not: its output is more than one program's.
 */
export function typedScript(command: string): string | undefined {
  if (command.length > MAX_SCRIPT_CHARS) return undefined;
  const text = command.trim().replace(/^[$#]\s+/, '');
  const commands = scriptCommands(text);
  if (commands.length < 2) return undefined;
  return commands.slice(0, -1).every((c) => SETUP_COMMAND.test(c)) ? text : undefined;
}

/** The script a command line runs: a shell's `-c` script, or the typed line itself when it chains commands. */
function commandScript(command: string): string | undefined {
  return shellScript(command) ?? typedScript(command);
}

/** The command a shell script ends with (what prints its output), or the command itself when it runs no script. */
export function lastScriptCommand(command: string): string {
  const script = commandScript(command);
  return script === undefined ? command : (scriptCommands(script).at(-1) ?? command);
}

/** The `ulimit` commands a script runs before its last command (`ulimit -n 8` of `bash -c 'ulimit -n 8; vector'`). */
export function scriptLimits(command: string): string[] {
  const script = commandScript(command);
  if (script === undefined) return [];
  return scriptCommands(script)
    .slice(0, -1)
    .filter((c) => /^ulimit\s/.test(c));
}
