# Upload buffer: each upload is spooled to a Tempfile under the app's spool
# folder, unlinked at once (so nothing is left on disk) and queued for a
# later step that never closes it.
require "tempfile"
spool = ARGV[0] || "/var/lib/acc287/uploads"
Dir.mkdir(spool) unless Dir.exist?(spool)
queue = []
n = 0
loop do
  n += 1
  t = Tempfile.new("upload", spool)
  t.write("x" * 65536)
  t.flush
  t.unlink
  queue << t
  sleep 0.05
end
