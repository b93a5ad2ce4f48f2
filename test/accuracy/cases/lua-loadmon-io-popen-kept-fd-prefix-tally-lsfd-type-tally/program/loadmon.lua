-- Load monitor: reads /proc/loadavg-like figures through io.popen("cat /proc/loadavg") every
-- tick and keeps each handle in a ring "for the last-reading cache" that never drops old entries;
-- the handles stay reachable, so neither f:close() nor the collector ever closes them.
local logpath = arg[1]
local readings = {}
local log = assert(io.open(logpath, "a"))
log:setvbuf("line")
local n = 0
while true do
  n = n + 1
  local p, err = io.popen("cat /proc/loadavg", "r")
  if not p then
    log:write(os.date("!%Y-%m-%d %H:%M:%S"), " loadmon: tick ", n, ": ", tostring(err), "\n")
  else
    local line = p:read("l")
    readings[#readings + 1] = { at = os.time(), line = line, src = p }   -- BUG: p never closed
    if n % 50 == 0 then log:write(os.date("!%Y-%m-%d %H:%M:%S"), " loadmon: tick ", n, " ", line or "?", "\n") end
  end
  local t = os.clock() + 0.05; while os.clock() < t do end
end
