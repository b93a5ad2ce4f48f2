// metricsd: the "flush" thread binds a UDP socket per flush to send a datagram and forgets it
// (never dropped); the "scrape" threads open and close a file.
use std::fs::File;
use std::io::Read;
use std::net::UdpSocket;
use std::thread;
use std::time::Duration;

fn main() {
    let mut hs = Vec::new();
    for i in 0..2 {
        hs.push(thread::Builder::new().name(format!("scrape-{}", i)).spawn(|| loop {
            if let Ok(mut f) = File::open("/proc/loadavg") {
                let mut s = String::new();
                let _ = f.read_to_string(&mut s);
            }
            thread::sleep(Duration::from_millis(150));
        }).unwrap());
    }
    hs.push(thread::Builder::new().name("flush".into()).spawn(|| loop {
        if let Ok(s) = UdpSocket::bind("127.0.0.1:0") {
            let _ = s.send_to(b"m:1|c", "127.0.0.1:8125");
            std::mem::forget(s); // the leak
        }
        thread::sleep(Duration::from_millis(100));
    }).unwrap());
    for h in hs { let _ = h.join(); }
}
