// CfgReader: re-reads its settings file on every request with a FileInputStream it never
// closes. Nothing holds the stream afterwards, so each young GC makes it unreachable and the
// JDK's Cleaner closes its fd: the count climbs between collections and falls back after each.
import java.io.*;
import java.time.LocalTime;

public class CfgReader {
  public static void main(String[] a) throws Exception {
    PrintWriter log = new PrintWriter(new FileWriter("cfgreader.log", true), true);
    long pid = ProcessHandle.current().pid();
    log.println(LocalTime.now().withNano(0) + " cfgreader[" + pid + "] started");
    byte[] buf = new byte[256];
    long reqs = 0;
    while (true) {
      FileInputStream in = new FileInputStream("settings.properties");  // never closed
      in.read(buf);
      byte[] work = new byte[48 * 1024];                                   // per-request garbage
      work[reqs % work.length == 0 ? 0 : 1] = 1;
      if (++reqs % 1000 == 0) log.println(LocalTime.now().withNano(0) + " cfgreader[" + pid + "] served " + reqs + " requests");
      Thread.sleep(4);
    }
  }
}
