// echoclient: 20 clients that connect, send a line, read it back and close, in a loop.
package main

import (
	"net"
	"time"
)

func main() {
	for i := 0; i < 20; i++ {
		go func() {
			buf := make([]byte, 16)
			for {
				c, err := net.Dial("tcp", "127.0.0.1:7213")
				if err != nil {
					time.Sleep(100 * time.Millisecond)
					continue
				}
				c.Write([]byte("ping\n"))
				c.Read(buf)
				time.Sleep(200 * time.Millisecond)
				c.Close()
			}
		}()
	}
	select {}
}
