import java.io.*;
import java.nio.channels.*;
import java.text.SimpleDateFormat;
import java.util.*;

// A Camel-like file consumer: every poll takes an exclusive read lock by opening
// inbox/orders.csv.camelLock, releases the FileLock but never closes the file.
public class CamelLockPoller {
    static final SimpleDateFormat F = new SimpleDateFormat("yyyy-MM-dd HH:mm:ss.SSS");
    public static void main(String[] a) throws Exception {
        File lock = new File(a[0], "orders.csv.camelLock");
        int polls = Integer.parseInt(a[1]);
        for (int i = 1; i <= polls; i++) {
            RandomAccessFile raf = new RandomAccessFile(lock, "rw");
            FileLock l = raf.getChannel().tryLock();
            if (l != null) l.release(); // BUG: raf.close() missing
            if (i % 100 == 0) System.out.println(F.format(new Date()) + " INFO  [Camel (camel-1) thread #1 - file://inbox] FileConsumer - poll " + i + " done");
            Thread.sleep(20);
        }
        Thread.sleep(600000);
    }
}
