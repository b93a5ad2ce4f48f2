import com.sun.net.httpserver.*;
import java.io.*;
import java.net.InetSocketAddress;
import java.nio.file.*;
import java.time.LocalDateTime;
import java.util.concurrent.Executors;

// A busy order API: reads the price table per request with try-with-resources. Healthy.
public class OrderApi {
    public static void main(String[] a) throws Exception {
        Path prices = Paths.get(a[0]);
        HttpServer srv = HttpServer.create(new InetSocketAddress("127.0.0.1", Integer.parseInt(a[1])), 100);
        srv.setExecutor(Executors.newFixedThreadPool(8, r -> { Thread t = new Thread(r); t.setName("order-http-" + t.getId()); return t; }));
        srv.createContext("/order", ex -> {
            byte[] b;
            try (InputStream in = Files.newInputStream(prices)) { b = in.readAllBytes(); }
            ex.sendResponseHeaders(200, b.length);
            try (OutputStream o = ex.getResponseBody()) { o.write(b); }
        });
        srv.start();
        System.err.println(LocalDateTime.now() + " INFO  [main] OrderApi - listening on " + a[1]);
    }
}
