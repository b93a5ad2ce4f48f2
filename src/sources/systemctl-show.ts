// `systemctl show UNIT` (whole, `-p LimitNOFILE,LimitNOFILESoft`, `--property=…`, `| grep NOFILE`): the
// open-files limit systemd gives a service's processes, one `KEY=VALUE` property a line.
//   LimitNOFILE=524288        the hard limit (RLIMIT_NOFILE's rlim_max)
//   LimitNOFILESoft=1024      the soft limit, where EMFILE comes (systemd 240 and later print it)
// systemd before 240 prints LimitNOFILE= alone: the hard limit, with the soft one unsaid (1024 under a
// hard 4096 by default), so it is no limit EMFILE is hit at. `infinity` (18446744073709551615 before
// systemd printed the word) is no limit: systemd then sets the kernel's most (fs.nr_open).
// `systemctl show` with no unit prints the manager's DefaultLimitNOFILE= / DefaultLimitNOFILESoft=:
// what a service that sets no LimitNOFILE= gets. MainPID= (whole output) is the service's main process. `-p LimitNOFILESoft --value` prints the bare value.
import { ref } from '../types.js';
import type { PrintedLimit, ServiceLimits, SystemctlShowArtifact } from './artifacts.js';
import type { SourceParser } from './parser.js';
import { argumentsOf } from '../command-words.js';
import { count } from './numbers.js';
import { NO_FDS } from './ulimit.js';
import { appendAll } from '../many-values.js';

/** A property line: systemd's names are CamelCase words of letters and digits. */
const KEY = /^[A-Z][A-Za-z0-9]{0,79}$/;
const NOFILE_KEYS = new Set(['LimitNOFILE', 'LimitNOFILESoft', 'DefaultLimitNOFILE', 'DefaultLimitNOFILESoft']);
/** RLIM_INFINITY as systemctl printed it before it printed `infinity`. */
const UINT64_MAX = '18446744073709551615';
/** A unit name as systemctl takes it (no glob: `nginx*` names no one unit). */
const UNIT_NAME = /^[\w.:@\\-]{1,256}$/;
const UNIT_TYPES = /\.(?:socket|target|mount|automount|swap|timer|path|slice|scope|device)$/;

/** `KEY=VALUE` → [key, value]; undefined for any other line. */
function property(text: string): [string, string] | undefined {
  const eq = text.indexOf('=');
  if (eq <= 0) return undefined;
  const key = text.slice(0, eq);
  return KEY.test(key) ? [key, text.slice(eq + 1)] : undefined;
}

interface ShowCommand {
  units: string[];
  /** Properties `-p` / `--property` / `-P` asked for (empty: all). */
  properties: string[];
  /** `--value` / `-P`: values printed without their names. */
  valueOnly: boolean;
  user: boolean;
  elsewhere: boolean;
}

/** Short options of systemctl that take the next word as their value. */
const SHORT_WITH_VALUE = new Set(['p', 'P', 't', 's', 'n', 'o', 'H', 'M']);
const LONG_WITH_VALUE = new Set([
  '--property',
  '--type',
  '--state',
  '--signal',
  '--lines',
  '--output',
  '--host',
  '--machine',
  '--kill-whom',
]);

