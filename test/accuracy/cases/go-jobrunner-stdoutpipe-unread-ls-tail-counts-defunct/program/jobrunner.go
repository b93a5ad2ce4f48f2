// jobrunner: starts a report job per tick with StdoutPipe, keeps the *exec.Cmd in a
// "running" map and never reads the pipe to EOF, closes it, or calls Wait.
package main

import (
	"fmt"
	"os"
	"os/exec"
	"time"
)

func main() {
	running := map[int]*exec.Cmd{}
	for id := 0; ; id++ {
		cmd := exec.Command("/bin/sh", "-c", "echo report done")
		out, err := cmd.StdoutPipe()
		if err != nil {
			fmt.Fprintln(os.Stderr, "job", id, "pipe:", err)
			time.Sleep(time.Second)
			continue
		}
		_ = out // the result reader was never written
		if err := cmd.Start(); err != nil {
			fmt.Fprintln(os.Stderr, "job", id, "start:", err)
			time.Sleep(time.Second)
			continue
		}
		running[id] = cmd
		time.Sleep(40 * time.Millisecond)
	}
}
