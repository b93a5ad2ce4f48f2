import type { PidRef } from '../captures.js';
import { pidRefOf } from '../model/processes.js';
// Shared by the strace rules (steps 8-11).
import type { RuleContext } from './rule.js';

export { straceCapture, straceCommand } from '../captures.js';

/** The pid to trace: the suspect, else the process the strace was about. */
export function tracePid(ctx: RuleContext): PidRef {
  const lead = ctx.suspects[0]?.process;
  return lead ? pidRefOf(lead) : (ctx.strace?.pid ?? null);
}

export { threadLabel } from '../process-label.js';
