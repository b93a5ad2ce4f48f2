// authd: asks a local agent over a unix socket for every login and never
// closes the connection; the agent (in-process here) hangs up at once.
package main

import (
	"log"
	"net"
	"os"
	"time"
)

const sock = "/tmp/acc261/authd/agent.sock"

func main() {
	os.Remove(sock)
	l, err := net.Listen("unix", sock)
	if err != nil {
		log.Fatal(err)
	}
	go func() {
		for {
			c, err := l.Accept()
			if err != nil {
				time.Sleep(time.Second)
				continue
			}
			c.Write([]byte("ok\n"))
			c.Close()
		}
	}()
	log.Printf("authd pid %d: agent at %s", os.Getpid(), sock)
	for i := 0; ; i++ {
		c, err := net.Dial("unix", sock)
		if err != nil {
			log.Printf("login %d: agent: %v", i, err)
			time.Sleep(2 * time.Second)
			continue
		}
		_ = c // the bug: never closed
		time.Sleep(20 * time.Millisecond)
	}
}
