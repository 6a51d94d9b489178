/** @file export.cc
 *  @brief Every statement a query matches, streamed as CSV or JSON Lines
 *         rows (docs/export.md), with memory flat however many match.
 */
#include "searcher/export.h"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "common/record_codec.h"
#include "common/schema.h"

namespace saywho {

namespace {

/// What a row needs of a statement's article that its record does not hold.
struct ArticleLinks {
    std::string id;  ///< whose links these are
    std::string url;
    std::string source;
};

/// The url and source of article @p id; empty when it is missing (a
/// damaged database: its statements are still worth exporting).
ArticleLinks links_of(const Xapian::Database& db, const std::string& id) {
    ArticleLinks links;
    links.id = id;
    const std::string id_term = schema::article_id_term(id);
    Xapian::PostingIterator p = db.postlist_begin(id_term);
    if (p == db.postlist_end(id_term)) return links;
    ArticleRecord article = read_article_record(db.get_document(*p));
    links.url = std::move(article.url);
    links.source = std::move(article.source);
    return links;
}

/// The values of one row, in EXPORT_COLUMNS order. The views point into
/// @p record, @p links, @p date and @p cluster, which must outlive them.
std::array<std::string_view, EXPORT_COLUMNS.size()> row_values(const StatementRecord& record, const ArticleLinks& links,
                                                               const std::string& date, const std::string& cluster) {
    const Statement& st = record.statement;
    return {date,    st.speaker, st.speaker_kind,   st.role,      st.location, st.country,  st.quote,
            st.text, cluster,    record.article_id, record.title, links.url,   links.source};
}

void append_csv_row(std::string& out, const std::array<std::string_view, EXPORT_COLUMNS.size()>& values) {
    for (std::size_t i = 0; i < values.size(); ++i) {
        if (i > 0) out += ',';
        append_csv_field(out, values[i]);
    }
    out += "\r\n";
}

/// One JSON object a line; what is empty is null, as in search results.
class JsonLineWriter {
  public:
    void append(std::string& out, const std::array<std::string_view, EXPORT_COLUMNS.size()>& values) {
        buffer_.Clear();
        writer_.Reset(buffer_);
        writer_.StartObject();
        for (std::size_t i = 0; i < values.size(); ++i) {
            writer_.Key(EXPORT_COLUMNS[i]);
            if (values[i].empty())
                writer_.Null();
            else
                writer_.String(values[i].data(), static_cast<rapidjson::SizeType>(values[i].size()));
        }
        writer_.EndObject();
        out.append(buffer_.GetString(), buffer_.GetSize());
        out += '\n';
    }

