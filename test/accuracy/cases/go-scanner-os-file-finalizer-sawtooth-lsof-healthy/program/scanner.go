// scanner: checks the magic bytes of each upload with os.Open and never calls Close.
// The *os.File becomes unreachable at once, and Go's runtime closes its fd from the
// finalizer it set in os.newFile after the next GC: the count saws up and down.
package main

import (
	"fmt"
	"log"
	"os"
	"time"
)

func check(path string) bool {
	f, err := os.Open(path) // never closed: left to the finalizer
	if err != nil {
		return false
	}
	b := make([]byte, 4)
	f.Read(b)
	return string(b) == "\x89PNG"
}

func main() {
	lf, _ := os.OpenFile("scanner.log", os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0644)
	log.SetOutput(lf)
	log.SetPrefix(fmt.Sprintf("scanner[%d] ", os.Getpid()))
	log.Print("started")
	var sink [][]byte
	for n := 1; ; n++ {
		check(fmt.Sprintf("uploads/u%02d.png", n%20))
		sink = append(sink, make([]byte, 16*1024)) // request garbage
		if len(sink) > 8 {
			sink = sink[:0]
		}
		if n%2000 == 0 {
			log.Printf("checked %d uploads", n)
		}
		time.Sleep(3 * time.Millisecond)
	}
}
