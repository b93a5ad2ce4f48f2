// A language runtime's name is the name of every program it runs: `java` is each JVM on the host
// (Tomcat, Kafka, an IDE), `python3` each script. Two processes of such a name are not shown to be
// one program, so a log line's `java[17485]` beside another `java` process is no restart of it.

/** comm / a syslog tag of a language runtime (the basename), which names no one program. */
const RUNTIME = /^(?:java|[Pp]ython[\d.]{0,5}|node(?:js)?|ruby[\d.]{0,5}|perl[\d.]{0,8}|php[\d.]{0,4}(?:-fpm)?|dotnet|mono)$/;

/** Whether `program` is a language runtime's name, which names no one program. */
export function isRuntimeName(program: string): boolean {
  return RUNTIME.test(program.slice(program.lastIndexOf('/') + 1));
}
