// segd: a small segment store. It opens every segment of its data folder once at start and
// keeps them open by design (reads at offsets); lookups reuse them. Nothing opened per request.
import java.io.*;
import java.nio.channels.FileChannel;
import java.nio.ByteBuffer;
import java.nio.file.*;
import java.time.Instant;
import java.util.*;

public class Segd {
    public static void main(String[] args) throws Exception {
        Path dir = Paths.get(args[0]);
        int segments = Integer.parseInt(args[1]);
        Files.createDirectories(dir);
        PrintWriter log = new PrintWriter(new FileWriter("segd.log", true), true);
        List<FileChannel> open = new ArrayList<>();
        for (int i = 0; i < segments; i++) {
            Path p = dir.resolve(String.format("seg-%05d.dat", i));
            if (!Files.exists(p)) Files.write(p, new byte[8192]);
            open.add(FileChannel.open(p, StandardOpenOption.READ));
        }
        log.println(Instant.now() + " INFO segd pid=" + ProcessHandle.current().pid() + " opened " + open.size() + " segments");
        Random r = new Random(1);
        ByteBuffer buf = ByteBuffer.allocate(512);
        long lookups = 0;
        while (true) {
            for (int k = 0; k < 200; k++) {
                buf.clear();
                open.get(r.nextInt(open.size())).read(buf, r.nextInt(7680));
                lookups++;
            }
            if (lookups % 20000 == 0) log.println(Instant.now() + " INFO lookups=" + lookups + " segments=" + open.size());
            Thread.sleep(20);
        }
    }
}
