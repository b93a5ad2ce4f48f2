// The fd number a log line names as one its writer was handed, in an error about that fd:
//   OpenSIPS  `opensips[3615549]: Socket descriptor larger than FD_SETSIZE: 1423 > 1024`
//   Prosody   `prosody[812]: … server.lua: Disallowed FD number: 1024` (its select backend's bound)
//   Kamailio  `kamailio[14111]: … io_watch_del(): invalid fd 30355, not in [0, 4607)`
//             `kamailio[14111]: … handle_tcpconn_ev(): io_watch_del(3) failed: for 0x7f52…, fd 30406`
//   Python    `ValueError: filedescriptor out of range in select()` (select.select refusing an fd at or
//             above FD_SETSIZE, 1,024 on Linux: celery/celery#1768's pool, #3397, saltstack/salt#65878,
//             amoffat/sh#336): no number, but an fd of at least 1,024 held, so that is the number named.
// The kernel hands out the lowest free fd, so fd N held means N lower fds were open when it was
// handed out: a count of the writer's fds, at least. A number after a limit's word is no fd
// (`max fd 65536`, `fd limit: 1024` names none), nor one in hex (`fd 0x7f…`).

/**
 * `fd 30406`, `fd=1023`, `fd: 12`, `fd #7`, `descriptor 1025`, `FD number: 1024` (Prosody's select
 * backend); the word before it is looked at by hand.
 */
const FD_WORD = /\b(fd|descriptor)(?:[ \t]number)?[ \t]?[=:#]?[ \t]?(\d{1,7})\b(?![.x])/gi;
/** select()'s bound: `… FD_SETSIZE: 1423 > 1024` names the fd first. */
const PAST_FD_SETSIZE = /\bFD_SETSIZE[: \t]{1,3}(\d{1,7})[ \t]{0,2}>=?[ \t]{0,2}\d/;
/**
 * CPython's select module: `if (!_PyIsSelectable_fd(fd))` raises this text for an fd >= FD_SETSIZE
 * (a negative one has its own, `file descriptor cannot be a negative integer`). Linux's FD_SETSIZE.
 */
const PY_SELECT_RANGE = /\bfiledescriptor out of range in select\(\)/;
const FD_SETSIZE = 1024;
/** Words that make the number after `fd` a limit or a count of fds, not an fd. */
const NOT_AN_FD = new Set(['max', 'maximum', 'limit', 'ulimit', 'total', 'num', 'number', 'count', 'highest', 'lowest']);
/** Longer lines are no error line about one fd. */
const MAX_LINE = 2000;

/** The highest fd number the line names as a fd its writer held; undefined when it names none. */
export function fdNumberNamed(text: string): number | undefined {
  if (text.length > MAX_LINE) return undefined;
  let best: number | undefined;
  const setsize = PAST_FD_SETSIZE.exec(text);
  if (setsize) best = Number(setsize[1]);
  else if (PY_SELECT_RANGE.test(text)) best = FD_SETSIZE;
  for (const m of text.matchAll(FD_WORD)) {
    if (NOT_AN_FD.has(wordBefore(text, m.index).toLowerCase())) continue;
    const fd = Number(m[2]);
    if (best === undefined || fd > best) best = fd;
  }
  return best;
}

/** The word that ends just before `at` (spaces, `_` and `-` between them skipped): `max` in `max fd`, `max_fd`. */
function wordBefore(text: string, at: number): string {
  let end = at;
  while (end > 0 && end > at - 3 && /[ \t_-]/.test(text[end - 1])) end--;
  let start = end;
  while (start > 0 && end - start < 16 && /[A-Za-z]/.test(text[start - 1])) start--;
  return text.slice(start, end);
}
