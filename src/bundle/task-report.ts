// A workflow engine's report of a task that failed quotes the task's script among its own lines:
// Nextflow's `Error executing process > 'NAME'` report has `Command executed:`, then the script
// indented two spaces (`  ls *.psl > psl.list`, `  psltools split \`), then `Command exit status:`,
// `Command output:`, `Command error:` (the task's stderr) and `Work dir:`. The script's lines are
// what the task ran, not commands typed at a prompt with their outputs under them: the report is one
// output, a log (hillerlab/make_lastz_chains#123). Linear: fixed headings, a bounded scan.

/** The heading over the task's script, and the one that closes it. */
const SCRIPT_HEAD = /^\s{0,4}Command executed:\s*$/;
const SCRIPT_END = /^\s{0,4}Command (?:exit status|output|error):\s*$|^\s{0,4}Work dir:\s*$/;
/** How many lines a quoted script may run before its report must have closed it. */
const MAX_SCRIPT_LINES = 400;

/** Which lines are a task's script quoted in its failure report (under `Command executed:`). */
export function quotedTaskScript(lines: readonly string[]): boolean[] {
  const inScript = lines.map(() => false);
  for (let i = 0; i < lines.length; i++) {
    if (!SCRIPT_HEAD.test(lines[i])) continue;
    let k = i + 1;
    for (; k < lines.length && k - i <= MAX_SCRIPT_LINES && !SCRIPT_END.test(lines[k]); k++) inScript[k] = true;
    i = k - 1;
  }
  return inScript;
}
