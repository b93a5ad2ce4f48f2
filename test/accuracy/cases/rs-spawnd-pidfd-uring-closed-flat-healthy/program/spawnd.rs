// spawnd: runs a short child per job, waits on its pidfd, and sets up an io_uring per batch;
// every pidfd and ring is closed when its job ends.
use std::{process::Command, thread, time::Duration};
extern "C" { fn syscall(n: i64, ...) -> i64; fn close(fd: i32) -> i32; fn poll(p: *mut [i32; 2], n: u64, t: i32) -> i32; }
const SYS_IO_URING_SETUP: i64 = 425;
const SYS_PIDFD_OPEN: i64 = 434;
fn main() {
    loop {
        let mut params = [0u8; 128];
        let ring = unsafe { syscall(SYS_IO_URING_SETUP, 8i64, params.as_mut_ptr()) } as i32;
        for _ in 0..4 {
            let mut child = Command::new("/bin/true").spawn().expect("spawn");
            let pfd = unsafe { syscall(SYS_PIDFD_OPEN, child.id() as i64, 0i64) } as i32;
            if pfd >= 0 {
                let mut p = [pfd, 1i32]; // struct pollfd { fd, events=POLLIN, revents }
                unsafe { poll(&mut p, 1, 1000); close(pfd); }
            }
            let _ = child.wait();
            thread::sleep(Duration::from_millis(50));
        }
        if ring >= 0 { unsafe { close(ring); } }
    }
}
