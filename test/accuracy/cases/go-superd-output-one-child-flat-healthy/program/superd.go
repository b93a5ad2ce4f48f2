// superd: runs one check at a time with cmd.Output(), which reads the pipe to EOF,
// closes it and waits for the child.
package main

import (
	"fmt"
	"os"
	"os/exec"
	"time"
)

func main() {
	for id := 0; ; id++ {
		out, err := exec.Command("/bin/sh", "-c", "echo check ok").Output()
		if err != nil {
			fmt.Fprintln(os.Stderr, "check", id, err)
		}
		_ = out
		time.Sleep(100 * time.Millisecond)
	}
}
