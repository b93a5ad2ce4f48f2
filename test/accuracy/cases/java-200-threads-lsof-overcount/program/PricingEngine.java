// pricing-engine: a healthy Java service with a big thread pool (200 workers, as app servers
// configure them) that takes quote requests from a queue, writes an audit log and holds a
// small, fixed set of fds: a log file, a listener and a few loopback connections. Its fd count
// is small and flat; only its thread count is large.
//
// Usage: java PricingEngine LOG_FILE PORT
import java.io.*;
import java.net.*;
import java.nio.charset.StandardCharsets;
import java.nio.file.*;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.*;
import java.util.concurrent.*;
import java.util.concurrent.atomic.AtomicLong;

public class PricingEngine {
    static PrintStream log;
    static final DateTimeFormatter F = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");
    static synchronized void log(String level, String msg) {
        log.println(LocalDateTime.now().format(F) + " " + level + " [" + Thread.currentThread().getName() + "] " + msg);
        log.flush();
    }

    public static void main(String[] args) throws Exception {
        Path logFile = Paths.get(args[0]);
        Files.createDirectories(logFile.getParent());
        log = new PrintStream(new FileOutputStream(logFile.toFile(), true), false, StandardCharsets.UTF_8);
        int port = Integer.parseInt(args[1]);
        ServerSocket ss = new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
        List<Socket> held = Collections.synchronizedList(new ArrayList<>());
        new Thread(() -> { while (true) { try { held.add(ss.accept()); } catch (IOException e) { return; } } }, "acceptor").start();
        List<Socket> upstream = new ArrayList<>();
        for (int i = 0; i < 4; i++) upstream.add(new Socket(InetAddress.getLoopbackAddress(), port));

        BlockingQueue<Integer> quotes = new LinkedBlockingQueue<>();
        AtomicLong done = new AtomicLong();
        for (int i = 1; i <= 200; i++) {
            Thread t = new Thread(() -> {
                while (true) {
                    try {
                        int q = quotes.take();
                        double p = 0; for (int k = 0; k < 200; k++) p += Math.sqrt(q + k);
                        if (done.incrementAndGet() % 500 == 0) log("INFO", "priced " + done.get() + " quotes, last " + String.format("%.2f", p));
                    } catch (InterruptedException e) { return; }
                }
            }, "pricing-worker-" + i);
            t.setDaemon(false);
            t.start();
        }
        log("INFO", "pricing-engine started with 200 workers on 127.0.0.1:" + port);
        int n = 0;
        while (true) {
            for (int i = 0; i < 20; i++) quotes.add(n++);
            Thread.sleep(100);
        }
    }
}
