# Ruby poller that runs `uname` with IO.popen without a block and never closes the IO.
$stdout.sync = true
n = 0
loop do
  n += 1
  begin
    io = IO.popen(["uname", "-r"])
    io.gets
  rescue SystemCallError => e
    puts "#{Time.now.strftime('%FT%T')} poll #{n}: #{e.class}: #{e.message}"
    sleep 1
  end
  sleep 0.02
end
