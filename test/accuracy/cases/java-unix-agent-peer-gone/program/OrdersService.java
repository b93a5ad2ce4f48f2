// orders-svc: a Java service that flushes its metrics to a local agent over a unix-domain
// socket (JDK 16+ UnixDomainSocketAddress). The "metrics-flusher" thread connects, writes the
// batch, reads the agent's reply until EOF (the agent closes its end after replying) and
// forgets to close the channel. Each flush leaves one unix socket whose peer is gone.
// When the open-files limit is reached, SocketChannel.open() fails with
// "java.net.SocketException: Too many open files", logged at ERROR.
//
// Usage: java OrdersService LOG_FILE AGENT_SOCKET
import java.io.*;
import java.net.*;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.*;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

public class OrdersService {
    static PrintStream log;
    static final DateTimeFormatter F = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss,SSS");

    static synchronized void log(String level, String logger, String msg) {
        log.println(LocalDateTime.now().format(F) + " " + level + " [" + Thread.currentThread().getName() + "] " + logger + " - " + msg);
        log.flush();
    }

    public static void main(String[] args) throws Exception {
        Files.createDirectories(Paths.get(args[0]).getParent());
        log = new PrintStream(new FileOutputStream(args[0], true), false, StandardCharsets.UTF_8);
        UnixDomainSocketAddress agent = UnixDomainSocketAddress.of(args[1]);
        log("INFO", "c.e.orders.Main", "orders-svc started, metrics agent " + agent);

        Thread flusher = new Thread(() -> {
            long batch = 0;
            while (true) {
                try {
                    batch++;
                    SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX);
                    ch.connect(agent);
                    StringBuilder sb = new StringBuilder();
                    for (int i = 0; i < 12; i++) sb.append("orders.latency.p99:").append(40 + i).append("|ms\n");
                    ch.write(ByteBuffer.wrap(sb.toString().getBytes(StandardCharsets.UTF_8)));
                    ByteBuffer buf = ByteBuffer.allocate(64);
                    int r;
                    while ((r = ch.read(buf)) >= 0) { if (!buf.hasRemaining()) buf.clear(); }
                    if (batch % 100 == 0) log("INFO", "c.e.metrics.AgentFlusher", "flushed batch " + batch + " (12 metrics) to " + agent);
                    // ch.close() missing: the agent closed its end, ours stays open
                } catch (IOException e) {
                    log("ERROR", "c.e.metrics.AgentFlusher", "flush of batch " + batch + " failed: " + e);
                }
                try { Thread.sleep(50); } catch (InterruptedException e) { return; }
            }
        }, "metrics-flusher");
        flusher.start();

        for (int i = 1; i <= 3; i++) {
            final int w = i;
            new Thread(() -> {
                while (true) {
                    try { Thread.sleep(1000); } catch (InterruptedException e) { return; }
                }
            }, "order-worker-" + w).start();
        }
    }
}
