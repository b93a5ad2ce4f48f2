// thumbd: a small thumbnail renderer written for this case.
// The "render" thread renders each job into an anonymous memory file (memfd_create("thumb-N"))
// so it can be handed to an uploader by fd; the hand-off keeps the File in `pending` and nobody
// ever removes it, so every job leaves one memfd open until memfd_create fails with EMFILE.
// Two "fetch" threads do the normal work: they fake a download per job and log it.
use std::ffi::CString;
use std::fs::{File, OpenOptions};
use std::io::Write;
use std::os::unix::io::FromRawFd;
use std::sync::mpsc::{channel, Receiver};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

extern "C" {
    fn memfd_create(name: *const i8, flags: u32) -> i32;
    fn gettid() -> i32;
}

fn log(out: &Mutex<File>, who: &str, msg: &str) {
    let now = SystemTime::now().duration_since(UNIX_EPOCH).unwrap();
    let tid = unsafe { gettid() };
    let line = format!(
        "{}.{:03} thumbd[{}] {}[{}]: {}\n",
        now.as_secs(),
        now.subsec_millis(),
        std::process::id(),
        who,
        tid,
        msg
    );
    let mut f = out.lock().unwrap();
    let _ = f.write_all(line.as_bytes());
}

fn fetcher(name: String, jobs: Arc<Mutex<Receiver<u64>>>, out: Arc<Mutex<File>>) {
    log(&out, &name, "started");
    loop {
        let job = match jobs.lock().unwrap().recv() {
            Ok(j) => j,
            Err(_) => return,
        };
        let sum: u64 = (0..100_000u64).map(|i| i ^ job).sum();
        if job % 20 == 0 {
            log(&out, &name, &format!("fetched source {} ({} bytes)", job, sum % 65536));
        }
    }
}

fn main() {
    let dir = std::env::args().nth(1).unwrap_or_else(|| "/tmp/accn/rust-thumbd".into());
    let out = Arc::new(Mutex::new(
        OpenOptions::new().create(true).append(true).open(format!("{}/thumbd.log", dir)).unwrap(),
    ));
    log(&out, "main", "thumbd starting, 2 fetchers");
    let (tx, rx) = channel::<u64>();
    let rx = Arc::new(Mutex::new(rx));
    for i in 1..=2 {
        let (rx, out) = (rx.clone(), out.clone());
        thread::Builder::new()
            .name(format!("fetch-{}", i))
            .spawn(move || fetcher(format!("fetch-{}", i), rx, out))
            .unwrap();
    }
    let render_out = out.clone();
    let render = thread::Builder::new()
        .name("render".into())
        .spawn(move || {
            let out = render_out;
            log(&out, "render", "started");
            let mut pending: Vec<File> = Vec::new(); // BUG: handed-off thumbnails are never removed
            let mut job: u64 = 0;
            loop {
                job += 1;
                let name = CString::new(format!("thumb-{}", job)).unwrap();
                let fd = unsafe { memfd_create(name.as_ptr(), 1 /* MFD_CLOEXEC */) };
                if fd < 0 {
                    let err = std::io::Error::last_os_error();
                    log(&out, "render", &format!("job {}: cannot render thumbnail: memfd_create: {}", job, err));
                    thread::sleep(Duration::from_millis(250));
                    continue;
                }
                let mut f = unsafe { File::from_raw_fd(fd) };
                let _ = f.write_all(&[0u8; 2048]);
                pending.push(f);
                let _ = tx.send(job);
                thread::sleep(Duration::from_millis(25));
            }
        })
        .unwrap();
    render.join().unwrap();
}
