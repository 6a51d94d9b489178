/** @file bounded_server.cc
 *  @brief cpp-httplib's server with each request's head read and bounded first.
 */
#include "searcher/bounded_server.h"

#include <netdb.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <string>
#include <string_view>

namespace saywho {

namespace {

/// Bytes asked of the socket at a time.
constexpr std::size_t READ_CHUNK = 4096;

/// What a refused client may still send, and for how long, before the
/// connection is closed anyway (see ConnectionStream::linger()).
constexpr std::size_t LINGER_BYTES = 1u << 20;
constexpr std::chrono::milliseconds LINGER_TIME{1000};

/// Waits up to @p ms for @p events on @p sock; true when they came.
bool wait_for(socket_t sock, short events, long ms) {
    pollfd p{sock, events, 0};
    int ready;
    do {
        ready = poll(&p, 1, static_cast<int>(ms));
    } while (ready < 0 && errno == EINTR);
    return ready > 0;
}

long to_ms(time_t sec, time_t usec) { return static_cast<long>(sec * 1000 + usec / 1000); }

/// The numeric address and port of one end of @p sock (@p peer: the client's).
void address_of(socket_t sock, bool peer, std::string& ip, int& port) {
    sockaddr_storage addr{};
    socklen_t length = sizeof addr;
    auto* raw = reinterpret_cast<sockaddr*>(&addr);
    if ((peer ? getpeername(sock, raw, &length) : getsockname(sock, raw, &length)) != 0) return;
    char host[NI_MAXHOST], service[NI_MAXSERV];
    if (getnameinfo(raw, length, host, sizeof host, service, sizeof service, NI_NUMERICHOST | NI_NUMERICSERV) != 0)
        return;
    ip = host;
    port = std::atoi(service);
}

const char* reason_of(int status) { return status == 414 ? "URI Too Long" : "Request Header Fields Too Large"; }

}  // namespace

/// One connection's socket as cpp-httplib's Stream. Bytes read ahead of
/// cpp-httplib (a request's head, read and checked first) are given to it
/// before any more are read from the socket, so it sees the connection's
/// bytes whole and in order.
class ConnectionStream : public httplib::Stream {
  public:
    ConnectionStream(socket_t sock, long read_ms, long write_ms)
        : sock_(sock), read_ms_(read_ms), write_ms_(write_ms) {}

    bool is_readable() const override { return start_ < buffer_.size() || wait_for(sock_, POLLIN, read_ms_); }
    bool is_writable() const override { return wait_for(sock_, POLLOUT, write_ms_); }
    ssize_t read(char* ptr, size_t size) override;
    ssize_t write(const char* ptr, size_t size) override;
    void get_remote_ip_and_port(std::string& ip, int& port) const override { address_of(sock_, true, ip, port); }
    void get_local_ip_and_port(std::string& ip, int& port) const override { address_of(sock_, false, ip, port); }
    socket_t socket() const override { return sock_; }

    /// Waits up to @p ms for the next request to begin; false if none does.
    bool wait_for_request(long ms) const { return start_ < buffer_.size() || wait_for(sock_, POLLIN, ms); }
    /// Reads a request's head into the buffer, through @p scanner, until
    /// it is whole or breaks a limit: false when the client closed or went
    /// quiet for the read timeout first.
    bool read_head(HeadScanner& scanner);
    /// The bytes read and not yet given to cpp-httplib.
    std::string_view pending() const { return std::string_view(buffer_).substr(start_); }
    /// Whether cpp-httplib has read the whole of the last request: the
    /// head read_head() read and the body it declares. It stops short when
    /// it refuses a request line (a 400 before the headers), or answers
    /// without reading a body (a 405 to a POST): the rest is then still
    /// here, and would be read as the next request.
    bool request_taken() const { return given_ >= head_size_ + body_size_; }
    /// Ends the answer to a refused client: our side is shut, and what it
    /// still sends is read and dropped for a while. Closing a socket with
    /// unread bytes makes TCP reset the connection, and a reset can destroy
    /// the answer before the client reads it.
    void linger();

  private:
    /// Appends what the socket has to the buffer, waiting up to the read
    /// timeout: recv()'s result, or -1 after the timeout.
    ssize_t fill();

