import java.io.*;
import java.nio.file.*;
import java.text.SimpleDateFormat;
import java.util.*;

// An Artemis-like journal: it appends to data files of 64 KiB, opens the next one when a file
// fills, and "compacts" a full file by deleting it — but the RandomAccessFile of every full
// file stays open, so each deleted journal file keeps its disk space.
public class JournalCompactor {
    static final SimpleDateFormat F = new SimpleDateFormat("yyyy-MM-dd HH:mm:ss,SSS");
    public static void main(String[] a) throws Exception {
        Path dir = Paths.get(a[0]); Files.createDirectories(dir);
        int files = Integer.parseInt(a[1]);
        List<RandomAccessFile> kept = new ArrayList<>();
        byte[] rec = new byte[4096];
        for (int n = 1; n <= files; n++) {
            Path p = dir.resolve(String.format("activemq-data-%d.amq", n));
            RandomAccessFile raf = new RandomAccessFile(p.toFile(), "rw");
            for (int i = 0; i < 16; i++) raf.write(rec);
            kept.add(raf); // BUG: never closed after the file is compacted
            if (n > 2) {
                Path old = dir.resolve(String.format("activemq-data-%d.amq", n - 2));
                Files.delete(old);
                System.out.println(F.format(new Date()) + " INFO  [org.apache.activemq.artemis.core.journal.impl.JournalImpl] compacted and removed " + old.getFileName());
            }
            Thread.sleep(50);
        }
        Thread.sleep(600000);
    }
}
