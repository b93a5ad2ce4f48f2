// leaker: writes each report to a spool file, opens it for upload, deletes it, never closes the stream
import java.io.*;
import java.util.*;
public class LDeleted {
  public static void main(String[] a) throws Exception {
    File dir = new File(a[0]); dir.mkdirs();
    List<InputStream> held = new ArrayList<>();
    for (int i = 0; ; i++) {
      File f = new File(dir, "report-" + i + ".csv");
      try (FileWriter w = new FileWriter(f)) { w.write("id,total\n" + i + ",42\n"); }
      InputStream in = new FileInputStream(f);   // BUG: never closed
      in.read();
      held.add(in);
      f.delete();
      Thread.sleep(60);
    }
  }
}
