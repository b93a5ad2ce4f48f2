# The quote service: answers one line and closes the connection.
require "socket"
srv = TCPServer.new("127.0.0.1", 7411)
loop do
  c = srv.accept
  c.gets
  c.write("42.17\n")
  c.close
end
