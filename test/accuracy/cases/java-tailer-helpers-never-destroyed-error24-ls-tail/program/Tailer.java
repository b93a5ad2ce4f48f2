// tailer: starts a `sleep`-backed helper per subscription through ProcessBuilder and keeps
// the Process in a list; the helper is never destroyed, its three pipes never closed.
import java.io.IOException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

public class Tailer {
    public static void main(String[] args) throws Exception {
        List<Process> helpers = new ArrayList<>();
        for (int id = 0; ; id++) {
            try {
                Process p = new ProcessBuilder("sleep", "600").start();
                helpers.add(p);
            } catch (IOException e) {
                System.err.println(LocalDateTime.now() + " ERROR subscription " + id + " failed: " + e);
                Thread.sleep(2000);
            }
            Thread.sleep(30);
        }
    }
}
