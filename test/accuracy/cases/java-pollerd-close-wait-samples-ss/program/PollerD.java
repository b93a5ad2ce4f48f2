import java.io.*;
import java.net.*;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.*;

// pollerd: polls a local HTTP status endpoint every 50 ms over a fresh Socket and never closes it
// (the bug). The server answers and closes, so each socket sits in CLOSE_WAIT.
public class PollerD {
    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        List<Socket> kept = new ArrayList<>();
        for (int i = 1; ; i++) {
            try {
                Socket s = new Socket("127.0.0.1", port);
                OutputStream out = s.getOutputStream();
                out.write("GET /status HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                byte[] buf = new byte[512];
                int n = s.getInputStream().read(buf);
                kept.add(s); // never closed
                if (i % 200 == 0) System.out.println(Instant.now() + " INFO poll " + i + " ok (" + n + " bytes)");
            } catch (IOException e) {
                System.out.println(Instant.now() + " WARN poll " + i + " failed: " + e);
            }
            Thread.sleep(50);
        }
    }
}
