// What a capture's command line says about its output, read word by word. The command comes from a
// manifest or a transcript (untrusted text): a regular expression over it that repeats a group
// (`uniq\s+(?:-\S+\s+)*-c`) goes back over the whole line from every `uniq`; splitting first is
// linear.

/** The words of each simple command: `lsof -n | wc -l` → [['lsof', '-n'], ['wc', '-l']]. */
function commandSegments(command: string): string[][] {
  return command
    .split(/[|;&()`]/)
    .map((segment) => segment.split(/\s+/).filter((w) => w !== ''))
    .filter((words) => words.length > 0);
}

/** `/usr/bin/uniq` → `uniq`. */
function programName(word: string): string {
  return word.slice(word.lastIndexOf('/') + 1);
}

/**
 * The option words (`-c`, `-nr`, `--count`) that follow `program` in any of the command's
 * segments, up to the first word that is not an option; `sudo`/`timeout 5` before it are fine.
 */
function optionsOf(command: string | undefined, program: string): string[] {
  if (!command) return [];
  const out: string[] = [];
  for (const words of commandSegments(command)) {
    const at = words.findIndex((w) => programName(w) === program);
    if (at === -1) continue;
    for (let i = at + 1; i < words.length && words[i].startsWith('-'); i++) out.push(words[i]);
  }
  return out;
}

/** The words after `program` (options and operands), in the first segment that runs it. */
export function argumentsOf(command: string | undefined, program: string): string[] | undefined {
  if (!command) return undefined;
  for (const words of commandSegments(command)) {
    const at = words.findIndex((w) => programName(w) === program);
    if (at !== -1) return words.slice(at + 1);
  }
  return undefined;
}

/** Whether `program` runs with the short option `letter` (alone or in a cluster: `-c`, `-ci`, `-ic`) or `--long`. */
export function hasOption(command: string | undefined, program: string, letter: string, long?: string): boolean {
  return optionsOf(command, program).some((w) =>
    w.startsWith('--') ? long !== undefined && (w === `--${long}` || w.startsWith(`--${long}=`)) : w.slice(1).includes(letter),
  );
}
