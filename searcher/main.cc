/** @file main.cc
 *  @brief saywho-search: command line for searching a saywho database.
 */
#include <unistd.h>

#include <iostream>
#include <map>

#include <CLI/CLI.hpp>
#include <xapian.h>

#include "common/civil_date.h"
#include "common/database.h"
#include "common/schema.h"
#include "common/errors.h"
#include "common/text.h"
#include "common/version.h"
#include "searcher/alerts.h"
#include "searcher/error_report.h"
#include "searcher/export.h"
#include "searcher/http_module.h"
#include "searcher/printers.h"
#include "searcher/search.h"
#include "searcher/service.h"
#include "searcher/speaker_page.h"
#include "searcher/speaker_printers.h"

namespace {

using saywho::EXIT_ERROR;
using saywho::EXIT_FOUND;
using saywho::EXIT_NOTHING_FOUND;

struct CommandLine {
    std::vector<std::string> dbs;
    std::vector<std::string> words;
    saywho::SearchOptions search;
    bool json = false;
    std::string format;   ///< --format: csv or jsonl, an export of every statement; empty: none
    std::string speaker;  ///< --speaker: the page of the speaker so named; empty: a search
    bool explain = false;
    std::string now;
    bool serve = false;
    std::string http;
    std::string cors;
    int threads = 0;
    bool literal = false;
    std::string cluster;  ///< --cluster: every copy of one statement
    // Saved searches and alerts (searcher/alerts.h):
    std::string save;
    std::string unsave;
    bool list_saved = false;
    bool alerts = false;
    bool dry_run = false;
    saywho::WebhookOptions webhook;
    int webhook_delay_ms = 500;
};

/// Reports an error in the chosen output mode and returns EXIT_ERROR.
int fail(bool json, const std::string& code, const std::string& message) {
    if (json) saywho::print_json_error(std::cout, code, message);
    std::cerr << "saywho-search: " << message << '\n';
    return EXIT_ERROR;
}

/// The --help text: query syntax, the fields (generated from
/// schema::QUERY_FIELDS), plain phrases and the exit statuses.
std::string help_text() {
    return "saywho-search: search a saywho database.\n\n"
           "Query syntax (words are stemmed; all must match unless --match any):\n"
           "  ceasefire energy            both words\n"
           "  \"security guarantees\"       a phrase\n"
           "  drought OR flood            either;  AND, NOT, +word, -word, ( ) work too\n"
           "  talks on the ceasefire      function words (the, on, about, did...) are never required;\n"
           "                              \"a phrase\" or +the keeps them\n"
           "  ceasef*                     words starting with ceasef\n"
           "Fields (field:value; a value with spaces in \"quotes\"; fields mix with words and each other):\n" +
           saywho::query_fields_help() +
           "Plain phrases work too (checked against the speakers and places the database knows):\n"
           "  statements by Zelensky in Helsinki     speaker, place (a country includes its cities)\n"
           "  what did Trump say about tariffs       speaker and words; also: what did the Kremlin say,\n"
           "                                         Kettunen's remarks on drought, Kettunen statements\n"
           "  Baker dollar                           a person's name without \"by\" is the speaker when\n"
           "                                         it is the query's only name and no topic\n"
           "  quotes of Kettunen last week           relative dates: yesterday, this month, last year...\n"
           "  drought since March 2025               on/in/since/before/after DATE, between A and B\n"
           "  articles about drought                 statements/quotes or articles/stories\n"
           "  --explain shows how a query was read; --literal turns this off.\n\n"
           "Speaker page: --speaker NAME (\"Volcker\", \"james baker\") prints one speaker's names, roles over\n"
           "time, statements by date, places, distinctive words and latest statements (-n of them).\n\n"
           "Saved searches (stored in the database; docs/json.md, \"alert\"):\n"
           "  --save ukraine ceasefire OR \"security guarantees\"    then saved:ukraine in any query\n"
           "  --alerts                    per saved search, what was indexed since the last --alerts\n\n"
           "Export: --format csv|jsonl writes every statement the query matches (docs/export.md).\n\n"
           "Exit status: 0 results found (rows written, the speaker's page), 1 nothing found (no such\n"
           "speaker), 2 error (bad query, no database, a --speaker name that fits several speakers, a\n"
           "webhook that failed).";
}

/// Declares every option of saywho-search, filling @p cli.
void add_options(CLI::App& app, CommandLine& cli) {
    app.option_defaults()->always_capture_default();
    app.set_version_flag("--version", saywho::version_text("saywho-search"), "print the version and exit");
    app.add_option("--db", cli.dbs,
                   "database directory, Xapian stub file or tcp://HOST:PORT (xapian-tcpsrv); repeat to search "
                   "several shards as one (default: $SAYWHO_DB, else ./saywho.db)")
        ->allow_extra_args(false)  // one value per --db, so the words after it stay the query
        ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
    app.add_option("query", cli.words, "the query; several arguments are joined with spaces");
    app.add_option("-n,--limit", cli.search.limit, "results per page; 0: none, only how many match (and --facets)")
        ->check(CLI::Range(0, 10000));
    app.add_option("--offset", cli.search.offset, "skip this many results (for the next page)");
    std::map<std::string, saywho::SortOrder> sorts;
    for (const auto& entry : saywho::SORT_ORDERS) sorts.emplace(entry.name, entry.order);
    app.add_option("--sort", cli.search.sort,
                   "relevance, newest or oldest; ties in relevance (every hit of a query without words) "
                   "newest first; within a day by article id, an article before its statements, in text order")
        ->transform(CLI::CheckedTransformer(sorts, CLI::ignore_case).description(""))
        ->default_str("relevance");
    std::map<std::string, saywho::MatchMode> matches;
    for (const auto& entry : saywho::MATCH_MODES) matches.emplace(entry.name, entry.mode);
    app.add_option("--match", cli.search.match, "all: every word must match; any: any word, best first")
        ->transform(CLI::CheckedTransformer(matches, CLI::ignore_case).description(""))
        ->default_str("all");
    app.add_flag("--json", cli.json, "print one JSON document (see docs/json.md)");
    app.add_option("--format", cli.format,
                   "csv or jsonl: every statement the query matches, not a page, one row each (docs/export.md)")
        ->check(CLI::IsMember({"csv", "jsonl"}));
    app.add_option("--speaker", cli.speaker,
                   "the page of one speaker instead of a search: names, kind, roles with the months seen, "
                   "statements by date (--interval), places, distinctive words, the latest -n statements; "
                   "NAME is a surname, a full name or a key (docs/json.md, \"speaker\")");
    app.add_flag("--explain", cli.explain, "print how the query was read (filters and words) before the results");
    app.add_flag("--literal", cli.literal, "no query understanding: pass the query to the parser as typed");
    app.add_flag("--facets", cli.search.facets,
                 "count results by speaker, kind of source, location, country and month (JSON: the facets member); "
                 "costs every match its values, so off unless asked");
    app.add_flag("--timeline", cli.search.timeline,
                 "count results by day, week, month or year over the whole match set and draw a bar for each "
                 "(JSON: the timeline member); the interval follows the span of the matches unless --interval");
    std::map<std::string, saywho::TimelineInterval> intervals;
    for (const auto& entry : saywho::TIMELINE_INTERVALS) intervals.emplace(entry.name, entry.interval);
    app.add_option("--interval", cli.search.timeline_interval,
                   "the timeline's buckets: day, week (from Monday), month or year; implies --timeline "
                   "(default: days up to 60 days of matches, weeks up to 366 days, months up to 8 years, else years)")
        ->transform(CLI::CheckedTransformer(intervals, CLI::ignore_case).description(""));
    app.add_option("--facet-values", cli.search.facet_values, "values listed per facet")->check(CLI::Range(1, 1000));
    app.add_option("--per-article", cli.search.per_article,
                   "at most N results from each article (0: no limit); lists every copy, as --all-copies");
    app.add_flag(
        "--all-copies", [&cli](std::int64_t) { cli.search.collapse_copies = false; },
        "list every copy of a statement: by default the copies other articles reported are one result, "
        "the earliest, with \"also in N more articles\" (JSON: the cluster member)");
    app.add_option("--cluster", cli.cluster,
                   "every appearance of the statement whose cluster is ID (the ID an \"also in\" line gives), "
                   "oldest first, the first marked; words and filters narrow it")
        ->type_name("ID");
    app.add_option("--now", cli.now, "the date relative dates count from, YYYY-MM-DD (default: today, UTC)");
    app.add_flag("--serve", cli.serve,
                 "answer JSON requests, one a line on stdin, one JSON line each on stdout (docs/http.md)");
    app.add_option("--http", cli.http,
                   "serve the HTTP API and the search page on [ADDR:]PORT (default address 127.0.0.1; docs/http.md)");
    app.add_option("--cors", cli.cors,
                   "with --http: allow pages from this origin to call the API (https://example.org)");
    auto* save = app.add_option("--save", cli.save,
                                "store the query under NAME in the database (saved:NAME in any query; alerts)")
                     ->option_text("NAME")
                     ->allow_extra_args(false);
    auto* unsave = app.add_option("--unsave", cli.unsave, "remove the saved search NAME")->option_text("NAME");
    auto* saved = app.add_flag("--saved", cli.list_saved, "list the saved searches (name and query)");
    auto* alerts =
        app.add_flag("--alerts", cli.alerts, "for each saved search, what was indexed since the last --alerts");
    app.add_flag("--dry-run", cli.dry_run, "with --alerts: show them but leave the mark where it is")->needs(alerts);
    auto* webhook =
        app.add_option("--webhook", cli.webhook.url,
                       "with --alerts: POST one JSON document per saved search with new hits to URL (docs/json.md)")
            ->option_text("URL")
            ->needs(alerts);
    app.add_option("--webhook-attempts", cli.webhook.attempts, "tries per document before giving up")
        ->check(CLI::Range(1, 20))
        ->needs(webhook);
    app.add_option("--webhook-delay", cli.webhook_delay_ms,
                   "milliseconds before the second try, doubled before each later one")
        ->check(CLI::Range(0, 60000))
        ->needs(webhook);
    save->excludes(unsave)->excludes(saved)->excludes(alerts);
    unsave->excludes(saved)->excludes(alerts);
    saved->excludes(alerts);
    app.add_option("--threads", cli.threads,
                   "with --http: worker threads, each serving one connection at a time (default: 64)")
        ->check(CLI::Range(1, 256));
}

/// Prints @p results as --json, --explain and --facets ask; returns the exit status.
int print_results(const CommandLine& cli, const saywho::ResultSet& results) {
    if (cli.json) {
        saywho::print_json(std::cout, results);
    } else {
        if (cli.explain) {
            saywho::print_interpretation(std::cout, results.interpretation);
        } else {
            // Remarks the user must see even without --explain: an ambiguous name.
            for (const auto& f : results.interpretation.filters)
                if (f.kind == saywho::Filter::Kind::SPEAKER && f.values.size() > 1 && !f.note.empty()) {
                    std::cout << "note: '" << f.source << "' matches";
                    for (std::size_t i = 0; i < f.values.size(); ++i) std::cout << (i ? ", " : " ") << f.values[i];
                    std::cout << "; all are kept (speaker:\"Full Name\" picks one)\n";
                }
        }
        if (!results.suggestion.empty()) std::cout << "did you mean: " << results.suggestion << "\n";
        if (!results.hits.empty()) {
            saywho::print_text(std::cout, results, isatty(STDOUT_FILENO));
        } else if (results.limit == 0 && results.estimate > 0) {
            saywho::print_count(std::cout, results);
        } else if (results.estimate > 0) {
            std::cerr << "saywho-search: no results past --offset " << results.offset << " (" << results.estimate
                      << " in all)\n";
        } else {
            std::cerr << "saywho-search: " << results.why_nothing << "\n";
        }
        saywho::print_timeline(std::cout, results);
        if (cli.search.facets) saywho::print_facets(std::cout, results);
    }
    // --limit 0 lists nothing by request: what was found is the count.
    const bool found = results.limit == 0 ? results.estimate > 0 : !results.hits.empty();
    return found ? EXIT_FOUND : EXIT_NOTHING_FOUND;
}

/// The one database a command that writes to it (--save, --unsave,
/// --alerts) works on; throws UsageError for several.
const std::string& writable_database(const CommandLine& cli) {
    if (cli.dbs.size() != 1 || cli.dbs[0].rfind("tcp://", 0) == 0)
        throw saywho::UsageError("saved searches live in one local database: give a single --db");
    return cli.dbs[0];
}

/// --save, --unsave and --saved; returns the exit status.
int run_saved_command(const CommandLine& cli) {
    if (cli.list_saved) {
        Xapian::Database db = saywho::open_for_searching(cli.dbs);
        const auto saved = saywho::list_saved_searches(db);
        saywho::print_saved(std::cout, saved, cli.json);
        return saved.empty() ? EXIT_NOTHING_FOUND : EXIT_FOUND;
    }
    const std::string& path = writable_database(cli);
    if (cli.unsave.empty()) {
        saywho::save_search_at(path, cli.save, cli.search.query);
    } else if (!saywho::unsave_search_at(path, cli.unsave)) {
        throw saywho::UsageError("no saved search named '" + cli.unsave + "'");
    }
    return EXIT_FOUND;
}

/// --alerts: prints or posts what each saved search found since its mark,
/// then moves the marks of those delivered (unless --dry-run).
int run_alerts(const CommandLine& cli) {
    const std::string& path = writable_database(cli);
    if (!cli.webhook.url.empty()) saywho::http_module().check_webhook_url(cli.webhook.url);
    const std::vector<saywho::Alert> alerts = saywho::retry_concurrent_commits([&](int) {
        Xapian::Database db = saywho::open_for_searching(cli.dbs);
        return saywho::find_alerts(db, cli.search);
    });
    std::vector<saywho::Alert> delivered;
    bool found = false;
    bool failed = false;
    for (const auto& alert : alerts) {
        if (!alert.error.empty()) {
            std::cerr << "saywho-search: saved:" << alert.saved.name << ": " << alert.error << '\n';
            failed = true;
            continue;
        }
        const bool has_hits = !alert.results.hits.empty();
        found = found || has_hits;
        if (has_hits && !cli.webhook.url.empty()) {
            try {
                saywho::http_module().post_webhook(cli.webhook, saywho::alert_json(alert));
                std::cout << "saved:" << alert.saved.name << ": " << alert.results.estimate << " new, posted\n";
            } catch (const saywho::DeliveryError& e) {
                // The others go on; this one's mark stays, so the next run posts it again.
                std::cerr << "saywho-search: saved:" << alert.saved.name << ": " << e.what() << '\n';
                failed = true;
                continue;
            }
        } else if (has_hits && cli.json) {
            std::cout << saywho::alert_json(alert) << '\n';
        }
        delivered.push_back(alert);
    }
    if (cli.webhook.url.empty() && !cli.json) saywho::print_alerts_text(std::cout, alerts, isatty(STDOUT_FILENO));
    std::cout.flush();
    // The marks move only once the output is out.
    if (!std::cout) throw saywho::Error("could not write the alerts; the marks stay where they were");
    if (!cli.dry_run) saywho::record_alerts(path, delivered);
    if (failed) return EXIT_ERROR;
    return found ? EXIT_FOUND : EXIT_NOTHING_FOUND;
}

/// --format: every statement the query matches, streamed to stdout;
/// returns the exit status (0 rows written, 1 none, 2 error).
int run_export(const CLI::App& app, const CommandLine& cli) {
    for (const char* other : {"--json", "--explain", "--facets", "--limit", "--offset", "--serve", "--http"})
        if (app.count(other) > 0)
            return fail(false, "bad_option", std::string("--format exports every match: ") + other + " does not apply");
    saywho::ExportOptions options;
    options.format = *saywho::parse_export_format(cli.format);
    try {
        // If the indexer commits while the query is read: again, at the new
        // revision. Once rows are out, an export cannot start over.
        saywho::StatementExport exporter = saywho::retry_concurrent_commits(
            [&](int) { return saywho::StatementExport(saywho::open_for_searching(cli.dbs), cli.search, options); });
        const std::size_t rows = exporter.write([](std::string_view piece) {
            std::cout.write(piece.data(), static_cast<std::streamsize>(piece.size()));
            return static_cast<bool>(std::cout);
        });
        std::cout.flush();
        if (!std::cout) return fail(false, "output", "cannot write the export to standard output");
        if (rows == 0) {
            std::cerr << "saywho-search: no statements match '" << cli.search.query << "'\n";
            return EXIT_NOTHING_FOUND;
        }
        return EXIT_FOUND;
    } catch (...) {
        const saywho::ErrorReport report = saywho::report_error(std::current_exception());
        return fail(false, report.code, report.message);
    }
}

/// --speaker: one speaker's page; returns the exit status (0 the page,
/// 1 no such speaker, 2 an error or a name that fits several speakers).
int run_speaker_page(const CLI::App& app, const CommandLine& cli) {
    for (const char* other : {"--format", "--facets", "--offset", "--sort", "--match", "--per-article", "--serve",
                              "--http", "--explain", "--literal", "--facet-values"})
        if (app.count(other) > 0)
            return fail(cli.json, "bad_option",
                        std::string("--speaker shows a speaker's page: ") + other + " does not apply");
    if (!cli.words.empty())
        return fail(
            cli.json, "bad_option",
            "--speaker shows a speaker's page: a query does not apply (speaker:NAME searches their statements)");
    saywho::SpeakerPageOptions options;
    options.latest = cli.search.limit;
    options.timeline_interval = cli.search.timeline_interval;
    try {
        const saywho::SpeakerLookup lookup = saywho::retry_concurrent_commits([&](int) {
            Xapian::Database db = saywho::open_for_searching(cli.dbs);
            return saywho::speaker_page_by_name(db, cli.speaker, options);
        });
        if (lookup.page) {
            if (cli.json)
                std::cout << saywho::speaker_json(*lookup.page) << '\n';
            else
                saywho::print_speaker_text(std::cout, *lookup.page);
            return EXIT_FOUND;
        }
        if (!lookup.candidates.empty()) {
            if (cli.json) std::cout << saywho::ambiguous_speaker_json(cli.speaker, lookup.candidates) << '\n';
            saywho::print_speaker_candidates(std::cerr, cli.speaker, lookup.candidates);
            return EXIT_ERROR;
        }
        if (cli.json) saywho::print_json_error(std::cout, "not_found", lookup.why_nothing);
        std::cerr << "saywho-search: " << lookup.why_nothing << "\n";
        return EXIT_NOTHING_FOUND;
    } catch (...) {
        const saywho::ErrorReport report = saywho::report_error(std::current_exception());
        return fail(cli.json, report.code, report.message);
    }
}

}  // namespace

