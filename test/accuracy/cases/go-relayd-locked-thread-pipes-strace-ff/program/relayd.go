// relayd: one goroutine, locked to its own OS thread, makes a pipe per relay job and keeps both
// ends; the other goroutines open and close a status file.
package main

import (
	"os"
	"runtime"
	"time"
)

var held []*os.File

func relay() {
	runtime.LockOSThread()
	for {
		r, w, err := os.Pipe()
		if err == nil {
			held = append(held, r, w) // never closed
		}
		time.Sleep(100 * time.Millisecond)
	}
}

func status() {
	for {
		if f, err := os.Open("/proc/self/status"); err == nil {
			f.Close()
		}
		time.Sleep(150 * time.Millisecond)
	}
}

func main() {
	go status()
	go status()
	go relay()
	select {}
}
