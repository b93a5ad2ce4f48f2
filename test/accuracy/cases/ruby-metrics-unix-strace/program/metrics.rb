# metrics-shipper: sends each sample to the local agent over its unix socket.
# Bug: a new UNIXSocket per sample, never closed; the agent closes its end after reading.
require 'socket'
path = ARGV[0] || '/tmp/acc116/agent.sock'
n = 0
loop do
  n += 1
  begin
    s = UNIXSocket.new(path)
    s.write("app.requests:#{n}|c\n")
    # missing: s.close
  rescue SystemCallError => e
    warn "sample #{n}: #{e.message}"
  end
  sleep 0.05
end
