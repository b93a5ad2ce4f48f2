// fanout: copies its listening socket with fcntl(F_DUPFD) for each worker goroutine, which
// never closes it; logs the error when the copy fails.
package main

import (
	"log"
	"net"
	"os"
	"syscall"
	"time"
)

func main() {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		log.Fatal(err)
	}
	f, _ := ln.(*net.TCPListener).File()
	base := int(f.Fd())
	log.SetPrefix("fanout: ")
	for n := 0; ; n++ {
		r, _, e := syscall.Syscall(syscall.SYS_FCNTL, uintptr(base), syscall.F_DUPFD, 3)
		if e != 0 {
			log.Printf("worker %d: dup listener: %v", n, os.NewSyscallError("fcntl", e))
			time.Sleep(2 * time.Second)
			continue
		}
		_ = r // BUG: the worker keeps its copy
		time.Sleep(20 * time.Millisecond)
	}
}
