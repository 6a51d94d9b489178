/** @file index_parallel.cc
 *  @brief A new database built by several writers: the inputs split in
 *         parts, each written into a shard by its own threads, the shards
 *         merged in input order.
 */
#include "indexer/index_parallel.h"

#include <fcntl.h>
#include <stdio.h>

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <exception>
#include <memory>
#include <mutex>
#include <optional>
#include <system_error>
#include <thread>
#include <utility>

#include "common/database.h"
#include "common/schema.h"
#include "indexer/index_prepare.h"
#include "indexer/index_queues.h"

namespace fs = std::filesystem;

namespace saywho {

namespace {

/// One part of a parallel build: its inputs, its shard, and the writer's
/// problems and progress until the thread that runs run_index() passes them on.
struct Lane {
    std::vector<InputFile> files;
    std::string shard_path;
    std::optional<Xapian::WritableDatabase> shard;
    std::optional<OrderedQueue> queue;
    WriterTally tally;
    // Guarded by LaneHub::mutex:
    std::vector<InputProblem> problems;
    IndexProgress progress;
    std::size_t progress_reports = 0;  ///< not yet passed on
    bool done = false;
    std::exception_ptr error;
};

/// Carries problems and progress from the writer threads of a parallel build
/// to the thread that runs run_index(), the only one that may call the
/// observer.
struct LaneHub {
    std::mutex mutex;
    std::condition_variable changed;
    bool news = false;
};

/// The observer a lane's writer thread reports to.
class LaneObserver : public IndexObserver {
  public:
    LaneObserver(LaneHub& hub, Lane& lane) : hub_(hub), lane_(lane) {}
    void on_problem(const InputProblem& problem) override {
        std::lock_guard<std::mutex> lock(hub_.mutex);
        lane_.problems.push_back(problem);
        notify();
    }
    void on_progress(const IndexProgress& progress) override {
        std::lock_guard<std::mutex> lock(hub_.mutex);
        lane_.progress = progress;
        ++lane_.progress_reports;
        notify();
    }
    void finish(std::exception_ptr error) {
        std::lock_guard<std::mutex> lock(hub_.mutex);
        lane_.done = true;
        lane_.error = std::move(error);
        notify();
    }

  private:
    void notify() {
        hub_.news = true;
        hub_.changed.notify_one();
    }
    LaneHub& hub_;
    Lane& lane_;
};

/// Passes the lanes' problems and progress on to @p observer until every
/// lane is done. Problems keep input order: a lane's are held back until
/// the lanes before it are done. Returns the first lane error, if any.
std::exception_ptr relay_lanes(std::vector<std::unique_ptr<Lane>>& lanes, LaneHub& hub, const IndexProgress& totals,
                               IndexObserver& observer) {
    std::size_t live = 0;  // the first lane not yet done
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
            for (; live < lanes.size(); ++live) {
                Lane& lane = *lanes[live];
                for (auto& problem : lane.problems) problems.push_back(std::move(problem));
                lane.problems.clear();
                if (!lane.done) break;
            }
            for (auto& lane : lanes) {
                progress.articles += lane->progress.articles;
                progress.bytes_done += lane->progress.bytes_done;
                progress.seconds = std::max(progress.seconds, lane->progress.seconds);
                reports += std::exchange(lane->progress_reports, 0);
                if (lane->error && !error) error = lane->error;
                all_done = all_done && lane->done;
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

/// An id read in two parts: the later copy wins, as with one writer,
/// which would have replaced the earlier one and counted it as updated.
void replace_duplicates(std::vector<std::unique_ptr<Lane>>& lanes, IndexObserver& observer, IndexSummary& summary) {
    for (std::size_t later = 1; later < lanes.size(); ++later) {
        for (const auto& [id, origin] : lanes[later]->tally.seen_ids) {
            bool duplicate = false;
            for (std::size_t earlier = 0; earlier < later; ++earlier) {
                if (!lanes[earlier]->tally.seen_ids.count(id)) continue;
                duplicate = true;
                lanes[earlier]->shard->delete_document(schema::article_id_term(id));
                lanes[earlier]->shard->delete_document(schema::statement_article_term(id));
            }
            if (!duplicate) continue;
            observer.on_problem(
                {display_name(lanes[later]->files[origin.file_index]), origin.line,
                 "duplicate article id '" + id + "': replaces the article of that id read earlier in this run", false});
            ++summary.warnings;
            --lanes[later]->tally.summary.added;
            ++lanes[later]->tally.summary.updated;
        }
    }
}

/// Merges the shards of @p lanes into @p build_dir and swaps the result in
/// at @p target, in place of @p db (closed), adding the lanes' counts to
/// @p summary.
void merge_into_place(std::vector<std::unique_ptr<Lane>>& lanes, const fs::path& build_dir, const fs::path& target,
                      Xapian::WritableDatabase& db, IndexSummary& summary) {
    Xapian::Database shards;
    for (auto& lane : lanes) {
        add_counts(summary, lane->tally.summary);
        summary.bytes_read += lane->tally.progress.bytes_done;
        lane->shard->commit();
        lane->shard->close();
        shards.add_database(Xapian::Database(lane->shard_path));
    }
    // Document ids are renumbered in shard order: the first shard's come
    // first, so they follow the input order as one writer's would.
    const fs::path merged = build_dir / "merged";
    shards.compact(merged.string());
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

fs::path build_directory(const std::string& db_path) { return database_directory(db_path).string() + ".saywho-build"; }

void build_in_parallel(Xapian::WritableDatabase& db, const IndexOptions& options,
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

    // options.jobs counts the workers of all lanes together.
    const std::size_t lane_workers = std::max<std::size_t>(1, resolve_jobs(options.jobs) / parts.size());
    std::vector<std::unique_ptr<Lane>> lanes;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        auto lane = std::make_unique<Lane>();
        lane->queue.emplace(queue_capacity(lane_workers));
        lane->files = std::move(parts[i]);
        lane->shard_path = (build_dir / ("shard-" + std::to_string(i))).string();
        // A shard is scratch: if the run dies, it is deleted, not recovered,
        // so its commits need not wait for the disk. The compactor syncs the
        // merged database it writes.
        lane->shard.emplace(open_for_writing(lane->shard_path, Xapian::DB_NO_SYNC));
        lanes.push_back(std::move(lane));
    }

    LaneHub hub;
    std::atomic<bool> stop{false};
    std::vector<LaneObserver> lane_observers;
    lane_observers.reserve(lanes.size());
    for (auto& lane : lanes) lane_observers.emplace_back(hub, *lane);
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
    for (std::size_t i = 0; i < lanes.size(); ++i) {
        writers.emplace_back([&, i] {
            Lane& lane = *lanes[i];
            std::exception_ptr error;
            try {
                {
                    // A new shard holds nothing to compare the articles with.
                    PreparingThreads preparing(options, lane.files, std::string(), stdin_stream, *lane.queue,
                                               lane_workers);
                    write_prepared(*lane.shard, *lane.queue, options, stop, start, lane_observers[i], lane.tally);
                }
                lane.shard->commit();
            } catch (...) {
                error = std::current_exception();
            }
            lane_observers[i].finish(error);
        });
    }
    IndexProgress totals;
    totals.bytes_total = total_bytes;
    if (auto error = relay_lanes(lanes, hub, totals, observer)) std::rethrow_exception(error);
    for (auto& thread : writers) thread.join();
    replace_duplicates(lanes, observer, summary);
    merge_into_place(lanes, build_dir, target, db, summary);
}

}  // namespace saywho
