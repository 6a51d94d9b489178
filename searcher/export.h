/** @file export.h
 *  @brief Every statement a query matches, streamed as CSV or JSON Lines
 *         rows (docs/export.md), with memory flat however many match.
 */
#ifndef SAYWHO_SEARCHER_EXPORT_H
#define SAYWHO_SEARCHER_EXPORT_H

#include <array>
#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include <xapian.h>

#include "searcher/search.h"

namespace saywho {

enum class ExportFormat {
    CSV,    ///< RFC 4180: a header row, CRLF line ends, fields quoted when they must be
    JSONL,  ///< one JSON object a line, members named as the CSV columns
};

/// The name of each format, as --format and /api/export spell it.
struct ExportFormatName {
    const char* name;
    ExportFormat format;
};
inline constexpr std::array<ExportFormatName, 2> EXPORT_FORMATS = {{
    {"csv", ExportFormat::CSV},
    {"jsonl", ExportFormat::JSONL},
}};

/// The format named @p name exactly; nullopt for any other name.
std::optional<ExportFormat> parse_export_format(std::string_view name);

/// The columns of a row, in their documented order (docs/export.md): the
/// CSV header and the JSON Lines member names. Changing it changes a
/// contract: add at the end.
inline constexpr std::array<const char*, 13> EXPORT_COLUMNS = {
    "date", "speaker", "speaker_kind", "role",  "location", "country", "quote",
    "text", "cluster", "article_id",   "title", "url",      "source",
};

struct ExportOptions {
    ExportFormat format = ExportFormat::CSV;
    /// At most this many rows; 0: every match.
    std::size_t max_rows = 0;
    /// Matches asked of Xapian at a time: memory grows with this. A batch
    /// that starts at an offset (words in relevance order) runs the match
    /// again up to its end, so fewer batches cost less there: exporting
    /// Reuters' 66,225 statements by offsets took 2.4 s of CPU in batches
    /// of 1,000 and 0.5 s in batches of 10,000 (docs/export.md).
    std::size_t batch_size = 10000;
    /// Output is handed to the sink in pieces of about this many bytes.
    std::size_t piece_bytes = 64 * 1024;
};

/// Receives the output in order, a piece at a time; returns false when
/// nobody reads any more (the export stops).
using ExportSink = std::function<bool(std::string_view)>;

/// One export of the statements a search matches. Articles the query
/// matches are left out: a row is a statement. Holds a handle on the
/// database; like it, not to be used from two threads at once.
class StatementExport {
  public:
    /// Reads @p search's query (as search() does; offset and limit are not
    /// used) against @p db. Throws QueryError for a malformed query and
    /// Xapian::Error for database trouble.
    StatementExport(const Xapian::Database& db, const SearchOptions& search, const ExportOptions& options);

    /// True when more statements match than ExportOptions::max_rows, so
    /// write() will stop short of them (known before anything is written).
    bool truncated() const { return truncated_; }

    /// Writes the CSV header (JSON Lines has none) and then every row, in
    /// the search's order, to @p sink. Returns the number of rows written.
    /// Throws Xapian::Error (the database changed too much while it read)
    /// and RecordError (a damaged record); what was written stays written.
    std::size_t write(const ExportSink& sink);

  private:
    /// The next batch of at most @p want matches: from @p offset, or when
    /// @p after is set, those whose key_slot_ value comes after it.
    Xapian::MSet next_batch(std::size_t offset, std::size_t want, const std::optional<std::string>& after);

    Xapian::Database db_;
    Xapian::Enquire enquire_;
    Xapian::Query query_;  ///< what enquire_ runs, before any batch's bound
    ExportOptions options_;
    SortOrder sort_ = SortOrder::RELEVANCE;
    /// The slot whose stored key alone orders the matches (schema.h,
    /// "Order"), when one does: then each batch starts after the last key
    /// written instead of at an offset. None with --per-article, whose
    /// collapsing counts across the whole list.
    std::optional<Xapian::valueno> key_slot_;
    bool truncated_ = false;
};

/// Appends @p value to @p out as one CSV field (RFC 4180): in double
/// quotes, with each quote doubled, when it holds a comma, a quote, CR or
/// LF; as it is otherwise. Exposed for tests.
void append_csv_field(std::string& out, std::string_view value);

}  // namespace saywho

#endif  // SAYWHO_SEARCHER_EXPORT_H
