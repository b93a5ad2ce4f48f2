// asiofeed: Boost.Asio client that reconnects to its upstream every 100 ms and keeps every
// socket it made in a vector that is never cleared, even when the connect failed.
#include <boost/asio.hpp>
#include <ctime>
#include <iostream>
#include <memory>
#include <vector>
using boost::asio::ip::tcp;
static void log(const std::string &m) { char b[32]; std::time_t t = std::time(nullptr); std::strftime(b, sizeof b, "%Y-%m-%d %H:%M:%S", std::gmtime(&t)); std::cerr << b << " asiofeed: " << m << std::endl; }
int main() {
  boost::asio::io_context io; boost::asio::steady_timer timer(io);
  std::vector<std::unique_ptr<tcp::socket>> conns; // BUG: never shrinks
  tcp::endpoint up(boost::asio::ip::make_address("127.0.0.1"), 7409);
  std::function<void()> tick = [&]() {
    try {
      auto s = std::make_unique<tcp::socket>(io); s->open(tcp::v4());
      s->async_connect(up, [](const boost::system::error_code &ec) { if (ec) { /* retry on next tick */ } });
      conns.push_back(std::move(s));
    } catch (const boost::system::system_error &e) { log(std::string("reconnect failed: ") + e.what()); }
    timer.expires_after(std::chrono::milliseconds(100)); timer.async_wait([&](const boost::system::error_code &) { tick(); });
  };
  tick(); io.run();
}
