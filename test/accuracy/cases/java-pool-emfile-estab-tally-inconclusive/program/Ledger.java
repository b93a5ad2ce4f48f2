// Ledger: opens its whole connection pool at start (maxSize 600, as configured) and then runs
// queries round-robin over every connection it holds. Run under a 512-fd limit, the pool cannot
// be filled: the connections past the limit fail with "Too many open files", and the ones it got
// stay live and busy. No connection is ever lost: the pool is larger than the limit allows.
import java.io.*;
import java.net.*;
import java.time.LocalDateTime;
import java.util.*;

public class Ledger {
    static void log(String m) { System.out.println(LocalDateTime.now().withNano(0) + " ledger " + m); System.out.flush(); }

    static void query(Socket s, long q) throws IOException {
        s.getOutputStream().write(("SELECT balance FROM accounts WHERE id=" + q + "\n").getBytes());
        new BufferedReader(new InputStreamReader(s.getInputStream())).readLine();
    }

    public static void main(String[] a) throws Exception {
        int port = Integer.parseInt(a[0]), max = Integer.parseInt(a[1]);
        log("pid " + ProcessHandle.current().pid() + " pool maxSize=" + max + " db=127.0.0.1:" + port);
        List<Socket> pool = new ArrayList<>();
        int failed = 0;
        for (int i = 0; i < max; i++) {
            if (i == 1) query(pool.get(0), 0); // checks the first connection before filling the rest
            try {
                pool.add(new Socket("127.0.0.1", port));
            } catch (IOException e) {
                if (failed++ < 3) log("WARN pool: connection " + (i + 1) + " failed: " + e);
            }
        }
        log("WARN pool: " + pool.size() + " of " + max + " connections open, " + failed + " failed");
        for (long q = 0; ; q++) {
            query(pool.get((int) (q % pool.size())), q);
            if (q % 5000 == 0) log("queries=" + q);
            Thread.sleep(2);
        }
    }
}
