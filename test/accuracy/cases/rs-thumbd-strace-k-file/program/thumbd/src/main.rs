// thumbd: "renders" a thumbnail every 10 ms by opening its source image; the handle is stashed
// in a cache Vec that is never pruned, so every source file stays open.
use std::fs::File;
use std::io::Read;
use std::time::Duration;

fn open_source(dir: &str, i: usize) -> std::io::Result<File> {
    File::open(format!("{}/img-{:04}.raw", dir, i % 40))
}

fn render(dir: &str, i: usize, cache: &mut Vec<File>) -> std::io::Result<usize> {
    let mut f = open_source(dir, i)?;
    let mut head = [0u8; 16];
    let n = f.read(&mut head)?;
    cache.push(f); // BUG: kept forever
    Ok(n)
}

fn main() {
    let dir = std::env::args().nth(1).unwrap_or_else(|| "images".into());
    let mut cache = Vec::new();
    for i in 0.. {
        if let Err(e) = render(&dir, i, &mut cache) {
            eprintln!("thumbd: render {}: {}", i, e);
            std::thread::sleep(Duration::from_millis(500));
        }
        std::thread::sleep(Duration::from_millis(10));
    }
}