int main(int argc, char** argv) {
    CommandLine cli;
    CLI::App app{help_text()};
    add_options(app, cli);

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        return app.exit(e) == 0 ? EXIT_FOUND : EXIT_ERROR;
    }
    for (const auto& word : cli.words) cli.search.query += (cli.search.query.empty() ? "" : " ") + word;
    cli.search.understand = !cli.literal;
    if (cli.search.timeline_interval) cli.search.timeline = true;
    if (!cli.cluster.empty()) {
        cli.search.filters.push_back(saywho::field_filter(*saywho::schema::find_query_field("cluster"), cli.cluster));
        cli.search.collapse_copies = false;
        if (app.count("--sort") == 0) cli.search.sort = saywho::SortOrder::OLDEST;
    }
    if (!cli.now.empty()) {
        auto now = saywho::CivilDate::parse_iso(cli.now);
        if (!now) {
            std::string why = saywho::explain_bad_iso_date(cli.now);
            return fail(cli.json, "bad_option",
                        "--now '" + cli.now + "': " + (why.empty() ? "expected YYYY-MM-DD" : why));
        }
        cli.search.today = *now;
    }
    if (cli.dbs.empty()) cli.dbs.push_back(saywho::default_database_path(""));

    // Checked before --format, --serve and --http take over the run.
    const bool saved_command = !cli.save.empty() || !cli.unsave.empty() || cli.list_saved || cli.alerts;
    if (saved_command && (cli.serve || !cli.http.empty() || !cli.format.empty()))
        return fail(cli.json, "bad_option",
                    "--save, --unsave, --saved and --alerts do not go with --serve, --http or --format");
    if (!cli.speaker.empty()) return run_speaker_page(app, cli);
    if (!cli.format.empty()) return run_export(app, cli);
    if (cli.serve && !cli.http.empty())
        return fail(false, "bad_option", "--serve and --http are two different modes: pick one");
    if (cli.serve) {
        // One request a line; a bad line gets an error line and the loop goes on.
        saywho::SearchService service(cli.dbs);
        for (std::string line; std::getline(std::cin, line);) {
            if (saywho::trim(line).empty()) continue;
            std::cout << service.answer_line(line) << '\n' << std::flush;
        }
        return EXIT_FOUND;
    }
    if (!cli.http.empty()) {
        saywho::HttpOptions http;
        http.databases = cli.dbs;
        http.cors_origin = cli.cors;
        http.threads = cli.threads;
        const saywho::HttpModule* module = nullptr;
        try {
            module = &saywho::http_module();
        } catch (const saywho::Error& e) {
            return fail(false, "http", e.what());
        }
        std::string error;
        if (!module->parse_listen_address(cli.http, http, error)) return fail(false, "bad_option", error);
        int code = module->serve_http(
            http, [](const std::string& line) { std::cerr << line << '\n'; }, error);
        if (code != 0) return fail(false, "http", error);
        return EXIT_FOUND;
    }

    if (saved_command) {
        cli.webhook.first_delay = std::chrono::milliseconds(cli.webhook_delay_ms);
        try {
            return cli.alerts ? run_alerts(cli) : run_saved_command(cli);
        } catch (...) {
            const saywho::ErrorReport report = saywho::report_error(std::current_exception());
            return fail(cli.json, report.code, report.message);
        }
    }

    try {
        // If the indexer commits while we read: again, at the new revision.
        saywho::ResultSet results = saywho::retry_concurrent_commits([&](int) {
            Xapian::Database db = saywho::open_for_searching(cli.dbs);
            return saywho::search(db, cli.search);
        });
        return print_results(cli, results);
    } catch (...) {
        const saywho::ErrorReport report = saywho::report_error(std::current_exception());
        return fail(cli.json, report.code, report.message);
    }
}
