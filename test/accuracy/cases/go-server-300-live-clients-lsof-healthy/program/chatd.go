// chatd: a small line-based chat relay. Every client connection gets a goroutine that answers
// each line it sends and closes the connection when the client hangs up (healthy).
package main

import (
	"bufio"
	"log"
	"net"
	"os"
)

func handle(c net.Conn) {
	defer c.Close()
	r := bufio.NewScanner(c)
	for r.Scan() {
		if _, err := c.Write([]byte("ACK " + r.Text() + "\n")); err != nil {
			return
		}
	}
}

func main() {
	l, err := net.Listen("tcp", "127.0.0.1:"+os.Args[1])
	if err != nil {
		log.Fatal(err)
	}
	log.Printf("chatd pid %d listening on %s", os.Getpid(), l.Addr())
	for {
		c, err := l.Accept()
		if err != nil {
			log.Printf("accept: %v", err)
			continue
		}
		go handle(c)
	}
}
