import com.sun.net.httpserver.*;
import java.io.*;
import java.net.InetSocketAddress;
import java.nio.file.*;
import java.time.LocalDateTime;
import java.util.*;
import java.util.concurrent.Executors;

// Serves static pages; opens each page with Files.newInputStream and never closes the stream
// (the handler keeps it for a "stream cache" that is never read again).
public class PageServer {
    static final List<InputStream> cache = Collections.synchronizedList(new ArrayList<>());
    static void log(String lvl, String msg) {
        System.err.println(LocalDateTime.now() + " " + lvl + " [" + Thread.currentThread().getName() + "] PageServer - " + msg);
    }
    public static void main(String[] a) throws Exception {
        Path root = Paths.get(a[0]);
        HttpServer srv = HttpServer.create(new InetSocketAddress("127.0.0.1", Integer.parseInt(a[1])), 50);
        srv.setExecutor(Executors.newFixedThreadPool(4, r -> { Thread t = new Thread(r); t.setName("page-worker-" + t.getId()); return t; }));
        srv.createContext("/", ex -> {
            Path p = root.resolve(ex.getRequestURI().getPath().substring(1));
            try {
                InputStream in = Files.newInputStream(p);
                cache.add(in);
                byte[] b = in.readAllBytes();
                ex.sendResponseHeaders(200, b.length);
                ex.getResponseBody().write(b);
            } catch (IOException e) {
                log("ERROR", "GET " + ex.getRequestURI() + " failed: " + e);
                ex.sendResponseHeaders(500, -1);
            } finally {
                ex.close();
            }
        });
        srv.start();
        log("INFO", "listening on " + a[1]);
    }
}
