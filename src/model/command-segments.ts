// A command line's words and pipeline segments, and the tool each segment runs: the words every
// reading of a command (pipeline.ts, pid-lookups.ts) starts from.
import { COMMAND_WRAPPERS, WRAPPER_VALUE_OPTIONS } from '../command-words.js';
import { splitPipeline } from '../shell.js';
import { containerExec } from '../sources/container-exec.js';

/** Shell words of one command, quotes removed. */
export function words(segment: string): string[] {
  const out: string[] = [];
  const re = /"((?:[^"\\]|\\.)*)"|'([^']*)'|(\S+)/g;
  for (let m = re.exec(segment); m; m = re.exec(segment)) out.push(m[1] ?? m[2] ?? m[3]);
  return out;
}

export function toolOf(segment: string[]): { tool: string; args: string[] } {
  // `cd /proc/PID/fd && ls -l`: the tool is ls; its folder stays among the arguments. In a process's
  // folder a relative path is one of its files: `cd /proc/30914 && ls -l fd` lists /proc/30914/fd.
  if (segment[0] === 'cd' && segment[2] === '&&') {
    const proc = /^\/proc\/\d{1,10}$/.test(segment[1].replace(/\/$/, '')) ? segment[1].replace(/\/$/, '') : null;
    const rest = segment.slice(3).map((w, i) => (proc && i > 0 && /^(?:fd|fdinfo|limits|status|task)\/?$/.test(w) ? `${proc}/${w}` : w));
    return toolOf([...rest, segment[1]]);
  }
  let i = 0;
  let wrapper: string | undefined;
  while (i < segment.length && (COMMAND_WRAPPERS.has(segment[i]) || /^-/.test(segment[i]) || /^\d+[smh]?$/.test(segment[i]))) {
    if (COMMAND_WRAPPERS.has(segment[i])) wrapper = segment[i];
    else if (wrapper && WRAPPER_VALUE_OPTIONS.get(wrapper)?.has(segment[i])) i++;
    i++;
  }
  const tool = (segment[i] ?? '').replace(/^.*\//, '');
  return { tool, args: segment.slice(i + 1) };
}

/** The pattern a grep's arguments give (`-e P`, or the first word that is no option); `!` before it for `-v`. */
export function grepPattern(args: string[]): string | undefined {
  let invert = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '-e') return (invert ? '!' : '') + (args[i + 1] ?? '');
    if (/^-[A-Za-z]+$/.test(a)) {
      if (a.includes('v')) invert = true;
      continue;
    }
    return (invert ? '!' : '') + a;
  }
  return undefined;
}

/**
 * A command's pipeline as the words of each segment, a leading prompt sign dropped; a command run
 * inside a container (`docker exec web ls /proc/1/fd | wc -l`) as the command run there.
 */
export function segmentsOf(command: string): string[][] {
  const inside = containerExec(command)?.command ?? command;
  return splitPipeline(withoutCutMark(inside.trim().replace(/^[$#]\s+/, ''))).map(words);
}

/**
 * A command line cut at the terminal's width, its cut marked by a `>` glued to its last word
 * (`ls -al | grep /var/lib/docker/containers/01318066a03d>`, fluent-bit#486; journalctl's pager and
 * `less -S` mark a cut line so): no shell runs a line that ends in `>` (a redirect with no target),
 * so the `>` is the mark and the word before it is the start of the word typed. Not `2>` or `>>`
 * (a cut redirect), grep's word anchor `\>`, an arrow `->`, nor a line holding `<` (a placeholder,
 * `grep <my port>`).
 */
export function withoutCutMark(command: string): string {
  if (!command.endsWith('>') || command.includes('<')) return command;
  const body = command.slice(Math.max(command.lastIndexOf(' '), command.lastIndexOf('\t')) + 1, -1);
  if (body === '' || /^\d{0,4}$/.test(body) || /[>\\-]$/.test(body)) return command;
  return command.slice(0, -1);
}

/** A word that can be a program's name as a lookup or a syslog tag gives it (`rsyslogd`, `octo_parser`). */
export function isProgramName(name: string): boolean {
  return /^[\w.-]{1,64}$/.test(name);
}
