// --redact, --redact-map and --redact-pattern: the same three options on analyze, report and collect
// (and redact's own two). Giving a map or a pattern turns redaction on.
import type { Argv } from 'yargs';
import { err } from './print.js';

export interface RedactArgs {
  redact?: boolean;
  'redact-map'?: string;
  'redact-pattern'?: string[];
}

export function redactOptions<T>(y: Argv<T>, withSwitch = true): Argv<T & RedactArgs> {
  const base = withSwitch
    ? y.option('redact', {
        type: 'boolean',
        describe:
          'Replace IP addresses, host and user names with consistent pseudonyms and remove secrets (best-effort: review before sharing)',
      })
    : y;
  return base
    .option('redact-map', {
      type: 'string',
      describe: 'Also write the pseudonym → original map to this new file (0600); keep it apart from what you share',
    })
    .option('redact-pattern', {
      type: 'string',
      array: true,
      describe: 'Also replace what this regular expression matches (repeatable; /re/m and /re/s allowed; must run in linear time)',
    }) as unknown as Argv<T & RedactArgs>;
}

export function wantsRedaction(args: RedactArgs): boolean {
  return !!args.redact || args['redact-map'] !== undefined || (args['redact-pattern']?.length ?? 0) > 0;
}

/** The patterns compiled (a bad one is a one-line error, exit 2) and the map file checked against what is shared. */
export async function redactRequest(args: RedactArgs, shared: readonly string[]): Promise<{ patterns: RegExp[]; mapFile?: string }> {
  const { compilePatterns } = await import('../redact/patterns.js');
  const patterns = compilePatterns(args['redact-pattern']);
  const mapFile = args['redact-map'];
  if (mapFile !== undefined) (await import('../redact/map-file.js')).checkMapPath(mapFile, shared);
  return { patterns, mapFile };
}

const KINDS: Record<string, [string, string]> = {
  hosts: ['host name', 'host names'],
  domains: ['domain', 'domains'],
  users: ['user name', 'user names'],
  ipv4: ['IPv4 address', 'IPv4 addresses'],
  ipv6: ['IPv6 address', 'IPv6 addresses'],
  patterns: ['pattern match', 'pattern matches'],
};

/** One line on stderr: how much was replaced, and where the map went. */
export function reportRedaction(counts: Record<string, number>, mapFile: string | undefined): void {
  const parts = Object.entries(counts)
    .filter(([, n]) => n > 0)
    .map(([k, n]) => `${n} ${(KINDS[k] ?? [k, k])[n === 1 ? 0 : 1]}`);
  err(
    `fdleak: redacted (${parts.join(', ') || 'no names or addresses found'}; secrets removed)${mapFile ? `; map: ${mapFile}` : ''}. Review before sharing.\n`,
  );
}
