// billing: a small Go rating service with a hand-written Prometheus /metrics page.
// Leak: every /rate request opens the rate table to look a price up and never closes it.
package main

import (
	"bufio"
	"fmt"
	"log"
	"net/http"
	"os"
	"strings"
)

func openFds() int {
	d, err := os.Open("/proc/self/fd")
	if err != nil {
		return -1
	}
	defer d.Close()
	names, _ := d.Readdirnames(-1)
	return len(names)
}

func maxFds() string {
	b, err := os.ReadFile("/proc/self/limits")
	if err != nil {
		return "0"
	}
	for _, l := range strings.Split(string(b), "\n") {
		if strings.HasPrefix(l, "Max open files") {
			f := strings.Fields(l)
			return f[3]
		}
	}
	return "0"
}

var requests int

func rate(w http.ResponseWriter, r *http.Request) {
	requests++
	f, err := os.Open("rates.csv") // BUG: never closed
	if err != nil {
		log.Printf("rate: %v", err)
		http.Error(w, err.Error(), 500)
		return
	}
	sc := bufio.NewScanner(f)
	sku := r.URL.Query().Get("sku")
	for sc.Scan() {
		if strings.HasPrefix(sc.Text(), sku+",") {
			fmt.Fprintln(w, sc.Text())
			return
		}
	}
	http.NotFound(w, r)
}

func metrics(w http.ResponseWriter, r *http.Request) {
	fmt.Fprintf(w, "# HELP billing_requests_total Rate lookups served.\n# TYPE billing_requests_total counter\nbilling_requests_total %d\n", requests)
	fmt.Fprintf(w, "# HELP process_max_fds Maximum number of open file descriptors.\n# TYPE process_max_fds gauge\nprocess_max_fds %s\n", maxFds())
	fmt.Fprintf(w, "# HELP process_open_fds Number of open file descriptors.\n# TYPE process_open_fds gauge\nprocess_open_fds %d\n", openFds())
}

func main() {
	http.HandleFunc("/rate", rate)
	http.HandleFunc("/metrics", metrics)
	log.Printf("billing listening on 127.0.0.1:19301")
	log.Fatal(http.ListenAndServe("127.0.0.1:19301", nil))
}
