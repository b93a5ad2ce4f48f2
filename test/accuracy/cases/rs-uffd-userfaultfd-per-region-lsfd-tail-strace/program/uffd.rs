// uffd: registers each new arena region with its own userfaultfd and never closes it.
use std::{thread, time::Duration};
extern "C" { fn syscall(n: i64, ...) -> i64; }
const SYS_USERFAULTFD: i64 = 323;
const O_CLOEXEC: i64 = 0o2000000;
const O_NONBLOCK: i64 = 0o4000;
fn main() {
    let mut regions: u64 = 0;
    loop {
        let fd = unsafe { syscall(SYS_USERFAULTFD, O_CLOEXEC | O_NONBLOCK) };
        if fd < 0 { eprintln!("uffd: userfaultfd failed: {}", std::io::Error::last_os_error()); }
        regions += 1; // UFFDIO_API / UFFDIO_REGISTER would follow; the fd is dropped as a bare i64
        let _ = regions;
        thread::sleep(Duration::from_millis(40));
    }
}
