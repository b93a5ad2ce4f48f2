// Counted rows that are fds: `ls /proc/PID/fd | grep X | wc -l` counts fds; lsof prints a row per
// thread in some versions and invocations (a TID column), so `lsof ... | grep -c X` counts fds only
// when the bundle's listing of the same lsof command shows no row of the process twice.
import { firstCommand } from './pipeline.js';
import type { ProcessModel } from './host.js';

type PipelineCount = ProcessModel['pipelineCounts'][number];

/** The lsof commands whose listing of this process shows no row twice (no TID). */
function lsofOnce(p: ProcessModel): Set<string> {
  return new Set(
    p.fdViews.filter((v) => v.tool === 'lsof' && v.holder.fds > 0 && v.holder.threadRows === 0).map((v) => firstCommand(v.command)),
  );
}

/** The count's command in a sentence, quoted as code, and how it was tied to the process when its command names none. */
export function countQuoted(c: PipelineCount): string {
  return `\`${c.basis}\`${c.tiedBy ? ` (${c.tiedBy})` : ''}`;
}

/** The count's command and how it was tied to the process: a basis said inside parentheses. */
export function countText(c: PipelineCount): string {
  return c.tiedBy ? `${c.basis}, ${c.tiedBy}` : c.basis;
}

/** Whether each row the count counted is one fd of the process (not a thread's repeat). */
export function rowsAreFds(p: ProcessModel, c: PipelineCount): boolean {
  if (c.tool === 'ls') return true;
  return c.tool === 'lsof' && lsofOnce(p).has(firstCommand(c.basis));
}
