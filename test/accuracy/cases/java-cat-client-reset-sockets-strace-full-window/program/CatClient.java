import java.io.*;
import java.net.*;
import java.text.SimpleDateFormat;
import java.util.*;

// A monitoring client in the style of the CAT client the seed write-up chased: a reconnect thread
// dials the collector every 200 ms; the collector resets each connection; the thread logs the
// failure to its own log file and dials again — without closing the socket it gave up on.
public class CatClient {
    static final SimpleDateFormat F = new SimpleDateFormat("yyyy-MM-dd HH:mm:ss.SSS");
    public static void main(String[] a) throws Exception {
        int port = Integer.parseInt(a[0]);
        Writer log = new FileWriter(a[1], true);
        List<Socket> dead = new ArrayList<>();
        Thread t = new Thread(() -> {
            while (true) {
                try {
                    Socket s = new Socket("127.0.0.1", port);
                    dead.add(s);
                    s.getOutputStream().write("HELLO\n".getBytes());
                    if (s.getInputStream().read() < 0) throw new IOException("EOF from collector");
                } catch (IOException e) {
                    try {
                        log.write("[" + F.format(new Date()) + "] [ERROR] [ChannelManager] Error when try connecting to /127.0.0.1:" + port + " " + e + "\n");
                        log.flush();
                    } catch (IOException ignored) { }
                    // BUG: the failed socket is never closed
                }
                try { Thread.sleep(200); } catch (InterruptedException ie) { return; }
            }
        }, "cat-TcpSocketSender-ChannelManager");
        t.start();
        t.join();
    }
}
