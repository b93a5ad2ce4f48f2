// rotd: each rotation saves stdout with Dup (to restore it later), renames the log,
// Dup2s a fresh log over fd 1, and never closes the saved copy.
package main

import (
	"fmt"
	"os"
	"syscall"
	"time"
)

func main() {
	dir := os.Args[1]
	for n := 1; ; n++ {
		saved, err := syscall.Dup(1)
		if err != nil {
			fmt.Fprintln(os.Stderr, "dup:", err)
			time.Sleep(time.Second)
			continue
		}
		_ = saved // BUG: never restored, never closed
		os.Rename(dir+"/rotd.log", fmt.Sprintf("%s/rotd.log.%d", dir, n))
		f, err := os.OpenFile(dir+"/rotd.log", os.O_WRONLY|os.O_CREATE|os.O_APPEND, 0644)
		if err != nil {
			fmt.Fprintln(os.Stderr, "open:", err)
			continue
		}
		syscall.Dup2(int(f.Fd()), 1)
		f.Close()
		fmt.Printf("rotd[%d] rotation %d\n", os.Getpid(), n)
		time.Sleep(60 * time.Millisecond)
	}
}
