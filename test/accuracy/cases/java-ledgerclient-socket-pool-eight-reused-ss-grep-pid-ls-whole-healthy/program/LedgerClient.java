import java.io.*;
import java.net.Socket;
import java.time.LocalDateTime;
import java.util.concurrent.*;

// Posts ledger entries over a pool of 8 persistent connections, borrowed and returned per entry. Healthy.
public class LedgerClient {
    static final class Conn {
        final Socket s; final BufferedReader r; final Writer w;
        Conn(Socket s) throws IOException { this.s = s; r = new BufferedReader(new InputStreamReader(s.getInputStream())); w = new OutputStreamWriter(s.getOutputStream()); }
    }
    public static void main(String[] a) throws Exception {
        int port = Integer.parseInt(a[0]);
        BlockingQueue<Conn> pool = new ArrayBlockingQueue<>(8);
        for (int i = 0; i < 8; i++) pool.add(new Conn(new Socket("127.0.0.1", port)));
        System.err.println(LocalDateTime.now() + " INFO  [main] LedgerClient - pool ready: 8 connections to 127.0.0.1:" + port);
        ExecutorService ex = Executors.newFixedThreadPool(6, r -> { Thread t = new Thread(r); t.setName("ledger-post-" + t.getId()); return t; });
        for (int i = 0; i < 6; i++) ex.submit(() -> {
            long n = 0;
            while (true) {
                Conn c = pool.take();
                try { c.w.write("entry " + (n++) + "\n"); c.w.flush(); c.r.readLine(); } finally { pool.put(c); }
                Thread.sleep(5);
            }
        });
    }
}
