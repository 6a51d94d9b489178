/** @file record_codec.h
 *  @brief The one codec of the records stored for articles and statements
 *         (common/schema.h, "Document records"): typed structs in and out.
 *
 *  Nothing else reads or writes a record: the indexer encodes them, the
 *  searcher and the indexer's prune decode them. Decoding checks every
 *  member's presence and type, and throws RecordError naming the document
 *  and the member when a record is not what the schema says, so a damaged
 *  database is reported instead of read as empty strings and zeros.
 *  Thread-safety: every function is safe to call from any thread.
 */
#ifndef SAYWHO_COMMON_RECORD_CODEC_H
#define SAYWHO_COMMON_RECORD_CODEC_H

#include <cstddef>
#include <string>
#include <string_view>
#include <variant>

#include <xapian.h>

#include "common/article.h"
#include "common/civil_date.h"
#include "common/statement.h"

namespace saywho {

/// What an article document's record holds: everything a result needs to
/// print without opening the original file.
struct ArticleRecord {
    std::string id;
    CivilDate date;
    std::string title;
    std::string path;      ///< absolute path of the input file ("<stdin>" for stdin)
    std::size_t line = 0;  ///< JSON Lines: 1-based line; text files: 0 (not stored)
    std::string source;    ///< JSON Lines "source"; "" is not stored
    std::string url;       ///< JSON Lines "url"; "" is not stored
    std::string body;      ///< the full body text
};

/// What a statement document's record holds: the statement as extraction
/// produced it, and what a result needs of its article.
struct StatementRecord {
    std::string article_id;
    std::size_t index = 0;  ///< 0-based, in text order, among its article's statements
    CivilDate article_date;
    std::string title;     ///< its article's title
    std::string path;      ///< as ArticleRecord::path
    std::size_t line = 0;  ///< as ArticleRecord::line
    /// Where its article's body starts in its file (Article::body_offset).
    std::size_t body_offset = 0;
    /// Every member but location_id, which is not stored (0 after decoding):
    /// no query or result uses it, the canonical name in location does.
    /// start and end are offsets in the file, as extraction gives them; the
    /// record stores them as offsets in the body (schema 5).
    Statement statement;

    /// "<article id>#<index>": the statement's id in results.
    std::string id() const;
    /// The byte offset of the statement's text in its article's body.
    std::size_t body_start() const { return statement.start - body_offset; }
    /// One past its last byte in the body.
    std::size_t body_end() const { return statement.end - body_offset; }
};

/// The record of @p article, as DocumentBuilder stores it.
ArticleRecord make_article_record(const Article& article);
/// The record of @p statement, the @p index-th of @p article. REQUIRES:
/// @p statement's offsets are in @p article's body, as extraction gives them.
StatementRecord make_statement_record(const Article& article, const Statement& statement, std::size_t index);

/// The JSON object stored for an article (schema.h, "Document records").
std::string encode_article_record(const ArticleRecord& record);
/// The JSON object stored for a statement.
std::string encode_statement_record(const StatementRecord& record);

/// Decodes @p raw, the record of Xapian document @p docid (named in errors;
/// 0 when unknown). Throws RecordError when @p raw is not an article record
/// with every member present and of its type.
ArticleRecord decode_article_record(std::string_view raw, Xapian::docid docid = 0);
/// As decode_article_record(), for a statement record.
StatementRecord decode_statement_record(std::string_view raw, Xapian::docid docid = 0);

/// Stores @p record in @p doc: as its document data.
void store_article_record(Xapian::Document& doc, const ArticleRecord& record);
/// Stores @p record in @p doc: in SLOT_STATEMENT_RECORD (schema.h says why).
void store_statement_record(Xapian::Document& doc, const StatementRecord& record);

/// The record of @p doc, an article document. Throws RecordError.
ArticleRecord read_article_record(const Xapian::Document& doc);
/// The record of @p doc, a statement document. Throws RecordError.
StatementRecord read_statement_record(const Xapian::Document& doc);

/// The record of a document of either type.
using DocumentRecord = std::variant<ArticleRecord, StatementRecord>;
/// The record of @p doc, whichever type it is. Throws RecordError, also
/// when @p doc has no record at all.
DocumentRecord read_document_record(const Xapian::Document& doc);

}  // namespace saywho

#endif  // SAYWHO_COMMON_RECORD_CODEC_H
