import java.nio.channels.*;
import java.text.SimpleDateFormat;
import java.util.*;

// A Camel/Kafka-client-like poller that opens a NIO Selector for every poll "to wait for the
// broker" and forgets it: each Selector holds an epoll instance and an eventfd (JDK 11+) until closed.
public class SelectorLeak {
    public static void main(String[] a) throws Exception {
        int polls = Integer.parseInt(a[0]);
        List<Selector> forgotten = new ArrayList<>();
        SimpleDateFormat f = new SimpleDateFormat("yyyy-MM-dd HH:mm:ss,SSS");
        for (int i = 1; i <= polls; i++) {
            Selector s = Selector.open();
            s.selectNow();
            forgotten.add(s); // BUG: never s.close()
            if (i % 100 == 0) System.out.println(f.format(new Date()) + " INFO  [poller-1] BrokerPoller - " + i + " polls");
            Thread.sleep(10);
        }
        Thread.sleep(600000);
    }
}
