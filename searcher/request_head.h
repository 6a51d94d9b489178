/** @file request_head.h
 *  @brief Bounds on the head of an HTTP request (its request line and
 *         header lines), checked as the bytes arrive (docs/http.md, "Limits").
 */
#ifndef SAYWHO_SEARCHER_REQUEST_HEAD_H
#define SAYWHO_SEARCHER_REQUEST_HEAD_H

#include <cstddef>
#include <string_view>

namespace saywho {

/// How big a request's head may be. Each count includes the line's CRLF.
struct HeadLimits {
    std::size_t request_line = 8192;       ///< the request line: more is 414
    std::size_t header_line = 8192;        ///< one header line: more is 431
    std::size_t header_lines = 100;        ///< header lines, the blank one not counted: more is 431
    std::size_t header_bytes = 32 * 1024;  ///< all header lines together: more is 431
};

/// Follows the bytes of one request's head until its blank line, and stops
/// at the first byte that breaks a limit, so a reader never has to hold
/// more than the limits allow. A line ends at LF (with or without CR).
/// Not thread-safe: one scanner per request.
class HeadScanner {
  public:
    enum class State {
        READING,            ///< the head goes on
        COMPLETE,           ///< the blank line ending the head was seen
        URI_TOO_LONG,       ///< the request line is over its limit (HTTP 414)
        HEADERS_TOO_LARGE,  ///< a header line, their number or their total is over its limit (HTTP 431)
    };

    explicit HeadScanner(HeadLimits limits = HeadLimits()) : limits_(limits) {}

    /// Scans @p bytes, which follow those given before. Returns how many it
    /// took: all of them while READING; fewer when the head ended (the rest
    /// is the body or the next request) or a limit was broken (the byte
    /// that broke it is the last one taken). Once the state is not READING,
    /// takes nothing more.
    std::size_t scan(std::string_view bytes);

    State state() const { return state_; }
    /// The HTTP status of a broken limit (414 or 431), 0 otherwise.
    int refusal_status() const;

  private:
    /// After the LF ending a line: the next line, or the head's end after a blank one.
    void end_line();
    /// Checks the line read so far (and the lines before it) against the limits.
    void check_line();

    HeadLimits limits_;
    State state_ = State::READING;
    bool in_request_line_ = true;
    std::size_t line_bytes_ = 0;    ///< of the line being read, so far
    bool line_blank_ = true;        ///< nothing but CR in it so far
    std::size_t header_lines_ = 0;  ///< header lines ended so far
    std::size_t header_bytes_ = 0;  ///< their bytes
};

/// The body length a request's head @p head declares with Content-Length
/// (the first, case aside), 0 when it declares none or not a number.
std::size_t content_length_of(std::string_view head);

}  // namespace saywho

#endif  // SAYWHO_SEARCHER_REQUEST_HEAD_H
