// sessiond: a Go session service that reports each login to a local audit daemon over a unix
// socket, with an expvar-style /debug/vars page and a stats log line every 5 s.
// Leak: the audit connection is dialled per login and never closed; the daemon closes its end.
package main

import (
	"encoding/json"
	"fmt"
	"log"
	"net"
	"net/http"
	"os"
	"strconv"
	"strings"
	"sync/atomic"
	"time"
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

func maxFds() int {
	b, _ := os.ReadFile("/proc/self/limits")
	for _, l := range strings.Split(string(b), "\n") {
		if strings.HasPrefix(l, "Max open files") {
			n, _ := strconv.Atoi(strings.Fields(l)[3])
			return n
		}
	}
	return 0
}

var logins, auditErrors int64

func login(w http.ResponseWriter, r *http.Request) {
	atomic.AddInt64(&logins, 1)
	c, err := net.Dial("unix", os.Getenv("AUDIT_SOCK"))
	if err != nil {
		atomic.AddInt64(&auditErrors, 1)
		log.Printf("audit: %v", err)
		http.Error(w, "audit unavailable", 503)
		return
	}
	// BUG: c is never closed.
	fmt.Fprintf(c, "login user=%s\n", r.URL.Query().Get("user"))
	fmt.Fprintln(w, "ok")
}

func vars(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	json.NewEncoder(w).Encode(map[string]any{
		"cmdline":      os.Args,
		"logins":       atomic.LoadInt64(&logins),
		"audit_errors": atomic.LoadInt64(&auditErrors),
		"open_fds":     openFds(),
		"max_fds":      maxFds(),
	})
}

func main() {
	addr := os.Getenv("ADDR")
	go func() {
		for range time.Tick(5 * time.Second) {
			log.Printf("stats logins=%d audit_errors=%d open_fds=%d max_fds=%d", atomic.LoadInt64(&logins), atomic.LoadInt64(&auditErrors), openFds(), maxFds())
		}
	}()
	http.HandleFunc("/login", login)
	http.HandleFunc("/debug/vars", vars)
	log.Printf("sessiond listening on %s", addr)
	log.Fatal(http.ListenAndServe(addr, nil))
}
