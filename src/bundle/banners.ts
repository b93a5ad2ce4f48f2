// Banners inside one command's output: a script (or a `watch` screen of one) that prints several
// files one after another marks each with a line of its own naming it, then prints its content:
//   `---- /proc/1827/limits ----`   (opentelemetry-cpp-contrib#585's pid_watch.sh: echo, then cat)
//   `=== /proc/1827/limits ===`, `### /proc/1827/limits ###`
//   `==> /proc/1827/limits <==`     (head and tail's own, before each file when given several)
// Under a banner naming a file, the lines are that file's content, as `cat FILE` would print them:
// read by the reader of that file (a limits table is the named process's). A banner naming
// anything else (`---- FD usage ----`) ends the file's content. Code, not a pattern with a lazy
// middle: the marks at both ends are runs of one character.

/** The characters a banner's runs are made of. */
const MARKS = '-=#*';
/** A banner's text is a line's worth: longer lines are no banner. */
const MAX_BANNER = 400;
/** An absolute path and nothing else. */
const PATH = /^\/[\w.@+:/-]{1,398}$/;
/** Folders a script names before a listing of them (`ls -l /proc/PID/fd`), not a file's content. */
const FOLDER = /(?:\/|\/(?:fd|fdinfo|task|net|ns|map_files))$/;

/** The text a banner line frames, or null when the line is no banner. */
export function bannerText(line: string): string | null {
  const text = line.trim();
  if (text.length > MAX_BANNER) return null;
  if (text.startsWith('==> ') && text.endsWith(' <==')) {
    const inner = text.slice(4, -4).trim();
    return inner === '' ? null : inner;
  }
  const mark = text[0];
  if (mark === undefined || !MARKS.includes(mark)) return null;
  let open = 0;
  while (open < text.length && text[open] === mark) open++;
  let close = text.length;
  while (close > open && text[close - 1] === mark) close--;
  // Runs of two or more at both ends, a blank inside each, text between.
  if (open < 2 || text.length - close < 2 || text[open] !== ' ' || text[close - 1] !== ' ') return null;
  const inner = text.slice(open, close).trim();
  return inner === '' ? null : inner;
}

/** Whether the line is a banner of any text. */
function isBanner(line: string): boolean {
  return bannerText(line) !== null;
}

/** A thread's name file, `/proc/PID/task/TID/comm`. */
const THREAD_NAME = /\/task\/\d{1,15}\/comm$/;

/**
 * A command that runs its command in another host or pid namespace: a container's exec
 * (`docker exec web …`, `kubectl exec pod -- …`), `nsenter`, `ssh host …`, `machinectl shell`.
 * Read as words (the command is untrusted text): the tool's word anywhere in the line.
 */
const ELSEWHERE = new Set([
  'docker',
  'podman',
  'nerdctl',
  'crictl',
  'ctr',
  'kubectl',
  'oc',
  'lxc',
  'incus',
  'nsenter',
  'ssh',
  'machinectl',
]);

function entersAnother(command: string): boolean {
  if (command.length > 4000) return true;
  return command.split(/[\s;|&()'"]+/).some((w) => ELSEWHERE.has(w.slice(w.lastIndexOf('/') + 1)));
}

/** The file a banner names (`---- /proc/1827/limits ----` → `/proc/1827/limits`); null for any other line or a folder. */
export function bannerFile(line: string): string | null {
  const text = bannerText(line);
  return text !== null && PATH.test(text) && !FOLDER.test(text) ? text : null;
}

/** What splitsAtBanner asks of a transcript's item. */
type BannerItem = { readonly command: string | null };

/**
 * A banner line in an item's output opens a file's content, or ends the content a banner opened
 * (bannerFile). Not in the output of a command run in another host or pid namespace (its
 * `/proc/1/limits` is not this host's pid 1), nor head's thread-name banners (task-comm.ts reads them).
 */
export function splitsAtBanner(item: BannerItem, bannered: BannerItem | null, text: string): boolean {
  const file = bannerFile(text);
  if (file === null) return item === bannered && isBanner(text);
  // Read once per item: an output of many banners under a long command stays linear.
  let elsewhere = ELSEWHERE_SEEN.get(item);
  if (elsewhere === undefined) ELSEWHERE_SEEN.set(item, (elsewhere = entersAnother(item.command ?? '')));
  return !elsewhere && !THREAD_NAME.test(file);
}
const ELSEWHERE_SEEN = new WeakMap<BannerItem, boolean>();
