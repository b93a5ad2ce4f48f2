// jobwatch: each job makes its own inotify instance to watch its spool file, and never closes it.
package main

import (
	"fmt"
	"log"
	"os"
	"syscall"
	"time"
)

func runJob(n int) error {
	fd, err := syscall.InotifyInit1(syscall.IN_CLOEXEC)
	if err != nil {
		return fmt.Errorf("inotify_init1: %w", err)
	}
	p := fmt.Sprintf("/tmp/w213/go-spool/job-%d", n)
	os.WriteFile(p, []byte("x"), 0o644)
	if _, err := syscall.InotifyAddWatch(fd, p, syscall.IN_MODIFY); err != nil {
		return fmt.Errorf("inotify_add_watch: %w", err)
	}
	_ = fd // bug: the watch is forgotten, the fd is never closed
	return nil
}

func main() {
	log.SetFlags(log.LstdFlags)
	os.MkdirAll("/tmp/w213/go-spool", 0o755)
	for n := 1; n <= 400; n++ {
		if err := runJob(n); err != nil {
			log.Printf("job %d: %v", n, err)
		}
		time.Sleep(30 * time.Millisecond)
	}
	select {}
}
