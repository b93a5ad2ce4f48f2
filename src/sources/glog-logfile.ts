// C++ glog, when it cannot create its log file (every glog program logs to a file it opens itself,
// and opens a new one at start and at each rotation), writes two things on stderr:
//   perror("Could not create logging file");                       → `Could not create logging file: Too many open files`
//   fprintf(stderr, "COULD NOT CREATE A LOGGINGFILE %s!", stamp);   → `COULD NOT CREATE A LOGGINGFILE 20161123-073115.17162!`
// The stamp is the one glog puts in its log files' names, `YYYYMMDD-HHMMSS.PID`: the writer's pid.
// The second message ends without a newline, so whatever the program writes next runs into its line
// (facebook/proxygen#130: the next perror, then a glog record). The pid is the writer's of the
// perror line right above it, and of the lines after it that name no process (its stderr goes on).

const GLOG_LOGFILE_FAILURE = /COULD NOT CREATE A LOGGINGFILE \d{8}-\d{6}\.(\d{1,9})!/;

/** The pid glog's "COULD NOT CREATE A LOGGINGFILE" line names; undefined for any other line. */
export function glogLogfileFailurePid(text: string): number | undefined {
  const m = GLOG_LOGFILE_FAILURE.exec(text);
  const pid = m ? Number(m[1]) : 0;
  return pid > 0 ? pid : undefined;
}
