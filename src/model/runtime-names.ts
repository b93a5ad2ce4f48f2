// A language runtime's name is the name of every program it runs: `java` is each JVM on the host
// (Tomcat, Kafka, an IDE), `python3` each script. Two processes of such a name are not shown to be
// one program, so a log line's `java[17485]` beside another `java` process is no restart of it.
// The one list of the runtimes' names (regex source, no anchors): script-interpreter.ts and
// pipeline.ts's SCRIPT_RUN build theirs from it.

/** Each runtime's process names: comm, lsof's COMMAND, a syslog tag, the basename of its binary. */
export const RUNTIME_NAMES = {
  java: 'java',
  /** `Python` is macOS's framework build. */
  python: '[Pp]ython[\\d.]{0,5}',
  /** `nodejs`: Debian's binary before it was renamed. */
  node: 'node(?:js)?',
  ruby: 'ruby[\\d.]{0,5}',
  perl: 'perl[\\d.]{0,8}',
  php: 'php[\\d.]{0,4}(?:-fpm)?',
  dotnet: 'dotnet',
  mono: 'mono',
} as const;

/** comm / a syslog tag of a language runtime (the basename), which names no one program. */
const RUNTIME = new RegExp(`^(?:${Object.values(RUNTIME_NAMES).join('|')})$`);

/** Whether `program` is a language runtime's name, which names no one program. */
export function isRuntimeName(program: string): boolean {
  return RUNTIME.test(program.slice(program.lastIndexOf('/') + 1));
}
