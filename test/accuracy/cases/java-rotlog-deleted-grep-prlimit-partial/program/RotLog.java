import java.io.*;
public class RotLog {
  public static void main(String[] a) throws Exception {
    String path = "/tmp/acc170/rot/app.log";
    java.util.List<FileOutputStream> keep = new java.util.ArrayList<>();
    for (int req = 1; ; req++) {
      FileOutputStream out = new FileOutputStream(path, true); // opened per request, never closed
      keep.add(out);
      out.write(("request " + req + " served\n").getBytes());
      Thread.sleep(req < 120 ? 20 : 1000);
    }
  }
}
