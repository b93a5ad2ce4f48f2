// pstree -p: the process tree, each process `name(pid)`, its children after it on its line
// (`---`, or `-+-` where it has more than one) and below it, each under the column where its
// parent's branch began (`|-`, `` `- ``); threads in braces, `{node}(2319)`. A UTF-8 terminal
// draws the same with box characters (`───`, `─┬─`, `├─`, `└─`, `│`).
//   python3(32206)-+-sleep(313)
//                  |-sleep(314)
//                  `-sleep(32765)
// Read into ps's artifact: each process with its parent, each thread with its process.
import type { PsArtifact, PsProcess, ThreadName } from './artifacts.js';
import { ref } from '../types.js';
import type { LineSink, ParseContext } from './parser.js';

/** A node: `name(pid)`, `{thread}(tid)`; with -u, `name(pid,user)`. Names hold no blank or parenthesis. */
const NODE = /(\{)?([^\s(){}|`+\-─┬├└│][^\s(){}]{0,63}?)\}?\((\d{1,10})(?:,[^)\s]{1,32})?\)/y;
/** What leads a line's first node: blanks, ancestors' bars, then its branch. */
const LEAD = /^[ │|]*(?:[|`]-|[├└]─)/;
/** A line of pstree -p: a lead or none, then a node. */
const LINE = /^(?:[ │|]*(?:[|`]-|[├└]─))?\{?[^\s(){}]{1,64}\}?\(\d{1,10}(?:,[^)\s]{1,32})?\)/;
/** The links between a node and its first child on the same line. */
const SAME_LINE = ['-+-', '---', '─┬─', '───'];
/** At most this many branch columns are remembered (a tree deeper than any real one). */
const MAX_COLUMNS = 512;

/** Is `command` a pstree that prints pids (`pstree -p`, `-ap`, `--show-pids`)? */
export function isPstreeCommand(command?: string): boolean {
  const m = command ? /(?:^|[\s|;&(])pstree((?:\s+[^|;&\s]{1,40}){0,8})/.exec(command) : null;
  if (!m) return false;
  return m[1].split(/\s+/).some((w) => w === '--show-pids' || (/^-[a-zA-Z]+$/.test(w) && w.includes('p')));
}

/** Do these lines look like pstree -p's (the first one a root with a child on its line)? */
export function looksLikePstree(lines: readonly string[]): boolean {
  const first = lines[0] ?? '';
  if (!LINE.test(first) || LEAD.test(first)) return false;
  if (!SAME_LINE.some((s) => first.includes(s))) return false;
  return lines.slice(1, 20).every((l) => l.trim() === '' || (LEAD.test(l) && LINE.test(l)));
}

interface Node {
  pid: number;
  name: string;
  thread: boolean;
  parent: number | undefined;
}

/** The nodes of one line, each with its parent; `branches` maps a column to the node whose children start there. */
function readTreeLine(text: string, branches: Map<number, number>): Node[] {
  const out: Node[] = [];
  let i = 0;
  let parent: number | undefined;
  const lead = LEAD.exec(text);
  if (lead) {
    const col = lead[0].length - 2;
    parent = branches.get(col);
    if (parent === undefined) return out;
    i = lead[0].length;
  } else branches.clear();
  for (let k = 0; k < 64 && i < text.length; k++) {
    NODE.lastIndex = i;
    const m = NODE.exec(text);
    if (!m) break;
    const thread = m[1] === '{';
    const pid = Number(m[3]);
    out.push({ pid, name: m[2], thread, parent });
    i = NODE.lastIndex;
    const link = text.slice(i, i + 3);
    if (!SAME_LINE.includes(link)) break;
    if ((link === '-+-' || link === '─┬─') && branches.size < MAX_COLUMNS) branches.set(i + 1, pid);
    parent = pid;
    i += 3;
  }
  return out;
}

/** A sink that reads pstree -p lines into ps's artifact. */
export function pstreeSink(ctx: ParseContext): LineSink<PsArtifact> {
  const branches = new Map<number, number>();
  const processes: PsProcess[] = [];
  const threads: ThreadName[] = [];
  const seen = new Set<number>();
  return {
    line(text, n) {
      if (text.trim() === '') return;
      const nodes = readTreeLine(text, branches);
      if (nodes.length === 0) {
        ctx.warn(n, `not a pstree -p line: ${text.slice(0, 80)}`);
        return;
      }
      const ev = ref(ctx.file, n, text);
      for (const x of nodes) {
        if (seen.has(x.pid)) continue;
        seen.add(x.pid);
        if (x.thread) {
          threads.push({ ...(x.parent !== undefined ? { pid: x.parent } : {}), tid: x.pid, name: x.name, source: 'ps', ev });
          continue;
        }
        const p: PsProcess = { pid: x.pid, command: x.name, cmdline: x.name, ev };
        if (x.parent !== undefined) p.ppid = x.parent;
        processes.push(p);
      }
    },
    end() {
      if (processes.length === 0) ctx.warn(undefined, 'no pstree -p rows found');
      return { records: processes.length + threads.length, variant: 'other', processes, threads };
    },
  };
}
