// jobrunner: runs a small shell job per request and reads only the first line of its output.
// Each started job is kept in a table for a status page. Bug: cmd.Wait() is never called and
// the table is never pruned, so every StdoutPipe read end stays open (and each child a zombie).
package main

import (
	"bufio"
	"log"
	"os"
	"os/exec"
	"time"
)

var jobs []*exec.Cmd

func main() {
	f, err := os.OpenFile("jobrunner.log", os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o644)
	if err != nil {
		panic(err)
	}
	log.SetOutput(f)
	log.SetFlags(log.LstdFlags | log.Lmicroseconds)
	log.Printf("jobrunner started pid=%d", os.Getpid())
	for n := 1; ; n++ {
		cmd := exec.Command("/bin/sh", "-c", "echo job-ok; sleep 0")
		out, err := cmd.StdoutPipe()
		if err != nil {
			log.Printf("job %d: stdout pipe: %v", n, err)
			time.Sleep(200 * time.Millisecond)
			continue
		}
		if err := cmd.Start(); err != nil {
			log.Printf("job %d: start: %v", n, err)
			time.Sleep(200 * time.Millisecond)
			continue
		}
		jobs = append(jobs, cmd)
		line, _ := bufio.NewReader(out).ReadString('\n')
		if n%100 == 0 {
			log.Printf("job %d done: %q", n, line)
		}
		// missing: cmd.Wait()
		time.Sleep(10 * time.Millisecond)
	}
}
