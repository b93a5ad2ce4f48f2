// indexer: a pool of 8 workers; each batch, every worker opens its 40 shard files, checksums
// them and closes them all. Healthy: fds rise during a batch and fall back after it.
package main

import (
	"fmt"
	"hash/crc32"
	"io"
	"log"
	"os"
	"sync"
	"time"
)

func main() {
	lf, _ := os.OpenFile("indexer.log", os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o644)
	log.SetOutput(lf)
	log.Printf("indexer started pid=%d, 8 workers x 40 shards", os.Getpid())
	os.MkdirAll("shards", 0o755)
	for i := 0; i < 320; i++ {
		os.WriteFile(fmt.Sprintf("shards/s%03d.dat", i), make([]byte, 4096), 0o644)
	}
	for batch := 1; ; batch++ {
		var wg sync.WaitGroup
		for w := 0; w < 8; w++ {
			wg.Add(1)
			go func(w int) {
				defer wg.Done()
				var files []*os.File
				for i := 0; i < 40; i++ {
					f, err := os.Open(fmt.Sprintf("shards/s%03d.dat", w*40+i))
					if err != nil {
						log.Printf("worker %d: %v", w, err)
						continue
					}
					files = append(files, f)
				}
				h := crc32.NewIEEE()
				for _, f := range files {
					io.Copy(h, f)
				}
				time.Sleep(1500 * time.Millisecond)
				for _, f := range files {
					f.Close()
				}
			}(w)
		}
		wg.Wait()
		log.Printf("batch %d indexed 320 shards", batch)
		time.Sleep(2500 * time.Millisecond)
	}
}
