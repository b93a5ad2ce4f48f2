import java.nio.channels.Selector;
import java.util.ArrayList;
import java.util.List;

// A task runner that opens a java.nio Selector per task to wait for its I/O, and never closes it.
public class TaskRunner {
    static final List<Selector> kept = new ArrayList<>();
    public static void main(String[] a) throws Exception {
        for (int task = 1; ; task++) {
            try {
                Selector s = Selector.open();   // epoll fd + wakeup fd
                s.selectNow();
                kept.add(s);                    // bug: never s.close()
            } catch (Exception e) {
                System.err.println("task " + task + " failed: " + e);
            }
            Thread.sleep(task < 300 ? 20 : 500);
            if (task > 320) Thread.sleep(1000);
        }
    }
}
