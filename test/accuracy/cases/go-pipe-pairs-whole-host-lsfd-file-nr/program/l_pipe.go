// leaker: runs each job's hook through a pipe pair and keeps both ends (never closed)
package main

import (
	"fmt"
	"os"
	"time"
)

func main() {
	var keep []*os.File
	for i := 0; ; i++ {
		r, w, err := os.Pipe()
		if err != nil {
			fmt.Fprintln(os.Stderr, "pipe:", err)
			time.Sleep(time.Second)
			continue
		}
		fmt.Fprintf(w, "job %d\n", i)
		keep = append(keep, r, w) // BUG: never closed
		time.Sleep(40 * time.Millisecond)
	}
}
