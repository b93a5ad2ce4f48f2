# worker: hands each job a private copy of its unix socket with os.dup and closes only the socket object
import os, socket, time
a, b = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
keep = []
n = 0
while True:
    fd = os.dup(a.fileno())           # copy for the job
    job = socket.socket(fileno=os.dup(fd))  # second copy wrapped as a socket object
    job.sendall(b"job %d\n" % n)
    b.recv(64)
    job.close()                       # BUG: the first copy, fd, is never closed
    n += 1
    time.sleep(0.05)
