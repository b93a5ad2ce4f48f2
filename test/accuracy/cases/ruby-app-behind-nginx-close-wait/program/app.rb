# Tiny Ruby app server behind nginx. It answers each request and keeps the socket in
# @idle "for keep-alive", but never reads from it again nor closes it: when nginx closes
# its side the socket sits in CLOSE_WAIT here forever.
require 'socket'
require 'logger'
log = Logger.new(ARGV[0])
server = TCPServer.new('127.0.0.1', Integer(ARGV[1]))
idle = []
log.info("listening on #{ARGV[1]} pid=#{Process.pid}")
loop do
  begin
    c = server.accept
  rescue Errno::EMFILE => e
    log.error("accept failed: #{e.class}: #{e.message}")
    sleep 0.5
    next
  end
  req = c.readpartial(4096) rescue ''
  body = "{\"ok\":true,\"n\":#{idle.size}}\n"
  c.write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: #{body.bytesize}\r\nConnection: keep-alive\r\n\r\n#{body}")
  idle << c            # BUG: parked for keep-alive, never read or closed again
end
