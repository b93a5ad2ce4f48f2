// sessiond: looks up a session every 20 ms in a session store over TCP, through a "pool".
// The bug: checkout() always dials a new connection when the idle list is empty, and the caller
// pushes the finished connection onto `in_use` instead of back onto `idle`, so the pool only grows.
use std::io::{BufRead, BufReader, Write};
use std::net::TcpStream;
use std::{env, thread, time::Duration};

struct Pool { addr: String, idle: Vec<TcpStream>, in_use: Vec<TcpStream> }

impl Pool {
    fn checkout(&mut self) -> std::io::Result<TcpStream> {
        match self.idle.pop() { Some(c) => Ok(c), None => TcpStream::connect(&self.addr) }
    }
}

fn main() {
    let addr = env::args().nth(1).expect("addr");
    println!("sessiond pid {} store {}", std::process::id(), addr);
    let mut pool = Pool { addr, idle: Vec::new(), in_use: Vec::new() };
    let mut n: u64 = 0;
    loop {
        n += 1;
        match pool.checkout() {
            Ok(mut c) => {
                let _ = writeln!(c, "GET session:{}", n);
                let mut line = String::new();
                let _ = BufReader::new(c.try_clone().unwrap()).read_line(&mut line);
                pool.in_use.push(c); // BUG: should be pool.idle.push(c)
            }
            Err(e) => eprintln!("session {}: {}", n, e),
        }
        thread::sleep(Duration::from_millis(20));
    }
}
