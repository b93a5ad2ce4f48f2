// spoold: each message is written to the spool and then opened for the sender, which never
// closes it. A ticker logs its own fd count (entries of /proc/self/fd) and its soft limit
// in the line format of log/slog's JSON handler (Go 1.21+); this machine's Go 1.19 has no
// log/slog, so a tiny stand-in prints the same records.
package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"syscall"
	"time"
)

func fdCount() int {
	ents, err := os.ReadDir("/proc/self/fd")
	if err != nil {
		return -1
	}
	return len(ents)
}

type slogJSON struct{}

// log prints one record as slog.NewJSONHandler does: time (RFC 3339 with ns), level, msg, then the attrs in order.
func (slogJSON) log(level, msg string, kv ...any) {
	b := []byte(`{"time":` + strconv.Quote(time.Now().Format(time.RFC3339Nano)) + `,"level":"` + level + `","msg":` + strconv.Quote(msg))
	for i := 0; i+1 < len(kv); i += 2 {
		v := kv[i+1]
		if e, ok := v.(error); ok {
			v = e.Error()
		}
		j, _ := json.Marshal(v)
		b = append(b, `,"`+kv[i].(string)+`":`+string(j)...)
	}
	os.Stdout.Write(append(b, "}\n"...))
}
func (l slogJSON) Info(msg string, kv ...any)  { l.log("INFO", msg, kv...) }
func (l slogJSON) Error(msg string, kv ...any) { l.log("ERROR", msg, kv...) }

func main() {
	logger := slogJSON{}
	dir := os.Args[1]
	os.MkdirAll(dir, 0o755)
	var lim syscall.Rlimit
	syscall.Getrlimit(syscall.RLIMIT_NOFILE, &lim)
	go func() {
		for range time.NewTicker(3 * time.Second).C {
			logger.Info("stats", "open_fds", fdCount(), "max_fds", lim.Cur)
		}
	}()
	var held []*os.File
	for n := 1; ; n++ {
		p := filepath.Join(dir, fmt.Sprintf("msg-%06d.eml", n))
		if err := os.WriteFile(p, []byte("Subject: hi\n\nbody\n"), 0o644); err != nil {
			logger.Error("spool write failed", "msg", n, "err", err)
		} else if f, err := os.Open(p); err != nil {
			logger.Error("open spool file", "msg", n, "err", err)
		} else {
			held = append(held, f)
		}
		time.Sleep(80 * time.Millisecond)
	}
}
