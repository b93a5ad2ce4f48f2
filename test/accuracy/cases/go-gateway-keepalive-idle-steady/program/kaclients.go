// kaclients: opens N keep-alive connections to the gateway and pings on each every few seconds.
package main

import (
	"bufio"
	"fmt"
	"net"
	"os"
	"strconv"
	"time"
)

func main() {
	n, _ := strconv.Atoi(os.Args[1])
	secs, _ := strconv.Atoi(os.Args[2])
	conns := make([]net.Conn, 0, n)
	for i := 0; i < n; i++ {
		c, err := net.Dial("tcp", "127.0.0.1:8088")
		if err != nil {
			fmt.Println(err)
			os.Exit(1)
		}
		conns = append(conns, c)
	}
	deadline := time.Now().Add(time.Duration(secs) * time.Second)
	for time.Now().Before(deadline) {
		for _, c := range conns {
			fmt.Fprintf(c, "GET /ping HTTP/1.1\r\nHost: gw\r\n\r\n")
			r := bufio.NewReader(c)
			for {
				l, err := r.ReadString('\n')
				if err != nil || l == "pong\n" {
					break
				}
			}
		}
		time.Sleep(3 * time.Second)
	}
}
