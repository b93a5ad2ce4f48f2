// A prompt line → the command typed at it: the shapes of prompts people paste (bash's, zsh
// themes', busybox's, a web page's markup around one, `watch`'s header), and a shell comment after
// the command left out.
import { CONTAINER_CLIS } from '../container-clis.js';
import { isCommandLine, isKnown } from './known-commands.js';
import { watchedCommand } from './watch-screens.js';
import { afterBoxCorner, arrowSignCommand, chevronSignCommand, heavyArrowCommand, zshPercentCommand } from './zsh-prompts.js';

// `[user@host dir]$ `, `user@host:dir$ `, `root@host [~]# ` (cPanel's), `(venv) user@host:~$ `, `bash-4.2$ ` (`-bash-4.2$ `: a login shell), `~# `, `~> ` (elvish), `-> `,
// `❯ ` (starship, pure), `± ` (oh-my-zsh themes in a git work tree), or a bare `$ ` / `# ` / `> `.
// A user@host prompt may show the last command's exit status before its sign, blank when it was 0
// (a PS1 with `${?#0}`: `root@docker-01:~ 2 # `, then `root@docker-01:~  # `). Its user is
// `I have no name!` where bash's `\u` finds no passwd entry for the uid — a container run as an
// arbitrary uid (`I have no name!@controller-7bfd7cccfb-pxsc4:/linkerd$ `, a Bitnami image's pod).
export const PROMPT =
  /^(?:\([\w.-]{1,40}\) )?(?:\[[^\]\n]{1,80}\][$#]|(?:I have no name!|[\w.-]{1,40})@[\w.-]{1,64}(?::[^\s$#]{0,200}| \[[^\]\s]{1,80}\])?(?: \d{1,3})?\s{0,2}[$#]|-?(?:ba|z|k)?sh-\d[\d.]{0,8}[$#]|~[$#>]|->|❯|±|[$#>])\s+(\S.*)$/;
/** An HTML tag, opening or closing, with its attributes: `<span class="error">`, `</span>`. */
const HTML_TAG = /<\/?[a-zA-Z][\w-]{0,20}(?:\s[^<>\n]{0,200})?>/g;
/**
 * `user@host:/proc/29257/fd $ps`, `[root@stateful008:~]#lsof -p 1948 | wc -l`: a user@host prompt,
 * bare or in brackets, with no space after its sign (then only before a known command).
 */
const TIGHT_PROMPT =
  /^(?:\([\w.-]{1,40}\) )?(?:\[[^\]\n]{1,80}\]|(?:I have no name!|[\w.-]{1,40})@[\w.-]{1,64}(?::[^\s$#]{0,200})?\s?)[$#](\S.*)$/;
/**
 * `[root@coredns.a1-60-55.pub.unp /data/coredns/conf]lsof | …`: bash's `[\\u@\\h \\W]` with no sign after
 * it (a custom PS1), the command glued to the bracket or after one blank (then only before a known command).
 */
const SIGNLESS_BRACKET = /^\[[\w.-]{1,40}@[\w.-]{1,64}[ :][^\]\s]{1,200}\] ?(\S.*)$/;
/** GitHub Actions' job log: each step's command echoed as `Run ls -l /proc/self/fd` above its output (then only before a known command). */
const ACTIONS_STEP = /^Run (\S.*)$/;
/** `$ulimit -Sn`, root's `#cat /proc/4918/limits`: a bare `$` or `#` with no space after it (then only before a known command). */
const TIGHT_DOLLAR = /^[$#](\S.*)$/;

/**
 * A prompt line → its command. A bare `# ` counts only before a known command (else it is a comment
 * or heading). A `watch` screen's header is the prompt of the command it shows.
 */
export function promptCommand(line: string): string | null {
  if (line.startsWith('Every')) return watchedCommand(line);
  // A prompt pasted from a web page keeps the page's markup around it (a Jira import's
  // `<span class="error">[root@host ~]</span># lsof -p 30012`): the line without its tags.
  if (line.startsWith('<')) {
    const bare = line.replace(HTML_TAG, '');
    return bare !== line ? promptCommand(bare) : null;
  }
  // A prompt its writer set in bold, outside any code block (`**root@76793:~#** sysctl fs.file-max`,
  // TelegramMessenger/MTProxy#215): Markdown hides the asterisks; the line without them.
  const strong = line.startsWith('**') || line.startsWith('__') ? strongPromptCommand(line) : null;
  if (strong !== null) return strong;
  // An interrupted command: the terminal echoed `^C` and the next prompt went on the same line
  // (`^Croot@host:~# lsof -p 1234 | wc -l`, after a `docker events` or `tail -f` stopped by hand).
  if (line.startsWith('^C')) return promptCommand(line.slice(2));
  const m = PROMPT.exec(line);
  if (m) {
    const command = withoutComment(m[1]);
    const bare = /^[#>]\s/.test(line);
    if (bare && !isCommandLine(command) && !(line.startsWith('#') && containerCliLine(command))) return null;
    return command;
  }
  // Prompts of other shapes (`root@delta ~ # `, `prod_web3(i-ca0b05aa):~$ `, `pi@pi:~ $ps`, a
  // host's name alone, `host $ `), prompts indented with the rest of a pasted block and prompts
  // after a time count only before a command this tool knows: output lines can look like them.
  const other =
    LOOSE_PROMPT.exec(line) ??
    TIGHT_PROMPT.exec(line) ??
    SIGNLESS_BRACKET.exec(line) ??
    SHELL_PROMPT.exec(line) ??
    TIGHT_DOLLAR.exec(line) ??
    ACTIONS_STEP.exec(line);
  if (other && isKnown(other[1])) return withoutComment(other[1]);
  const zsh =
    zshPercentCommand(line) ??
    arrowSignCommand(line) ??
    heavyArrowCommand(line) ??
    chevronSignCommand(line) ??
    ((after) => (after === null ? null : promptCommand(after)))(afterBoxCorner(line));
  // A theme's sign before a container engine's CLI is a prompt too (`→ docker-compose exec scheduler
  // /bin/bash -c "lsof | wc -l"`): the command runs inside the container.
  if (zsh !== null && (isKnown(zsh) || containerCliLine(zsh))) return withoutComment(zsh);
  // Indented, or after the time some prompts begin with (`[12:10:50] [root@host ~]# `).
  const rest = /^(?:\s+|\[\d\d:\d\d(?::\d\d)?\] )(\S.*)$/.exec(line)?.[1];
  if (rest === undefined) return null;
  const command = promptCommand(rest);
  return command !== null && isKnown(command) ? command : null;
}

/** `**prompt**` or `__prompt__` (a prompt ends with its sign), then the command: at most 120 characters of prompt. */
const STRONG_PROMPT = /^(\*\*|__)([^*_\s][^*\n]{0,118}[$#>%])\1 ?(\S.*)$/;

/**
 * The command after a prompt set in strong emphasis, when the prompt without its delimiters is one
 * (then it is the prompt's command, and the same rules hold: a bare `#` only before a known command).
 */
function strongPromptCommand(line: string): string | null {
  const bare = withoutStrongPrompt(line);
  return bare === line ? null : promptCommand(bare);
}

/** The line with the strong emphasis around its prompt dropped (`**root@host:~#** ls` → `root@host:~# ls`); else the line. */
export function withoutStrongPrompt(line: string): string {
  const m = STRONG_PROMPT.exec(line);
  return m ? `${m[2]} ${m[3]}` : line;
}

/**
 * The command without a shell comment after it (`ulimit -n    # max open files for this shell`): a
 * `#` after a blank, outside quotes, starts one. Commands keep their own `#` (`grep '#'`, `$#`).
 */
function withoutComment(command: string): string {
  let quote = '';
  for (let i = 0; i < command.length; i++) {
    const c = command[i];
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === "'" || c === '"') quote = c;
    else if (c === '#' && i > 0 && /\s/.test(command[i - 1])) return command.slice(0, i).trim();
  }
  return command.trim();
}

/**
 * `user@host dir # `, `host(id):dir$ `, `host:dir> `: a host-like word, a place, the prompt sign
 * (a BOSH VM's host word is `job/instance-id`: `prometheus/d32d13ce-…:/var/vcap/jobs/x# `; a host word
 * may carry a bracketed tag, an environment's name or a paste's redaction: `root@xxx.xxx[xxx]:~ # `); macOS
 * bash's `host:dir user$ ` (`MacBook-Pro:~ fabio$ `) and `user$ `.
 * Or a place alone (zsh's `~ `, `~/src `, oh-my-zsh's `➜  dir `); busybox ash's place and sign (Alpine's
 * `~ $ `, `/ # `), bash's `\w \$` in a folder under home (`~/web $ `), bash's `\w\$` without the blank (`/proc/1075119/fd# `), and its `[user@host dir] # ` on embedded boards (a DVR's `[root@dvrdvs fd] # `); the tail of a `[user@host dir]# ` whose start the paste lost (`celery]# `); zsh
 * themes' chevrons after the place (sorin's `./~ ❯❯❯ `, starship's `~ ❯ `: tried before the place alone,
 * which would take `~` for the prompt and the chevron for the command's first word).
 */
const LOOSE_PROMPT =
  /^(?:[\w.~-]{1,80}\][$#]|\[[\w.-]{1,40}@[\w.-]{1,64} [^\]\s]{1,80}\] [$#]|[~/][^\s$#>]{0,200} ?[$#]|[\w.()@-]{1,80}(?:\[[\w.-]{1,40}\])?(?:\/[\w.-]{1,80})?(?::[^\s$#>]{0,200}| [~/][^\s$#>]{0,200})\s?[$#>]|(?:[\w.-]{1,64}:[^\s$#>]{0,200} )?\w[\w.-]{0,39} ?\$|(?:[^\s❯]{1,200} )?❯{1,3}|(?:➜ +)?~[^\s$#>]{0,200}|➜ +[^\s$#>]{1,200})\s+(\S.*)$/;

/**
 * `shell> cmd` (and `shell>cmd`): the prompt manuals and blog posts write (MySQL's documentation's);
 * and a Singularity or Apptainer container's shell, with its image and folder or without
 * (`Singularity trusty.img:/tmp> `, `Apptainer> `).
 */
const SHELL_PROMPT = /^(?:shell|(?:Singularity|Apptainer)(?: [^\s>]{1,200})?)> ?(\S.*)$/;

/** A subcommand: lowercase letters, `-` (`docker pull`, `docker images`, `podman system`). */
const SUBCOMMAND = /^[a-z][a-z-]{1,19}$/;

/**
 * `docker pull bekt/logspout-logstash:latest`, `docker images`: a container engine's CLI and its
 * subcommand after root's bare `# ` (root types them there as often as the tools this one reads) (Bekt/logspout-logstash#4, whose output is the daemon's
 * `Error response from daemon: … too many open files`). A heading reads the same up to its colon
 * (`# docker exec fails: the runtime ran out of fds`): no word may end with one (a container's name
 * never does, an image's tag never is empty). At most 40 words are looked at.
 */
export function containerCliLine(command: string): boolean {
  const words = command.trim().split(/\s+/, 40);
  return CONTAINER_CLIS.has(words[0]) && SUBCOMMAND.test(words[1] ?? '') && !words.some((w) => w.endsWith(':'));
}
