// gateway: an HTTP/1.1 server whose clients keep their connections alive between requests.
// Healthy: each idle connection is one fd, held while the client keeps it, closed when it goes.
package main

import (
	"log"
	"net/http"
	"os"
	"time"
)

func main() {
	lf, _ := os.OpenFile("gateway.log", os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o644)
	log.SetOutput(lf)
	log.Printf("gateway started pid=%d listening on :8088", os.Getpid())
	http.HandleFunc("/ping", func(w http.ResponseWriter, r *http.Request) { w.Write([]byte("pong\n")) })
	srv := &http.Server{Addr: "127.0.0.1:8088", IdleTimeout: 10 * time.Minute}
	log.Fatal(srv.ListenAndServe())
}
