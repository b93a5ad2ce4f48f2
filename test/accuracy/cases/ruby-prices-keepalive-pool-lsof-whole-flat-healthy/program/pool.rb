# Price fetcher: a fixed pool of 6 worker threads, each with one persistent keep-alive
# Net::HTTP session (started once, reused for every request, finished at exit).
require 'net/http'
require 'logger'
log = Logger.new(ARGV[1])
port = Integer(ARGV[0])
queue = Queue.new
workers = 6.times.map do |i|
  Thread.new do
    http = Net::HTTP.start('127.0.0.1', port, keep_alive_timeout: 30)
    begin
      while (job = queue.pop) != :stop
        res = http.get("/quote?sym=#{job}")
        log.info("w#{i} #{job}: #{res.code}")
      end
    ensure
      http.finish if http.started?
    end
  end
end
syms = %w[ACME GLOBX INITECH UMBRL HOOLI]
loop do
  60.times { queue << syms.sample }
  sleep 0.2
end
