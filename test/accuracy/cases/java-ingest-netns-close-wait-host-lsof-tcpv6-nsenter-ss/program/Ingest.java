// Ingest: accepts agent connections, registers each in a session table and reads its batches on a
// thread. When an agent closes (read returns -1) the handler returns without closing the socket or
// removing its session (the leak): the connection stays in CLOSE_WAIT and its fd stays open.
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

public class Ingest {
  static final List<Socket> sessions = new CopyOnWriteArrayList<>();
  public static void main(String[] args) throws Exception {
    ServerSocket server = new ServerSocket(9400, 200, InetAddress.getByName("127.0.0.1"));
    System.out.println("ingest listening on 9400");
    while (true) {
      Socket s = server.accept();
      sessions.add(s);
      new Thread(() -> {
        try {
          InputStream in = s.getInputStream();
          byte[] buf = new byte[4096];
          while (in.read(buf) != -1) { }
          // BUG: s.close() missing
        } catch (Exception e) { System.out.println("handler: " + e); }
      }).start();
    }
  }
}
