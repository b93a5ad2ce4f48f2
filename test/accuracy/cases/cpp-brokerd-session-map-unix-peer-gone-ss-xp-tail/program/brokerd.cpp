// brokerd: a unix-socket request broker. Sessions live in std::map<int, Session>
// keyed by fd; when a client hangs up the session is erased from the map and from
// the poll set, but the fd is never closed.
#include <map>
#include <string>
#include <vector>
#include <cstdio>
#include <cstring>
#include <poll.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <sys/prctl.h>
#include <unistd.h>

struct Session { std::string buf; unsigned long requests = 0; };

int main() {
    prctl(PR_SET_NAME, "brokerd");
    const char *path = "/run/r310/brokerd.sock";
    unlink(path);
    int l = socket(AF_UNIX, SOCK_STREAM, 0);
    sockaddr_un a{}; a.sun_family = AF_UNIX; std::strncpy(a.sun_path, path, sizeof a.sun_path - 1);
    if (bind(l, (sockaddr *)&a, sizeof a) || listen(l, 64)) { perror("bind/listen"); return 1; }
    std::map<int, Session> sessions;
    for (;;) {
        std::vector<pollfd> p{{l, POLLIN, 0}};
        for (auto &s : sessions) p.push_back({s.first, POLLIN, 0});
        if (poll(p.data(), p.size(), 1000) <= 0) continue;
        if (p[0].revents & POLLIN) {
            int c = accept(l, nullptr, nullptr);
            if (c < 0) perror("accept"); else sessions[c];
        }
        for (size_t i = 1; i < p.size(); i++) {
            if (!p[i].revents) continue;
            char b[512]; ssize_t n = read(p[i].fd, b, sizeof b);
            if (n <= 0) { sessions.erase(p[i].fd); continue; }   // BUG: fd never closed
            Session &s = sessions[p[i].fd];
            s.requests++;
            const char ok[] = "OK\n";
            (void)!write(p[i].fd, ok, sizeof ok - 1);
        }
    }
}
