# client load: opens a short connection every DELAY seconds, sends a line, reads the echo, closes
import socket, sys, time
port, delay = int(sys.argv[1]), float(sys.argv[2])
while True:
    try:
        c = socket.create_connection(("127.0.0.1", port)); c.sendall(b"GET\n"); c.recv(64); c.close()
    except OSError:
        pass
    time.sleep(delay)
