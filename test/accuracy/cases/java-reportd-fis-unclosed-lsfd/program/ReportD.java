import java.io.*;
import java.nio.file.*;
import java.time.Instant;
import java.util.*;

// reportd: a small report service. Each job reads the tariff table through a FileInputStream
// that is never closed (the bug), so one fd per job stays open until EMFILE.
public class ReportD {
    static PrintWriter log;
    static void log(String level, String msg) {
        log.println(Instant.now() + " " + level + " [report-worker-1] reportd - " + msg);
        log.flush();
    }
    public static void main(String[] args) throws Exception {
        Path dir = Paths.get(args[0]);
        Files.createDirectories(dir);
        Path table = dir.resolve("tariffs.csv");
        Files.writeString(table, "zone,price\nA,10\nB,12\n");
        log = new PrintWriter(new FileWriter(dir.resolve("reportd.log").toString(), true));
        List<InputStream> open = new ArrayList<>();
        Thread w = new Thread(() -> {
            for (int job = 1; ; job++) {
                try {
                    FileInputStream in = new FileInputStream(table.toFile());
                    in.read(new byte[64]);
                    open.add(in); // kept for "reuse", never closed
                    if (job % 100 == 0) log("INFO", "job " + job + " done");
                } catch (IOException e) {
                    log("ERROR", "job " + job + " failed: " + e);
                }
                try { Thread.sleep(20); } catch (InterruptedException e) { return; }
            }
        }, "report-worker-1");
        w.start();
        w.join();
    }
}
