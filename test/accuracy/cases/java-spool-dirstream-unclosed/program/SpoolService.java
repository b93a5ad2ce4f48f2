// SpoolService: a small spool-forwarding service written for this case.
// One "spool-scanner" thread lists the spool folder every 20 ms with Files.newDirectoryStream and
// forgets to close the stream (no try-with-resources), so each scan leaves the folder open once,
// until the listing fails with "Too many open files". Two "forwarder" threads do the normal work:
// they take names off a queue and append a line per file to the service's own log.
import java.io.FileWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.util.concurrent.LinkedBlockingQueue;

public class SpoolService {
  static PrintWriter log;
  static final LinkedBlockingQueue<String> queue = new LinkedBlockingQueue<>(10000);

  static synchronized void log(String level, String msg) {
    log.printf("%s %s [%s] %s%n", Instant.now(), level, Thread.currentThread().getName(), msg);
    log.flush();
  }

  static void scan(Path spool) throws IOException {
    DirectoryStream<Path> ds = Files.newDirectoryStream(spool, "*.msg"); // BUG: never closed
    for (Path p : ds) {
      queue.offer(p.getFileName().toString());
    }
  }

  public static void main(String[] args) throws Exception {
    Path base = Paths.get(args.length > 0 ? args[0] : "/tmp/accn/java-spool");
    Path spool = base.resolve("spool");
    Files.createDirectories(spool);
    for (int i = 0; i < 5; i++) Files.write(spool.resolve("m" + i + ".msg"), new byte[] {'x'});
    log = new PrintWriter(new FileWriter(base.resolve("spool-service.log").toFile(), true));
    log("INFO", "spool service starting on " + spool);
    for (int w = 1; w <= 2; w++) {
      Thread t = new Thread(() -> {
        long n = 0;
        while (true) {
          try {
            String name = queue.take();
            if (++n % 50 == 0) log("INFO", "forwarded " + n + " messages, last " + name);
          } catch (InterruptedException e) {
            return;
          }
        }
      }, "forwarder-" + w);
      t.setDaemon(true);
      t.start();
    }
    Thread scanner = new Thread(() -> {
      while (true) {
        try {
          scan(spool);
        } catch (IOException e) {
          log("ERROR", "spool scan failed: " + e);
          sleep(500);
          continue;
        }
        sleep(20);
      }
    }, "spool-scanner");
    scanner.start();
    scanner.join();
  }

  static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
