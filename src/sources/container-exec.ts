// A command run inside a container from the host: `docker exec web cat /proc/1/limits`, `kubectl
// exec mypod -- ls /proc/1/fd | wc -l`, `crictl exec 3f2a… ls -l /proc/1/fd`. The command inside
// runs in the container's pid namespace: its `/proc/1/` is the container's first process, never the
// host's pid 1 (systemd). Read word by word (the command is untrusted text): no pattern repeats a
// group over the line.

import { DOCKER_LIKE_CLIS, KUBE_LIKE_CLIS } from '../container-clis.js';
import { COMMAND_WRAPPERS } from '../command-words.js';
import { SCRIPT_SHELLS } from './shell-script.js';

/** What a command runs inside a container, and where. */
export interface ContainerExec {
  /** The tool that entered it: `docker`, `podman`, `nerdctl`, `crictl`, `kubectl`, `oc`. */
  runtime: string;
  /** The container (or pod) named on the command line: `web`, `mypod`, `deploy/api`. */
  target: string;
  /** The container of the pod, when `-c NAME` names it (kubectl). */
  container?: string;
  /** The command as it ran inside (a `sh -c '…'` unquoted), then the host's rest of the pipeline. */
  command: string;
}

/** Options of `docker exec` / `podman exec` / `crictl exec` that take a value. */
const DOCKER_VALUE_OPTIONS = new Set(['-u', '--user', '-e', '--env', '-w', '--workdir', '--env-file', '--detach-keys', '--timeout']);
/** Options of kubectl (global or `exec`'s) that take a value. */
const KUBE_VALUE_OPTIONS = new Set([
  '-n',
  '--namespace',
  '-c',
  '--container',
  '--context',
  '--kubeconfig',
  '--cluster',
  '--user',
  '-s',
  '--server',
  '-f',
  '--filename',
  '--pod-running-timeout',
  '--request-timeout',
]);
/** Most words a command is read for: a longer line is no exec of a container worth reading. */
const MAX_WORDS = 200;

/** The command run inside a container, or undefined when the command runs on the host. */
export function containerExec(command: string | undefined): ContainerExec | undefined {
  if (!command || command.length > 4000) return undefined;
  const { words, rest } = firstSegment(command.trim().replace(/^[$#]\s+/, ''));
  let i = 0;
  while (i < words.length && (COMMAND_WRAPPERS.has(words[i]) || (i > 0 && COMMAND_WRAPPERS.has(words[0]) && words[i].startsWith('-')))) i++;
  // `microk8s kubectl …`, `k3s kubectl …`, `microk8s.kubectl …`.
  if ((words[i] === 'microk8s' || words[i] === 'k3s') && words[i + 1] === 'kubectl') i++;
  const tool = (words[i] ?? '').replace(/^.*\//, '').replace(/^microk8s\./, '');
  if (DOCKER_LIKE_CLIS.has(tool)) return dockerExec(tool, words.slice(i + 1), rest);
  if (KUBE_LIKE_CLIS.has(tool)) return kubeExec(tool === 'k' ? 'kubectl' : tool, words.slice(i + 1), rest);
  return undefined;
}

/** `docker [container] exec [OPTIONS] CONTAINER COMMAND [ARG...]`. */
function dockerExec(runtime: string, args: string[], rest: string): ContainerExec | undefined {
  let i = args[0] === 'container' ? 1 : 0;
  if (args[i] !== 'exec') return undefined;
  i++;
  for (; i < args.length && args[i].startsWith('-'); i++) if (DOCKER_VALUE_OPTIONS.has(args[i])) i++;
  const target = args[i];
  const inner = args.slice(i + 1);
  if (!target || inner.length === 0) return undefined;
  return { runtime, target, command: innerCommand(inner, rest) };
}

/** `kubectl [GLOBAL] exec [OPTIONS] POD [-c CONTAINER] -- COMMAND [ARG...]` (older kubectl: no `--`). */
function kubeExec(runtime: string, args: string[], rest: string): ContainerExec | undefined {
  let i = 0;
  let container: string | undefined;
  let target: string | undefined;
  let exec = false;
  for (; i < args.length; i++) {
    const a = args[i];
    if (a === '--') {
      i++;
      break;
    }
    if (a.startsWith('-')) {
      if (a === '-c' || a === '--container') container = args[i + 1];
      else if (a.startsWith('--container=')) container = a.slice('--container='.length);
      if (KUBE_VALUE_OPTIONS.has(a)) i++;
      continue;
    }
    if (!exec) {
      if (a !== 'exec') return undefined;
      exec = true;
    } else if (target === undefined) target = a;
    else break; // the old form, with no `--`: the command starts here
  }
  const inner = args.slice(i);
  if (!exec || !target || inner.length === 0) return undefined;
  return { runtime, target, ...(container ? { container } : {}), command: innerCommand(inner, rest) };
}

/** The words run inside, `sh -c 'ls /proc/1/fd | wc -l'` read as the string it runs; then the host's pipeline. */
function innerCommand(inner: string[], rest: string): string {
  const shell = SCRIPT_SHELLS.has(inner[0].replace(/^.*\//, '')) && inner[1] === '-c' && inner.length === 3;
  const text = shell ? inner[2] : inner.join(' ');
  return rest === '' ? text : `${text} ${rest}`;
}

/**
 * The words of the first command of a pipeline, quotes removed, and the rest of the line from its
 * first `|` outside quotes (`| wc -l`).
 */
function firstSegment(line: string): { words: string[]; rest: string } {
  const words: string[] = [];
  let cur = '';
  let inWord = false;
  let quote = '';
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quote !== '') {
      if (ch === quote) quote = '';
      else cur += ch;
      continue;
    }
    if (ch === '"' || ch === "'") {
      quote = ch;
      inWord = true;
      continue;
    }
    if (ch === '|' || ch === ';' || ch === '&') {
      if (inWord) words.push(cur);
      return { words, rest: line.slice(i).trim() };
    }
    if (ch === ' ' || ch === '\t') {
      if (inWord) words.push(cur);
      cur = '';
      inWord = false;
      if (words.length >= MAX_WORDS) return { words, rest: '' };
      continue;
    }
    cur += ch;
    inWord = true;
  }
  if (inWord) words.push(cur);
  return { words, rest: '' };
}

/** `docker exec web cat /proc/1/limits` → pid 1 of container web: the `/proc/N/` the command inside names. */
export function containerPid(command: string | undefined): (ContainerExec & { pid: number }) | undefined {
  const exec = containerExec(command);
  if (!exec) return undefined;
  const m = /(?:^|[\s/])proc\/(\d{1,9})\//.exec(exec.command);
  return m ? { ...exec, pid: Number(m[1]) } : undefined;
}
