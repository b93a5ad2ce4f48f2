// poolsvc: a fixed pool of 6 TCP connections to its own loopback backend, reused for every call.
package main

import (
	"bufio"
	"fmt"
	"net"
	"os"
	"time"
)

func main() {
	ln, err := net.Listen("tcp", "127.0.0.1:47015")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			go func(c net.Conn) {
				r := bufio.NewReader(c)
				for {
					l, err := r.ReadString('\n')
					if err != nil {
						c.Close()
						return
					}
					c.Write([]byte("ok " + l))
				}
			}(c)
		}
	}()
	pool := make(chan net.Conn, 6)
	for i := 0; i < 6; i++ {
		c, err := net.Dial("tcp", "127.0.0.1:47015")
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		pool <- c
	}
	for n := 0; ; n++ {
		c := <-pool
		fmt.Fprintf(c, "call %d\n", n)
		buf := make([]byte, 64)
		c.Read(buf)
		pool <- c
		time.Sleep(2 * time.Millisecond)
	}
}
