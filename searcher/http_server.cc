/** @file http_server.cc
 *  @brief `saywho-search --http`: the HTTP API and the search page (docs/http.md).
 */
#include "searcher/http_server.h"

#include <pthread.h>
#include <signal.h>

#include <chrono>
#include <ctime>
#include <map>
#include <memory>
#include <thread>
#include <utility>

#include <httplib.h>
#include <rapidjson/document.h>
#include <xapian.h>

#include "common/text.h"
#include "searcher/bounded_server.h"
#include "searcher/error_report.h"
#include "searcher/export.h"
#include "searcher/health.h"
#include "searcher/metrics.h"
#include "searcher/request.h"
#include "searcher/service.h"

extern const char saywho_web_index_html_begin[], saywho_web_index_html_end[];
extern const char saywho_web_app_js_begin[], saywho_web_app_js_end[];
extern const char saywho_web_timeline_js_begin[], saywho_web_timeline_js_end[];
extern const char saywho_web_style_css_begin[], saywho_web_style_css_end[];

namespace saywho {

namespace {

constexpr const char JSON_TYPE[] = "application/json; charset=utf-8";

/// The most rows one /api/export answer holds (docs/http.md): an export
/// holds a worker thread while it streams.
constexpr std::size_t EXPORT_MAX_ROWS = 100000;

std::multimap<std::string, std::string> parameters(const httplib::Request& req) {
    return std::multimap<std::string, std::string>(req.params.begin(), req.params.end());
}

/// Runs @p work, turning every failure into a JSON error answer.
template <typename F>
void answer(httplib::Response& res, F&& work) {
    try {
        res.set_content(work(), JSON_TYPE);
        res.status = 200;
    } catch (...) {
        const ErrorReport report = report_error(std::current_exception());
        res.status = http_status_of(report.code);
        res.set_content(error_json(report.code, report.message), JSON_TYPE);
    }
}

/// The request this worker thread answers: when its first byte came, and
/// the route pattern that took it ("other" until one does), for the
/// access log and /metrics. Set by BoundedServer's request_started hook
/// (not the pre-routing handler: cpp-httplib skips it for requests it
/// refuses before routing, which the logger still sees) and the route
/// handlers; read by the logger, on the same thread.
thread_local std::chrono::steady_clock::time_point request_started;
thread_local std::string request_route;

/// The label of requests no route took: 404s, 405s, unparsable and refused ones.
constexpr const char OTHER_ROUTE[] = "other";

double seconds_since_start() {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - request_started).count();
}

/// @p handler, telling /metrics that @p route took the request.
httplib::Server::Handler labelled(std::string route, httplib::Server::Handler handler) {
    return
        [route = std::move(route), handler = std::move(handler)](const httplib::Request& req, httplib::Response& res) {
            request_route = route;
            handler(req, res);
        };
}

std::string access_line(const httplib::Request& req, const httplib::Response& res, double seconds) {
    const double ms = seconds * 1000;
    std::time_t now = std::time(nullptr);
    char when[32];
    std::tm tm{};
    gmtime_r(&now, &tm);
    std::strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%SZ", &tm);
    std::string target = req.path;
    if (!req.params.empty()) {
        target += '?';
        bool first = true;
        for (const auto& [k, v] : req.params) {
            target += (first ? "" : "&") + k + "=" + httplib::detail::encode_query_param(v);
            first = false;
        }
    }
    char rest[96];
    std::snprintf(rest, sizeof rest, " %d %zu %.1fms", res.status, res.body.size(), ms);
    return std::string(when) + " " + req.remote_addr + " " + req.method + " " + target + rest;
}

/// The export of /api/export (docs/http.md): the search parameters, and
/// format. limit and offset are refused rather than ignored: an export is
/// every match. Throws RequestError.
std::unique_ptr<StatementExport> start_export(SearchService& service, const httplib::Request& req,
                                              ExportFormat& format) {
    std::multimap<std::string, std::string> params = parameters(req);
    const auto given = params.find("format");
    const std::string name = given == params.end() ? "csv" : given->second;
    const auto parsed = parse_export_format(name);
    if (!parsed) throw RequestError("bad_request", "'format' must be csv or jsonl, not '" + name + "'");
    format = *parsed;
    params.erase("format");
    for (const char* unused : {"limit", "offset", "facets", "id"})
        if (params.count(unused))
            throw RequestError("bad_request", std::string("'") + unused +
                                                  "' does not apply to /api/export, which exports every match");
    ExportOptions options;
    options.format = format;
    options.max_rows = EXPORT_MAX_ROWS;
    return service.export_statements(request_from_parameters(params), options);
}

/// Answers /api/export: a bad request as a JSON error; otherwise the rows,
/// written by cpp-httplib's chunked content provider as they are made, so
/// the body is never held whole.
void serve_export(SearchService& service, const httplib::Request& req, httplib::Response& res) {
    ExportFormat format = ExportFormat::CSV;
    std::shared_ptr<StatementExport> exporter;
    try {
        exporter = start_export(service, req, format);
    } catch (...) {
        const ErrorReport report = report_error(std::current_exception());
        res.status = http_status_of(report.code);
        res.set_content(error_json(report.code, report.message), JSON_TYPE);
        return;
    }
    const bool csv = format == ExportFormat::CSV;
    res.status = 200;
    res.set_header("Content-Disposition",
                   std::string("attachment; filename=\"saywho-export.") + (csv ? "csv" : "jsonl") + "\"");
    // Headers go before the rows, so the cap's effect is known first.
    if (exporter->truncated()) res.set_header("X-Saywho-Truncated", "true");
    res.set_chunked_content_provider(
        csv ? "text/csv; charset=utf-8" : "application/x-ndjson", [exporter](std::size_t, httplib::DataSink& sink) {
            // The status is sent already: a failure now can only cut the
            // answer short, which a client sees as no final chunk.
            try {
                exporter->write([&sink](std::string_view piece) { return sink.write(piece.data(), piece.size()); });
            } catch (...) {
                return false;
            }
            sink.done();
            return true;
        });
}

/// Answers /api/speaker (docs/http.md): a speaker's page by key or name;
/// a name that fits several speakers is a 409 listing them.
void serve_speaker(SearchService& service, const httplib::Request& req, httplib::Response& res) {
    try {
        SpeakerPageRequest page;
        page.key = req.get_param_value("key");
        page.name = req.get_param_value("name");
        for (const auto& [name, value] : req.params)
            if (name != "key" && name != "name" && name != "limit" && name != "interval")
                throw RequestError("bad_request", "unknown parameter '" + name +
                                                      "' of /api/speaker: expected key or name, limit, interval");
        if (!page.key.empty() && !page.name.empty())
            throw RequestError("bad_request", "give /api/speaker a key or a name, not both");
        if (req.has_param("limit"))
            page.options.latest = parse_count("limit", req.get_param_value("limit"), 0, SERVICE_MAX_LIMIT);
        if (req.has_param("interval") && !req.get_param_value("interval").empty()) {
            const auto interval = parse_timeline_interval(req.get_param_value("interval"));
            if (!interval)
                throw RequestError("bad_request", "'interval' must be day, week, month or year, not '" +
                                                      req.get_param_value("interval") + "'");
            page.options.timeline_interval = interval;
        }
        res.set_content(service.speaker(page), JSON_TYPE);
        res.status = 200;
    } catch (const AmbiguousSpeaker& ambiguous) {
        res.status = http_status_of(ambiguous.code());
        res.set_content(ambiguous.json(std::nullopt), JSON_TYPE);
    } catch (...) {
        const ErrorReport report = report_error(std::current_exception());
        res.status = http_status_of(report.code);
        res.set_content(error_json(report.code, report.message), JSON_TYPE);
    }
}

/// The name and query of a POST /api/saved body: a JSON object
/// {"name": ..., "query": ...}. A JSON body, not a form, also means a page
/// of another site cannot save searches here: its browser must ask first
/// (a CORS preflight), which this server never grants. Throws RequestError.
std::pair<std::string, std::string> saved_search_of(const httplib::Request& req) {
    if (req.get_header_value("Content-Type").rfind("application/json", 0) != 0)
        throw RequestError("bad_request", "POST /api/saved takes a JSON body (Content-Type: application/json)");
    rapidjson::Document body;
    body.Parse(req.body.data(), req.body.size());
    if (body.HasParseError() || !body.IsObject())
        throw RequestError("bad_request", "the body must be a JSON object: {\"name\": ..., \"query\": ...}");
    std::string fields[2];
    const char* names[2] = {"name", "query"};
    for (int i = 0; i < 2; ++i) {
        const auto member = body.FindMember(names[i]);
        if (member == body.MemberEnd() || !member->value.IsString())
            throw RequestError("bad_request", std::string("'") + names[i] + "' is required, as a string");
        fields[i].assign(member->value.GetString(), member->value.GetStringLength());
    }
    return {fields[0], fields[1]};
}

/// The API (/api/search, /api/cluster, /api/suggest, /api/speaker,
/// /api/article, /api/export, /api/saved) and the page's files, each
/// labelled for /metrics with its path (or pattern).
/// @p service must outlive @p server: the handlers keep its address.
void add_routes(httplib::Server& server, SearchService& service) {
    auto get = [&server](const std::string& path, httplib::Server::Handler handler) {
        server.Get(path, labelled(path, std::move(handler)));
    };
    get("/api/search", [svc = &service](const httplib::Request& req, httplib::Response& res) {
        answer(res, [&] { return svc->search(request_from_parameters(parameters(req))); });
    });
    get("/api/cluster", [svc = &service](const httplib::Request& req, httplib::Response& res) {
        answer(res, [&] { return svc->search(cluster_request_from_parameters(parameters(req))); });
    });
    get("/api/suggest", [svc = &service](const httplib::Request& req, httplib::Response& res) {
        answer(res, [&] {
            const std::size_t limit =
                req.has_param("limit") ? parse_count("limit", req.get_param_value("limit"), 1, 50) : 8;
            return svc->suggest(req.get_param_value("q"), limit);
        });
    });
    get("/api/export",
        [svc = &service](const httplib::Request& req, httplib::Response& res) { serve_export(*svc, req, res); });
    get("/api/speaker",
        [svc = &service](const httplib::Request& req, httplib::Response& res) { serve_speaker(*svc, req, res); });
    get("/api/article", [svc = &service](const httplib::Request& req, httplib::Response& res) {
        answer(res, [&] { return svc->article(req.get_param_value("id")); });
    });
    get("/api/saved", [svc = &service](const httplib::Request&, httplib::Response& res) {
        answer(res, [&] { return svc->saved(); });
    });
    server.Post("/api/saved",
                labelled("/api/saved", [svc = &service](const httplib::Request& req, httplib::Response& res) {
                    answer(res, [&] {
                        const auto [name, query] = saved_search_of(req);
                        return svc->save(name, query);
                    });
                }));
    server.Delete("/api/saved",
                  labelled("/api/saved", [svc = &service](const httplib::Request& req, httplib::Response& res) {
                      answer(res, [&] { return svc->unsave(req.get_param_value("name")); });
                  }));
    // The page: three fixed files, so no request path ever reaches the file system.
    auto asset = [](const char* begin, const char* end, const char* type) {
        return [begin, end, type](const httplib::Request&, httplib::Response& res) {
            res.set_content(begin, static_cast<size_t>(end - begin), type);
            res.set_header("X-Content-Type-Options", "nosniff");
            res.set_header(
                "Content-Security-Policy",
                "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'");
        };
    };
    get("/", asset(saywho_web_index_html_begin, saywho_web_index_html_end, "text/html; charset=utf-8"));
    // A speaker's page is the same page: its script reads the key from the
    // path and asks /api/speaker for it. One label for every key, so
    // /metrics has one series for them all.
    server.Get(R"(/speaker/.+)", labelled("/speaker/:key", asset(saywho_web_index_html_begin, saywho_web_index_html_end,
                                                                 "text/html; charset=utf-8")));
    get("/app.js", asset(saywho_web_app_js_begin, saywho_web_app_js_end, "text/javascript; charset=utf-8"));
    get("/timeline.js",
        asset(saywho_web_timeline_js_begin, saywho_web_timeline_js_end, "text/javascript; charset=utf-8"));
    get("/style.css", asset(saywho_web_style_css_begin, saywho_web_style_css_end, "text/css; charset=utf-8"));
}

/// GET /healthz and GET /metrics (docs/http.md). @p metrics must outlive
/// @p server.
void add_operations_routes(httplib::Server& server, const HttpMetrics& metrics,
                           const std::vector<std::string>& databases) {
    server.Get("/healthz", labelled("/healthz", [databases](const httplib::Request&, httplib::Response& res) {
                   // Any failure makes the service unready: 503, whatever the
                   // error's own status would be.
                   try {
                       res.set_content(health_json(database_health(databases)), JSON_TYPE);
                       res.status = 200;
                   } catch (...) {
                       const ErrorReport report = report_error(std::current_exception());
                       res.status = 503;
                       res.set_content(error_json(report.code, report.message), JSON_TYPE);
                   }
               }));
    server.Get("/metrics", labelled("/metrics", [&metrics, databases](const httplib::Request&, httplib::Response& res) {
                   std::string text;
                   metrics.write(text);
                   write_database_metrics(text, databases);
                   res.set_content(text, "text/plain; version=0.0.4; charset=utf-8");
               }));
}

/// The error code of an error status cpp-httplib or BoundedServer sets itself.
std::string error_code_of(int status) {
    switch (status) {
        case 404:
            return "not_found";
        case 413:
            return "payload_too_large";
        case 414:
            return "uri_too_long";
        case 431:
            return "header_too_large";
        default:
            return "bad_request";
    }
}

/// The message of an error status cpp-httplib or BoundedServer sets itself.
std::string error_message_of(int status, const HeadLimits& limits) {
    switch (status) {
        case 404:
            return "no such page: see docs/http.md for the API";
        case 414:
            return "the request line is over " + std::to_string(limits.request_line) + " bytes";
        case 431:
            return "the request's header lines are over the limits: at most " + std::to_string(limits.header_lines) +
                   " lines of at most " + std::to_string(limits.header_line) + " bytes, " +
                   std::to_string(limits.header_bytes) + " bytes in all";
        default:
            return "request refused (HTTP " + std::to_string(status) + ")";
    }
}

}  // namespace

