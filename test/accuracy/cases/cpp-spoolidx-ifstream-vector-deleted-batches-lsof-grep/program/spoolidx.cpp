// spoolidx: indexes batch files dropped in /srv/r310/spool/incoming. Each file is
// opened with std::ifstream, kept in `open_batches` "until the index is flushed",
// and removed from the spool once indexed. The flush never happens, so every
// removed batch stays open: deleted, its disk space still in use.
#include <chrono>
#include <cstdio>
#include <fstream>
#include <memory>
#include <string>
#include <thread>
#include <vector>
#include <dirent.h>
#include <sys/prctl.h>

int main() {
    prctl(PR_SET_NAME, "spoolidx");
    const std::string dir = "/srv/r310/spool/incoming/";
    std::vector<std::unique_ptr<std::ifstream>> open_batches;
    unsigned long indexed = 0;
    for (;;) {
        DIR *d = opendir(dir.c_str());
        std::vector<std::string> names;
        if (d) {
            while (dirent *e = readdir(d)) if (e->d_name[0] != '.') names.push_back(e->d_name);
            closedir(d);
        }
        for (const auto &n : names) {
            auto in = std::make_unique<std::ifstream>(dir + n, std::ios::binary);
            if (!*in) { std::fprintf(stderr, "open %s failed\n", n.c_str()); continue; }
            std::string first; std::getline(*in, first);
            open_batches.push_back(std::move(in));      // never closed
            std::remove((dir + n).c_str());              // indexed: drop it from the spool
            if (++indexed % 100 == 0) std::fprintf(stderr, "indexed %lu batches\n", indexed);
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
}
