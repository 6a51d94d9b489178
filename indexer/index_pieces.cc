/** @file index_pieces.cc
 *  @brief A new database built in pieces: the inputs split among writers,
 *         each writing its part as a run of pieces small enough for the
 *         cache, the pieces merged in input order by Xapian's compactor.
 */
#include "indexer/index_pieces.h"

#include <fcntl.h>
#include <stdio.h>

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <exception>
#include <memory>
#include <mutex>
#include <string_view>
#include <system_error>
#include <thread>
#include <unordered_map>
#include <utility>

#include "common/database.h"
#include "common/schema.h"
#include "indexer/index_prepare.h"
#include "indexer/index_queues.h"

namespace fs = std::filesystem;

namespace saywho {

namespace {

/// One piece of a build in pieces: its inputs, the database it is written
/// into, and the writer's problems and progress until the thread that runs
/// run_index() passes them on.
struct Piece {
    std::vector<InputFile> files;
    std::string path;
    WriterTally tally;
    // Guarded by PieceHub::mutex:
    std::vector<InputProblem> problems;
    IndexProgress progress;
    std::size_t progress_reports = 0;  ///< not yet passed on
    bool done = false;
    std::exception_ptr error;
};

/// Carries problems and progress from the writer threads of a build in
/// pieces to the thread that runs run_index(), the only one that may call
/// the observer.
struct PieceHub {
    std::mutex mutex;
    std::condition_variable changed;
    bool news = false;
};

/// The observer a writer thread reports to while it writes one piece.
class PieceObserver : public IndexObserver {
  public:
    PieceObserver(PieceHub& hub, Piece& piece) : hub_(hub), piece_(piece) {}
    void on_problem(const InputProblem& problem) override {
        std::lock_guard<std::mutex> lock(hub_.mutex);
        piece_.problems.push_back(problem);
        notify();
    }
    void on_progress(const IndexProgress& progress) override {
        std::lock_guard<std::mutex> lock(hub_.mutex);
        piece_.progress = progress;
        ++piece_.progress_reports;
        notify();
    }
    void finish(std::exception_ptr error) {
        std::lock_guard<std::mutex> lock(hub_.mutex);
        piece_.done = true;
        piece_.error = std::move(error);
        notify();
    }

