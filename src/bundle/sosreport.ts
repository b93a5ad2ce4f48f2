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

/** Commands whose file name lost what made them: sos's systemd plugin runs `systemctl show *service --all`. */
const MANGLED: Record<string, string> = { 'systemctl_show_service_--all': "systemctl show '*service' --all" };

/** The command sos ran, recovered from the file name; for /proc copies, a `cat`. */
export function sosCommand(file: string): ManifestFile {
  const m = /^sos_commands\/[^/]+\/(.+)$/.exec(file);
  if (m) {
    const command = Object.hasOwn(MANGLED, m[1]) ? MANGLED[m[1]] : m[1].replace(/_/g, ' ');
    return { path: file, command, note: 'command recovered from the sosreport file name' };
  }
  return { path: file, command: sh`cat ${`/${file}`}` };
}
