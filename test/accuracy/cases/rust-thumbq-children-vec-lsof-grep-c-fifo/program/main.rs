// thumbq: spawns a converter per job with stdout piped and keeps the Child in a Vec
// "to collect later"; nothing ever waits on it or drops it.
use std::process::{Child, Command, Stdio};
use std::{thread, time::Duration};

fn main() {
    let mut pending: Vec<Child> = Vec::new();
    loop {
        match Command::new("/bin/sh")
            .arg("-c")
            .arg("echo converted")
            .stdout(Stdio::piped())
            .spawn()
        {
            Ok(child) => pending.push(child),
            Err(e) => eprintln!("spawn converter: {}", e),
        }
        thread::sleep(Duration::from_millis(40));
    }
}
