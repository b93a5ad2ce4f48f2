import java.net.*;
import java.util.*;
import java.time.LocalDateTime;

// Polls a quote endpoint; reads the status code only, never the body, never disconnect():
// the server closes its end, ours stays in CLOSE_WAIT.
public class QuotePoller {
    static final List<HttpURLConnection> open = new ArrayList<>();
    static void log(String lvl, String msg) {
        System.err.println(LocalDateTime.now() + " " + lvl + " [" + Thread.currentThread().getName() + "] QuotePoller - " + msg);
    }
    public static void main(String[] a) throws Exception {
        String url = a[0];
        Thread t = new Thread(() -> {
            while (true) {
                try {
                    HttpURLConnection c = (HttpURLConnection) new URL(url).openConnection();
                    int code = c.getResponseCode();
                    open.add(c);
                    if (open.size() % 50 == 0) log("INFO", "polled " + open.size() + " quotes, last status " + code);
                } catch (Exception e) {
                    log("ERROR", "poll failed: " + e);
                    try { Thread.sleep(1000); } catch (InterruptedException ie) {}
                }
                try { Thread.sleep(40); } catch (InterruptedException ie) {}
            }
        }, "quote-poller");
        t.start();
        t.join();
    }
}
