# webhook-relay: forwards each queued event to an upstream over a fresh TCP connection.
# Bug: the socket is never closed after the upstream answered and hung up.
require 'socket'
require 'logger'
log = Logger.new(ARGV[0] || 'relay.log')
port = Integer(ARGV[1] || 8089)
n = 0
loop do
  n += 1
  begin
    s = TCPSocket.new('127.0.0.1', port)
    s.write("POST /hook HTTP/1.0\r\nContent-Length: 2\r\n\r\n{}")
    status = s.gets
    log.info("event #{n} delivered: #{status.to_s.strip}")
    # missing: s.close
  rescue SystemCallError => e
    log.error("event #{n} failed: #{e.message} (#{e.class})")
  end
  sleep 0.02
end
