// healthd: a small HTTP service that closes everything it opens (healthy).
package main

import (
	"fmt"
	"log"
	"net/http"
	"os"
	"time"
)

func main() {
	f, err := os.OpenFile("/tmp/acc261/healthd/healthd.log", os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0644)
	if err != nil {
		panic(err)
	}
	log.SetOutput(f)
	http.HandleFunc("/health", func(w http.ResponseWriter, r *http.Request) {
		cfg, err := os.Open("/tmp/acc261/healthd/healthd.conf")
		if err != nil {
			log.Printf("health: %v", err)
			http.Error(w, "bad", 500)
			return
		}
		defer cfg.Close()
		fmt.Fprintln(w, "ok")
	})
	go func() {
		c := &http.Client{Timeout: 2 * time.Second}
		for i := 0; ; i++ {
			resp, err := c.Get("http://127.0.0.1:18261/health")
			if err != nil {
				log.Printf("probe %d: %v", i, err)
			} else {
				resp.Body.Close()
				if i%50 == 0 {
					log.Printf("probe %d: %s", i, resp.Status)
				}
			}
			time.Sleep(100 * time.Millisecond)
		}
	}()
	log.Printf("healthd pid %d listening on 127.0.0.1:18261", os.Getpid())
	log.Fatal(http.ListenAndServe("127.0.0.1:18261", nil))
}
