/** @file index_write.cc
 *  @brief The writer of an indexing run: prepared documents into Xapian in
 *         input order, committed in batches, every outcome counted.
 */
#include "indexer/index_write.h"

#include "common/errors.h"
#include "common/schema.h"

namespace saywho {

double seconds_since(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }

void delete_statements(Xapian::WritableDatabase& db, const std::string& article_id, WriterTally& tally) {
    const std::string term = schema::statement_article_term(article_id);
    if (tally.note_speaker_changes)
        for (auto it = db.postlist_begin(term); it != db.postlist_end(term); ++it)
            tally.speaker_changes.note(db.get_document(*it));
    db.delete_document(term);
}

void write_prepared(Xapian::WritableDatabase& db, OrderedQueue& queue, const IndexOptions& options,
                    const std::atomic<bool>& stop, Clock::time_point start, IndexObserver& observer,
                    WriterTally& tally) {
    IndexSummary& summary = tally.summary;
    IndexProgress& progress = tally.progress;
    std::size_t uncommitted = 0;
    // Alerts select what came after their mark by this number (schema.h,
    // "Indexing order"); the metadata goes into the same commit as the
    // documents, so a reader never sees a number the counter has not.
    std::uint64_t sequence = schema::last_index_sequence(db);
    while (auto next = queue.pop()) {
        if (stop) return;
        PreparedItem& item = *next;
        if (item.kind == PreparedItem::Kind::FAILURE) throw Error("reading the archive failed: " + item.failure);
        if (item.kind == PreparedItem::Kind::FILE_END) {
            const InputFile& file = *item.file;
            if (file.format == InputFile::Format::JSONL && file.path != "-") {
                if (!item.file_had_skips)
                    tally.fully_read_jsonl.insert(item.absolute_path);
                else if (options.prune)
                    observer.on_problem({file.path, 0,
                                         "--prune keeps this file's other articles because some of its lines "
                                         "could not be read",
                                         false});
            }
            progress.bytes_done += file.size;
            progress.seconds = seconds_since(start);
            observer.on_progress(progress);
            continue;
        }
        ++progress.articles;
        for (const auto& problem : item.problems) observer.on_problem(problem);
        if (item.other_shard) {
            ++summary.other_shard;
            continue;
        }
        if (!item.has_article) {
            ++summary.skipped;
            continue;
        }
        bool warned = item.extraction_failed;
        for (const auto& problem : item.problems)
            if (!problem.skipped) warned = true;
        if (warned) ++summary.warnings;
        if (!tally.seen_ids.emplace(item.article_id, Origin{item.file_index, item.line}).second) {
            observer.on_problem({item.display_path, item.line,
                                 "duplicate article id '" + item.article_id +
                                     "': replaces the article of that id read earlier in this run",
                                 false});
            ++summary.warnings;
            // Known limit: the reading thread compares with the database as it
            // was when the run began, so if this later copy equals that old
            // version it counts as unchanged and the earlier copy, already
            // written, stays. The warning above tells the user either way.
        }
        if (item.unchanged) {
            ++summary.unchanged;
            continue;
        }
        const std::string id_term = schema::article_id_term(item.article_id);
        try {
            bool existed = db.postlist_begin(id_term) != db.postlist_end(id_term);
            // The old statements go first, whatever changed: a changed body
            // can have fewer statements, and none may be left behind.
            delete_statements(db, item.article_id, tally);
            for (auto& doc : item.statement_docs) {
                if (tally.note_speaker_changes) tally.speaker_changes.note(doc);
                doc.add_value(schema::SLOT_INDEX_SEQUENCE, schema::index_sequence_value(++sequence));
                db.add_document(doc);
            }
            // The article, with its new content hash, comes last: if a
            // statement fails, the old hash makes the next run redo them all.
            item.article_doc.add_value(schema::SLOT_INDEX_SEQUENCE, schema::index_sequence_value(++sequence));
            db.replace_document(id_term, item.article_doc);
            db.set_metadata(schema::METADATA_INDEX_SEQUENCE, std::to_string(sequence));
            // Known limit: a replaced article's old words keep their counts.
            for (const auto& [word, count] : item.spelling) db.add_spelling(word, count);
            summary.statements += item.statement_docs.size();
            ++(existed ? summary.updated : summary.added);
            if (++uncommitted >= options.batch_size) {
                db.commit();
                uncommitted = 0;
            }
        } catch (const Xapian::DatabaseError&) {
            throw;  // the database itself is in trouble: stop the run
        } catch (const Xapian::Error& e) {
            ++summary.failed;
            observer.on_problem({item.display_path, item.line, "not indexed: " + e.get_description(), true});
        }
    }
}

void add_counts(IndexSummary& total, const IndexSummary& part) {
    total.added += part.added;
    total.updated += part.updated;
    total.unchanged += part.unchanged;
    total.other_shard += part.other_shard;
    total.skipped += part.skipped;
    total.failed += part.failed;
    total.statements += part.statements;
    total.warnings += part.warnings;
}

}  // namespace saywho
