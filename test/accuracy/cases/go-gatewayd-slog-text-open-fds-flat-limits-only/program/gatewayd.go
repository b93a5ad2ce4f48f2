// gatewayd: a fixed pool of 8 keep-alive connections to a local upstream, reused for every call.
// A ticker logs its own fd count (entries of /proc/self/fd) in the line format of log/slog's text
// handler (Go 1.21+); this machine's Go 1.19 has no log/slog, so a tiny stand-in prints the same records.
package main

import (
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"time"
)

func fdCount() int {
	ents, err := os.ReadDir("/proc/self/fd")
	if err != nil {
		return -1
	}
	return len(ents)
}

type slogText struct{}

// Info prints one record as slog.NewTextHandler does: time=… (ms) level=INFO msg=… then key=value attrs.
func (slogText) Info(msg string, kv ...any) {
	s := "time=" + time.Now().Format("2006-01-02T15:04:05.000Z07:00") + " level=INFO msg=" + msg
	for i := 0; i+1 < len(kv); i += 2 {
		s += fmt.Sprintf(" %v=%v", kv[i], kv[i+1])
	}
	os.Stdout.WriteString(s + "\n")
}

func main() {
	logger := slogText{}
	ln, _ := net.Listen("tcp", "127.0.0.1:0")
	go http.Serve(ln, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { io.WriteString(w, "ok") }))
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 8, MaxConnsPerHost: 8}}
	url := "http://" + ln.Addr().String() + "/"
	go func() {
		for range time.NewTicker(3 * time.Second).C {
			logger.Info("stats", "open_fds", fdCount(), "upstream", ln.Addr().String())
		}
	}()
	for i := 0; i < 8; i++ {
		go func() {
			for {
				if resp, err := client.Get(url); err == nil {
					io.Copy(io.Discard, resp.Body)
					resp.Body.Close()
				}
				time.Sleep(20 * time.Millisecond)
			}
		}()
	}
	select {}
}
