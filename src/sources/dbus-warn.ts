// libdbus (the D-Bus client library every desktop program links, a torrent client's Qt build
// among them) opens each warning it prints on the process's stderr with that process's pid
// (`_dbus_warn`: `fprintf (stderr, "process %lu: ", _dbus_pid_for_log ())`):
//   `process 31671: D-Bus library appears to be incorrectly set up; failed to read machine uuid:
//    Failed to open "/etc/machine-id": Too many open files` (qbittorrent/qBittorrent#3122)
//   `process 2071: arguments to dbus_message_new_method_call() were incorrect, …`
// The pid is the process libdbus runs in, the writer of the line; no program is named.

/** `process PID: ` then the message: lower-case `process`, one space, the pid, a colon and a space. */
const DBUS_WARN_PREFIX = /^process ([1-9]\d{0,8}): (?=\S)/;

/** The pid a libdbus warning names; undefined for any other line. */
export function dbusWarnPid(text: string): number | undefined {
  const m = DBUS_WARN_PREFIX.exec(text);
  return m ? Number(m[1]) : undefined;
}
