// orders: a small Go service that looks up an order every 50 ms through a hand-rolled
// connection pool. The bug: query() returns the connection to the pool only on error, so
// every successful query leaves its connection checked out and the pool dials a new one.
package main

import (
	"bufio"
	"fmt"
	"log"
	"net"
	"os"
	"sync"
	"time"
)

type pool struct {
	mu   sync.Mutex
	free []net.Conn
	addr string
}

func (p *pool) get() (net.Conn, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if n := len(p.free); n > 0 {
		c := p.free[n-1]
		p.free = p.free[:n-1]
		return c, nil
	}
	return net.Dial("tcp", p.addr)
}

func (p *pool) put(c net.Conn) { p.mu.Lock(); p.free = append(p.free, c); p.mu.Unlock() }

var busy []net.Conn // checked-out connections (kept so the GC cannot close them)

func query(p *pool, id int) (string, error) {
	c, err := p.get()
	if err != nil {
		return "", err
	}
	if _, err := fmt.Fprintf(c, "SELECT status FROM orders WHERE id=%d\n", id); err != nil {
		p.put(c)
		return "", err
	}
	line, err := bufio.NewReader(c).ReadString('\n')
	if err != nil {
		p.put(c)
		return "", err
	}
	busy = append(busy, c) // BUG: should be p.put(c)
	return line, nil
}

func main() {
	log.SetOutput(os.Stderr)
	p := &pool{addr: os.Args[1]}
	log.Printf("orders pid %d using db %s", os.Getpid(), p.addr)
	for id := 1; ; id++ {
		if _, err := query(p, id); err != nil {
			log.Printf("query %d: %v", id, err)
		}
		time.Sleep(50 * time.Millisecond)
	}
}
