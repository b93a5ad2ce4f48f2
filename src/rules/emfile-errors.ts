import { whoBrief, whoWithCommand } from '../model/processes.js';
import { sentenceStart } from '../process-label.js';
// Step 6: the process ran out of fds — "Too many open files" in its log or in its strace.
import type { Rule, RuleOutcome } from './rule.js';
import { excerpt } from './leak-signal.js';
import { whatRanOut } from '../model/diagnosis.js';

export const rule: Rule = {
  id: 'emfile-errors',
  step: 6,
  title: 'No process reports "Too many open files"',
  failureTitle: 'A process ran out of file descriptors (EMFILE)',
  method:
    'At its open-files limit every call that makes an fd fails with EMFILE, "Too many open files": `accept4` in a server, ' +
    '`socket`/`connect` in a client, `open` for a log. The program usually says so in its log, often in a loop ' +
    '(`accept: too many open files; retrying`). ENFILE, "Too many open files in system", is the host\'s file table ' +
    '(fs.file-max) instead. `grep -ic "too many open files" app.log`, and in strace `grep -c "= -1 EMFILE"`.',
  check(ctx): RuleOutcome[] {
    const out: RuleOutcome[] = [];
    for (const c of ctx.cases) {
      for (const s of c.signals.filter((x) => x.id === 'emfile-in-log' || x.id === 'emfile-in-strace')) {
        const name = `${whoWithCommand(c.process)}`;
        out.push({
          status: 'fail',
          severity: 'critical',
          title: `${sentenceStart(whoBrief(c.process))} ran out of file descriptors`,
          detail: `${sentenceStart(name)}: ${s.statement}`,
          evidence: s.evidence,
          details: excerpt(s.evidence, `"Too many open files" of ${whoBrief(c.process)}`),
        });
      }
    }
    for (const c of ctx.cases) {
      const lines = c.logs.flatMap((l) => l.samples.filter((x) => x.errno === 'ENFILE'));
      if (lines.length === 0) continue;
      const name = `${whoWithCommand(c.process)}`;
      out.push({
        status: 'fail',
        severity: 'high',
        title: 'The host ran out of file handles (ENFILE)',
        detail: `The log of ${name} says ${whatRanOut({ emfile: 0, enfile: lines.length })}: fs.file-max was reached, so every process failed to open files, whichever holds them (\`cat /proc/sys/fs/file-nr\` and per-process counts say which).`,
        evidence: lines.slice(0, 3).map((x) => x.ev),
        details: excerpt(
          lines.slice(0, 6).map((x) => x.ev),
          `"Too many open files in system" of ${name}`,
        ),
      });
    }
    for (const l of ctx.unownedLogs) {
      out.push({
        status: 'fail',
        severity: 'high',
        title: `${l.file} reports "Too many open files"`,
        detail: `${l.file} reports ${l.emfile + l.enfile} time${l.emfile + l.enfile === 1 ? '' : 's'} that ${whatRanOut(l)}; nothing in the bundle ties it to a process (no pid in its lines, no process with it open).${relayed(l.samples)}`,
        evidence: l.samples.slice(0, 3).map((x) => x.ev),
        details: excerpt(
          l.samples.slice(0, 6).map((x) => x.ev),
          `"Too many open files" in ${l.file}`,
        ),
      });
    }
    return out;
  },
};

/**
 * Lines a container engine wrote for a container (docker's journald log driver), or a client's
 * lines quoting a server's reply: the pid named is the messenger's. Says how to reach the process
 * that ran out.
 */
function relayed(samples: readonly { relayedBy?: string; peerReply?: true; loader?: true }[]): string {
  const carrier = samples.find((x) => x.relayedBy);
  const engine = carrier?.relayedBy;
  if (!engine) return '';
  if (carrier?.loader)
    return (
      (engine === 'the dynamic loader'
        ? " Its lines are glibc's loader's (`error while loading shared libraries: … Error 24`) in a program that had just started: "
        : ` Its lines are the own error lines of ${engine}, a program that had just started and opened a file or two: `) +
      'it met a full table rather than filled it — one it inherited from its parent, or a file server (FUSE, virtiofs) that passed its ' +
      "own EMFILE back through the mount. `ls /proc/PID/fd | wc -l` of the parent shell and of the mount's server say which."
    );
  if (carrier?.peerReply)
    return (
      ` Its lines are a server's reply that ${engine} quotes (an HTTP 5xx, a daemon's error response): the server it called ran out, ` +
      'not the client. `ls /proc/PID/fd | wc -l` and `cat /proc/PID/limits` of the server process, on its host, say how far.'
    );
  return (
    ` Its lines are a container's output that ${engine} wrote to the journal under the daemon's pid: the process that ran out ` +
    'runs in a container. `docker top CONTAINER` gives its host pid; then `ls /proc/PID/fd | wc -l` and `cat /proc/PID/limits` ' +
    "on the host (inside the container the same process has another pid, often 1), and the engine's own limits, which a container inherits."
  );
}
