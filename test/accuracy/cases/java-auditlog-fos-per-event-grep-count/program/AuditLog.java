import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** auditd-java: appends one line per audit event to audit.log.
 *  BUG: each event opens its own FileOutputStream in append mode and keeps it in a list
 *  "to flush at shutdown"; none is ever closed. */
public class AuditLog {
    static final List<FileOutputStream> pending = new ArrayList<>();

    public static void main(String[] args) throws Exception {
        String path = args[0];
        for (long n = 0; ; n++) {
            try {
                FileOutputStream out = new FileOutputStream(path, true);
                out.write(("event " + n + " user=alice action=login\n").getBytes(StandardCharsets.UTF_8));
                pending.add(out);
            } catch (IOException e) {
                System.err.println(java.time.LocalTime.now() + " AuditLog: event " + n + " lost: " + e);
                Thread.sleep(1000);
            }
            Thread.sleep(20);
        }
    }
}
