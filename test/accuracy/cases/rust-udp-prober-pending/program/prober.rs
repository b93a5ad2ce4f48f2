// udp-prober: probes a local UDP service every 20 ms from its "prober" thread. Each probe
// gets its own connected UdpSocket, kept in a pending list until the answer arrives; the
// "collector" thread polls the pending sockets and drops (closes) the answered ones.
// BUG: a probe that has no answer yet is kept ("still waiting"), and the expiry of old
// probes was never written (the timeout is only logged): every lost probe keeps its socket
// for good. The service answers
// only one probe in three, so two UDP sockets leak per three probes. At the open-files limit
// bind() fails: "ERROR probe N failed: Too many open files (os error 24)".
//
// Build: rustc -O prober.rs    Run: ./prober TARGET LOG_FILE
use std::fs::OpenOptions;
use std::io::Write;
use std::net::UdpSocket;
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

struct Probe { id: u64, sock: UdpSocket, sent: Instant }

fn stamp() -> String {
    let d = SystemTime::now().duration_since(UNIX_EPOCH).unwrap();
    let s = d.as_secs();
    format!("{:02}:{:02}:{:02}.{:03}", (s / 3600) % 24, (s / 60) % 60, s % 60, d.subsec_millis())
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let target = args.get(1).cloned().unwrap_or_else(|| "127.0.0.1:18953".into());
    let log_path = args.get(2).cloned().unwrap_or_else(|| "/tmp/cm/udp-prober/prober.log".into());
    let log = Arc::new(Mutex::new(OpenOptions::new().create(true).append(true).open(&log_path).expect("log")));
    let pending: Arc<Mutex<Vec<Probe>>> = Arc::new(Mutex::new(Vec::new()));
    let timeout = Duration::from_secs(2);
    let logln = {
        let log = log.clone();
        move |level: &str, msg: String| {
            let line = format!("{} {} [{}] {}\n", stamp(), level, thread::current().name().unwrap_or("?"), msg);
            let _ = log.lock().unwrap().write_all(line.as_bytes());
        }
    };
    logln("INFO", format!("udp-prober probing {} (timeout {:?})", target, timeout));

    let (p2, l2) = (pending.clone(), logln.clone());
    let collector = thread::Builder::new().name("collector".into()).spawn(move || {
        let mut answered: u64 = 0;
        let mut buf = [0u8; 64];
        loop {
            {
                let mut list = p2.lock().unwrap();
                list.retain(|p| match p.sock.recv(&mut buf) {
                    Ok(_) => { answered += 1; false }                  // answered: drop = close
                    Err(ref e) if e.kind() == std::io::ErrorKind::WouldBlock => true, // still waiting (TODO: expire after `timeout`)
                    Err(e) => { l2("WARN", format!("probe {} error after {:?}: {}", p.id, p.sent.elapsed(), e)); false }
                });
                if answered > 0 && answered % 100 == 0 { l2("INFO", format!("{} probes answered, {} pending", answered, list.len())); answered += 1; }
            }
            thread::sleep(Duration::from_millis(10));
        }
    }).unwrap();

    let (p3, l3, t3) = (pending.clone(), logln.clone(), target.clone());
    let prober = thread::Builder::new().name("prober".into()).spawn(move || {
        let mut id: u64 = 0;
        loop {
            id += 1;
            let r = (|| -> std::io::Result<UdpSocket> {
                let s = UdpSocket::bind("127.0.0.1:0")?;
                s.connect(&t3)?;
                s.set_nonblocking(true)?;
                s.send(format!("PING {}", id).as_bytes())?;
                Ok(s)
            })();
            match r {
                Ok(sock) => p3.lock().unwrap().push(Probe { id, sock, sent: Instant::now() }),
                Err(e) => l3("ERROR", format!("probe {} to {} failed: {}", id, t3, e)),
            }
            thread::sleep(Duration::from_millis(20));
        }
    }).unwrap();
    let _ = (prober.join(), collector.join());
}
