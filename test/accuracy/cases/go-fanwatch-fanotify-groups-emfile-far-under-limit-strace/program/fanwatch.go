// fanwatch: starts a fanotify group for every mount it is asked to watch, and never closes it.
package main

import (
	"log"
	"syscall"
	"time"
)

const (
	fanClassNotif = 0x0
	fanCloexec    = 0x1
)

func main() {
	for n := 0; ; n++ {
		fd, _, errno := syscall.Syscall(syscall.SYS_FANOTIFY_INIT, fanClassNotif|fanCloexec, syscall.O_RDONLY, 0)
		if errno != 0 {
			log.Printf("watch %d: fanotify_init: %v", n, errno)
		}
		_ = fd // fanotify_mark would follow; the group is never closed
		time.Sleep(40 * time.Millisecond)
	}
}
