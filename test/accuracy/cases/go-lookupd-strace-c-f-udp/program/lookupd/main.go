// lookupd: answers lookups by asking a resolver over UDP; a new socket per query, never closed.
package main

import (
	"log"
	"net"
	"sync"
	"time"
)

var held []net.Conn
var mu sync.Mutex

func query(name string) error {
	c, err := net.Dial("udp", "127.0.0.1:5353")
	if err != nil {
		return err
	}
	mu.Lock()
	held = append(held, c) // BUG: never closed
	mu.Unlock()
	_, err = c.Write([]byte(name))
	return err
}

func main() {
	log.SetPrefix("lookupd ")
	for w := 0; w < 4; w++ {
		go func(w int) {
			for {
				if err := query("svc.local"); err != nil {
					log.Printf("worker %d: query failed: %v", w, err)
					time.Sleep(time.Second)
				}
				time.Sleep(20 * time.Millisecond)
			}
		}(w)
	}
	select {}
}
