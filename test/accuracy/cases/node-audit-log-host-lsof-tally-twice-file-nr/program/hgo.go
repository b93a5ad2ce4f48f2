// healthy: TCP server with a fixed pool of N client connections to itself
package main

import (
	"bufio"
	"net"
	"os"
	"strconv"
	"time"
)

func main() {
	port := os.Args[1]
	n, _ := strconv.Atoi(os.Args[2])
	ln, err := net.Listen("tcp", "127.0.0.1:"+port)
	if err != nil {
		panic(err)
	}
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			go func(c net.Conn) {
				defer c.Close()
				r := bufio.NewReader(c)
				for {
					l, err := r.ReadString('\n')
					if err != nil {
						return
					}
					c.Write([]byte(l))
				}
			}(c)
		}
	}()
	pool := make([]net.Conn, n)
	for i := range pool {
		pool[i], _ = net.Dial("tcp", "127.0.0.1:"+port)
	}
	for {
		for _, c := range pool {
			c.Write([]byte("ping\n"))
			bufio.NewReader(c).ReadString('\n')
		}
		time.Sleep(time.Second)
	}
}
