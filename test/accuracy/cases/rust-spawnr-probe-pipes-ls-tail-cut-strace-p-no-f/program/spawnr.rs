// spawnr: runs a health probe per tick and keeps each child's stdout pipe after reading it.
use std::io::Read;
use std::process::{ChildStdout, Command, Stdio};
use std::{thread, time::Duration};

fn main() {
    let mut kept: Vec<ChildStdout> = Vec::new();
    let mut n: u64 = 0;
    loop {
        let mut child = match Command::new("/bin/echo").arg("probe ok").stdout(Stdio::piped()).spawn() {
            Ok(c) => c,
            Err(e) => {
                eprintln!("spawnr[{}]: spawn probe: {}", std::process::id(), e);
                thread::sleep(Duration::from_millis(500));
                continue;
            }
        };
        let mut out = child.stdout.take().unwrap();
        let mut s = String::new();
        let _ = out.read_to_string(&mut s);
        let _ = child.wait();
        kept.push(out); // BUG: the read end is kept for "diagnostics", never dropped
        n += 1;
        if n % 50 == 0 {
            eprintln!("spawnr[{}]: {} probes", std::process::id(), n);
        }
        thread::sleep(Duration::from_millis(50));
    }
}
