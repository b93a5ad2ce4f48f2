// lookupd: a small Go name-lookup client written for this case.
//
// Every 50 ms it resolves a name by sending a query over UDP to the resolver at
// 127.0.0.1:47153 and reading the answer. Each query dials a fresh UDP socket and files the
// connection in `pending` under the query id, meant to be removed (and closed) when the answer
// arrives; the removal was forgotten. The map keeps every *net.UDPConn reachable (so no
// finalizer ever closes it): one more UDP socket per query, forever.
package main

import (
	"fmt"
	"log"
	"net"
	"os"
	"time"
)

var pending = map[uint16]*net.UDPConn{}

func resolve(id uint16, name string) (string, error) {
	raddr := &net.UDPAddr{IP: net.IPv4(127, 0, 0, 1), Port: 47153}
	c, err := net.DialUDP("udp", nil, raddr)
	if err != nil {
		return "", err
	}
	pending[id] = c
	if _, err := c.Write([]byte(fmt.Sprintf("%d A %s", id, name))); err != nil {
		return "", err
	}
	c.SetReadDeadline(time.Now().Add(500 * time.Millisecond))
	buf := make([]byte, 512)
	n, err := c.Read(buf)
	if err != nil {
		return "", err
	}
	// BUG: should be `delete(pending, id); c.Close()`
	return string(buf[:n]), nil
}

func main() {
	f, err := os.OpenFile("/tmp/accn/go-lookupd/lookupd.log", os.O_WRONLY|os.O_CREATE|os.O_APPEND, 0644)
	if err != nil {
		panic(err)
	}
	log.SetOutput(f)
	log.Printf("lookupd starting, resolver 127.0.0.1:47153")
	names := []string{"db1.internal", "cache.internal", "api.internal", "queue.internal"}
	t := time.NewTicker(50 * time.Millisecond)
	for i := 1; ; i++ {
		<-t.C
		if _, err := resolve(uint16(i), names[i%len(names)]); err != nil {
			log.Printf("lookup %s: %v", names[i%len(names)], err)
		} else if i%100 == 0 {
			log.Printf("%d lookups answered", i)
		}
	}
}
