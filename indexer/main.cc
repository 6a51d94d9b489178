/** @file main.cc
 *  @brief saywho-index: command line for indexing a news archive into a database.
 */
#include <sys/statvfs.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <exception>
#include <filesystem>
#include <iostream>
#include <string>

#include <CLI/CLI.hpp>
#include <xapian.h>

#include "common/database.h"
#include "common/errors.h"
#include "common/version.h"
#include "extract/extract.h"
#include "indexer/index_compact.h"
#include "indexer/index_run.h"
#include "indexer/statement_json.h"

namespace {

constexpr int EXIT_ALL_INDEXED = 0;
constexpr int EXIT_SOME_SKIPPED = 1;
constexpr int EXIT_FATAL = 2;

/// Prints problems as they come and, on a terminal, a progress line.
class ConsoleObserver : public saywho::IndexObserver {
  public:
    explicit ConsoleObserver(bool show_progress) : show_progress_(show_progress) {}

    void on_problem(const saywho::InputProblem& problem) override {
        clear_progress();
        std::cerr << "saywho-index: " << (problem.skipped ? "skipped " : "warning: ") << problem.to_string() << '\n';
    }

    void on_progress(const saywho::IndexProgress& p) override {
        if (!show_progress_ || p.seconds - last_shown_ < 0.25) return;
        last_shown_ = p.seconds;
        double rate = p.seconds > 0 ? p.articles / p.seconds : 0;
        char line[160];
        int n = std::snprintf(line, sizeof line, "\r%zu articles  %.0f/s  %.1f of %.1f MB", p.articles, rate,
                              p.bytes_done / 1e6, p.bytes_total / 1e6);
        if (p.bytes_done > 0 && p.bytes_total > p.bytes_done) {
            double eta = p.seconds * (static_cast<double>(p.bytes_total) / p.bytes_done - 1);
            std::snprintf(line + n, sizeof line - static_cast<std::size_t>(n), "  ETA %d:%02d ",
                          static_cast<int>(eta) / 60, static_cast<int>(eta) % 60);
        }
        std::cerr << line << std::flush;
        shown_ = true;
    }

    void on_stage(const std::string& stage, double seconds) override {
        if (!show_progress_) return;
        clear_progress();
        const int whole = static_cast<int>(seconds);
        char at[32];
        std::snprintf(at, sizeof at, "%d:%02d", whole / 60, whole % 60);
        std::cerr << "saywho-index: " << stage << " (at " << at << ")\n";
    }

    void clear_progress() {
        if (shown_) std::cerr << "\r\033[K" << std::flush;
        shown_ = false;
    }

