# Repo status exporter: asks git for each repo's HEAD through IO.popen without a block and
# reads one line; the IO is never closed, so its pipe stays open and git is never waited for.
repos = Dir.glob(File.join(ARGV[0], '*')).sort
log = File.open(ARGV[1], 'a'); log.sync = true
loop do
  repos.each do |r|
    begin
      io = IO.popen(['git', '-C', r, 'rev-parse', '--short', 'HEAD'], err: File::NULL)
      head = io.gets.to_s.strip          # BUG: io.close never called
      log.puts "#{Time.now.utc.strftime('%FT%TZ')} gitstat: #{File.basename(r)} #{head}"
    rescue SystemCallError => e
      log.puts "#{Time.now.utc.strftime('%FT%TZ')} gitstat: #{File.basename(r)} failed: #{e.class}: #{e.message}"
    end
  end
  sleep 0.5
end
