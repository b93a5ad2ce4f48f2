# chatd: a small healthy chat relay. One thread per client; every line a client sends is
# echoed back with a sequence number; a client that leaves is closed (ensure).
require 'socket'
require 'logger'
port = (ARGV[0] || 19346).to_i
log = Logger.new('chatd.log')
log.formatter = proc { |sev, t, _, msg| "#{t.strftime('%Y-%m-%d %H:%M:%S')} #{sev} chatd[#{Process.pid}]: #{msg}\n" }
server = TCPServer.new('127.0.0.1', port)
log.info("listening on 127.0.0.1:#{port}")
clients = 0
lock = Mutex.new
Thread.new do
  loop { sleep 5; log.info("clients=#{lock.synchronize { clients }}") }
end
loop do
  sock = server.accept
  lock.synchronize { clients += 1 }
  Thread.new(sock) do |s|
    seq = 0
    begin
      while (line = s.gets)
        seq += 1
        s.write("#{seq} #{line}")
      end
    rescue IOError, SystemCallError => e
      log.warn("client error: #{e.class}")
    ensure
      s.close
      lock.synchronize { clients -= 1 }
    end
  end
end