    socket_t sock_;
    long read_ms_, write_ms_;
    std::string buffer_;         ///< bytes read; those from start_ on are not given out yet
    std::size_t start_ = 0;      ///< into buffer_
    std::size_t head_size_ = 0;  ///< of the last head read_head() read
    std::size_t body_size_ = 0;  ///< the body it declares (Content-Length)
    std::size_t given_ = 0;      ///< bytes given to cpp-httplib since read_head()
};

ssize_t ConnectionStream::read(char* ptr, size_t size) {
    if (start_ == buffer_.size()) {
        buffer_.clear();
        start_ = 0;
        const ssize_t got = fill();
        if (got <= 0) return got;
    }
    const std::size_t n = std::min(size, buffer_.size() - start_);
    std::memcpy(ptr, buffer_.data() + start_, n);
    start_ += n;
    given_ += n;
    return static_cast<ssize_t>(n);
}

ssize_t ConnectionStream::write(const char* ptr, size_t size) {
    if (!is_writable()) return -1;
    ssize_t sent;
    do {
        sent = send(sock_, ptr, size, MSG_NOSIGNAL);
    } while (sent < 0 && errno == EINTR);
    return sent;
}

ssize_t ConnectionStream::fill() {
    if (!wait_for(sock_, POLLIN, read_ms_)) return -1;
    char chunk[READ_CHUNK];
    ssize_t got;
    do {
        got = recv(sock_, chunk, sizeof chunk, 0);
    } while (got < 0 && errno == EINTR);
    if (got > 0) buffer_.append(chunk, static_cast<std::size_t>(got));
    return got;
}

bool ConnectionStream::read_head(HeadScanner& scanner) {
    buffer_.erase(0, start_);
    start_ = 0;
    given_ = 0;
    for (head_size_ = 0;;) {
        head_size_ += scanner.scan(std::string_view(buffer_).substr(head_size_));
        if (scanner.state() != HeadScanner::State::READING) {
            body_size_ = content_length_of(std::string_view(buffer_).substr(0, head_size_));
            return true;
        }
        if (fill() <= 0) return false;
    }
}

void ConnectionStream::linger() {
    shutdown(sock_, SHUT_WR);
    const auto deadline = std::chrono::steady_clock::now() + LINGER_TIME;
    std::size_t dropped = 0;
    char chunk[READ_CHUNK];
    while (dropped < LINGER_BYTES) {
        const auto left =
            std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
        if (left.count() <= 0 || !wait_for(sock_, POLLIN, left.count())) return;
        const ssize_t got = recv(sock_, chunk, sizeof chunk, 0);
        if (got <= 0) return;
        dropped += static_cast<std::size_t>(got);
    }
}

bool BoundedServer::process_and_close_socket(socket_t sock) {
    if (hooks_.opened) hooks_.opened();
    bool ok = false;
    {
        ConnectionStream stream(sock, to_ms(read_timeout_sec_, read_timeout_usec_),
                                to_ms(write_timeout_sec_, write_timeout_usec_));
        ok = serve(stream);
    }
    shutdown(sock, SHUT_RDWR);
    close(sock);
    if (hooks_.closed) hooks_.closed();
    return ok;
}

bool BoundedServer::serve(ConnectionStream& stream) {
    // As cpp-httplib's own loop: at most keep_alive_max_count_ requests,
    // each within keep_alive_timeout_sec_ of the last, none once stop()
    // has closed the listening socket; the last request's answer says
    // the connection closes.
    bool ok = false;
    for (std::size_t left = keep_alive_max_count_; left > 0 && svr_sock_ != INVALID_SOCKET; --left) {
        if (!stream.wait_for_request(to_ms(keep_alive_timeout_sec_, 0))) break;
        if (hooks_.request_started) hooks_.request_started();
        HeadScanner scanner(limits_);
        if (!stream.read_head(scanner)) return false;
        if (scanner.state() != HeadScanner::State::COMPLETE) {
            refuse(stream, scanner);
            return false;
        }
        bool closed = false;
        ok = process_request(stream, left == 1, closed, nullptr);
        // After a request it refused, where the next begins is unknown.
        if (!ok || closed || !stream.request_taken()) break;
    }
    return ok;
}

void BoundedServer::refuse(ConnectionStream& stream, const HeadScanner& scanner) {
    httplib::Request req;
    httplib::Response res;
    // The method and path, when the request line got that far, for the
    // access log; at most 256 bytes of the path.
    const std::string_view head = stream.pending();
    const std::size_t method_end = std::min(head.find(' '), head.find('\n'));
    if (method_end != std::string_view::npos) {
        req.method = std::string(head.substr(0, method_end));
        const std::string_view target = head.substr(method_end + 1, 256);
        req.path = std::string(target.substr(0, target.find_first_of(" ?\r\n")));
    }
    stream.get_remote_ip_and_port(req.remote_addr, req.remote_port);
    res.status = scanner.refusal_status();
    if (hooks_.refused) hooks_.refused(req, res);
    std::string answer = "HTTP/1.1 " + std::to_string(res.status) + " " + reason_of(res.status) + "\r\n";
    for (const auto& [name, value] : res.headers) answer += name + ": " + value + "\r\n";
    answer += "Content-Length: " + std::to_string(res.body.size()) + "\r\nConnection: close\r\n\r\n" + res.body;
    for (std::size_t done = 0; done < answer.size();) {
        const ssize_t sent = stream.write(answer.data() + done, answer.size() - done);
        if (sent <= 0) return;
        done += static_cast<std::size_t>(sent);
    }
    stream.linger();
}

}  // namespace saywho
