// billing-api: a small Java service with an embedded trace reporter (like a CAT/Zipkin client).
//
// The reporter's I/O thread ("TraceReporter-io") is meant to run the Selector that completes
// connects and closes channels. It dies at start-up (a bad config value), and nobody notices:
// from then on the "TraceReporter" thread opens a non-blocking SocketChannel per report,
// registers it with that selector, connects to the collector (127.0.0.1:18280, where nothing
// listens), gets "Connection refused", logs
//   [ERROR] [TraceReporter] Error when try connecting to /127.0.0.1:18280
// and calls close() on the channel. Because the channel is still registered with a selector,
// the JDK defers the close(2) of its fd until that selector's next select() - which never
// comes. Every attempt leaves one socket in no connection table (lsof: "protocol: TCPv6").
//
// Other threads are healthy: HTTP-like workers answer on a loopback port and write an access
// log, a client thread calls them, all closing what they open.
//
// Usage: java BillingApi LOG_DIR COLLECTOR_PORT API_PORT
import java.io.*;
import java.net.*;
import java.nio.channels.*;
import java.nio.charset.StandardCharsets;
import java.nio.file.*;
import java.text.SimpleDateFormat;
import java.util.Date;

public class BillingApi {
    static FileOutputStream reporterLog;
    static FileOutputStream accessLog;

    static String now() { return new SimpleDateFormat("yyyy-MM-dd HH:mm:ss.SSS").format(new Date()); }

    static synchronized void rlog(String level, String text) {
        try {
            reporterLog.write(("[" + now() + "] [" + level + "] " + text + "\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) { e.printStackTrace(); }
    }

    public static void main(String[] args) throws Exception {
        Path dir = Paths.get(args[0]);
        int collectorPort = Integer.parseInt(args[1]);
        int apiPort = Integer.parseInt(args[2]);
        Files.createDirectories(dir);
        reporterLog = new FileOutputStream(dir.resolve("trace-reporter.log").toFile(), true);
        accessLog = new FileOutputStream(dir.resolve("access.log").toFile(), true);
        rlog("INFO", "[TraceReporter] starting, collector /127.0.0.1:" + collectorPort);

        Selector selector = Selector.open();
        Thread io = new Thread(() -> {
            String batch = System.getProperty("reporter.batch", "auto");
            int size = Integer.parseInt(batch);      // NumberFormatException: the I/O loop never starts
            while (true) {
                try { selector.select(); } catch (IOException e) { return; }
            }
        }, "TraceReporter-io");
        io.start();

        InetSocketAddress collector = new InetSocketAddress("127.0.0.1", collectorPort);
        Thread reporter = new Thread(() -> {
            long n = 0;
            while (true) {
                try {
                    SocketChannel ch = SocketChannel.open();
                    ch.configureBlocking(false);
                    ch.register(selector, SelectionKey.OP_CONNECT);
                    try {
                        if (!ch.connect(collector)) {
                            Thread.sleep(5);
                            ch.finishConnect();
                        }
                        rlog("INFO", "[TraceReporter] connected to " + collector);
                    } catch (IOException e) {
                        rlog("ERROR", "[TraceReporter] Error when try connecting to " + collector + "\n" + e
                                + "\n\tat com.example.trace.TraceReporter.createChannel(TraceReporter.java:142)");
                        ch.close();   // deferred: the key is still registered with the dead selector
                    }
                    n++;
                    Thread.sleep(100);
                } catch (Exception e) {
                    e.printStackTrace();
                    return;
                }
            }
        }, "TraceReporter");
        reporter.start();

        ServerSocket api = new ServerSocket();
        api.bind(new InetSocketAddress("127.0.0.1", apiPort));
        for (int i = 1; i <= 4; i++) {
            new Thread(() -> {
                while (true) {
                    try (Socket s = api.accept()) {
                        BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream()));
                        String line = in.readLine();
                        s.getOutputStream().write("HTTP/1.0 200 OK\r\n\r\n{\"ok\":true}\n".getBytes(StandardCharsets.UTF_8));
                        synchronized (accessLog) {
                            accessLog.write((now() + " " + Thread.currentThread().getName() + " \"" + line + "\" 200\n").getBytes(StandardCharsets.UTF_8));
                        }
                    } catch (IOException e) { e.printStackTrace(); }
                }
            }, "http-nio-" + apiPort + "-exec-" + i).start();
        }
        new Thread(() -> {
            int k = 0;
            while (true) {
                try (Socket s = new Socket("127.0.0.1", apiPort)) {
                    s.getOutputStream().write(("GET /invoices/" + (k++) + " HTTP/1.0\r\n\r\n").getBytes(StandardCharsets.UTF_8));
                    s.getInputStream().readAllBytes();
                    Thread.sleep(250);
                } catch (Exception e) { e.printStackTrace(); return; }
            }
        }, "invoice-sync").start();
    }
}
