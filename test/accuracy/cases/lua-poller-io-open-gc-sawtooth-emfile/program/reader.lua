-- Settings poller: re-reads its settings file every tick with io.open and
-- never calls f:close(); Lua's collector closes the dropped handles when it
-- runs, but every 4th one is kept in a "last good" list and is never collected.
local socket = require("socket")
local path = arg[1] or "/var/lib/acc287/poller/settings.conf"
local log = io.open(arg[2] or "/var/lib/acc287/poller/poller.log", "a")
log:setvbuf("line")
collectgarbage("setpause", 200)
local n = 0
local lastgood = {}
while true do
  n = n + 1
  local f, err = io.open(path, "r")
  if f then
    local s = f:read("a")
    local parsed = {}
    for k = 1, 8 do parsed[k] = s .. k end
    -- every 4th handle is remembered as "last good" and never dropped
    if n % 4 == 0 then lastgood[#lastgood + 1] = f end
  else
    log:write(os.date("!%Y-%m-%d %H:%M:%S"), " [error] poller: ", err, "\n")
    socket.sleep(0.5)
  end
  socket.sleep(0.005)
end
