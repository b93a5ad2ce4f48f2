import java.io.*;
import java.util.*;
public class Healthy {
  public static void main(String[] a) throws Exception {
    int pool = Integer.parseInt(a[0]);
    List<Thread> ts = new ArrayList<>();
    List<RandomAccessFile> files = new ArrayList<>();
    new File("/tmp/acc170/cache").mkdirs();
    for (int i = 0; i < pool; i++) files.add(new RandomAccessFile("/tmp/acc170/cache/seg-" + i + ".dat", "rw"));
    for (int i = 0; i < 12; i++) { Thread t = new Thread(() -> { try { Thread.sleep(1000000); } catch (Exception e) {} }, "worker-" + i); t.start(); ts.add(t); }
    System.out.println("cache ready: " + pool + " segments open");
    Thread.sleep(10000000);
  }
}
