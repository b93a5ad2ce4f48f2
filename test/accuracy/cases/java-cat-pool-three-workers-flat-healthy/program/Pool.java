// pool: three long-lived `cat` workers started at boot; each job is a line written to a
// worker's stdin and read back from its stdout. No worker is ever added.
import java.io.*;
import java.util.*;

public class Pool {
    public static void main(String[] args) throws Exception {
        List<Process> ws = new ArrayList<>();
        List<BufferedWriter> in = new ArrayList<>();
        List<BufferedReader> out = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Process p = new ProcessBuilder("cat").redirectError(ProcessBuilder.Redirect.DISCARD).start();
            ws.add(p);
            in.add(new BufferedWriter(new OutputStreamWriter(p.getOutputStream())));
            out.add(new BufferedReader(new InputStreamReader(p.getInputStream())));
        }
        for (long n = 0; ; n++) {
            int i = (int) (n % 3);
            in.get(i).write("job " + n + "\n");
            in.get(i).flush();
            out.get(i).readLine();
            Thread.sleep(20);
        }
    }
}
