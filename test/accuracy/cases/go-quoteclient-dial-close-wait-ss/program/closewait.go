// quoteclient: asks a quote service one question per tick over a fresh TCP connection.
// Bug: the connection is never closed; the server hangs up after answering, so each one
// stays in CLOSE_WAIT on the client.
package main

import (
	"bufio"
	"log"
	"net"
	"os"
	"time"
)

var keep []net.Conn

func main() {
	lf, _ := os.OpenFile("quoteclient.log", os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o644)
	log.SetOutput(lf)
	log.Printf("quoteclient started pid=%d", os.Getpid())
	for n := 1; ; n++ {
		c, err := net.Dial("tcp", "127.0.0.1:7070")
		if err != nil {
			log.Printf("quote %d: %v", n, err)
			time.Sleep(300 * time.Millisecond)
			continue
		}
		c.Write([]byte("EURUSD\n"))
		line, _ := bufio.NewReader(c).ReadString('\n')
		keep = append(keep, c)
		if n%100 == 0 {
			log.Printf("quote %d: %s", n, line[:len(line)-1])
		}
		time.Sleep(10 * time.Millisecond)
	}
}
