// ratesvc: answers rate lookups; each request opens the rates table with std::ifstream and keeps
// the stream in a std::map keyed by request id "for the audit trail", never erased: the same
// file, opened once per request, never closed.
#include <chrono>
#include <cstdio>
#include <cstring>
#include <cerrno>
#include <ctime>
#include <fstream>
#include <map>
#include <string>
#include <thread>
#include <sys/prctl.h>

int main() {
    prctl(PR_SET_NAME, "ratesvc");
    std::map<unsigned long, std::ifstream> audit;
    for (unsigned long req = 1;; req++) {
        std::ifstream in("/srv/r310/etc/rates.conf");
        if (!in) {
            std::time_t t = std::time(nullptr);
            char ts[32]; std::strftime(ts, sizeof ts, "%F %T", std::localtime(&t));
            std::fprintf(stderr, "%s ERROR req %lu: cannot open /srv/r310/etc/rates.conf: %s\n", ts, req, std::strerror(errno));
            std::this_thread::sleep_for(std::chrono::seconds(1));
            continue;
        }
        std::string line; std::getline(in, line);
        audit.emplace(req, std::move(in));
        std::this_thread::sleep_for(std::chrono::milliseconds(15));
    }
}
