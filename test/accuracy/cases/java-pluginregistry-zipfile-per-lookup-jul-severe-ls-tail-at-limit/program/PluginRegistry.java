import java.io.File;
import java.util.*;
import java.util.logging.*;
import java.util.zip.*;

// Resolves a plugin descriptor per lookup: opens the plugin's jar with new ZipFile(...) and
// never closes it (the ZipFile is kept in a "recently used" map that is never trimmed).
public class PluginRegistry {
    static final Logger LOG = Logger.getLogger("PluginRegistry");
    static final Map<Integer, ZipFile> recent = new HashMap<>();
    public static void main(String[] a) throws Exception {
        System.setProperty("java.util.logging.SimpleFormatter.format", "%1$tF %1$tT %4$s %2$s - %5$s%6$s%n");
        LogManager.getLogManager().reset();
        FileHandler fh = new FileHandler(a[1], true);
        fh.setFormatter(new SimpleFormatter());
        LOG.addHandler(fh);
        File dir = new File(a[0]);
        Thread t = new Thread(() -> {
            int n = 0;
            while (true) {
                int id = (n % 400) + 1;
                File jar = new File(dir, String.format("plugin-%04d.jar", id));
                try {
                    ZipFile z = new ZipFile(jar);
                    ZipEntry e = z.getEntry("META-INF/plugin.properties");
                    recent.put(n, z);
                    if (n % 100 == 0) LOG.info("resolved " + jar.getName() + " entry " + (e != null));
                } catch (Exception e) {
                    LOG.log(Level.SEVERE, "lookup of " + jar.getName() + " failed", e);
                    try { Thread.sleep(2000); } catch (InterruptedException ie) {}
                }
                n++;
                try { Thread.sleep(30); } catch (InterruptedException ie) {}
            }
        }, "plugin-lookup");
        t.start();
        t.join();
    }
}
