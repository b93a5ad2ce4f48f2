// pricefeed polls a price service every 20 ms and logs each price. The response body is
// never closed (and on non-200 answers never read), so each poll keeps its TCP connection:
// the server closes its end after answering (HTTP/1.0), the client's end sits in CLOSE_WAIT.
package main

import (
	"bufio"
	"log"
	"net/http"
	"os"
	"runtime"
	"time"
)

// The polling loop (and so every write to the log) runs on the main thread: tid == pid.
func init() { runtime.LockOSThread() }

func main() {
	f, err := os.OpenFile("/tmp/accn/go-pricefeed/pricefeed.log", os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o644)
	if err != nil {
		panic(err)
	}
	logger := log.New(f, "pricefeed ", log.LstdFlags|log.Lmicroseconds)
	client := &http.Client{} // no Timeout: nothing ever cancels a request and closes its connection
	logger.Printf("started pid %d", os.Getpid())
	for n := 1; ; n++ {
		resp, err := client.Get("http://127.0.0.1:48080/price?sym=ACME")
		if err != nil {
			logger.Printf("poll %d failed: %v", n, err)
			time.Sleep(200 * time.Millisecond)
			continue
		}
		// BUG: reads one line and forgets resp.Body.Close()
		line, _ := bufio.NewReader(resp.Body).ReadString('\n')
		if n%50 == 0 {
			logger.Printf("poll %d: %s", n, line)
		}
		time.Sleep(20 * time.Millisecond)
	}
}
