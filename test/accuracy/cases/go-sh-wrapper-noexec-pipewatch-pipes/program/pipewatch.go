// pipewatch: spawns nothing, but makes a pipe per "watch" it registers (os.Pipe) and keeps both
// ends in a map it never prunes. Stops at 350 watches and idles.
package main

import (
	"os"
	"time"
)

func main() {
	watches := map[int][2]*os.File{}
	for i := 0; ; i++ {
		if len(watches) < 350 {
			r, w, err := os.Pipe()
			if err == nil {
				watches[i] = [2]*os.File{r, w}
			}
		}
		time.Sleep(20 * time.Millisecond)
	}
}
