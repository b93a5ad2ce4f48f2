import java.io.*;
import java.time.LocalDateTime;
import java.util.*;

// Reads the tariff file per quote with new FileInputStream(...) and never closes it. Nothing keeps
// the stream, so after each young GC the JDK's Cleaner closes the unreachable ones: the fd count
// saws up and down - until a cycle opens more than the limit allows between two collections.
public class TariffReader {
    static volatile byte[] sink;
    public static void main(String[] a) throws Exception {
        File f = new File(a[0]);
        System.err.println(LocalDateTime.now() + " INFO  [main] TariffReader - serving quotes from " + f);
        Random rnd = new Random(296);
        Thread t = new Thread(() -> {
            long n = 0, failed = 0;
            while (true) {
                try {
                    FileInputStream in = new FileInputStream(f);
                    in.read(new byte[64]);
                    n++;
                } catch (IOException e) {
                    failed++;
                    System.err.println(LocalDateTime.now() + " WARN  [quote-worker] TariffReader - quote " + n + " failed: " + e);
                }
                sink = new byte[(16 + rnd.nextInt(20)) * 1024];
                try { Thread.sleep(8); } catch (InterruptedException ie) {}
            }
        }, "quote-worker");
        t.start();
        t.join();
    }
}
