import com.sun.management.UnixOperatingSystemMXBean;
import java.io.*;
import java.lang.management.ManagementFactory;
import java.util.*;
import java.util.logging.*;

// An export daemon: every export opens its report file with a FileInputStream and never closes it
// (kept in a list of "pending" exports). A health timer logs the JVM's own fd counts through
// java.util.logging's default SimpleFormatter (two lines per record).
public class Exportd {
  static final Logger LOG = Logger.getLogger(Exportd.class.getName());
  static final List<InputStream> pending = new ArrayList<>();
  public static void main(String[] a) throws Exception {
    File dir = new File(a[0]);
    dir.mkdirs();
    UnixOperatingSystemMXBean os = (UnixOperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    new Timer("health", true).scheduleAtFixedRate(new TimerTask() {
      public void run() {
        LOG.info("health: openFileDescriptorCount=" + os.getOpenFileDescriptorCount() + " maxFileDescriptorCount=" + os.getMaxFileDescriptorCount());
      }
    }, 0, 4000);
    for (int n = 1; ; n++) {
      File f = new File(dir, String.format("report-%05d.csv", n));
      try {
        try (Writer w = new FileWriter(f)) { w.write("id,total\n" + n + ",42\n"); }
        InputStream in = new FileInputStream(f);
        in.read();
        pending.add(in);
      } catch (IOException e) {
        LOG.log(Level.SEVERE, "export " + n + " failed", e);
      }
      Thread.sleep(100);
    }
  }
}
