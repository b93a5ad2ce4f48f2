// A log record strace cut with -s (`write(3, "2026-12-07 21:33:19 [ERROR] [Pus"..., 115)`) is one of
// a thread's records of the same shape: the log a later `tail` copied holds its siblings, written at
// other seconds (`2026-12-07 21:33:23 [ERROR] [PushGateway] Error when try connecting to …`), rarely
// the very one. The cut text is matched to a log line by its time stamp's shape (the same
// separators, any digits) and the text after it (as a prefix), when that text is long enough to say
// what the record is about.

/** The time stamp a record opens with: digits and the separators stamps use, six digits at least. */
const LEAD = /^[\d:./T, +-]{10,40}/;
/** How much text after the stamp the cut string must keep to be matched by it. */
const MIN_REST = 10;

/** A cut record's stamp shape and the text after its stamp; null when it opens with no stamp or keeps too little after it. */
export function stampedPrefix(cut: string): { shape: string; rest: string } | null {
  const lead = LEAD.exec(cut)?.[0];
  if (lead === undefined || countDigits(lead) < 6) return null;
  const rest = cut.slice(lead.length);
  return rest.length >= MIN_REST ? { shape: lead.replace(/\d/g, '0'), rest } : null;
}

/** Whether a log line is a record of the same shape as the cut one: its stamp alike but for its digits, its text starting as the cut text did. */
export function sameRecordShape(p: { shape: string; rest: string }, line: string): boolean {
  if (line.length < p.shape.length + p.rest.length) return false;
  const lead = line.slice(0, p.shape.length);
  return lead.replace(/\d/g, '0') === p.shape && line.startsWith(p.rest, p.shape.length);
}

function countDigits(s: string): number {
  let n = 0;
  for (const c of s) if (c >= '0' && c <= '9') n++;
  return n;
}
