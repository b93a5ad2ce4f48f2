// echosrv: a busy TCP echo server (Go's netpoller: one epoll); clients come and go, every conn closed.
package main

import (
	"io"
	"net"
)

func main() {
	ln, err := net.Listen("tcp", "127.0.0.1:7213")
	if err != nil {
		panic(err)
	}
	for {
		c, err := ln.Accept()
		if err != nil {
			continue
		}
		// plain reader/writer wrappers: a read/write echo, no splice through pipes
		go func(c net.Conn) { defer c.Close(); io.Copy(struct{ io.Writer }{c}, struct{ io.Reader }{c}) }(c)
	}
}
