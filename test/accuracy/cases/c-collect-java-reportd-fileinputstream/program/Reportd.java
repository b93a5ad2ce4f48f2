// reportd: reloads its template for every report with a FileInputStream it never closes.
import java.io.*;
import java.time.Instant;

public class Reportd {
  public static void main(String[] a) throws Exception {
    String t = "/tmp/acc261/reportd/template.html";
    System.out.println(Instant.now() + " reportd pid " + ProcessHandle.current().pid() + " started");
    for (long n = 0; ; n++) {
      try {
        FileInputStream in = new FileInputStream(t);
        in.read();
        Thread.sleep(10);
      } catch (IOException e) {
        System.out.println(Instant.now() + " ERROR report " + n + " failed: " + e);
        Thread.sleep(2000);
      }
    }
  }
}
