// notifyd: a small Go service written for this case.
//
// Every request gets a "waiter" from a tiny completion library (newWaiter): an epoll instance
// with an eventfd registered in it; the handler signals completion through the eventfd and waits
// on the epoll. The library has a Close method, but the handler never calls it, and the raw fds
// carry no finalizer: each request leaves one anon_inode:[eventpoll] and one anon_inode:[eventfd]
// open until epoll_create1 fails with EMFILE.
package main

import (
	"log"
	"os"
	"syscall"
	"time"
)

type waiter struct{ ep, ev int }

func newWaiter() (*waiter, error) {
	ep, err := syscall.EpollCreate1(syscall.EPOLL_CLOEXEC)
	if err != nil {
		return nil, err
	}
	r, _, e := syscall.Syscall(syscall.SYS_EVENTFD2, 0, syscall.O_CLOEXEC|syscall.O_NONBLOCK, 0)
	if e != 0 {
		syscall.Close(ep)
		return nil, e
	}
	ev := int(r)
	evt := syscall.EpollEvent{Events: syscall.EPOLLIN, Fd: int32(ev)}
	if err := syscall.EpollCtl(ep, syscall.EPOLL_CTL_ADD, ev, &evt); err != nil {
		return nil, err
	}
	return &waiter{ep, ev}, nil
}

func (w *waiter) signal() {
	one := []byte{1, 0, 0, 0, 0, 0, 0, 0}
	syscall.Write(w.ev, one)
}

func (w *waiter) wait() {
	evs := make([]syscall.EpollEvent, 1)
	syscall.EpollWait(w.ep, evs, 1000)
}

// Close releases the waiter. Nobody calls it (the leak).
func (w *waiter) Close() { syscall.Close(w.ev); syscall.Close(w.ep) }

func handle(n int) {
	w, err := newWaiter()
	if err != nil {
		log.Printf("request %d: new waiter: %v", n, err)
		return
	}
	w.signal()
	w.wait()
	if n%100 == 0 {
		log.Printf("request %d: ok", n)
	}
}

func main() {
	f, err := os.OpenFile("/tmp/accn/go-notifyd/notifyd.log", os.O_WRONLY|os.O_CREATE|os.O_APPEND, 0644)
	if err != nil {
		panic(err)
	}
	log.SetOutput(f)
	log.Printf("notifyd starting, pid %d", os.Getpid())
	t := time.NewTicker(20 * time.Millisecond)
	for n := 1; ; n++ {
		<-t.C
		handle(n)
	}
}
