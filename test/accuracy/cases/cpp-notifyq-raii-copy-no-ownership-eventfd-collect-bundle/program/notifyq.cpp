// Task queue that gives each task an eventfd "done" notifier through a small RAII wrapper.
// The wrapper's copy constructor copies the fd but not the ownership (owns = false), and the
// owning original is allocated with new and never deleted: its destructor never runs.
#include <sys/eventfd.h>
#include <unistd.h>
#include <cstdio>
#include <cstdint>
#include <deque>
#include <chrono>
#include <thread>

class Notifier {
public:
    Notifier() : fd_(eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC)), owns_(true) {}
    Notifier(const Notifier& o) : fd_(o.fd_), owns_(false) {}   // shallow: the copy is a view
    ~Notifier() { if (owns_ && fd_ >= 0) close(fd_); }
    void signal() const { uint64_t one = 1; if (write(fd_, &one, sizeof one) < 0) {} }
    int fd() const { return fd_; }
private:
    int fd_;
    bool owns_;
};

struct Task { int id; Notifier done; };

int main() {
    std::deque<Task> recent;
    for (int id = 1;; ++id) {
        Notifier* n = new Notifier();          // BUG: owner on the heap, never deleted
        if (n->fd() < 0) { std::perror("notifyq: eventfd"); }
        recent.push_back(Task{id, *n});        // copy: owns_ = false
        recent.back().done.signal();
        if (recent.size() > 16) recent.pop_front();   // the copies go; the fds stay
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
}
