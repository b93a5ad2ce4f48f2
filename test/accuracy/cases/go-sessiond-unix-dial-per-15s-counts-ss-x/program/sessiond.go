// A session daemon that dials its own local agent socket every 15 s and never closes the conn.
package main

import (
	"net"
	"os"
	"path/filepath"
	"time"
)

func main() {
	sock := filepath.Join(os.Args[1], "agent.sock")
	os.Remove(sock)
	ln, err := net.Listen("unix", sock)
	if err != nil {
		panic(err)
	}
	var served []net.Conn
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			served = append(served, c) // the agent side keeps its end too
		}
	}()
	var kept []net.Conn
	for {
		c, err := net.Dial("unix", sock) // leak: never closed
		if err == nil {
			kept = append(kept, c)
		}
		time.Sleep(15 * time.Second)
	}
}
