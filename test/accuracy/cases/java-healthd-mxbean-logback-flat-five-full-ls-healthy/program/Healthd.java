import com.sun.management.UnixOperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.text.SimpleDateFormat;
import java.util.*;
import java.util.concurrent.*;

// A health-check thread that logs the JVM's own fd counts (logback's default-style pattern:
// %d{yyyy-MM-dd HH:mm:ss.SSS} [%thread] %-5level %logger{36} - %msg%n), beside a small cache
// that reads one file per tick and closes it. Healthy: the count stays flat.
public class Healthd {
  static final SimpleDateFormat TS = new SimpleDateFormat("yyyy-MM-dd HH:mm:ss.SSS");
  static void log(String level, String logger, String msg) {
    System.out.printf("%s [%s] %-5s %s - %s%n", TS.format(new Date()), Thread.currentThread().getName(), level, logger, msg);
    System.out.flush();
  }
  public static void main(String[] a) throws Exception {
    UnixOperatingSystemMXBean os = (UnixOperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    ScheduledExecutorService ex = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "health-check"));
    ex.scheduleAtFixedRate(() -> {
      Map<String, Long> m = new LinkedHashMap<>();
      m.put("openFileDescriptorCount", os.getOpenFileDescriptorCount());
      m.put("maxFileDescriptorCount", os.getMaxFileDescriptorCount());
      log("INFO", "c.e.healthd.HealthCheck", "fd usage " + m);
    }, 0, 3, TimeUnit.SECONDS);
    while (true) {
      try (java.io.FileInputStream in = new java.io.FileInputStream("/etc/hostname")) { in.read(); }
      Thread.sleep(200);
    }
  }
}
