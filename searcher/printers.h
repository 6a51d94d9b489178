/** @file printers.h
 *  @brief Text and JSON output of result sets and errors (see docs/json.md).
 */
#ifndef SAYWHO_SEARCHER_PRINTERS_H
#define SAYWHO_SEARCHER_PRINTERS_H

#include <ostream>
#include <string>
#include <vector>

#include "searcher/json_document.h"
#include "searcher/search.h"

namespace saywho {

/// Readable results. An article: rank, date, title, id, snippet; a
/// statement: rank, date, speaker (role), place, its quoted snippet, and the
/// title and id of its article. With @p bold the title or speaker and the
/// highlights use the terminal's bold attribute; otherwise plain text.
void print_text(std::ostream& out, const ResultSet& results, bool bold);

/// The count line that ends print_text(): "results 1-10 of 15, by
/// relevance"; with no hits (a limit of 0), how many match: "15 results".
void print_count(std::ostream& out, const ResultSet& results);

/// The filters and words a query was read as (--explain).
void print_interpretation(std::ostream& out, const Interpretation& in);

/// Facet counts, one line per facet (--facets).
void print_facets(std::ostream& out, const ResultSet& results);

/// The timeline, when the results have one (--timeline): a heading line,
/// then one line per bucket, oldest first: its label (bucket_label()), its
/// count and a bar of block characters (eighths of a cell for the rest),
/// TIMELINE_BAR_CELLS long for the largest bucket; a bucket with matches
/// always shows some bar, an empty one none.
void print_timeline(std::ostream& out, const ResultSet& results);
inline constexpr std::size_t TIMELINE_BAR_CELLS = 40;

/// One JSON document (docs/json.md, "results").
/// With @p request_id, the document echoes it as "id" (--serve).
void print_json(std::ostream& out, const ResultSet& results, const std::string* request_id = nullptr);

/// @p snippet HTML-escaped, with <mark>...</mark> around each highlight
/// (byte ranges into @p snippet): safe to insert into a page as HTML.
std::string snippet_html(const std::string& snippet, const std::vector<ByteRange>& highlights);

/// One JSON error document (docs/json.md, "error").
void print_json_error(std::ostream& out, const std::string& code, const std::string& message);

}  // namespace saywho

#endif  // SAYWHO_SEARCHER_PRINTERS_H
