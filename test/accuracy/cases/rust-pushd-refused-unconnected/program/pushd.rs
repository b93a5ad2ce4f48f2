// pushd: pushes notifications to a gateway over TCP. When the gateway refuses the
// connection, the error path logs and moves on without closing the socket it made.
use std::io::Write;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

#[repr(C)]
struct SockaddrIn {
    sin_family: u16,
    sin_port: u16,
    sin_addr: u32,
    sin_zero: [u8; 8],
}

extern "C" {
    fn socket(domain: i32, ty: i32, proto: i32) -> i32;
    fn connect(fd: i32, addr: *const SockaddrIn, len: u32) -> i32;
    fn getpid() -> i32;
}

fn ts() -> String {
    let d = SystemTime::now().duration_since(UNIX_EPOCH).unwrap();
    format!("{}.{:03}", d.as_secs(), d.subsec_millis())
}

fn main() {
    let port: u16 = std::env::args().nth(1).and_then(|p| p.parse().ok()).unwrap_or(19146);
    let mut log = std::fs::OpenOptions::new().create(true).append(true).open("pushd.log").unwrap();
    writeln!(log, "{} INFO pushd started pid={} gateway=127.0.0.1:{}", ts(), unsafe { getpid() }, port).unwrap();
    let mut n: u64 = 0;
    loop {
        n += 1;
        let fd = unsafe { socket(2, 1, 0) };
        if fd < 0 {
            let e = std::io::Error::last_os_error();
            writeln!(log, "{} ERROR push #{}: socket: {}", ts(), n, e).unwrap();
            std::thread::sleep(Duration::from_millis(500));
            continue;
        }
        let addr = SockaddrIn { sin_family: 2, sin_port: port.to_be(), sin_addr: u32::from_be_bytes([127, 0, 0, 1]).to_be(), sin_zero: [0; 8] };
        let rc = unsafe { connect(fd, &addr, std::mem::size_of::<SockaddrIn>() as u32) };
        if rc != 0 {
            let e = std::io::Error::last_os_error();
            writeln!(log, "{} WARN push #{} to 127.0.0.1:{} failed: {}; will retry", ts(), n, port, e).unwrap();
            // BUG: fd is never closed on this path
            std::thread::sleep(Duration::from_millis(50));
            continue;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}
