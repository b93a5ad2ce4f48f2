// report-scheduler: a healthy Java service that runs a command through ProcessBuilder every
// second (the disk usage of its spool), logs the result, serves a tiny status port and keeps
// a log file and a few client connections open. It closes everything it opens.
//
// The JDK starts children with posix_spawn of its `jspawnhelper`, which closes every fd above
// 2 (except its own fail pipe) before execve of the command: the children inherit nothing.
//
// Usage: java ReportScheduler LOG_FILE STATUS_PORT
import java.io.*;
import java.net.*;
import java.nio.charset.StandardCharsets;
import java.nio.file.*;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

public class ReportScheduler {
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
        ServerSocket status = new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
        log("INFO", "report-scheduler started, status on 127.0.0.1:" + port);

        new Thread(() -> {
            while (true) {
                try (Socket s = status.accept()) {
                    s.getOutputStream().write("OK\n".getBytes(StandardCharsets.UTF_8));
                } catch (IOException e) { log("ERROR", "status: " + e); }
            }
        }, "status-acceptor").start();

        // three long-lived connections to our own status port's neighbour: a keep-alive pool
        ServerSocket peer = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        List<Socket> pool = new ArrayList<>();
        new Thread(() -> {
            List<Socket> held = new ArrayList<>();
            while (true) {
                try { held.add(peer.accept()); } catch (IOException e) { return; }
            }
        }, "pool-peer").start();
        for (int i = 0; i < 3; i++) pool.add(new Socket(InetAddress.getLoopbackAddress(), peer.getLocalPort()));

        Thread runner = new Thread(() -> {
            long n = 0;
            while (true) {
                try {
                    Process p = new ProcessBuilder("/usr/bin/du", "-s", "/tmp/cm/report-scheduler").redirectErrorStream(true).start();
                    p.getOutputStream().close();
                    String out;
                    try (InputStream in = p.getInputStream()) {
                        out = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
                    }
                    int rc = p.waitFor();
                    n++;
                    log("INFO", "job #" + n + " du exited " + rc + ": " + out);
                    Thread.sleep(1000);
                } catch (Exception e) {
                    log("ERROR", "job failed: " + e);
                    try { Thread.sleep(1000); } catch (InterruptedException ie) { return; }
                }
            }
        }, "job-runner");
        runner.start();
    }
}
