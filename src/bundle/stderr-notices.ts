// What a tool writes to stderr beside its output, as a terminal shows it pasted: not its output.
// `netstat -p` run by a user prints, before its rows,
//   (Not all processes could be identified, non-owned process info
//    will not be shown, you would have to be root to see it all.)
// or `(No info could be read for "-p": geteuid()=1000 but you should be root.)`. It goes to
// stderr, so a count piped after netstat (`netstat -nvuap | grep X | wc -l`) never counted it.

const NETSTAT_NOTICE_STARTS = ['(Not all processes could be identified', '(No info could be read for "-p"'];
const NETSTAT_NOTICE_SECOND = 'will not be shown, you would have to be root to see it all.)';

/** A line of netstat's stderr notice about the processes it could not identify. */
export function isNetstatNotice(text: string): boolean {
  const t = text.trim();
  return t === NETSTAT_NOTICE_SECOND || NETSTAT_NOTICE_STARTS.some((s) => t.startsWith(s));
}
