import java.net.URI;
import java.net.http.*;
import java.util.*;
import java.time.LocalDateTime;

// Builds a new HttpClient for every sync (never reused; HttpClient has no close() on JDK 17):
// each client starts its own SelectorManager thread with its selector and connection.
public class RateSync {
    static final List<HttpClient> clients = new ArrayList<>();
    public static void main(String[] a) throws Exception {
        URI uri = URI.create(a[0]);
        Thread t = new Thread(() -> {
            int n = 0;
            while (true) {
                try {
                    HttpClient c = HttpClient.newHttpClient();
                    clients.add(c);
                    HttpResponse<String> r = c.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
                    if (++n % 20 == 0) System.err.println(LocalDateTime.now() + " INFO  [rate-sync] synced " + n + " rates, status " + r.statusCode());
                } catch (Throwable e) {
                    System.err.println(LocalDateTime.now() + " ERROR [rate-sync] sync failed");
                    e.printStackTrace();
                    try { Thread.sleep(2000); } catch (InterruptedException ie) {}
                }
                try { Thread.sleep(100); } catch (InterruptedException ie) {}
            }
        }, "rate-sync");
        t.start();
        t.join();
    }
}
