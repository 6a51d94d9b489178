/** @file e2e_support.cc
 *  @brief What the end-to-end tests share: files, ports, HTTP and JSON.
 */
#include "tests/e2e/e2e_support.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <chrono>
#include <fstream>
#include <random>
#include <thread>

namespace fs = std::filesystem;

namespace saywho::testing {

bool contains(const std::string& haystack, const std::string& needle) {
    return haystack.find(needle) != std::string::npos;
}

void write_file(const fs::path& path, const std::string& text) {
    fs::create_directories(path.parent_path());
    std::ofstream out(path, std::ios::binary);
    out << text;
}

int free_port() {
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = 0;
    bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
    socklen_t len = sizeof addr;
    getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
    close(fd);
    return ntohs(addr.sin_port);
}

namespace {

std::vector<std::string> http_command(const std::vector<std::string>& options, int port) {
    std::vector<std::string> argv{SEARCH};
    argv.insert(argv.end(), options.begin(), options.end());
    argv.insert(argv.end(), {"--http", "127.0.0.1:" + std::to_string(port)});
    return argv;
}

}  // namespace

HttpServer::HttpServer(const std::vector<std::string>& options, const std::string& stderr_path)
    : port_(free_port()), process_(http_command(options, port_), stderr_path) {
    for (int tries = 0; tries < 100 && !ready_; ++tries) {
        ready_ = http_request(port_, "GET /healthz").status != 0;
        if (!ready_) std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
}

int connect_loopback(int port) {
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = htons(static_cast<uint16_t>(port));
    if (connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
        close(fd);
        return -1;
    }
    return fd;
}

HttpAnswer http_request(int port, const std::string& request_line, const std::string& extra_headers) {
    HttpAnswer answer;
    const int fd = connect_loopback(port);
    if (fd < 0) return answer;
    std::string request = request_line + " HTTP/1.0\r\nHost: 127.0.0.1\r\n" + extra_headers + "\r\n";
    if (write(fd, request.data(), request.size()) < 0) {
        close(fd);
        return answer;
    }
    std::string raw;
    char chunk[8192];
    for (ssize_t n; (n = read(fd, chunk, sizeof chunk)) > 0;) raw.append(chunk, static_cast<std::size_t>(n));
    close(fd);
    std::size_t split = raw.find("\r\n\r\n");
    if (raw.rfind("HTTP/1.", 0) != 0 || split == std::string::npos) return answer;
    answer.status = std::stoi(raw.substr(9, 3));
    answer.headers = raw.substr(0, split);
    answer.body = raw.substr(split + 4);
    return answer;
}

rapidjson::Document parse_json(const std::string& text) {
    rapidjson::Document doc;
    doc.Parse(text.c_str());
    EXPECT_FALSE(doc.HasParseError()) << text;
    return doc;
}

ScratchDir::ScratchDir() {
    std::random_device rd;
    path_ = fs::temp_directory_path() / ("saywho-e2e-" + std::to_string(rd()) + std::to_string(rd()));
    fs::create_directories(path_);
}

ScratchDir::~ScratchDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
}

CommandResult search_over(const std::vector<std::string>& dbs, const std::vector<std::string>& options,
                          const std::vector<std::string>& args) {
    std::vector<std::string> argv{SEARCH};
    argv.insert(argv.end(), options.begin(), options.end());
    for (const auto& db : dbs) {
        argv.push_back("--db");
        argv.push_back(db);
    }
    argv.insert(argv.end(), args.begin(), args.end());
    return run_command(argv);
}

namespace {

std::vector<std::string> tcpsrv_argv(int port, const std::string& shard) {
    return {"/usr/bin/xapian-tcpsrv", "--quiet", "--port", std::to_string(port), "--interface", "127.0.0.1", shard};
}

}  // namespace

TcpsrvShards::TcpsrvShards(const std::string& shard1, const std::string& shard2, const std::filesystem::path& logs)
    : port1_(free_port()),
      port2_(free_port()),
      one_(tcpsrv_argv(port1_, shard1), (logs / "tcp1.err").string()),
      two_(tcpsrv_argv(port2_, shard2), (logs / "tcp2.err").string()) {
    for (int port : {port1_, port2_}) {
        for (int tries = 0; tries < 100; ++tries) {
            const int fd = connect_loopback(port);
            if (fd >= 0) {
                close(fd);
                break;
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
        }
    }
}

}  // namespace saywho::testing
