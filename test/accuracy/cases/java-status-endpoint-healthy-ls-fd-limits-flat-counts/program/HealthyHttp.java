import com.sun.net.httpserver.*;
import java.io.*;
import java.net.*;
import java.nio.file.*;

// A small Jetty-like status endpoint that serves a file per request and closes
// every stream and exchange: the healthy negative.
public class HealthyHttp {
    public static void main(String[] a) throws Exception {
        HttpServer s = HttpServer.create(new InetSocketAddress("127.0.0.1", Integer.parseInt(a[0])), 50);
        Path page = Paths.get(a[1]);
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