bool parse_listen_address(const std::string& text, HttpOptions& options, std::string& error) {
    std::string host = options.host, port = text;
    std::size_t colon = text.rfind(':');
    if (colon != std::string::npos) {
        host = text.substr(0, colon);
        port = text.substr(colon + 1);
        if (host.size() >= 2 && host.front() == '[' && host.back() == ']') host = host.substr(1, host.size() - 2);
    }
    if (port.empty() || port.size() > 5 || !all_digits(port) || std::stoi(port) > 65535) {
        error = "--http '" + text + "': expected [ADDR:]PORT, such as 8080 or 127.0.0.1:8080";
        return false;
    }
    if (host.empty()) {
        error = "--http '" + text + "': the address before ':' is empty";
        return false;
    }
    options.host = host;
    options.port = std::stoi(port);
    return true;
}

int serve_http(const HttpOptions& options, const std::function<void(const std::string&)>& log, std::string& error) {
    // The database must open before we listen: a wrong --db is an error at once.
    SearchService service(options.databases);
    try {
        service.suggest("", 1);
    } catch (...) {
        const ErrorReport report = report_error(std::current_exception());
        error = report.message;
        return report.exit_status;
    }

    // SIGINT and SIGTERM go to one thread that stops the server; blocked
    // here before any worker thread exists, so no worker receives them.
    sigset_t stop_signals;
    sigemptyset(&stop_signals);
    sigaddset(&stop_signals, SIGINT);
    sigaddset(&stop_signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

    HttpMetrics metrics;
    const HeadLimits limits{};
    ConnectionHooks hooks;
    hooks.opened = [&metrics] { metrics.connection_opened(); };
    hooks.closed = [&metrics] { metrics.connection_closed(); };
    hooks.request_started = [] {
        request_started = std::chrono::steady_clock::now();
        request_route = OTHER_ROUTE;
    };
    hooks.refused = [&](const httplib::Request& req, httplib::Response& res) {
        res.set_content(error_json(error_code_of(res.status), error_message_of(res.status, limits)), JSON_TYPE);
        const double seconds = seconds_since_start();
        log(access_line(req, res, seconds));
        metrics.count_request(OTHER_ROUTE, res.status, seconds);
    };
    BoundedServer server(limits, std::move(hooks));
    // A connection holds its worker thread until it is answered or goes
    // quiet for the read timeout, so a slow client costs a thread: many
    // threads (cheap when idle; searches are short) keep a few slow clients
    // from blocking everyone. docs/http.md says what to put in front of it
    // on the open internet.
    const int threads = options.threads > 0 ? options.threads : DEFAULT_HTTP_THREADS;
    server.new_task_queue = [threads] { return new httplib::ThreadPool(static_cast<size_t>(threads)); };
    server.set_read_timeout(5, 0);
    server.set_write_timeout(10, 0);
    server.set_keep_alive_max_count(100);
    // Only POST /api/saved has a body: a name and a query.
    server.set_payload_max_length(64 * 1024);

    server.set_pre_routing_handler([&](const httplib::Request& req, httplib::Response& res) {
        // Saved searches are the one thing written: POST and DELETE there only.
        const bool writes = req.path == "/api/saved" && (req.method == "POST" || req.method == "DELETE");
        if (req.method != "GET" && req.method != "HEAD" && !writes) {
            res.status = 405;
            res.set_header("Allow", req.path == "/api/saved" ? "GET, HEAD, POST, DELETE" : "GET, HEAD");
            res.set_content(error_json("method_not_allowed", "only GET and HEAD are served here"), JSON_TYPE);
            return httplib::Server::HandlerResponse::Handled;
        }
        if (!options.cors_origin.empty() && req.path.rfind("/api/", 0) == 0)
            res.set_header("Access-Control-Allow-Origin", options.cors_origin);
        return httplib::Server::HandlerResponse::Unhandled;
    });
    add_routes(server, service);
    add_operations_routes(server, metrics, options.databases);
    // Anything else, and errors httplib raises itself (413, 400), as JSON.
    server.set_error_handler([&limits](const httplib::Request&, httplib::Response& res) {
        if (!res.body.empty()) return;
        res.set_content(error_json(error_code_of(res.status), error_message_of(res.status, limits)), JSON_TYPE);
    });
    server.set_exception_handler([](const httplib::Request&, httplib::Response& res, std::exception_ptr) {
        res.status = 500;
        res.set_content(error_json("internal", "internal error"), JSON_TYPE);
    });
    server.set_logger([&](const httplib::Request& req, const httplib::Response& res) {
        const double seconds = seconds_since_start();
        log(access_line(req, res, seconds));
        metrics.count_request(request_route, res.status, seconds);
    });

    if (!server.bind_to_port(options.host, options.port)) {
        error = "cannot listen on " + options.host + ":" + std::to_string(options.port) +
                " (in use, or not an address of this machine?)";
        pthread_sigmask(SIG_UNBLOCK, &stop_signals, nullptr);
        return 2;
    }
    std::thread stopper([&] {
        int signal_number = 0;
        sigwait(&stop_signals, &signal_number);
        if (signal_number != 0) log(std::string("stopping on ") + (signal_number == SIGINT ? "SIGINT" : "SIGTERM"));
        server.stop();
    });
    log("listening on http://" + options.host + ":" + std::to_string(options.port) + "/ (" + std::to_string(threads) +
        " worker threads; Ctrl-C stops)");
    server.listen_after_bind();
    // listen returned: either a signal stopped it, or it failed; make sure
    // the stopper thread ends either way.
    if (server.is_running()) server.stop();
    pthread_kill(stopper.native_handle(), SIGTERM);
    stopper.join();
    return 0;
}

}  // namespace saywho
