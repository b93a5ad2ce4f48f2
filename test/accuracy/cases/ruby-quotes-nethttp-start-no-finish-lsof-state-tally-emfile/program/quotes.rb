# Quote poller: opens a Net::HTTP session per poll, keeps it in a list and never calls #finish.
require 'net/http'
require 'logger'
log = Logger.new(ARGV[1] || $stdout)
port = Integer(ARGV[0])
n = 0
sessions = []   # kept for the /debug endpoint's 'last sessions' list
loop do
  n += 1
  begin
    http = Net::HTTP.start('127.0.0.1', port)   # no block: the session stays open
    sessions << http
    res = http.get('/quote')
    log.info("poll #{n}: #{res.code} #{res.body.strip}")
    # BUG: http.finish is never called; the server closes its end after 2 s idle
  rescue => e
    log.error("poll #{n} failed: #{e.class}: #{e.message}")
  end
  sleep 0.1
end
