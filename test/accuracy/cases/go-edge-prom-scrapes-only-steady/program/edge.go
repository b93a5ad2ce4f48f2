// edge: a Go TCP edge proxy front that keeps long-lived client connections open (by design) and
// exposes a hand-written Prometheus /metrics page. Nothing leaks.
package main

import (
	"bufio"
	"fmt"
	"log"
	"net"
	"net/http"
	"os"
	"strings"
	"sync/atomic"
)

func openFds() int {
	d, err := os.Open("/proc/self/fd")
	if err != nil {
		return -1
	}
	defer d.Close()
	names, _ := d.Readdirnames(-1)
	return len(names)
}

func maxFds() string {
	b, _ := os.ReadFile("/proc/self/limits")
	for _, l := range strings.Split(string(b), "\n") {
		if strings.HasPrefix(l, "Max open files") {
			return strings.Fields(l)[3]
		}
	}
	return "0"
}

var conns int64

func serve(c net.Conn) {
	defer c.Close()
	atomic.AddInt64(&conns, 1)
	defer atomic.AddInt64(&conns, -1)
	r := bufio.NewReader(c)
	for {
		line, err := r.ReadString('\n')
		if err != nil {
			return
		}
		c.Write([]byte("ok " + line))
	}
}

func main() {
	ln, err := net.Listen("tcp", "127.0.0.1:18302")
	if err != nil {
		log.Fatal(err)
	}
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				log.Printf("accept: %v", err)
				continue
			}
			go serve(c)
		}
	}()
	http.HandleFunc("/metrics", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, "# HELP edge_client_connections Client connections open.\n# TYPE edge_client_connections gauge\nedge_client_connections %d\n", atomic.LoadInt64(&conns))
		fmt.Fprintf(w, "# HELP process_max_fds Maximum number of open file descriptors.\n# TYPE process_max_fds gauge\nprocess_max_fds %s\n", maxFds())
		fmt.Fprintf(w, "# HELP process_open_fds Number of open file descriptors.\n# TYPE process_open_fds gauge\nprocess_open_fds %d\n", openFds())
	})
	log.Printf("edge: clients on 127.0.0.1:18302, metrics on 127.0.0.1:19302")
	log.Fatal(http.ListenAndServe("127.0.0.1:19302", nil))
}
