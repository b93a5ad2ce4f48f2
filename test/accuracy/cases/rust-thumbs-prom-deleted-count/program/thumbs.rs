// thumbs: a Rust thumbnail service with a hand-written Prometheus /metrics page. Each render is
// written to a work file under its data folder, copied to the cache, and the work file is removed.
// Leak: the work file's handle is kept in a list of "in flight" renders that is never cleared, so
// every removed work file stays open (deleted).
mod fdstat;
use std::fs::{File, OpenOptions};
use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;

fn main() {
    let dir = std::env::var("DATA").unwrap();
    let mut inflight: Vec<File> = Vec::new();
    let mut renders = 0u64;
    let ln = TcpListener::bind("127.0.0.1:19306").unwrap();
    eprintln!("thumbs: listening on 127.0.0.1:19306, data {}", dir);
    for s in ln.incoming() {
        let mut s = match s { Ok(s) => s, Err(e) => { eprintln!("thumbs: accept: {}", e); continue; } };
        let mut first = String::new();
        let _ = BufReader::new(s.try_clone().unwrap()).read_line(&mut first);
        let body = if first.starts_with("GET /metrics") {
            format!("# HELP thumbs_renders_total Thumbnails rendered.\n# TYPE thumbs_renders_total counter\nthumbs_renders_total {}\n# HELP process_max_fds Maximum number of open file descriptors.\n# TYPE process_max_fds gauge\nprocess_max_fds {}\n# HELP process_open_fds Number of open file descriptors.\n# TYPE process_open_fds gauge\nprocess_open_fds {}\n", renders, fdstat::max_fds(), fdstat::open_fds())
        } else {
            renders += 1;
            let work = format!("{}/work/render-{:06}.png", dir, renders);
            match OpenOptions::new().create(true).write(true).read(true).open(&work) {
                Ok(mut f) => {
                    let _ = f.write_all(&[0u8; 4096]);
                    let _ = std::fs::copy(&work, format!("{}/cache/thumb-{:06}.png", dir, renders % 50));
                    let _ = std::fs::remove_file(&work);
                    inflight.push(f); // BUG: never removed
                    "ok\n".to_string()
                }
                Err(e) => { eprintln!("thumbs: render {}: {}", renders, e); "error\n".to_string() }
            }
        };
        let _ = write!(s, "HTTP/1.1 200 OK\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{}", body.len(), body);
    }
}
