// poold: four long-lived `cat` workers, each with its stdin and stdout piped; every job
// is a line written to a worker and read back. The pool never grows.
use std::io::{BufRead, BufReader, Write};
use std::process::{Command, Stdio};
use std::{thread, time::Duration};

fn main() {
    let mut workers = Vec::new();
    for _ in 0..4 {
        let mut c = Command::new("cat")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .expect("spawn worker");
        let stdin = c.stdin.take().unwrap();
        let stdout = BufReader::new(c.stdout.take().unwrap());
        workers.push((c, stdin, stdout));
    }
    let mut n: u64 = 0;
    loop {
        let w = &mut workers[(n % 4) as usize];
        writeln!(w.1, "job {}", n).unwrap();
        let mut line = String::new();
        w.2.read_line(&mut line).unwrap();
        n += 1;
        thread::sleep(Duration::from_millis(20));
    }
}
