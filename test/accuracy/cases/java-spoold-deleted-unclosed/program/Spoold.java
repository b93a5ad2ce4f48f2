// spoold: a producer thread drops order files into a spool folder; the consumer opens each,
// reads it, deletes it -- and never closes the stream (no try-with-resources).
import java.io.*;
import java.nio.file.*;
import java.time.Instant;

public class Spoold {
    static PrintWriter log;
    static void log(String lvl, String msg) {
        log.println(Instant.now() + " [" + Thread.currentThread().getName() + "] " + lvl + " " + msg);
        log.flush();
    }
    public static void main(String[] args) throws Exception {
        Path spool = Paths.get(args[0]);
        Files.createDirectories(spool);
        log = new PrintWriter(new FileWriter("spoold.log", true));
        log("INFO", "spoold started pid=" + ProcessHandle.current().pid() + " spool=" + spool);
        Thread producer = new Thread(() -> {
            long n = 0;
            while (true) {
                try {
                    n++;
                    Path p = spool.resolve(String.format("order-%06d.json", n));
                    Files.write(p, ("{\"order\":" + n + ",\"lines\":[1,2,3]}\n").getBytes());
                    Thread.sleep(40);
                } catch (Exception e) { log("ERROR", "producer: " + e); }
            }
        }, "producer");
        producer.setDaemon(true);
        producer.start();
        Thread.currentThread().setName("consumer");
        while (true) {
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(spool, "order-*.json")) {
                for (Path p : ds) {
                    try {
                        InputStream in = new FileInputStream(p.toFile());   // BUG: never closed
                        byte[] buf = new byte[4096];
                        int len = in.read(buf);
                        Files.delete(p);
                        log("INFO", "processed " + p.getFileName() + " (" + len + " bytes)");
                    } catch (IOException e) {
                        log("ERROR", "cannot process " + p.getFileName() + ": " + e);
                    }
                }
            } catch (IOException e) {
                log("ERROR", "scan: " + e);
            }
            Thread.sleep(200);
        }
    }
}
