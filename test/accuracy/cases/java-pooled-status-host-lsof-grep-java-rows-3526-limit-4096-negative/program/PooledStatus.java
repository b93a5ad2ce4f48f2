import com.sun.net.httpserver.*;
import java.io.*;
import java.net.*;
import java.nio.file.*;
import java.util.concurrent.*;

// The status endpoint again, served by a pool of 64 worker threads (as a Jetty or WildFly
// connector's pool is): every request closes what it opens. The negative for per-thread lsof rows.
public class PooledStatus {
    public static void main(String[] a) throws Exception {
        HttpServer s = HttpServer.create(new InetSocketAddress("127.0.0.1", Integer.parseInt(a[0])), 50);
        Path page = Paths.get(a[1]);
        ExecutorService pool = Executors.newFixedThreadPool(64);
        for (int i = 0; i < 64; i++) pool.submit(() -> { });
        s.setExecutor(pool);
        s.createContext("/status", ex -> {
            byte[] body;
            try (InputStream in = Files.newInputStream(page)) { body = in.readAllBytes(); }
            ex.sendResponseHeaders(200, body.length);
            try (OutputStream o = ex.getResponseBody()) { o.write(body); }
            ex.close();
        });
        s.start();
        System.out.println("listening on " + s.getAddress());
    }
}
