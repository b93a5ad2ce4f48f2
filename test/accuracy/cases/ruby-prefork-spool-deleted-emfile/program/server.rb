# Preforking Ruby upload server (unicorn-style): the master binds, forks 3 workers that accept
# on the shared socket. An upload is spooled to SPOOL/up-<n>.part, "processed", unlinked --
# but the File object stays in the worker's @retry list, so its fd (and disk space) stays held.
require 'socket'
require 'logger'
spool, logpath, port = ARGV[0], ARGV[1], Integer(ARGV[2])
log = Logger.new(logpath)
server = TCPServer.new('127.0.0.1', port)
log.info("master #{Process.pid} listening on #{port}")
workers = 3.times.map do |w|
  fork do
    retry_list = []
    n = 0
    log.info("worker #{w} booted pid=#{Process.pid}")
    loop do
      c = server.accept
      begin
        head = c.readpartial(65536)
        n += 1
        f = File.open(File.join(spool, "up-#{Process.pid}-#{n}.part"), 'w+')
        f.write(head.split("\r\n\r\n", 2)[1].to_s)
        f.flush
        File.unlink(f.path)        # processed: remove from spool
        retry_list << f            # BUG: kept "in case the upstream push must be retried"
        c.write("HTTP/1.1 201 Created\r\nContent-Length: 3\r\nConnection: close\r\n\r\nok\n")
      rescue SystemCallError => e
        log.error("upload failed: #{e.class}: #{e.message}")
        c.write("HTTP/1.1 500 Internal Server Error\r\nContent-Length: 4\r\nConnection: close\r\n\r\nerr\n") rescue nil
      ensure
        c.close
      end
    end
  end
end
trap('TERM') { workers.each { |p| Process.kill('TERM', p) rescue nil }; exit }
Process.waitall
