/** @file e2e_support.h
 *  @brief What the end-to-end tests share: paths of the binaries and corpora, files, ports and HTTP.
 */
#ifndef SAYWHO_TESTS_E2E_E2E_SUPPORT_H
#define SAYWHO_TESTS_E2E_E2E_SUPPORT_H

#include <filesystem>
#include <string>
#include <vector>

#include <rapidjson/document.h>

#include "tests/e2e/run_command.h"

namespace saywho::testing {

inline const std::filesystem::path SOURCE_DIR = SAYWHO_SOURCE_DIR;
inline const std::filesystem::path CORPUS = SOURCE_DIR / "corpus";
inline const std::filesystem::path SHARED = SOURCE_DIR / ".." / "shared";
inline const std::string INDEX = std::string(SAYWHO_BINARY_DIR) + "/saywho-index";
inline const std::string SEARCH = std::string(SAYWHO_BINARY_DIR) + "/saywho-search";

bool contains(const std::string& haystack, const std::string& needle);

/// Writes @p text to @p path, creating its directories.
void write_file(const std::filesystem::path& path, const std::string& text);

/// A port nobody listens on now (the kernel's choice for port 0).
int free_port();

/// A socket connected to 127.0.0.1:@p port, or -1 if nothing listens there.
int connect_loopback(int port);

struct HttpAnswer {
    int status = 0;
    std::string headers, body;
};

/// Sends @p request_line (e.g. "GET /api/search?q=x") over HTTP/1.0 to
/// 127.0.0.1:@p port and reads the whole answer; status 0 if nothing answered.
HttpAnswer http_request(int port, const std::string& request_line, const std::string& extra_headers = "");

/// saywho-search --http on a free loopback port, started with @p options
/// (the --db options and any other) and waited for: the constructor
/// returns once GET /healthz answers, or after 5 s (ready() says which).
/// Its stderr goes to @p stderr_path.
class HttpServer {
  public:
    HttpServer(const std::vector<std::string>& options, const std::string& stderr_path);
    int port() const { return port_; }
    bool ready() const { return ready_; }
    BackgroundProcess& process() { return process_; }

  private:
    int port_;
    BackgroundProcess process_;
    bool ready_ = false;
};

/// Parses @p text as JSON; a parse error fails the calling test.
rapidjson::Document parse_json(const std::string& text);

/// A fresh directory under the system's temporary directory, removed with its contents.
class ScratchDir {
  public:
    ScratchDir();
    ~ScratchDir();
    ScratchDir(const ScratchDir&) = delete;
    ScratchDir& operator=(const ScratchDir&) = delete;
    const std::filesystem::path& path() const { return path_; }

  private:
    std::filesystem::path path_;
};

/// Runs saywho-search over the databases @p dbs (a --db each) with
/// @p options, then @p args (the query last).
CommandResult search_over(const std::vector<std::string>& dbs, const std::vector<std::string>& options,
                          const std::vector<std::string>& args);

/// Two xapian-tcpsrv servers on loopback, one for each of two shards, as on
/// two machines: constructed once both listen (or after 10 s), stopped with
/// the object. Their stderr goes to tcp1.err and tcp2.err in @p logs.
class TcpsrvShards {
  public:
    TcpsrvShards(const std::string& shard1, const std::string& shard2, const std::filesystem::path& logs);
    int port1() const { return port1_; }
    int port2() const { return port2_; }
    std::string first() const { return "tcp://127.0.0.1:" + std::to_string(port1_); }
    std::string second() const { return "tcp://127.0.0.1:" + std::to_string(port2_); }

  private:
    int port1_, port2_;
    BackgroundProcess one_, two_;
};

}  // namespace saywho::testing

#endif  // SAYWHO_TESTS_E2E_E2E_SUPPORT_H
