// healthy: a JVM with a small pool of workers reading a file each second, closing it
import java.nio.file.*;
public class HJava {
  public static void main(String[] a) throws Exception {
    Path p = Paths.get(a.length > 0 ? a[0] : "/etc/hostname");
    for (int i = 0; i < 4; i++) new Thread(() -> {
      while (true) { try { Files.readAllBytes(p); Thread.sleep(1000); } catch (Exception e) {} }
    }).start();
  }
}
