# Image job runner: hands each job to a converter through Open3.popen2 without a block. It reads
# the converter's answer and joins its wait thread (the child is reaped) but never closes the two
# pipes Open3 returned, and keeps them in the job record, so they are never collected either.
require 'open3'
jobs = []
n = 0
loop do
  n += 1
  stdin, stdout, wait = Open3.popen2('cat')
  stdin.puts("resize job-#{n} 640x480")
  line = stdout.gets
  stdin.close_write rescue nil  # half-close only: the IO object (and its fd) stays open
  wait.join(0.5)
  jobs << { id: n, answer: line, io: [stdin, stdout] }   # BUG: never stdout.close / stdin.close
  sleep 0.2
end
