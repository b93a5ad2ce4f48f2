// date(1)'s own output, as people paste it before or beside a count or a listing.

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A month's number from its English abbreviation (`Dec` → 12), 0 for anything else. */
export function monthNumber(name: string): number {
  return MONTHS.indexOf(name) + 1;
}

/**
 * date(1)'s own format (`%a %b %e %H:%M:%S %Z %Y`): `Thu Aug 25 08:53:01 EDT 2016`, alone on a line
 * (`date; lsof -p PID | wc -l`) or with the count after it (`date | tr '\n' ' ' && … | wc -l`).
 * The zone is dropped: a local time, as a `watch` header's.
 */
const DATE_OUTPUT =
  /^\s*[A-Z][a-z]{2} {1,2}([A-Z][a-z]{2}) {1,2}(\d{1,2}) (\d\d:\d\d:\d\d)(?: [A-Z+-][\w+-]{0,9})? (\d{4})(?:\s{1,8}(\d{1,9}))?\s*$/;

/** A line of date(1)'s output, as a local ISO time, with the count printed after it on the line. */
export function dateOutput(line: string): { at: string; count?: number } | undefined {
  const m = DATE_OUTPUT.exec(line);
  const month = m ? monthNumber(m[1]) : 0;
  if (!m || month === 0) return undefined;
  const at = `${m[4]}-${String(month).padStart(2, '0')}-${m[2].padStart(2, '0')}T${m[3]}`;
  return m[5] === undefined ? { at } : { at, count: Number(m[5]) };
}
