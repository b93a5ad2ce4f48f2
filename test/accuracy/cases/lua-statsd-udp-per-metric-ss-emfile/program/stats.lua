-- Metrics pusher: a new luasocket UDP socket per metric, kept in a table
-- of "senders" and never closed.
local socket = require("socket")
local senders = {}
local n = 0
while true do
  n = n + 1
  local u = socket.udp()
  local ok, err = u:sendto("app.requests:1|c", "127.0.0.1", 8125)
  if ok then
    senders[#senders + 1] = u
  else
    io.stderr:write(os.date("!%Y-%m-%dT%H:%M:%SZ"), " statsd: send failed: ", err, "\n")
    socket.sleep(1)
  end
  socket.sleep(0.01)
end
