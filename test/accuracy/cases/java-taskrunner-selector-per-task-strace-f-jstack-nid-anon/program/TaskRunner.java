import java.nio.channels.Selector;
import java.util.*;
import java.util.concurrent.*;

// Each scheduled task opens its own Selector to wait with a timeout and never closes it.
// Two other pool threads run tasks that close theirs (try-with-resources).
public class TaskRunner {
    static final List<Selector> kept = Collections.synchronizedList(new ArrayList<>());
    public static void main(String[] a) throws Exception {
        Thread leaky = new Thread(() -> {
            while (true) {
                try {
                    Selector s = Selector.open();
                    s.selectNow();
                    kept.add(s);
                    Thread.sleep(150);
                } catch (Exception e) {
                    System.err.println(new Date() + " task-timer: " + e);
                    try { Thread.sleep(1000); } catch (InterruptedException ie) {}
                }
            }
        }, "task-timer");
        leaky.start();
        for (int i = 1; i <= 2; i++) {
            new Thread(() -> {
                while (true) {
                    try (Selector s = Selector.open()) {
                        s.selectNow();
                        Thread.sleep(200);
                    } catch (Exception e) {
                        System.err.println(new Date() + " " + Thread.currentThread().getName() + ": " + e);
                    }
                }
            }, "task-worker-" + i).start();
        }
        leaky.join();
    }
}
