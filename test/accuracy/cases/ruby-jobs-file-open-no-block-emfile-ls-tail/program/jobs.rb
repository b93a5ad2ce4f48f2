# Job writer: each job's result file is opened with File.open (no block) and
# kept in a hash "to flush on shutdown" -- never closed.
$stdout.sync = true
dir = ARGV[0] || "/var/lib/acc287/jobs"
Dir.mkdir(dir) unless Dir.exist?(dir)
results = {}
n = 0
loop do
  n += 1
  ts = Time.now.utc.strftime("%Y-%m-%dT%H:%M:%S.%3NZ")
  begin
    f = File.open(File.join(dir, format("job-%06d.json", n)), "w")
    f.write(%({"job":#{n},"ok":true}\n))
    results[n] = f
    puts "#{ts} INFO  jobs: job #{n} done" if (n % 50).zero?
  rescue SystemCallError => e
    puts "#{ts} ERROR jobs: job #{n} failed: #{e.class}: #{e.message}"
    sleep 1
  end
  sleep 0.02
end
