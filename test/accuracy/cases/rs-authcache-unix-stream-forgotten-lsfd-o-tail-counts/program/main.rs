// authcache: asks its own unix-socket helper per lookup and forgets the stream (never closed).
use std::io::{Read, Write};
use std::os::unix::net::{UnixListener, UnixStream};
use std::{fs, thread, time::Duration};

fn main() {
    let path = "/tmp/r227/rs6/helper.sock";
    let _ = fs::remove_file(path);
    let listener = UnixListener::bind(path).expect("bind");
    thread::spawn(move || {
        for s in listener.incoming() {
            if let Ok(mut s) = s {
                let mut b = [0u8; 32];
                let _ = s.read(&mut b);
                let _ = s.write_all(b"ok\n");
            } // helper side closes here
        }
    });
    loop {
        match UnixStream::connect(path) {
            Ok(mut s) => {
                let _ = s.write_all(b"lookup\n");
                let mut b = [0u8; 8];
                let _ = s.read(&mut b);
                std::mem::forget(s); // bug: the stream is never dropped
            }
            Err(e) => eprintln!("authcache: connect {}: {}", path, e),
        }
        thread::sleep(Duration::from_millis(20));
    }
}
