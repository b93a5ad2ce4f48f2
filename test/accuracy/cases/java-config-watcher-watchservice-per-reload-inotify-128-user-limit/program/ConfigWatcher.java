import java.io.*;
import java.nio.file.*;
import java.text.SimpleDateFormat;
import java.util.*;

// A NiFi/Hadoop-like configuration watcher: every reload makes a new WatchService on the conf
// folder to notice the next change, and never closes the old one. On Linux each WatchService is
// an inotify instance, counted against the user's fs.inotify.max_user_instances.
public class ConfigWatcher {
    static final SimpleDateFormat F = new SimpleDateFormat("yyyy-MM-dd HH:mm:ss,SSS");
    public static void main(String[] a) throws Exception {
        Path conf = Paths.get(a[0]);
        int reloads = Integer.parseInt(a[1]);
        List<WatchService> old = new ArrayList<>();
        for (int i = 1; i <= reloads; i++) {
            try {
                WatchService ws = FileSystems.getDefault().newWatchService();
                conf.register(ws, StandardWatchEventKinds.ENTRY_MODIFY);
                old.add(ws); // BUG: the previous WatchService is never closed
            } catch (IOException e) {
                System.out.println(F.format(new Date()) + " ERROR [conf-reloader] ConfigWatcher - reload " + i + " failed to watch " + conf);
                e.printStackTrace(System.out);
                break;
            }
            Thread.sleep(20);
        }
        Thread.sleep(600000);
    }
}