/** `systemctl [options] show [options] UNIT…`, read word by word; undefined when the command runs no `systemctl show`. */
export function showCommand(command: string | undefined): ShowCommand | undefined {
  const args = argumentsOf(command, 'systemctl')?.map((w) => w.replace(/^(['"])(.*)\1$/, '$2'));
  if (!args) return undefined;
  const out: ShowCommand = { units: [], properties: [], valueOnly: false, user: false, elsewhere: false };
  let verb: string | undefined;
  const take = (option: string, value: string | undefined) => {
    if (option === 'p' || option === 'P' || option === '--property')
      appendAll(
        out.properties,
        (value ?? '').split(',').filter((p) => p !== ''),
      );
    if (option === 'P') out.valueOnly = true;
    if (option === 'H' || option === 'M' || option === '--host' || option === '--machine') out.elsewhere = true;
  };
  for (let i = 0; i < args.length; i++) {
    const w = args[i];
    if (w.startsWith('--')) {
      const eq = w.indexOf('=');
      const name = eq === -1 ? w : w.slice(0, eq);
      if (name === '--value') out.valueOnly = true;
      else if (name === '--user') out.user = true;
      else if (LONG_WITH_VALUE.has(name)) take(name, eq === -1 ? args[++i] : w.slice(eq + 1));
    } else if (w.startsWith('-') && w.length > 1) {
      // A cluster (`-ap`): the first letter that takes a value takes the rest of the word, or the next word.
      for (let j = 1; j < w.length; j++) {
        if (!SHORT_WITH_VALUE.has(w[j])) continue;
        take(w[j], j + 1 < w.length ? w.slice(j + 1) : args[++i]);
        break;
      }
    } else if (verb === undefined) verb = w;
    else out.units.push(w);
  }
  return verb === 'show' ? out : undefined;
}

/** `nginx.service` / `nginx` → `nginx`; undefined for a socket, a timer … or a name that is no unit's. */
function serviceName(unit: string): string | undefined {
  if (!UNIT_NAME.test(unit) || UNIT_TYPES.test(unit)) return undefined;
  const name = unit.endsWith('.service') ? unit.slice(0, -'.service'.length) : unit;
  return name === '' ? undefined : name;
}

/** `infinity` and UINT64_MAX → null; a whole number → that number; anything else → undefined. */
function limitOf(text: string): number | null | undefined {
  const t = text.trim();
  if (t === 'infinity' || t === UINT64_MAX) return null;
  return count(t);
}

function isShowOutput(lines: string[], valueOnly: boolean): boolean {
  return lines.every((l) => property(l) !== undefined || (valueOnly && limitOf(l) !== undefined));
}

export const systemctlShow: SourceParser<SystemctlShowArtifact> = {
  id: 'systemctl-show',
  title: "A service's open-files limit (systemctl show)",
  detect({ head, name, command }) {
    const lines = head.filter((l) => l.trim() !== '');
    if (lines.length === 0) return 0;
    const show = showCommand(command);
    const nofile = lines.some((l) => NOFILE_KEYS.has(property(l)?.[0] ?? ''));
    if (show) {
      if (show.valueOnly) {
        const one = show.properties.length === 1 && NOFILE_KEYS.has(show.properties[0]);
        return one && isShowOutput(lines, true) ? 0.95 : 0;
      }
      // The whole output prints LimitNOFILE= past its first lines: the command says what it is.
      return isShowOutput(lines, false) ? (nofile ? 0.97 : 0.9) : 0;
    }
    // Another command printed these lines (`grep LimitNOFILE x.service`, `cat .env`): a unit file's
    // setting or an environment, not what systemd gave the service.
    if (command || /\.(?:service|conf|env)$/.test(name)) return 0;
    // A bundle's `systemctl-show-nginx.txt` says what it is, as a command would.
    if (/systemctl[-_. ]?show/i.test(name)) return isShowOutput(lines, false) ? 0.85 : 0;
    // Alone, only as systemctl prints them: every NOFILE value a number or infinity (a unit file's
    // `LimitNOFILE=1024:4096` is not).
    const printed = lines.every((l) => {
      const kv = property(l);
      return kv !== undefined && (!NOFILE_KEYS.has(kv[0]) || limitOf(kv[1]) !== undefined);
    });
    return nofile && printed ? 0.8 : 0;
  },
  sink(ctx) {
    const show = showCommand(ctx.command);
    const out: SystemctlShowArtifact = { records: 0, services: [] };
    if (show?.user) out.user = true;
    if (show?.elsewhere) out.elsewhere = true;
    const units = show?.units ?? [];
    const unit = units.length === 1 && UNIT_NAME.test(units[0]) ? units[0] : undefined;
    // Several units (or a pattern, `nginx*`) print one block each, a blank line apart: a block is
    // known to be a unit's by its own Id= line only (the order is not read).
    const several = units.length > 1 || (units.length === 1 && unit === undefined);
    let unnamed = 0;
    const bare = show?.valueOnly && show.properties.length === 1 ? show.properties[0] : undefined;
    let block: ServiceLimits = {};
    let seen = new Set<string>();
    const close = () => {
      if (block.hard || block.soft || block.mainPid) {
        if (several && !block.unit) unnamed++;
        else out.services.push(block);
      }
      block = {};
      seen = new Set();
    };
    const setLimit = (key: string, value: string, n: number, text: string) => {
      if (value.trim() === '') return ctx.warn(n, `${key}= is empty: no limit read`);
      const v = limitOf(value);
      if (v === undefined) return ctx.warn(n, `${key}=${value.slice(0, 40)}: not a number or infinity`);
      if (v === 0) return ctx.warn(n, NO_FDS);
      const printed: PrintedLimit = { value: v, ev: ref(ctx.file, n, text) };
      if (key.startsWith('Default')) {
        out.managerDefault ??= {};
        out.managerDefault[key.endsWith('Soft') ? 'soft' : 'hard'] = printed;
      } else block[key.endsWith('Soft') ? 'soft' : 'hard'] = printed;
    };
    return {
      line(text, n) {
        if (text.trim() === '') {
          close();
          return;
        }
        const kv = property(text) ?? (bare && limitOf(text) !== undefined ? ([bare, text.trim()] as [string, string]) : undefined);
        if (!kv) {
          ctx.warn(n, `not a systemctl show property line: ${text.slice(0, 80)}`);
          return;
        }
        const [key, value] = kv;
        out.records++;
        // systemctl prints each property once per unit: a key again is the next unit's (a grep drops the blank line between).
        if (seen.has(key)) close();
        seen.add(key);
        if (NOFILE_KEYS.has(key)) setLimit(key, value, n, text);
        else if (key === 'MainPID') {
          const pid = count(value.trim());
          if (pid) block.mainPid = { pid, ev: ref(ctx.file, n, text) };
        } else if (key === 'Id' && !block.unit) block.unit = value.trim();
      },
      end() {
        close();
        if (unnamed > 0) {
          ctx.warn(
            undefined,
            `the command names several units (${units.join(' ').slice(0, 120)}): ${unnamed} block(s) of properties without an Id= line are no one unit's`,
          );
        }
        for (const s of out.services) {
          s.unit ??= unit;
          const service = s.unit === undefined ? undefined : serviceName(s.unit);
          if (service) s.service = service;
          if (s.soft) s.openFiles = { soft: s.soft.value, ...(s.hard ? { hard: s.hard.value } : {}), ev: s.soft.ev };
          else if (s.hard) {
            ctx.warn(
              s.hard.ev.line,
              'LimitNOFILE= is the hard limit; the soft one, where EMFILE comes, is LimitNOFILESoft=, not printed here (systemd before 240 prints none; -p may leave it out)',
            );
          }
        }
        if (out.records === 0) ctx.warn(undefined, 'no systemctl show properties found');
        return out;
      },
    };
  },
};
