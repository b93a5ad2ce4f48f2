import java.io.*;
import java.nio.file.*;
import java.text.SimpleDateFormat;
import java.util.*;

// A DataNode-like block scanner: it opens every block file of a volume to verify
// its first bytes and keeps the stream in a map "for the next read", never closing it.
public class BlockReader {
    static final SimpleDateFormat F = new SimpleDateFormat("yyyy-MM-dd HH:mm:ss,SSS");
    static void log(String lvl, String m) { System.out.println(F.format(new Date()) + " " + lvl + " datanode.VolumeScanner: " + m); }
    public static void main(String[] a) throws Exception {
        Path dir = Paths.get(a[0]);
        List<Path> blocks = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "blk_*")) { for (Path p : ds) blocks.add(p); }
        Collections.sort(blocks);
        Map<Path, InputStream> open = new HashMap<>();
        int errors = 0;
        for (int pass = 0; pass < 2; pass++) {
            for (Path p : blocks) {
                try {
                    InputStream in = new FileInputStream(p.toFile());
                    in.read(new byte[16]);
                    open.put(p, in); // BUG: never closed
                } catch (IOException e) {
                    if (errors++ < 3) {
                        log("ERROR", "VolumeScanner(/tmp/r307-work/dn, DS-7f3c) exiting because of exception");
                        e.printStackTrace(System.out);
                    }
                }
            }
            log("INFO", "scanned " + blocks.size() + " blocks, " + open.size() + " streams cached");
            Thread.sleep(1000);
        }
        Thread.sleep(600000);
    }
}
