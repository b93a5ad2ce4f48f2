// Read-only shard server: opens each of its 700 index shards once at start and serves
// lookups with pread(2) from them for as long as it runs. A flat, high fd count by design.
#include <fcntl.h>
#include <unistd.h>
#include <cstdio>
#include <vector>
#include <string>
#include <random>
#include <chrono>
#include <thread>
int main(int argc, char** argv) {
    std::string dir = argc > 1 ? argv[1] : "shards";
    std::vector<int> fds;
    for (int i = 0; i < 700; ++i) {
        char name[64]; std::snprintf(name, sizeof name, "/idx-%04d.shard", i);
        int fd = open((dir + name).c_str(), O_RDONLY | O_CLOEXEC);
        if (fd < 0) { std::perror("shardd: open"); return 1; }
        fds.push_back(fd);
    }
    std::mt19937 rng(7); char buf[64]; unsigned long hits = 0;
    for (;;) {
        for (int k = 0; k < 200; ++k) { int fd = fds[rng() % fds.size()]; if (pread(fd, buf, sizeof buf, 0) > 0) ++hits; }
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
}
