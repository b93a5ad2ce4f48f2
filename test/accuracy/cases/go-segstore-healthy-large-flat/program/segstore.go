// segstore: a healthy Go segment store written for this case (no leak).
//
// At start it opens all 12,288 segment files of its data directory and keeps them open for its
// whole life (by design: every read is a pread on an already open segment). Clients keep
// long-lived TCP connections and send "segment offset" requests; each is answered with 32 bytes
// read from that segment. Run with nofile 20000 (the hard limit of the machine it was captured
// on): ~12,900 fds, steady.
package main

import (
	"bufio"
	"fmt"
	"log"
	"net"
	"os"
	"strconv"
	"strings"
)

const dir = "/tmp/accn/go-segstore/data"
const nseg = 12288

var segs []*os.File

func serve(c net.Conn) {
	defer c.Close()
	r := bufio.NewReader(c)
	buf := make([]byte, 32)
	for {
		line, err := r.ReadString('\n')
		if err != nil {
			return
		}
		f := strings.Fields(line)
		if len(f) != 2 {
			c.Write([]byte("ERR\n"))
			continue
		}
		s, _ := strconv.Atoi(f[0])
		off, _ := strconv.ParseInt(f[1], 10, 64)
		n, _ := segs[s%nseg].ReadAt(buf, off)
		c.Write(append(buf[:n:n], '\n'))
	}
}

func main() {
	lf, err := os.OpenFile("/tmp/accn/go-segstore/segstore.log", os.O_WRONLY|os.O_CREATE|os.O_APPEND, 0644)
	if err != nil {
		panic(err)
	}
	log.SetOutput(lf)
	os.MkdirAll(dir, 0755)
	for i := 0; i < nseg; i++ {
		p := fmt.Sprintf("%s/seg-%05d.dat", dir, i)
		f, err := os.OpenFile(p, os.O_RDWR|os.O_CREATE, 0644)
		if err != nil {
			log.Fatalf("open %s: %v", p, err)
		}
		if st, _ := f.Stat(); st.Size() == 0 {
			f.Write([]byte(strings.Repeat(fmt.Sprintf("segment %05d record ", i), 40)))
		}
		segs = append(segs, f)
	}
	log.Printf("opened %d segments", len(segs))
	ln, err := net.Listen("tcp", "127.0.0.1:47110")
	if err != nil {
		log.Fatal(err)
	}
	for {
		c, err := ln.Accept()
		if err != nil {
			log.Printf("accept: %v", err)
			continue
		}
		go serve(c)
	}
}
