// ingest: a Rust event ingester with a hand-written Prometheus /metrics page and a stats log line
// every 5 s. Each event batch arrives on a short HTTP connection, is appended to one journal file
// it keeps open, and the connection is closed. Nothing leaks.
mod fdstat;
use std::fs::OpenOptions;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpListener;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::Duration;

fn main() {
    let events = Arc::new(AtomicU64::new(0));
    let mut journal = OpenOptions::new().create(true).append(true).open("events.journal").unwrap();
    let ev = events.clone();
    std::thread::spawn(move || loop {
        std::thread::sleep(Duration::from_secs(5));
        println!("{} level=info msg=stats events={} open_fds={} max_fds={}", fdstat::stamp(), ev.load(Ordering::Relaxed), fdstat::open_fds(), fdstat::max_fds());
    });
    let ln = TcpListener::bind("127.0.0.1:19305").unwrap();
    println!("{} level=info msg=\"listening\" addr=127.0.0.1:19305", fdstat::stamp());
    for s in ln.incoming() {
        let mut s = match s { Ok(s) => s, Err(e) => { println!("{} level=error msg=accept err=\"{}\"", fdstat::stamp(), e); continue; } };
        let mut r = BufReader::new(s.try_clone().unwrap());
        let mut first = String::new();
        let _ = r.read_line(&mut first);
        let mut len = 0usize;
        loop {
            let mut h = String::new();
            if r.read_line(&mut h).unwrap_or(0) == 0 || h == "\r\n" { break; }
            if let Some(v) = h.to_ascii_lowercase().strip_prefix("content-length:") { len = v.trim().parse().unwrap_or(0); }
        }
        let body = if first.starts_with("GET /metrics") {
            format!("# HELP ingest_events_total Events appended.\n# TYPE ingest_events_total counter\ningest_events_total {}\n# HELP process_max_fds Maximum number of open file descriptors.\n# TYPE process_max_fds gauge\nprocess_max_fds {}\n# HELP process_open_fds Number of open file descriptors.\n# TYPE process_open_fds gauge\nprocess_open_fds {}\n", events.load(Ordering::Relaxed), fdstat::max_fds(), fdstat::open_fds())
        } else {
            let mut b = vec![0u8; len.min(65536)];
            let _ = r.read_exact(&mut b);
            let _ = journal.write_all(&b);
            events.fetch_add(1, Ordering::Relaxed);
            "ok\n".to_string()
        };
        let _ = write!(s, "HTTP/1.1 200 OK\r\nContent-Type: text/plain; version=0.0.4\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{}", body.len(), body);
    }
}
