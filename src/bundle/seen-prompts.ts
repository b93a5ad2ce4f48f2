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

/** The command after a prompt the transcript showed before (promptsSeen); null for any other line. */
export function afterSeenPrompt(line: string, seen: ReadonlySet<string>): string | null {
  for (const prompt of seen) {
    if (!line.startsWith(prompt)) continue;
    const command = line.slice(prompt.length).trim();
    return command === '' ? null : command;
  }
  return null;
}
