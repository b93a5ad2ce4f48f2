// confwatch: an HTTP-less config service that, per reload request, makes a new inotify
// instance to watch the config folder. Bug: the instance is never closed.
package main

import (
	"log"
	"os"
	"syscall"
	"time"
)

func watch(dir string) (int, error) {
	fd, err := syscall.InotifyInit1(syscall.IN_CLOEXEC)
	if err != nil {
		return -1, err
	}
	if _, err := syscall.InotifyAddWatch(fd, dir, syscall.IN_MODIFY|syscall.IN_CREATE); err != nil {
		return -1, err
	}
	return fd, nil
}

func main() {
	f, _ := os.OpenFile("confwatch.log", os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o644)
	log.SetOutput(f)
	log.SetFlags(log.LstdFlags)
	dir := "conf.d"
	os.MkdirAll(dir, 0o755)
	log.Printf("confwatch started pid=%d watching %s", os.Getpid(), dir)
	for n := 1; ; n++ {
		fd, err := watch(dir)
		if err != nil {
			log.Printf("reload %d: inotify watcher: %v", n, err)
			time.Sleep(500 * time.Millisecond)
			continue
		}
		if n%10 == 0 {
			log.Printf("reload %d: watching %s (fd %d)", n, dir, fd)
		}
		time.Sleep(50 * time.Millisecond)
	}
}
