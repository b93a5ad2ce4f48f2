import type { CommandModule } from 'yargs';
import { VERSION } from '../../version.js';
import { EXIT } from '../errors.js';
import { err, out as print } from '../print.js';
import { redactOptions, redactRequest, reportRedaction, wantsRedaction, type RedactArgs } from '../redact-options.js';

interface Args extends RedactArgs {
  pid?: number;
  auto?: boolean;
  'strace-seconds': number;
  snapshots: number;
  interval: number;
  logs?: string[];
  out?: string;
  'host-lsof': boolean;
  timeout: number;
  'max-file-mb': number;
  'log-kb': number;
  title?: string;
  ticket?: string;
  'dry-run'?: boolean;
}

export const collectCommand: CommandModule<object, Args> = {
  command: 'collect',
  describe: 'Capture a complete evidence bundle on a live host (run it as root during the incident)',
  builder: (y) =>
    redactOptions(y)
      .option('pid', { type: 'number', describe: 'The suspect process' })
      .option('auto', {
        type: 'boolean',
        describe:
          'Pick the suspect: the largest pile of one leaking kind (sockets in no table, CLOSE_WAIT, deleted files, inotify, pipes …), else nearest its limit, else most fds',
      })
      .conflicts('pid', 'auto')
      .option('strace-seconds', {
        type: 'number',
        default: 10,
        describe: 'Trace the suspect this long (0: no strace); it is detached cleanly',
      })
      .option('snapshots', {
        type: 'number',
        default: 2,
        describe:
          "Sample the suspect's fd counts by kind K times while the other captures run (growth rate, time to limit; also tells unconnected sockets apart without lsof); 0 = none",
      })
      .option('interval', { type: 'number', default: 5, describe: 'Seconds between snapshots' })
      .option('logs', { type: 'string', array: true, describe: 'Globs of open files to tail besides *.log (e.g. "*/applogs/*")' })
      .option('out', { type: 'string', describe: 'Bundle folder, or FILE.tar.gz (default fdleak-HOST-TIME/)' })
      .option('host-lsof', { type: 'boolean', default: true, describe: 'Whole-host lsof (slow on big hosts; --no-host-lsof skips it)' })
      .option('timeout', { type: 'number', default: 60, describe: 'Seconds each command may run' })
      .option('max-file-mb', { type: 'number', default: 200, describe: 'Size cap per captured file' })
      .option('log-kb', { type: 'number', default: 1024, describe: 'Tail this much of each log file' })
      .option('title', { type: 'string', describe: 'Incident title for the report' })
      .option('ticket', { type: 'string', describe: 'Ticket id for the report' })
      .option('dry-run', { type: 'boolean', describe: 'Show the suspect and the plan; capture nothing' })
      .check((a) => {
        for (const k of ['strace-seconds', 'snapshots', 'interval', 'timeout', 'max-file-mb', 'log-kb'] as const) {
          if (!Number.isFinite(a[k]) || a[k] < 0) throw new Error(`--${k} must be a number >= 0`);
        }
        if (a.pid !== undefined && (!Number.isInteger(a.pid) || a.pid <= 0)) throw new Error('--pid must be a process id');
        if (a.snapshots > 0 && a.interval <= 0) throw new Error('--interval must be > 0 with --snapshots');
        return true;
      })
      .example('$0 collect --auto --out incident.tar.gz', '# Find the suspect, capture everything, pack it')
      .example('$0 collect --pid 25204 --strace-seconds 30 --snapshots 6 --interval 10', '# A known suspect, with growth samples')
      .example('$0 collect --pid 25204 --logs "/data/applogs/**"', '# Also tail open files under /data/applogs')
      .example('$0 collect --auto --redact --out shared.tar.gz', '# A bundle to hand outside the team: no plain copy is kept'),
  handler: async (args) => {
    const { collect } = await import('../../collect/collect.js');
    const { autoProgress } = await import('../../collect/progress.js');
    const { shellJoin } = await import('../../shell.js');
    const { terminalText } = await import('../../terminal.js');
    const redact = wantsRedaction(args) && !args['dry-run'] ? await redactRequest(args, args.out ? [args.out] : []) : undefined;
    const auto = args.auto || args.pid === undefined;
    if (!args.auto && args.pid === undefined) err('fdleak: no --pid given: picking the suspect with --auto\n');
    const result = await collect({
      pid: args.pid,
      auto,
      straceSeconds: args['strace-seconds'],
      snapshots: args.snapshots,
      intervalSeconds: args.interval,
      logs: args.logs ?? [],
      out: args.out,
      hostLsof: args['host-lsof'],
      timeoutSeconds: args.timeout,
      maxFileBytes: Math.round(args['max-file-mb'] * 1024 * 1024),
      logBytes: Math.round(args['log-kb'] * 1024),
      title: args.title,
      ticket: args.ticket,
      version: VERSION,
      progress: autoProgress(),
      dryRun: args['dry-run'],
      handleSignals: true,
      redact,
    });
    const m = result.manifest;
    const out: string[] = [];
    const one = (s: string | undefined) => terminalText(s ?? '', { oneLine: true });
    if (m.suspectPid !== undefined) out.push(`suspect: pid ${m.suspectPid}: ${one(m.suspectReason)}`);
    else out.push('suspect: none (host-wide captures only)');
    if (result.bundle === null) {
      out.push('plan:');
      for (const c of result.plan) out.push(`  ${c.file.padEnd(28)} ${one(c.command)}`);
    } else {
      out.push(`bundle: ${result.bundle} (${m.files.length} files${result.interrupted ? ', interrupted: partial' : ''})`);
    }
    if (m.missing.length) {
      out.push('missing:');
      for (const x of m.missing) out.push(`  ${one(x.what)}: ${one(x.reason)}`);
    }
    if (result.bundle !== null) out.push(`next: fdleak analyze ${shellJoin([result.bundle])}`);
    print(out.join('\n') + '\n');
    if (result.redacted) reportRedaction(result.redacted, redact?.mapFile);
    process.exitCode = result.interrupted ? 130 : EXIT.OK;
  },
};