  private:
    bool show_progress_;
    bool shown_ = false;
    double last_shown_ = -1;
};

/// The database being written, for report_error_xapian_could_not_throw().
std::string database_being_written;

/// Whether the file system holding @p path has (almost) no space left.
bool file_system_is_full(const std::string& path) {
    struct statvfs fs {};
    std::error_code ec;
    const std::string existing =
        std::filesystem::exists(path, ec) ? path : std::filesystem::path(path).parent_path().string();
    if (statvfs(existing.empty() ? "." : existing.c_str(), &fs) != 0) return false;
    // Less than a block of Xapian's default size (8 KiB) left counts as full.
    return static_cast<unsigned long long>(fs.f_bavail) * fs.f_frsize < 8192;
}

/// The terminate handler. Xapian 1.4 can throw from inside one of its own
/// destructors when a write fails part way through a commit (seen with a
/// full disk), and C++ then calls std::terminate instead of unwinding to
/// main's catch. The database stays at its last committed revision, as
/// after any failed commit: say so as main would, instead of "terminate
/// called" and a core dump.
[[noreturn]] void report_error_xapian_could_not_throw() {
    // When a destructor throws while another exception is unwinding, there
    // is no current exception to describe: then the free space is the
    // likeliest cause worth checking.
    std::string what = "database error: Xapian failed while writing and could not say why";
    if (!database_being_written.empty() && file_system_is_full(database_being_written))
        what = "database error: No space left on device (the file system of " + database_being_written + " is full)";
    if (std::exception_ptr error = std::current_exception()) {
        try {
            std::rethrow_exception(error);
        } catch (const Xapian::Error& e) {
            what = "database error: " + e.get_description();
        } catch (const std::exception& e) {
            what = e.what();
        } catch (...) {
        }
    }
    // The progress line, if any, is cleared as ConsoleObserver would.
    std::fprintf(stderr,
                 "%ssaywho-index: %s\nsaywho-index: the database keeps what its last commit held; if the disk "
                 "is full, free some space and run again\n",
                 isatty(STDERR_FILENO) ? "\r\033[K" : "", what.c_str());
    std::_Exit(EXIT_FATAL);
}

/// Everything the command line says; CLI11 fills it.
struct CommandLine {
    saywho::IndexOptions index;
    std::string db_option;
    bool no_progress = false;
    bool no_statements = false;
    std::size_t flush_threshold = 0;
    std::string shard;  ///< "K/N", or empty
    std::vector<std::string> extract_inputs;
    std::vector<std::string> compact_shards;
    CLI::App* extract = nullptr;
    CLI::App* compact = nullptr;
};

const char* const DESCRIPTION =
    "saywho-index: index a news archive into a saywho (Xapian) database.\n\n"
    "Each PATH is an article file in the archive format (first line\n"
    "'date YYYY-MM-DD <title>', a blank line, then the body), a JSON Lines\n"
    "file (.jsonl: one {\"id\",\"date\",\"title\",\"body\",\"url\",\"source\"} a line),\n"
    "a directory (searched recursively for .txt and .jsonl), or - for JSON Lines\n"
    "on stdin. Every statement found in an article (who said what, where and\n"
    "when) is indexed as a document of its own. Re-running is incremental:\n"
    "unchanged articles are skipped, changed ones replaced with their statements.\n\n"
    "Examples:\n"
    "  saywho-index corpus/                  index a directory into ./saywho.db\n"
    "  saywho-index --db news.db archive/    choose the database\n"
    "  saywho-index --prune archive/         also drop articles whose files are gone\n"
    "  saywho-index --no-statements archive/ articles only, no statement extraction\n"
    "  zcat feed.jsonl.gz | saywho-index -   read JSON Lines from stdin\n"
    "  saywho-index extract article.txt     print its statements as JSON Lines\n"
    "  saywho-index --db s1.db --shard 1/2 archive/   half of the archive (s2.db: --shard 2/2)\n"
    "  saywho-index --db all.db compact s1.db s2.db   merge shards into one database\n\n"
    "Exit status: 0 all indexed, 1 some inputs skipped (each reported as\n"
    "file:line: reason), 2 fatal error (nothing more could be done).";

/// The subcommands and the options of what to read and where to write.
void add_inputs_and_subcommands(CLI::App& app, CommandLine& cli) {
    app.add_option("--db", cli.db_option, "database directory (default: $SAYWHO_DB, else ./saywho.db)");
    app.add_option("paths", cli.index.inputs, "files, directories, or - for JSON Lines on stdin");
    cli.extract = app.add_subcommand(
        "extract", "print the statements found in each input as JSON Lines (see docs/json.md); no database is touched");
    cli.extract->add_option("paths", cli.extract_inputs, "files, directories, or - for JSON Lines on stdin")
        ->required();
    cli.compact =
        app.add_subcommand("compact",
                           "merge shards (databases built with --shard, or any saywho databases) into the --db given, "
                           "with Xapian's compactor; the --db must not exist yet");
    cli.compact->add_option("shards", cli.compact_shards, "the shard databases, in order")->required();
    app.require_subcommand(0, 1);
}

/// A count or size of at least 1; CLI::PositiveNumber would answer "not in
/// range 0.000000 to 1797693134862315...".
const CLI::Validator AT_LEAST_ONE(
    [](std::string& value) {
        return value.find_first_not_of('0') == std::string::npos ? std::string("must be at least 1") : std::string();
    },
    "POSITIVE");

/// The options of what to index and how.
void add_indexing_options(CLI::App& app, CommandLine& cli) {
    app.add_option("--max-size", cli.index.reader.max_article_bytes,
                   "skip articles larger than this many bytes (suffixes K, M, G, such as 64M)")
        ->transform(CLI::AsSizeValue(false));
    app.add_flag("--prune", cli.index.prune,
                 "remove articles whose files no longer exist (and ids gone from re-read .jsonl files)");
    app.add_flag("--no-statements", cli.no_statements,
                 "index articles only: no statements, people or places are extracted");
    app.add_option("--extract-limit", cli.index.max_extract_bytes,
                   "extract statements from at most this many bytes of an article (suffixes K, M: 8M); "
                   "the whole article is still indexed as text")
        ->transform(CLI::AsSizeValue(false));
    app.add_option("--max-statements", cli.index.max_statements,
                   "index at most this many statements of one article (the rest are reported, not indexed)")
        ->check(AT_LEAST_ONE);
    app.add_option("--batch-size", cli.index.batch_size, "commit after this many changed articles")
        ->check(AT_LEAST_ONE);
    app.add_option("--writers", cli.index.writers,
                   "writer threads when building a new database (0: one per core, at most 4; "
                   "an existing database always has one)");
    app.add_option("--piece-size", cli.index.piece_bytes,
                   "a new database is written in pieces of this much input each (suffixes K, M, G), merged at "
                   "the end, so that writing does not slow down as the database outgrows memory")
        ->transform(CLI::AsSizeValue(false))
        ->check(AT_LEAST_ONE);
    app.add_option("--jobs,-j", cli.index.jobs,
                   "threads that extract statements and build documents for the writer(s) (0: one per core)");
    app.add_option("--flush-threshold", cli.flush_threshold,
                   "documents Xapian buffers before writing them out between commits (0: keep "
                   "$XAPIAN_FLUSH_THRESHOLD, else Xapian's default of 10000); more uses more memory");
    app.add_flag("--no-progress", cli.no_progress, "no progress line even on a terminal");
    app.add_option("--shard", cli.shard,
                   "K/N: index only the articles whose id falls in shard K of N, so N indexers (or machines) "
                   "build N shards of one archive (see docs/scaling.md)");
}

/// `saywho-index extract`: statements of each input as JSON Lines on stdout.
int run_extract(const CommandLine& cli) {
    saywho::InputList inputs = saywho::discover_inputs(cli.extract_inputs);
    bool skipped = false;
    for (const auto& problem : inputs.problems) {
        std::cerr << "saywho-index: skipped " << problem.to_string() << '\n';
        skipped = true;
    }
    for (const auto& file : inputs.files) {
        saywho::read_input(file, cli.index.reader, std::cin, [&](saywho::ParseResult&& result) {
            for (const auto& problem : result.problems) {
                std::cerr << "saywho-index: " << (problem.skipped ? "skipped " : "warning: ") << problem.to_string()
                          << '\n';
                skipped = skipped || problem.skipped;
            }
            if (!result.article) return;
            for (const auto& statement : saywho::extract_statements(*result.article))
                std::cout << saywho::statement_to_json(*result.article, statement) << '\n';
        });
    }
    std::cout.flush();
    return skipped ? EXIT_SOME_SKIPPED : EXIT_ALL_INDEXED;
}

/// `saywho-index compact`: shards merged into the --db.
int run_compact(const CommandLine& cli) {
    const std::string out = saywho::default_database_path(cli.db_option);
    saywho::CompactSummary summary = saywho::compact_databases(cli.compact_shards, out);
    std::printf("%s: %u documents (%u articles) from %zu databases in %.2f s\n", out.c_str(), summary.documents,
                summary.articles, cli.compact_shards.size(), summary.seconds);
    return EXIT_ALL_INDEXED;
}

/// Reads --shard K/N into @p options; false when it is malformed.
bool parse_shard(const std::string& shard, saywho::IndexOptions& options) {
    const std::size_t slash = shard.find('/');
    if (slash == std::string::npos || slash == 0 || slash + 1 >= shard.size() ||
        shard.find_first_not_of("0123456789/") != std::string::npos || shard.find('/', slash + 1) != std::string::npos)
        return false;
    options.shard = std::stoul(shard.substr(0, slash));
    options.shards = std::stoul(shard.substr(slash + 1));
    return options.shards >= 1 && options.shard >= 1 && options.shard <= options.shards && options.shards <= 100000;
}

/// The closing line of an indexing run.
void print_summary(const saywho::IndexOptions& options, const saywho::IndexSummary& s) {
    const std::size_t done = s.added + s.updated + s.unchanged;
    std::printf("%s: %zu added, %zu updated, %zu unchanged, %zu skipped, %zu failed", options.db_path.c_str(), s.added,
                s.updated, s.unchanged, s.skipped, s.failed);
    if (options.statements)
        std::printf(", %zu statement%s", s.statements, s.statements == 1 ? "" : "s");
    else
        std::printf(", no statements (--no-statements)");
    if (options.prune) std::printf(", %zu pruned", s.pruned);
    if (s.linked) std::printf(", %zu linked to a fuller speaker name", s.linked);
    if (s.copies)
        std::printf(", %zu cop%s of another statement in the database (%zu cluster%s)", s.copies,
                    s.copies == 1 ? "y" : "ies", s.clusters, s.clusters == 1 ? "" : "s");
    if (options.shards > 1) std::printf(", %zu left to other shards", s.other_shard);
    if (s.warnings) std::printf(" (%zu with warnings)", s.warnings);
    std::printf(" in %.2f s, %.0f articles/s\n", s.seconds, s.seconds > 0 ? done / s.seconds : 0.0);
    if (s.ignored_files)
        std::printf("ignored %zu file%s in the directories given that are not .txt or .jsonl\n", s.ignored_files,
                    s.ignored_files == 1 ? "" : "s");
}

/// Indexing the paths given into the database.
int run_indexing(CommandLine& cli) {
    if (cli.index.inputs.empty()) {
        std::cerr << "saywho-index: no paths given; see saywho-index --help\n";
        return EXIT_FATAL;
    }
    cli.index.db_path = saywho::default_database_path(cli.db_option);
    cli.index.statements = !cli.no_statements;
    if (!cli.shard.empty() && !parse_shard(cli.shard, cli.index)) {
        std::fprintf(stderr, "saywho-index: --shard '%s': expected K/N with 1 <= K <= N, such as 1/4\n",
                     cli.shard.c_str());
        return EXIT_FATAL;
    }
    // Xapian reads its flush threshold from the environment when a database
    // is opened for writing; the option is a friendlier way to set it.
    if (cli.flush_threshold > 0) setenv("XAPIAN_FLUSH_THRESHOLD", std::to_string(cli.flush_threshold).c_str(), 1);

    ConsoleObserver observer(!cli.no_progress && isatty(STDERR_FILENO));
    database_being_written = cli.index.db_path;
    try {
        saywho::IndexSummary s = saywho::run_index(cli.index, observer, std::cin);
        observer.clear_progress();
        print_summary(cli.index, s);
        return s.skipped + s.failed > 0 ? EXIT_SOME_SKIPPED : EXIT_ALL_INDEXED;
    } catch (const saywho::Error& e) {
        observer.clear_progress();
        std::cerr << "saywho-index: " << e.what() << '\n';
    } catch (const Xapian::Error& e) {
        observer.clear_progress();
        std::cerr << "saywho-index: database error: " << e.get_description() << '\n';
    } catch (const std::exception& e) {
        observer.clear_progress();
        std::cerr << "saywho-index: " << e.what() << '\n';
    }
    return EXIT_FATAL;
}

}  // namespace

int main(int argc, char** argv) {
    std::set_terminate(report_error_xapian_could_not_throw);
    CommandLine cli;
    CLI::App app{DESCRIPTION};
    app.option_defaults()->always_capture_default();
    app.set_version_flag("--version", saywho::version_text("saywho-index"), "print the version and exit");
    add_inputs_and_subcommands(app, cli);
    add_indexing_options(app, cli);
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        return app.exit(e) == 0 ? 0 : EXIT_FATAL;
    }
    if (!*cli.extract && !*cli.compact) return run_indexing(cli);
    try {
        return *cli.extract ? run_extract(cli) : run_compact(cli);
    } catch (const std::exception& e) {
        std::cerr << "saywho-index: " << e.what() << '\n';
        return EXIT_FATAL;
    }
}
