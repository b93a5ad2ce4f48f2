// A prompt of a loose shape (macOS bash's `host:dir user$ `) starts a command only before a command
// this tool knows, since output lines can look like one. But a paste repeats its user's own prompt:
// once the transcript showed it before a known command, the same prompt, to the character, starts a
// command whatever its first word — `matti:examples no$ ab -n 10000 … & for …; done`, after
// `matti:examples no$ lsof -p 12598 | grep unix -c`.

/** A prompt worth remembering: a host, place or user before its sign — not a bare `$ `, `# ` or `> `. */
const REMEMBERED = /^[^\s#>$][^\n]{2,120}[$#>%] {1,4}$/;

/** The prompts (each line's text before its command) of the lines a reader already reads as prompts. */
export function promptsSeen(lines: readonly string[], commandOf: (line: string) => string | null): Set<string> {
  const seen = new Set<string>();
  for (const line of lines) {
    const command = commandOf(line);
    if (command === null || command === '') continue;
    const at = line.indexOf(command);
    const prompt = at > 0 ? line.slice(0, at) : '';
    if (REMEMBERED.test(prompt)) seen.add(prompt);
  }
  return seen;
}

/**
 * A `user@host PLACE SIGN ` prompt (Gentoo's and many distributions' `\u@\h \W \$`, bash's
 * `user@host:PLACE$ `): its user and host with what separates the place, and its sign.
 */
const USER_HOST_PLACE = /^([\w.-]{1,40}@[\w.-]{1,64}[ :])(?:~|\/)[^\s$#>]{0,200} ?([$#>]) {1,4}$/;
/** The place, the sign and the command after a `user@host` and its separator: `/etc/nginx # nginx -v`. */
const PLACE_SIGN_COMMAND = /^(?:~|\/)[^\s$#>]{0,200} ?([$#>]) {1,4}(\S.*)$/;

/**
 * The command after the same user's prompt at another place: the prompt shows the folder the user
 * is in, so a `cd` changes it (`root@host-88 ~ # ` then `root@host-88 /etc/nginx # nginx -v`, on
 * linux.org.ru). The user, host and sign stay as the paste showed them before a known command.
 */
function afterMovedPrompt(line: string, prompt: string): string | null {
  const parts = USER_HOST_PLACE.exec(prompt);
  if (!parts || !line.startsWith(parts[1])) return null;
  const m = PLACE_SIGN_COMMAND.exec(line.slice(parts[1].length));
  return m && m[1] === parts[2] ? m[2].trim() : null;
}

/** The command after a prompt the transcript showed before (promptsSeen), also at another place; null for any other line. */
export function afterSeenPrompt(line: string, seen: ReadonlySet<string>): string | null {
  for (const prompt of seen) {
    if (!line.startsWith(prompt)) continue;
    const command = line.slice(prompt.length).trim();
    return command === '' ? null : command;
  }
  for (const prompt of seen) {
    const command = afterMovedPrompt(line, prompt);
    if (command) return command;
  }
  return null;
}
