require "socket"
# Quote fetcher: a new TCPSocket per call to the quote service, read the
# answer, keep the socket in a "pool" that is never used or closed.
$stdout.sync = true
pool = []
n = 0
loop do
  n += 1
  begin
    s = TCPSocket.new("127.0.0.1", 7411)
    s.write("QUOTE #{n}\n")
    line = s.gets
    pool << s
    puts "#{Time.now.utc.strftime('%H:%M:%S')} quote #{n}: #{line&.chomp}" if (n % 25).zero?
  rescue SystemCallError => e
    puts "#{Time.now.utc.strftime('%H:%M:%S')} quote #{n} failed: #{e.class}: #{e.message}"
    sleep 1
  end
  sleep 0.05
end
