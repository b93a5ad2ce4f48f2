// resolvd: forwards each lookup to its upstream resolver over a fresh UDP socket. A lookup that
// times out returns early and the socket is kept in a retry table that is never drained (the leak).
use std::net::UdpSocket;
use std::time::Duration;
fn main() {
    let mut retry: Vec<UdpSocket> = Vec::new();
    for n in 0u64.. {
        let s = UdpSocket::bind("127.0.0.1:0").expect("bind");
        s.set_read_timeout(Some(Duration::from_millis(20))).unwrap();
        let _ = s.send_to(format!("q{}", n).as_bytes(), "127.0.0.53:53");
        let mut buf = [0u8; 512];
        match s.recv_from(&mut buf) {
            Ok(_) => {}
            Err(_) => retry.push(s), // kept for a retry that never comes
        }
        if n % 100 == 0 { eprintln!("resolvd: {} lookups, {} pending retry", n, retry.len()); }
        if retry.len() >= 420 { std::thread::sleep(Duration::from_secs(3600)); }
    }
}
