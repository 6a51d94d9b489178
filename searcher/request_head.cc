/** @file request_head.cc
 *  @brief Bounds on the head of an HTTP request, checked as the bytes arrive.
 */
#include "searcher/request_head.h"

#include <cctype>
#include <cstdint>
#include <string>

namespace saywho {

std::size_t HeadScanner::scan(std::string_view bytes) {
    std::size_t taken = 0;
    while (taken < bytes.size() && state_ == State::READING) {
        const char c = bytes[taken++];
        ++line_bytes_;
        if (c != '\r' && c != '\n') line_blank_ = false;
        check_line();
        if (c == '\n' && state_ == State::READING) end_line();
    }
    return taken;
}

void HeadScanner::end_line() {
    // The request line ends the same way whatever it holds: a blank one is
    // cpp-httplib's to refuse as a bad request.
    if (in_request_line_) {
        in_request_line_ = false;
    } else if (line_blank_) {
        state_ = State::COMPLETE;
        return;
    } else {
        ++header_lines_;
        header_bytes_ += line_bytes_;
    }
    line_bytes_ = 0;
    line_blank_ = true;
}

void HeadScanner::check_line() {
    if (in_request_line_) {
        if (line_bytes_ > limits_.request_line) state_ = State::URI_TOO_LONG;
        return;
    }
    // A header line counts from its first byte that is not CR or LF, so the
    // blank line ending the head never counts, and a line that never ends
    // is bounded like one that does.
    const std::size_t open = line_blank_ ? 0 : line_bytes_;
    if (line_bytes_ > limits_.header_line || header_lines_ + (open > 0 ? 1 : 0) > limits_.header_lines ||
        header_bytes_ + open > limits_.header_bytes)
        state_ = State::HEADERS_TOO_LARGE;
}

int HeadScanner::refusal_status() const {
    switch (state_) {
        case State::URI_TOO_LONG:
            return 414;
        case State::HEADERS_TOO_LARGE:
            return 431;
        default:
            return 0;
    }
}

std::size_t content_length_of(std::string_view head) {
    std::string lower(head);
    for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    const std::string name = "\ncontent-length:";
    const std::size_t at = lower.find(name);
    if (at == std::string::npos) return 0;
    std::size_t i = at + name.size();
    while (i < lower.size() && (lower[i] == ' ' || lower[i] == '\t')) ++i;
    std::size_t length = 0;
    for (; i < lower.size() && std::isdigit(static_cast<unsigned char>(lower[i])); ++i) {
        if (length > (SIZE_MAX - 9) / 10) return 0;  // absurd: cpp-httplib refuses it as too large
        length = length * 10 + static_cast<std::size_t>(lower[i] - '0');
    }
    return length;
}

}  // namespace saywho
