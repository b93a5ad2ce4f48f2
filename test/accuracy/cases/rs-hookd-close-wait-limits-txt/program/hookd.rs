// hookd: a small Rust webhook sender written for this case.
//
// Every 30 ms it POSTs an event to the receiver at 127.0.0.1:47111 and reads the answer. The
// stream is then pushed into `pool` "to be reused for the next hook" -- it never is, and the
// pool is never drained. The receiver answers `Connection: close` and closes its end, so each
// kept stream sits in CLOSE_WAIT in hookd until the process exits: one fd per hook.
use std::fs::OpenOptions;
use std::io::{Read, Write};
use std::net::TcpStream;
use std::thread;
use std::time::Duration;

fn main() {
    let mut log = OpenOptions::new()
        .create(true)
        .append(true)
        .open("/tmp/accn/rs-hookd/hookd.log")
        .expect("open log");
    let mut pool: Vec<TcpStream> = Vec::new();
    let mut n: u64 = 0;
    loop {
        n += 1;
        match TcpStream::connect("127.0.0.1:47111") {
            Ok(mut s) => {
                let body = format!("{{\"event\":{}}}", n);
                let req = format!(
                    "POST /hook HTTP/1.1\r\nHost: receiver\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n{}",
                    body.len(),
                    body
                );
                let _ = s.write_all(req.as_bytes());
                let mut buf = [0u8; 512];
                let _ = s.read(&mut buf);
                pool.push(s); // BUG: kept "for reuse", never reused, never dropped
            }
            Err(e) => {
                let _ = writeln!(log, "hook {}: connect: {}", n, e);
            }
        }
        if n % 100 == 0 {
            let _ = writeln!(log, "{} hooks delivered", n);
        }
        thread::sleep(Duration::from_millis(30));
    }
}
