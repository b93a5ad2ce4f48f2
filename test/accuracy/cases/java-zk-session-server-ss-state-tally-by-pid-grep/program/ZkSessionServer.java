import java.io.*;
import java.net.*;
import java.text.SimpleDateFormat;
import java.util.*;

// A ZooKeeper-like session server: each client gets a handler thread that reads
// four-letter commands until EOF. On EOF the handler logs the session end but
// never closes the socket, so every disconnected client leaves a CLOSE_WAIT fd.
public class ZkSessionServer {
    static final SimpleDateFormat F = new SimpleDateFormat("yyyy-MM-dd HH:mm:ss,SSS");
    static void log(String m) { System.out.println(F.format(new Date()) + " [myid:1] - INFO  " + m); }
    public static void main(String[] a) throws Exception {
        ServerSocket ss = new ServerSocket();
        ss.bind(new InetSocketAddress("127.0.0.1", Integer.parseInt(a[0])));
        log("binding to port " + ss.getLocalSocketAddress());
        long sid = 0x100000000L;
        while (true) {
            Socket s = ss.accept();
            final long id = sid++;
            new Thread(() -> {
                try {
                    BufferedReader r = new BufferedReader(new InputStreamReader(s.getInputStream()));
                    String line;
                    while ((line = r.readLine()) != null) {
                        if (line.trim().equals("ruok")) { s.getOutputStream().write("imok\n".getBytes()); }
                    }
                    // BUG: the session ends here; s.close() is never called.
                    log("Closed session 0x" + Long.toHexString(id) + " for client " + s.getRemoteSocketAddress());
                } catch (IOException e) { log("session error " + e); }
            }).start();
        }
    }
}
