// sosreport archives (`sos report`) hold hundreds of files; only a few say anything about fds.
// sos names a command's output after the command with spaces as `_`
// (sos_commands/process/lsof_-b_M_-n_-l_-c), and copies /proc files under proc/.
import type { ManifestFile } from './types.js';
import { sh } from '../shell.js';

export function isSosReport(files: readonly string[]): boolean {
  return (
    files.some((f) => f.startsWith('sos_commands/')) &&
    files.some((f) => f === 'sos_reports/manifest.json' || f.startsWith('sos_logs/') || f.startsWith('proc/'))
  );
}

const RELEVANT: RegExp[] = [
  /^sos_commands\/process\/(lsof|ps|pstree)_/,
  /^sos_commands\/networking\/(ss|netstat)_(?!-s$)/,
  /^sos_commands\/kernel\/sysctl_-a$/,
  /^sos_commands\/java\//,
  /^sos_commands\/systemd\/systemctl_show_service_--all$/,
  /^proc\/(\d+\/)?net\/sockstat6?$/,
  /^proc\/sys\/fs\/(file-max|file-nr|nr_open)$/,
  /^proc\/\d+\/limits$/,
  /^proc\/\d+\/task\/\d+\/comm$/,
];

export function sosRelevant(file: string): boolean {
  return RELEVANT.some((re) => re.test(file));
}

/**
 * Commands whose file name lost what made them: sos's systemd plugin runs `systemctl show *service
 * --all`; its process plugin runs `lsof -b +M -n -l -c ''` (sos 4; `lsof -b +M -n -l` before), whose
 * `+` and `''` the name drops — read back as `lsof -b M …`, `M` would be a file lsof was asked
 * about, and every process's rows a pick of its table rather than the whole of it.
 */
const MANGLED: Record<string, string> = {
  'systemctl_show_service_--all': "systemctl show '*service' --all",
  'lsof_-b_M_-n_-l_-c': "lsof -b +M -n -l -c ''",
  'lsof_-b_M_-n_-l': 'lsof -b +M -n -l',
};

/** The command sos ran, recovered from the file name; for /proc copies, a `cat`. */
export function sosCommand(file: string): ManifestFile {
  const m = /^sos_commands\/[^/]+\/(.+)$/.exec(file);
  if (m) {
    const command = Object.hasOwn(MANGLED, m[1]) ? MANGLED[m[1]] : m[1].replace(/_/g, ' ');
    return { path: file, command, note: 'command recovered from the sosreport file name' };
  }
  return { path: file, command: sh`cat ${`/${file}`}` };
}
