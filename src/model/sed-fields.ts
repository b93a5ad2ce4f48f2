// `lsof -n +c 0 | sed -E 's/^([^ ]+[ ]+[^ ]+).*$/\1/' | uniq -c`: a sed that keeps the first fields
// of each line and drops the rest, as `cut -d' ' -f1,2` or awk's `print $1, $2` do
// (NLPModelsIpopt.jl#100: lsof's COMMAND and PID, counted per pair).

/** `s/^(…).*$/\1/`, the group in ERE `(…)` or BRE `\(…\)`; the group's text is bounded. */
const KEEP_LEADING = /^s\/\^(?:\\\(|\()(.{1,200}?)(?:\\\)|\))\.\*\$?\/\\1\/$/;
/** One field: a run of non-blanks (`[^ ]+`, `[^[:space:]]+`, `\S+`; BRE's `\+` too). */
const FIELD = /^(?:\[\^ \]|\[\^ \\t\]|\[\^\[:space:\]\]|\[\^\[:blank:\]\]|\\S)(?:\\\+|\+)/;
/** The blanks between two fields (`[ ]+`, ` +`, `\s+`, `[[:space:]]+`). */
const SEP = /^(?:\[ \]|\[ \\t\]|\[\[:space:\]\]|\[\[:blank:\]\]|\\s| )(?:\\\+|\+)/;
/** More fields than any tally keys on. */
const MAX_FIELDS = 10;

/**
 * The fields (1-based, as strings) a sed keeps when its script keeps a line's leading blank-separated
 * fields and nothing else; [] for any other sed.
 */
export function sedKeptFields(args: readonly string[]): string[] {
  const scripts = args.filter((a) => a.startsWith('s/'));
  if (scripts.length !== 1) return [];
  const group = KEEP_LEADING.exec(scripts[0])?.[1];
  if (group === undefined) return [];
  let rest = group;
  for (let n = 1; n <= MAX_FIELDS; n++) {
    const field = FIELD.exec(rest);
    if (!field) return [];
    rest = rest.slice(field[0].length);
    if (rest === '') return Array.from({ length: n }, (_, i) => String(i + 1));
    const sep = SEP.exec(rest);
    if (!sep) return [];
    rest = rest.slice(sep[0].length);
  }
  return [];
}
