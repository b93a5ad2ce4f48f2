// OSSEC's and Wazuh's own log header in debug form (shared/debug_op.c, `-d`/`*.debug=2`), in
// ossec.log or on stdout under `-f`:
//   `2019/04/02 05:46:04 ossec-agent[2764] validate_op.c:55 at _read_file(): ERROR: (1103): Could not open file 'internal_options.conf' due to [(24)-(Too many open files)].`
//   `2019/08/30 16:38:40 ossec-logcollector[24435] logcollector.c:241 at LogCollectorStart(): INFO: …`
// The daemon's name and its pid (getpid()) in brackets after the time, then the source file, its
// line and the function. The plain form (`2018/10/08 16:52:40 ossec-logcollector: ERROR: …`) names
// no pid and is read as a program's own message.

const OSSEC_DEBUG_PREFIX =
  /^\d{4}\/\d\d\/\d\d \d\d:\d\d:\d\d ([\w.-]{1,64})\[([1-9]\d{0,8})\] [\w.-]{1,128}\.c(?:pp)?:\d{1,6} at \w{1,128}\(\): /;

/** The daemon and pid an OSSEC/Wazuh debug header names; null for any other line. */
export function ossecLogSource(text: string): { program: string; pid: number } | null {
  const m = OSSEC_DEBUG_PREFIX.exec(text);
  return m ? { program: m[1] as string, pid: Number(m[2]) } : null;
}
