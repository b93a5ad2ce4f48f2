import java.util.concurrent.*;

// quoter: a healthy JVM service with a 200-thread pool that opens nothing per request.
public class Quoter {
    public static void main(String[] args) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(200, r -> { Thread t = new Thread(r); t.setName("quote-" + t.getId()); return t; });
        for (int i = 0; i < 200; i++) pool.submit(() -> { while (true) { try { Thread.sleep(1000); } catch (InterruptedException e) { return; } } });
        Thread.currentThread().join();
    }
}
