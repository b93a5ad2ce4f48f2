// rated: a rating service that loads a tariff file per request. Bug: loadTariff opens the file
// with os.Open and returns without f.Close() on the happy path.
package main

import (
	"fmt"
	"log"
	"os"
	"time"
)

func loadTariff(dir string, n int) error {
	f, err := os.Open(fmt.Sprintf("%s/tariff-%03d.json", dir, n%40))
	if err != nil {
		return err
	}
	buf := make([]byte, 64)
	_, err = f.Read(buf)
	return err // f is never closed
}

func main() {
	dir := "/tmp/cap168/rated/tariffs"
	os.MkdirAll(dir, 0o755)
	for i := 0; i < 40; i++ {
		os.WriteFile(fmt.Sprintf("%s/tariff-%03d.json", dir, i), []byte(`{"zone":1,"rate":0.42}`), 0o644)
	}
	log.Printf("rated: pid=%d serving", os.Getpid())
	fails := 0
	for req := 1; req < 100000 && fails < 5; req++ {
		if err := loadTariff(dir, req); err != nil {
			log.Printf("rated: request %d: load tariff: %v", req, err)
			fails++
		}
		time.Sleep(2 * time.Millisecond)
	}
	time.Sleep(time.Hour) // stays up, out of fds, until killed
}
