/** @file bounded_server.h
 *  @brief cpp-httplib's server with each request's head read and bounded
 *         (searcher/request_head.h) before cpp-httplib parses it.
 */
#ifndef SAYWHO_SEARCHER_BOUNDED_SERVER_H
#define SAYWHO_SEARCHER_BOUNDED_SERVER_H

#include <functional>

#include <httplib.h>

#include "searcher/request_head.h"

namespace saywho {

class ConnectionStream;

/// What the owner of a BoundedServer hears about its connections. Each is
/// called on the connection's worker thread, so on several threads at
/// once: they must be thread-safe. Each may be empty.
struct ConnectionHooks {
    std::function<void()> opened;  ///< a connection was accepted
    std::function<void()> closed;  ///< and is closed now
    /// The first byte of a request arrived: before cpp-httplib or
    /// refused() sees it, so every answer, even to an unparsable
    /// request, has a start.
    std::function<void()> request_started;
    /// A request broke a HeadLimits limit: @p res holds its status (414 or
    /// 431) and @p req what is known of it (method, path, client address);
    /// set the body and report it. The answer closes the connection.
    std::function<void(const httplib::Request& req, httplib::Response& res)> refused;
};

/// An httplib::Server that reads each request's head itself, within
/// HeadLimits, and hands cpp-httplib only heads within them. cpp-httplib
/// 0.11 grows a line until its LF and keeps every header line it is sent,
/// so a client could make it hold any amount of memory; this server holds
/// at most the limits, and answers beyond them itself (414, 431).
/// Keep-alive, timeouts and everything after the head are cpp-httplib's,
/// with the same settings (set_read_timeout() and so on).
class BoundedServer : public httplib::Server {
  public:
    BoundedServer(HeadLimits limits, ConnectionHooks hooks) : limits_(limits), hooks_(std::move(hooks)) {}

  private:
    /// Replaces cpp-httplib's own, which it calls for each accepted socket
    /// on a worker thread.
    bool process_and_close_socket(socket_t sock) override;
    /// Answers the requests of one connection, as cpp-httplib's keep-alive
    /// loop does; false when the last one failed.
    bool serve(ConnectionStream& stream);
    /// Answers a request whose head broke a limit, then closes.
    void refuse(ConnectionStream& stream, const HeadScanner& scanner);

    HeadLimits limits_;
    ConnectionHooks hooks_;
};

}  // namespace saywho

#endif  // SAYWHO_SEARCHER_BOUNDED_SERVER_H
