// uploader: spools each incoming upload to a temp file, removes the file "so it never lingers",
// and hands the *os.File to a queue that nobody drains. Bug: the file is never closed.
package main

import (
	"fmt"
	"log"
	"os"
	"time"
)

var queue []*os.File

func spool(n int) error {
	f, err := os.CreateTemp("", "upload-*.part")
	if err != nil {
		return err
	}
	os.Remove(f.Name())
	buf := make([]byte, 32*1024)
	copy(buf, fmt.Sprintf("upload %d\n", n))
	if _, err := f.Write(buf); err != nil {
		return err
	}
	queue = append(queue, f)
	return nil
}

func main() {
	lf, _ := os.OpenFile("uploader.log", os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o644)
	log.SetOutput(lf)
	log.Printf("uploader started pid=%d", os.Getpid())
	for n := 1; ; n++ {
		if err := spool(n); err != nil {
			log.Printf("upload %d: spool: %v", n, err)
			time.Sleep(300 * time.Millisecond)
			continue
		}
		if n%200 == 0 {
			log.Printf("upload %d spooled, %d queued", n, len(queue))
		}
		time.Sleep(15 * time.Millisecond)
	}
}
