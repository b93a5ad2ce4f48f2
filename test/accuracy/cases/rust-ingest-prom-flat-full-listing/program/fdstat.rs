// Shared by the Rust services: their own fd count and open-files limit, read from /proc/self.
pub fn open_fds() -> usize {
    std::fs::read_dir("/proc/self/fd").map(|d| d.count()).unwrap_or(0)
}
pub fn max_fds() -> u64 {
    let s = std::fs::read_to_string("/proc/self/limits").unwrap_or_default();
    for l in s.lines() {
        if l.starts_with("Max open files") {
            return l.split_whitespace().nth(3).and_then(|v| v.parse().ok()).unwrap_or(0);
        }
    }
    0
}
pub fn stamp() -> String {
    let t = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_secs();
    let (d, s) = (t / 86400, t % 86400);
    // civil date from days since 1970-01-01 (Howard Hinnant's algorithm)
    let z = d as i64 + 719468;
    let era = z.div_euclid(146097);
    let doe = z - era * 146097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + if m <= 2 { 1 } else { 0 };
    format!("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z", y, m, day, s / 3600, s / 60 % 60, s % 60)
}