  private:
    void notify() {
        hub_.news = true;
        hub_.changed.notify_one();
    }
    PieceHub& hub_;
    Piece& piece_;
};

/// Passes the pieces' problems and progress on to @p observer until every
/// piece is done. Problems keep input order: a piece's are held back until
/// the pieces before it are done. Returns the first piece's error, if any.
std::exception_ptr relay_pieces(std::vector<std::unique_ptr<Piece>>& pieces, PieceHub& hub, const IndexProgress& totals,
                                IndexObserver& observer) {
    std::size_t live = 0;  // the first piece not yet done
    for (;;) {
        std::vector<InputProblem> problems;
        std::size_t reports = 0;
        IndexProgress progress = totals;
        std::exception_ptr error;
        bool all_done = true;
        {
            std::unique_lock<std::mutex> lock(hub.mutex);
            hub.changed.wait(lock, [&] { return hub.news; });
            hub.news = false;
            for (; live < pieces.size(); ++live) {
                Piece& piece = *pieces[live];
                for (auto& problem : piece.problems) problems.push_back(std::move(problem));
                piece.problems.clear();
                if (!piece.done) break;
            }
            for (auto& piece : pieces) {
                progress.articles += piece->progress.articles;
                progress.bytes_done += piece->progress.bytes_done;
                progress.seconds = std::max(progress.seconds, piece->progress.seconds);
                reports += std::exchange(piece->progress_reports, 0);
                if (piece->error && !error) error = piece->error;
                all_done = all_done && piece->done;
            }
        }
        for (const auto& problem : problems) observer.on_problem(problem);
        for (std::size_t i = 0; i < reports; ++i) observer.on_progress(progress);
        if (error || all_done) return error;
    }
}

/// The display name of an input in problems.
std::string display_name(const InputFile& file) { return file.path == "-" ? "<stdin>" : file.path; }

/// The directory of the database at @p db_path ("news.db/" is "news.db").
fs::path database_directory(const std::string& db_path) {
    fs::path target = fs::path(db_path).lexically_normal();
    if (target.filename().empty()) target = target.parent_path();
    return target;
}

/// An id read in two pieces: the later copy wins, as with one writer,
/// which would have replaced the earlier one and counted it as updated.
void replace_duplicates(std::vector<std::unique_ptr<Piece>>& pieces, IndexObserver& observer, IndexSummary& summary) {
    // The piece that holds each id's latest copy so far; the ids point into
    // the pieces' tallies, which outlive this map.
    std::unordered_map<std::string_view, std::size_t> holder;
    std::vector<std::vector<std::string_view>> stale(pieces.size());
    for (std::size_t later = 0; later < pieces.size(); ++later) {
        Piece& piece = *pieces[later];
        for (const auto& [id, origin] : piece.tally.seen_ids) {
            auto [it, first] = holder.emplace(id, later);
            if (first) continue;
            stale[it->second].push_back(id);
            it->second = later;
            observer.on_problem(
                {display_name(piece.files[origin.file_index]), origin.line,
                 "duplicate article id '" + id + "': replaces the article of that id read earlier in this run", false});
            ++summary.warnings;
            --piece.tally.summary.added;
            ++piece.tally.summary.updated;
        }
    }
    for (std::size_t i = 0; i < pieces.size(); ++i) {
        if (stale[i].empty()) continue;
        Xapian::WritableDatabase db(pieces[i]->path, Xapian::DB_OPEN | Xapian::DB_NO_SYNC);
        for (const auto id : stale[i]) {
            db.delete_document(schema::article_id_term(std::string(id)));
            db.delete_document(schema::statement_article_term(std::string(id)));
        }
        db.commit();
    }
}

/// Merges @p pieces into @p build_dir and swaps the result in at @p target,
/// in place of @p db (closed), adding the pieces' counts to @p summary.
void merge_into_place(std::vector<std::unique_ptr<Piece>>& pieces, const fs::path& build_dir, const fs::path& target,
                      Xapian::WritableDatabase& db, IndexSummary& summary) {
    Xapian::Database all;
    for (auto& piece : pieces) {
        add_counts(summary, piece->tally.summary);
        summary.bytes_read += piece->tally.progress.bytes_done;
        all.add_database(Xapian::Database(piece->path));
    }
    // Document ids are renumbered in piece order: the first piece's come
    // first, so they follow the input order as one writer's would.
    const fs::path merged = build_dir / "merged";
    all.compact(merged.string());
    // Every article was read in this run, so prune has nothing to remove.
    db.close();
    // Swapped in atomically, so that a database is at the target at every
    // moment, even if the run is killed here; the old, empty one goes after.
    if (renameat2(AT_FDCWD, merged.c_str(), AT_FDCWD, target.c_str(), RENAME_EXCHANGE) == 0) {
        fs::remove_all(merged);
    } else {  // a file system without RENAME_EXCHANGE
        fs::remove_all(target);
        fs::rename(merged, target);
    }
}

/// Writes @p piece into a new database of its own with @p workers threads
/// preparing its articles, and closes it.
void write_piece(Piece& piece, const IndexOptions& options, std::size_t workers, std::istream& stdin_stream,
                 const std::atomic<bool>& stop, Clock::time_point start, IndexObserver& observer) {
    // A piece is scratch: if the run dies, it is deleted, not recovered, so
    // its commits need not wait for the disk. The compactor syncs the merged
    // database it writes.
    Xapian::WritableDatabase db = open_for_writing(piece.path, Xapian::DB_NO_SYNC);
    OrderedQueue queue(queue_capacity(workers));
    {
        // A new piece holds nothing to compare the articles with.
        PreparingThreads preparing(options, piece.files, std::string(), stdin_stream, queue, workers);
        write_prepared(db, queue, options, stop, start, observer, piece.tally);
    }
    // Carried into the merged database by the compactor: a run killed after
    // the merge, before its link pass, leaves the mark for the next one.
    db.set_metadata(schema::METADATA_LINKS_PENDING, "1");
    db.commit();
    db.close();
}

}  // namespace

std::vector<std::vector<InputFile>> split_inputs(const std::vector<InputFile>& files, std::uint64_t total_bytes,
                                                 std::size_t parts) {
    std::vector<std::vector<InputFile>> out(std::min(parts, files.size()));
    std::uint64_t done = 0;
    std::size_t part = 0;
    for (std::size_t i = 0; i < files.size(); ++i) {
        const std::size_t files_left = files.size() - i;
        const std::size_t parts_left = out.size() - part - 1;  // after this one
        if (!out[part].empty() && parts_left > 0 &&
            (done * out.size() >= total_bytes * (part + 1) || files_left == parts_left))
            ++part;
        out[part].push_back(files[i]);
        done += files[i].size;
    }
    return out;
}

std::vector<std::vector<InputFile>> split_pieces(const std::vector<InputFile>& files, std::uint64_t piece_bytes) {
    std::vector<std::vector<InputFile>> out;
    std::uint64_t bytes = 0;
    for (const auto& file : files) {
        if (out.empty() || (!out.back().empty() && bytes + file.size > piece_bytes)) {
            out.emplace_back();
            bytes = 0;
        }
        out.back().push_back(file);
        bytes += file.size;
    }
    return out;
}

fs::path build_directory(const std::string& db_path) { return database_directory(db_path).string() + ".saywho-build"; }

void build_in_pieces(Xapian::WritableDatabase& db, const IndexOptions& options,
                     std::vector<std::vector<InputFile>> parts, std::uint64_t total_bytes, std::istream& stdin_stream,
                     Clock::time_point start, IndexObserver& observer, IndexSummary& summary) {
    const fs::path target = database_directory(options.db_path);
    const fs::path build_dir = build_directory(options.db_path);
    struct RemoveGuard {
        fs::path path;
        ~RemoveGuard() {
            std::error_code ec;
            fs::remove_all(path, ec);
        }
    } remove_guard{build_dir};
    fs::create_directories(build_dir);

    // options.jobs counts the workers of all writers together.
    const std::size_t workers = std::max<std::size_t>(1, resolve_jobs(options.jobs) / parts.size());
    std::vector<std::unique_ptr<Piece>> pieces;
    std::vector<std::size_t> first_piece;  // of each part, and one past the last part's
    for (const auto& part : parts) {
        first_piece.push_back(pieces.size());
        for (auto& files : split_pieces(part, options.piece_bytes)) {
            auto piece = std::make_unique<Piece>();
            piece->files = std::move(files);
            piece->path = (build_dir / ("piece-" + std::to_string(pieces.size()))).string();
            pieces.push_back(std::move(piece));
        }
    }
    first_piece.push_back(pieces.size());

    PieceHub hub;
    std::atomic<bool> stop{false};
    std::vector<PieceObserver> piece_observers;
    piece_observers.reserve(pieces.size());
    for (auto& piece : pieces) piece_observers.emplace_back(hub, *piece);
    std::vector<std::thread> writers;
    // Whatever happens below, every writer is stopped and joined.
    struct JoinGuard {
        std::atomic<bool>& stop;
        std::vector<std::thread>& threads;
        ~JoinGuard() {
            stop = true;
            for (auto& thread : threads)
                if (thread.joinable()) thread.join();
        }
    } join_guard{stop, writers};
    for (std::size_t part = 0; part < parts.size(); ++part) {
        writers.emplace_back([&, part] {
            for (std::size_t i = first_piece[part]; i < first_piece[part + 1] && !stop; ++i) {
                std::exception_ptr error;
                try {
                    write_piece(*pieces[i], options, workers, stdin_stream, stop, start, piece_observers[i]);
                } catch (...) {
                    error = std::current_exception();
                }
                piece_observers[i].finish(error);
                if (error) return;
            }
        });
    }
    IndexProgress totals;
    totals.bytes_total = total_bytes;
    if (auto error = relay_pieces(pieces, hub, totals, observer)) std::rethrow_exception(error);
    for (auto& thread : writers) thread.join();
    replace_duplicates(pieces, observer, summary);
    observer.on_stage("merging " + std::to_string(pieces.size()) + (pieces.size() == 1 ? " piece" : " pieces"),
                      seconds_since(start));
    merge_into_place(pieces, build_dir, target, db, summary);
}

}  // namespace saywho
