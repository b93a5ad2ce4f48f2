import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.util.ArrayList;
import java.util.List;

// ReportSvc: the "report-writer" thread opens the template for each report and never closes the
// stream; the two "http-worker" threads open and close theirs (try-with-resources).
public class ReportSvc {
  static final List<FileInputStream> held = new ArrayList<>();
  static final String TEMPLATE = "/tmp/r257/w4/template.html";

  public static void main(String[] args) throws Exception {
    try (FileOutputStream o = new FileOutputStream(TEMPLATE)) { o.write("<html/>\n".getBytes()); }
    Runnable healthy = () -> {
      while (true) {
        try (FileInputStream in = new FileInputStream(TEMPLATE)) { in.read(); Thread.sleep(150); }
        catch (Exception e) { }
      }
    };
    new Thread(healthy, "http-worker-1").start();
    new Thread(() -> {
      while (true) {
        try { FileInputStream in = new FileInputStream(TEMPLATE); in.read(); held.add(in); Thread.sleep(100); }
        catch (Exception e) { System.err.println("report-writer: " + e); }
      }
    }, "report-writer").start();
    new Thread(healthy, "http-worker-2").start();
  }
}
