// tiler: a Rust map-tile renderer that runs a converter per job and logs a stats line every 2 s.
// Leak: each job's Child (with its piped stdin/stdout) is pushed to a registry that is never drained,
// so both pipe ends stay open after the converter exits.
mod fdstat;
use std::io::Write;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

fn main() {
    let mut jobs: Vec<Child> = Vec::new();
    let mut done = 0u64;
    let mut last = Instant::now();
    println!("{} INFO tiler started pid={} workers=1", fdstat::stamp(), std::process::id());
    loop {
        match Command::new("/bin/echo").arg("converted").stdin(Stdio::piped()).stdout(Stdio::piped()).spawn() {
            Ok(c) => {
                done += 1;
                jobs.push(c); // BUG: never waited, pipes never dropped
            }
            Err(e) => println!("{} ERROR render job {}: spawn converter: {}", fdstat::stamp(), done + 1, e),
        }
        if last.elapsed() >= Duration::from_secs(2) {
            println!("{} INFO stats jobs_done={} open_fds={} max_fds={}", fdstat::stamp(), done, fdstat::open_fds(), fdstat::max_fds());
            last = Instant::now();
        }
        std::io::stdout().flush().ok();
        std::thread::sleep(Duration::from_millis(200));
    }
}
