import java.nio.file.*;
import java.util.*;
public class DirScan {
  public static void main(String[] a) throws Exception {
    Path spool = Paths.get("/tmp/acc170/spool");
    List<DirectoryStream<Path>> open = new ArrayList<>();
    for (int tick = 1; ; tick++) {
      try {
        DirectoryStream<Path> ds = Files.newDirectoryStream(spool); // never closed
        open.add(ds);
        int n = 0; for (Path p : ds) n++;
        System.out.println(new java.util.Date() + " INFO scan " + tick + " found " + n + " files");
      } catch (Exception e) {
        System.out.println(new java.util.Date() + " ERROR scan " + tick + " failed: " + e);
        Thread.sleep(1000);
      }
      Thread.sleep(10);
    }
  }
}
