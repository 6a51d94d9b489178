/** @file request_head_test.cc
 *  @brief The bounds on an HTTP request's head (searcher/request_head.h),
 *         fed whole and a byte at a time.
 */
#include "searcher/request_head.h"

#include <gtest/gtest.h>

#include <string>
#include <utility>

namespace saywho {
namespace {

using State = HeadScanner::State;

/// Small limits, so tests can reach them with short heads.
HeadLimits small_limits() {
    HeadLimits limits;
    limits.request_line = 32;
    limits.header_line = 20;
    limits.header_lines = 3;
    limits.header_bytes = 40;
    return limits;
}

/// Scans @p head a byte at a time: the bytes taken and the state reached.
std::pair<std::size_t, State> scan_bytewise(HeadScanner& scanner, const std::string& head) {
    std::size_t taken = 0;
    for (const char c : head) taken += scanner.scan(std::string_view(&c, 1));
    return {taken, scanner.state()};
}

TEST(HeadScanner, AHeadEndsAtItsBlankLineAndLeavesTheBody) {
    const std::string head = "POST /api/saved HTTP/1.1\r\nHost: x\r\nContent-Length: 4\r\n\r\n";
    HeadScanner scanner;
    EXPECT_EQ(scanner.scan(head + "body"), head.size());
    EXPECT_EQ(scanner.state(), State::COMPLETE);
    EXPECT_EQ(scanner.refusal_status(), 0);
    EXPECT_EQ(scanner.scan("more"), 0u) << "a complete head takes nothing more";

    HeadScanner bytewise;
    EXPECT_EQ(scan_bytewise(bytewise, head).second, State::COMPLETE);
}

TEST(HeadScanner, BareLineFeedsEndLinesToo) {
    HeadScanner scanner;
    EXPECT_EQ(scanner.scan("GET / HTTP/1.0\nHost: x\n\nrest"), 24u);
    EXPECT_EQ(scanner.state(), State::COMPLETE);
}

TEST(HeadScanner, AnUnfinishedHeadIsStillReading) {
    HeadScanner scanner;
    EXPECT_EQ(scanner.scan("GET / HTTP/1.1\r\nHost: x\r\n"), 25u);
    EXPECT_EQ(scanner.state(), State::READING);
    EXPECT_EQ(scanner.scan("\r"), 1u);
    EXPECT_EQ(scanner.state(), State::READING);
    scanner.scan("\n");
    EXPECT_EQ(scanner.state(), State::COMPLETE);
}

TEST(HeadScanner, HeadsExactlyAtTheLimitsPass) {
    // 32 bytes of request line; 3 header lines of 20, 10 and 10 bytes (40 in all).
    const std::string request_line = "GET /" + std::string(25, 'a') + "\r\n";
    const std::string headers = "X-A: " + std::string(13, 'v') + "\r\n" + "X-B: vvv\r\nX-C: vvv\r\n";
    ASSERT_EQ(request_line.size(), 32u);
    ASSERT_EQ(headers.size(), 40u);
    HeadScanner scanner(small_limits());
    scanner.scan(request_line + headers + "\r\n");
    EXPECT_EQ(scanner.state(), State::COMPLETE);
}

TEST(HeadScanner, ALongRequestLineIs414AtTheByteOverTheLimit) {
    // No line feed ever comes: the scanner stops at byte 33 all the same.
    const std::string endless = "GET /" + std::string(1000, 'a');
    HeadScanner scanner(small_limits());
    EXPECT_EQ(scanner.scan(endless), 33u);
    EXPECT_EQ(scanner.state(), State::URI_TOO_LONG);
    EXPECT_EQ(scanner.refusal_status(), 414);
    HeadScanner bytewise(small_limits());
    EXPECT_EQ(scan_bytewise(bytewise, endless), std::make_pair(std::size_t{33}, State::URI_TOO_LONG));
}

TEST(HeadScanner, TooManyHeaderLinesAre431AtTheFirstByteOfTheOneTooMany) {
    const std::string start = "GET / HTTP/1.1\r\nA: 1\r\nB: 2\r\nC: 3\r\n";
    HeadScanner scanner(small_limits());
    EXPECT_EQ(scanner.scan(start + "D: 4\r\n\r\n"), start.size() + 1);
    EXPECT_EQ(scanner.state(), State::HEADERS_TOO_LARGE);
    EXPECT_EQ(scanner.refusal_status(), 431);
}

TEST(HeadScanner, HeaderLinesSentForeverAreRefusedWithinTheLimits) {
    // The flood of tests/e2e/hostile_test.cc, in small: a hundred thousand lines
    // offered, at most the limits taken.
    std::string flood = "GET / HTTP/1.1\r\n";
    for (int i = 0; i < 100000; ++i) flood += "X: y\r\n";
    HeadScanner scanner;  // the real limits: 100 lines
    const std::size_t taken = scanner.scan(flood);
    EXPECT_EQ(scanner.state(), State::HEADERS_TOO_LARGE);
    EXPECT_EQ(taken, 16u + 100 * 6 + 1);
}

TEST(HeadScanner, ALongHeaderLineOrTooManyBytesAre431) {
    HeadScanner one_long(small_limits());
    one_long.scan("GET / HTTP/1.1\r\nX-Long: " + std::string(100, 'v'));
    EXPECT_EQ(one_long.state(), State::HEADERS_TOO_LARGE) << "a line that never ends is bounded";

    // Three lines of 19 bytes: each under 20, 57 in all over 40.
    const std::string line = "X-H: " + std::string(12, 'v') + "\r\n";
    HeadScanner many_bytes(small_limits());
    many_bytes.scan("GET / HTTP/1.1\r\n" + line + line + line + "\r\n");
    EXPECT_EQ(many_bytes.state(), State::HEADERS_TOO_LARGE);

    // Carriage returns alone make no header line, but are bytes of one.
    HeadScanner returns(small_limits());
    returns.scan("GET / HTTP/1.1\r\n" + std::string(100, '\r'));
    EXPECT_EQ(returns.state(), State::HEADERS_TOO_LARGE);
}

TEST(ContentLengthOf, TheDeclaredBodyLengthOrZero) {
    EXPECT_EQ(content_length_of("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 42\r\n\r\n"), 42u);
    EXPECT_EQ(content_length_of("POST / HTTP/1.1\r\ncontent-LENGTH:\t7\r\n\r\n"), 7u);
    EXPECT_EQ(content_length_of("GET / HTTP/1.1\r\nHost: x\r\n\r\n"), 0u);
    EXPECT_EQ(content_length_of("GET / HTTP/1.1\r\nContent-Length: -1\r\n\r\n"), 0u);
    EXPECT_EQ(content_length_of("GET / HTTP/1.1\r\nX-Content-Length: 9\r\n\r\n"), 0u);
    EXPECT_EQ(content_length_of("GET / HTTP/1.1\r\nContent-Length: 99999999999999999999999\r\n\r\n"), 0u);
}

}  // namespace
}  // namespace saywho