  private:
    rapidjson::StringBuffer buffer_;
    rapidjson::Writer<rapidjson::StringBuffer> writer_;
};

/// @p search with every copy of a statement listed: an export has a row for
/// each, and its cluster column groups them.
SearchOptions every_copy(SearchOptions search) {
    search.collapse_copies = false;
    return search;
}

}  // namespace

std::optional<ExportFormat> parse_export_format(std::string_view name) {
    for (const auto& entry : EXPORT_FORMATS)
        if (name == entry.name) return entry.format;
    return std::nullopt;
}

void append_csv_field(std::string& out, std::string_view value) {
    if (value.find_first_of(",\"\r\n") == std::string_view::npos) {
        out += value;
        return;
    }
    out += '"';
    for (char c : value) {
        if (c == '"') out += '"';
        out += c;
    }
    out += '"';
}

StatementExport::StatementExport(const Xapian::Database& db, const SearchOptions& search, const ExportOptions& options)
    : db_(db), enquire_(search_enquire(db, every_copy(search))), options_(options), sort_(search.sort) {
    // Rows are statements: the articles a query also matches are left out here.
    query_ = Xapian::Query(Xapian::Query::OP_FILTER, enquire_.get_query(),
                           Xapian::Query(schema::type_term(schema::TYPE_STATEMENT)));
    enquire_.set_query(query_);
    if (options_.batch_size == 0) options_.batch_size = 1;
    // Relevance follows the newest-first key too when nothing weighs
    // anything, which write() finds out from the first batch.
    if (search.per_article == 0)
        key_slot_ = search.sort == SortOrder::OLDEST ? schema::SLOT_OLDEST_FIRST : schema::SLOT_NEWEST_FIRST;
    if (options_.max_rows > 0) {
        // Counting one past the cap tells whether the cap cuts anything off.
        const auto check = static_cast<Xapian::doccount>(options_.max_rows + 1);
        truncated_ = enquire_.get_mset(0, 0, check).get_matches_lower_bound() > options_.max_rows;
    }
}

std::size_t StatementExport::write(const ExportSink& sink) {
    std::string out;
    out.reserve(options_.piece_bytes + 4096);
    if (options_.format == ExportFormat::CSV) {
        std::array<std::string_view, EXPORT_COLUMNS.size()> header;
        for (std::size_t i = 0; i < header.size(); ++i) header[i] = EXPORT_COLUMNS[i];
        append_csv_row(out, header);
    }
    JsonLineWriter json;
    ArticleLinks links;
    std::size_t rows = 0;
    const std::size_t cap = options_.max_rows > 0 ? options_.max_rows : static_cast<std::size_t>(-1);
    // Xapian is asked for one batch of matches at a time, each from where
    // the last ended, and each row goes out as soon as it is made, so only
    // a batch of matches and a piece of output are ever held. Statements of
    // one article come together in most orders, so remembering the last
    // article's links saves most lookups.
    std::optional<std::string> after;  // the key of the last row, when batches follow keys
    for (std::size_t offset = 0; rows < cap;) {
        const std::size_t want = std::min(options_.batch_size, cap - rows);
        const Xapian::MSet batch = next_batch(offset, want, after);
        // Weights that are all zero (a query of filters only) leave the
        // order to the key; words weigh, and then only offsets will do.
        const bool keyed = key_slot_ && (sort_ != SortOrder::RELEVANCE || batch.get_max_possible() == 0);
        for (auto it = batch.begin(); it != batch.end(); ++it) {
            const Xapian::Document doc = it.get_document();
            if (keyed) after = doc.get_value(*key_slot_);
            const StatementRecord record = read_statement_record(doc);
            if (record.article_id != links.id) links = links_of(db_, record.article_id);
            const std::string date = record.statement.date.iso();
            const std::string cluster = doc.get_value(schema::SLOT_CLUSTER);
            const auto values = row_values(record, links, date, cluster);
            if (options_.format == ExportFormat::CSV)
                append_csv_row(out, values);
            else
                json.append(out, values);
            ++rows;
            if (out.size() >= options_.piece_bytes) {
                if (!sink(out)) return rows;
                out.clear();
            }
        }
        if (batch.size() < want) break;
        offset += batch.size();
    }
    if (!out.empty()) sink(out);
    return rows;
}

Xapian::MSet StatementExport::next_batch(std::size_t offset, std::size_t want,
                                         const std::optional<std::string>& after) {
    if (!after) {
        enquire_.set_query(query_);
        return enquire_.get_mset(static_cast<Xapian::doccount>(offset), static_cast<Xapian::doccount>(want));
    }
    // Asking for an offset makes Xapian rank every match up to it, again
    // for each batch: time that grows with the square of the rows, and
    // memory with the offset. No two documents share a key, so the matches
    // whose key comes after the last row's are the rest of the list, and
    // each batch starts from nothing. The smallest string after a key is
    // the key and a NUL.
    const std::string from = *after + std::string(1, '\0');
    enquire_.set_query(
        Xapian::Query(Xapian::Query::OP_FILTER, query_, Xapian::Query(Xapian::Query::OP_VALUE_GE, *key_slot_, from)));
    return enquire_.get_mset(0, static_cast<Xapian::doccount>(want));
}

}  // namespace saywho
