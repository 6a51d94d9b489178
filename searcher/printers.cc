/** @file printers.cc
 *  @brief Text and JSON output of result sets and errors (see docs/json.md).
 */
#include "searcher/printers.h"

#include <algorithm>
#include <cstdio>

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "common/json_put.h"
#include "common/statement_fields.h"
#include "common/text.h"

namespace saywho {

namespace {

/// JSON is written into memory and then to the stream at once: an
/// ostream written a character at a time cost a tenth of a search.
using JsonWriter = rapidjson::Writer<rapidjson::StringBuffer>;

std::string highlighted(const Hit& hit, bool bold) {
    if (!bold) return hit.snippet;
    std::string out;
    std::size_t at = 0;
    for (const auto& [start, end] : hit.highlights) {
        out.append(hit.snippet, at, start - at);
        out += "\033[1m";
        out.append(hit.snippet, start, end - start);
        out += "\033[0m";
        at = end;
    }
    out.append(hit.snippet, at, std::string::npos);
    return out;
}

/// rank, date, title; "id:"; snippet.
void print_article(std::ostream& out, const Hit& hit, bool bold) {
    out << hit.rank << ". " << hit.date << "  " << (bold ? "\033[1m" : "")
        << (hit.title.empty() ? "(no title)" : hit.title) << (bold ? "\033[0m" : "") << "\n";
    out << "   id: " << hit.id << "\n";
    if (!hit.snippet.empty()) out << "   " << highlighted(hit, bold) << "\n";
}

/// The speaker as a reader sees it: the name, or the words the article
/// used when it names nobody ("unnamed (he)").
std::string speaker_label(const Statement& st) {
    if (!st.speaker.empty()) return st.speaker;
    return st.speaker_mention.empty() ? "(unknown speaker)" : "unnamed (" + st.speaker_mention + ")";
}

/// Where else statement @p id's words were reported, when they were:
/// "also in 2 more articles, first on 1987-04-07 in TITLE [id]", and how to
/// list them.
void print_copies(std::ostream& out, const std::string& id, const ClusterInfo& cluster) {
    if (cluster.articles < 2) return;
    const std::size_t more = cluster.articles - 1;
    out << "   also in " << more << (more == 1 ? " more article" : " more articles");
    if (cluster.first.id == id)
        out << ", this one first";
    else
        out << ", first on " << cluster.first.date << " in "
            << (cluster.first.title.empty() ? "(no title)" : cluster.first.title) << "  [" << cluster.first.article_id
            << "]";
    out << " (--cluster " << cluster.key << ")\n";
}

/// rank, date, speaker (role), place; the snippet (in quote marks when direct,
/// marked "(reported)" otherwise); "in:" article title [article id].
void print_statement(std::ostream& out, const Hit& hit, bool bold) {
    const Statement& st = hit.statement;
    out << hit.rank << ". " << hit.date << "  " << (bold ? "\033[1m" : "") << speaker_label(st)
        << (bold ? "\033[0m" : "");
    if (!st.role.empty()) out << " (" << st.role << ")";
    if (!st.location.empty()) out << ", " << st.location;
    out << "\n";
    // Quote marks only around words that were quoted: reported speech is
    // the writer's paraphrase and must not read as a quotation.
    if (!hit.snippet.empty()) {
        if (st.direct)
            out << "   “" << highlighted(hit, bold) << "”\n";
        else
            out << "   (reported) " << highlighted(hit, bold) << "\n";
    }
    out << "   in: " << (hit.title.empty() ? "(no title)" : hit.title) << "  [" << hit.article_id << "]\n";
    print_copies(out, hit.id, hit.cluster);
}

/// The "cluster" member of a statement hit (docs/json.md).
void write_cluster(JsonWriter& w, const Hit& hit) {
    const ClusterInfo& c = hit.cluster;
    w.Key("cluster");
    w.StartObject();
    put(w, "id", c.key);
    w.Key("statements");
    w.Uint64(c.statements);
    w.Key("articles");
    w.Uint64(c.articles);
    w.Key("is_first");
    w.Bool(c.first.id == hit.id);
    w.Key("first");
    w.StartObject();
    put(w, "id", c.first.id);
    put(w, "date", c.first.date);
    put(w, "article", c.first.article_id);
    put(w, "article_date", c.first.article_date);
    put(w, "title", c.first.title);
    w.EndObject();
    w.EndObject();
}

/// The statement members of a JSON hit (docs/json.md, "Statement hits").
void write_statement_members(JsonWriter& w, const Hit& hit) {
    put(w, "article", hit.article_id);
    put(w, "article_date", hit.article_date);
    write_statement_fields(w, hit.statement);
    put(w, "date_basis", hit.statement.date_basis);
    write_cluster(w, hit);
    // The address of the speaker's page (searcher/speaker_page.h): named speakers only.
    put_or_null(w, "speaker_key", is_named_speaker(hit.statement) ? fold_key(hit.statement.speaker) : "");
}

/// The "interpretation" member (docs/json.md): each filter with its source words.
void write_interpretation(JsonWriter& w, const Interpretation& in) {
    w.Key("interpretation");
    w.StartObject();
    put(w, "text", in.text);
    w.Key("filters");
    w.StartArray();
    for (const auto& f : in.filters) {
        w.StartObject();
        put(w, "kind", filter_kind_name(f.kind));
        put_or_null(w, "source", f.source);
        if (!f.source.empty()) {
            w.Key("start");
            w.Uint64(f.start);
            w.Key("end");
            w.Uint64(f.end);
        }
        if (f.kind == Filter::Kind::DATE) {
            put_or_null(w, "from", f.values[0]);
            put_or_null(w, "to", f.values[1]);
        } else {
            w.Key("values");
            w.StartArray();
            for (const auto& v : f.values) put_string(w, v);
            w.EndArray();
        }
        if (f.kind == Filter::Kind::LOCATION) {
            put(w, "country", f.country);
            w.Key("is_country");
            w.Bool(f.is_country);
        }
        if (f.kind == Filter::Kind::SPEAKER) {
            w.Key("spoke");
            w.Bool(f.spoke);
        }
        put_or_null(w, "note", f.note);
        w.EndObject();
    }
    w.EndArray();
    w.Key("stopwords");
    w.StartArray();
    for (const auto& word : in.stopwords) put_string(w, word);
    w.EndArray();
    w.EndObject();
}

/// The line naming the function words left out, when there are any.
void print_stopwords(std::ostream& out, const Interpretation& in) {
    if (in.stopwords.empty()) return;
    out << "  function words left out:";
    for (std::size_t i = 0; i < in.stopwords.size(); ++i) out << (i ? ", " : " ") << in.stopwords[i];
    out << "\n";
}

/// A bar @p count / @p largest of TIMELINE_BAR_CELLS cells long, in
/// eighths of a cell; at least one eighth for a count above zero.
std::string timeline_bar(Xapian::doccount count, Xapian::doccount largest) {
    // U+2588 FULL BLOCK, then the left seven-eighths down to one eighth.
    static const char* const EIGHTHS[] = {"", "▏", "▎", "▍", "▌", "▋", "▊", "▉"};
    if (count == 0 || largest == 0) return "";
    std::size_t eighths = (static_cast<std::size_t>(count) * TIMELINE_BAR_CELLS * 8 + largest / 2) / largest;
    if (eighths == 0) eighths = 1;
    std::string bar;
    for (std::size_t i = 0; i < eighths / 8; ++i) bar += "█";
    return bar + EIGHTHS[eighths % 8];
}

}  // namespace

void print_timeline(std::ostream& out, const ResultSet& results) {
    if (results.timeline) print_timeline(out, *results.timeline);
}

void print_timeline(std::ostream& out, const Timeline& timeline) {
    if (timeline.buckets.empty()) return;
    Xapian::doccount largest = 0;
    std::size_t label_width = 0;
    for (const auto& bucket : timeline.buckets) {
        largest = std::max(largest, bucket.count);
        label_width = std::max(label_width, bucket_label(bucket.start, timeline.interval).size());
    }
    const std::size_t count_width = std::to_string(largest).size();
    const std::size_t n = timeline.buckets.size();
    out << "timeline by " << timeline_interval_name(timeline.interval) << " (" << n << (n == 1 ? " bucket" : " buckets")
        << (timeline.interval == TimelineInterval::WEEK ? ", from Mondays" : "")
        << (timeline.exact ? "" : "; from the first matches only") << "):\n";
    for (const auto& bucket : timeline.buckets) {
        const std::string label = bucket_label(bucket.start, timeline.interval);
        const std::string count = std::to_string(bucket.count);
        out << label << std::string(label_width - label.size(), ' ') << "  "
            << std::string(count_width - count.size(), ' ') << count;
        const std::string bar = timeline_bar(bucket.count, largest);
        if (!bar.empty()) out << "  " << bar;
        out << "\n";
    }
}

void print_interpretation(std::ostream& out, const Interpretation& in) {
    if (in.filters.empty()) {
        out << "understood: words only: " << (in.text.empty() ? "(none)" : in.text) << "\n";
        print_stopwords(out, in);
        return;
    }
    out << "understood:\n";
    for (const auto& f : in.filters) {
        out << "  " << filter_kind_name(f.kind) << ": ";
        if (f.kind == Filter::Kind::DATE) {
            out << (f.values[0].empty() ? "..." : f.values[0]) << " to " << (f.values[1].empty() ? "..." : f.values[1]);
        } else {
            for (std::size_t i = 0; i < f.values.size(); ++i) out << (i ? ", " : "") << f.values[i];
            if (f.kind == Filter::Kind::LOCATION)
                out << (f.is_country ? " (country, with its places)" : "") << " [" << f.country << "]";
        }
        if (!f.source.empty()) out << "   from \"" << f.source << "\"";
        if (!f.note.empty()) out << "   (" << f.note << ")";
        out << "\n";
    }
    out << "  words: " << (in.text.empty() ? "(none)" : in.text) << "\n";
    print_stopwords(out, in);
}

void print_facets(std::ostream& out, const ResultSet& results) {
    if (!results.facets) return;
    for (const auto& facet : *results.facets) {
        out << facet.name << " (" << facet.distinct << (facet.distinct == 1 ? " value" : " values") << "):";
        if (facet.values.empty()) out << " none";
        for (const auto& [value, count] : facet.values) out << "  " << value << " " << count;
        out << "\n";
    }
    if (!results.facets_exact) out << "(counts from the first matches only: the match set is large)\n";
}

void print_text(std::ostream& out, const ResultSet& results, bool bold) {
    for (const auto& hit : results.hits) {
        if (hit.is_statement())
            print_statement(out, hit, bold);
        else
            print_article(out, hit, bold);
        out << "\n";
    }
    print_count(out, results);
}

void print_count(std::ostream& out, const ResultSet& results) {
    const char* about = results.exact ? "" : "about ";
    // Facets count every copy of a statement; the results, one per cluster.
    const std::string copies = results.with_copies > results.estimate
                                   ? " (" + std::to_string(results.with_copies) + " statements with copies)"
                                   : "";
    if (results.hits.empty()) {
        out << about << results.estimate << (results.estimate == 1 && results.exact ? " result" : " results") << copies
            << "\n";
        return;
    }
    std::size_t first = results.offset + 1;
    std::size_t last = results.offset + results.hits.size();
    out << "results " << first << "-" << last << " of " << about << results.estimate << copies << ", by "
        << sort_order_name(results.sort) << "\n";
}

std::string snippet_html(const std::string& snippet, const std::vector<ByteRange>& highlights) {
    std::string out;
    std::size_t at = 0;
    for (const auto& [start, end] : highlights) {
        if (start < at || end > snippet.size() || end <= start) continue;
        out += html_escape(snippet.substr(at, start - at));
        out += "<mark>" + html_escape(snippet.substr(start, end - start)) + "</mark>";
        at = end;
    }
    out += html_escape(snippet.substr(at));
    return out;
}

void print_json(std::ostream& out, const ResultSet& results, const std::string* request_id) {
    rapidjson::StringBuffer buffer;
    JsonWriter w(buffer);
    start_document(w, "results");
    if (request_id) put(w, "id", *request_id);
    put(w, "query", results.query);
    write_interpretation(w, results.interpretation);
    put(w, "parsed", results.parsed);
    w.Key("total");
    w.StartObject();
    w.Key("estimate");
    w.Uint(results.estimate);
    w.Key("lower_bound");
    w.Uint(results.lower_bound);
    w.Key("upper_bound");
    w.Uint(results.upper_bound);
    w.Key("exact");
    w.Bool(results.exact);
    w.Key("with_copies");
    w.Uint(results.with_copies);
    w.EndObject();
    w.Key("offset");
    w.Uint64(results.offset);
    w.Key("limit");
    w.Uint64(results.limit);
    put(w, "sort", sort_order_name(results.sort));
    w.Key("results");
    w.StartArray();
    for (const auto& hit : results.hits) {
        w.StartObject();
        w.Key("rank");
        w.Uint64(hit.rank);
        put(w, "type", hit.type);
        put(w, "id", hit.id);
        put(w, "date", hit.date);
        put(w, "title", hit.title);
        w.Key("weight");
        w.Double(hit.weight);
        w.Key("percent");
        w.Int(hit.percent);
        put(w, "snippet", hit.snippet);
        put(w, "snippet_html", snippet_html(hit.snippet, hit.highlights));
        w.Key("highlights");
        w.StartArray();
        for (const auto& [start, end] : hit.highlights) {
            w.StartArray();
            w.Uint64(start);
            w.Uint64(end);
            w.EndArray();
        }
        w.EndArray();
        put(w, "path", hit.path);
        if (hit.line) {
            w.Key("line");
            w.Uint64(hit.line);
        }
        if (!hit.source.empty()) put(w, "source", hit.source);
        if (!hit.url.empty()) put(w, "url", hit.url);
        if (hit.is_statement()) write_statement_members(w, hit);
        w.EndObject();
    }
    w.EndArray();
    // Facets only when asked (SearchOptions::facets): without them the
    // members are absent, so "not counted" never reads as "none".
    if (results.facets) {
        w.Key("facets");
        w.StartObject();
        for (const auto& facet : *results.facets) {
            w.Key(facet.name.c_str());
            w.StartObject();
            w.Key("distinct");
            w.Uint64(facet.distinct);
            w.Key("values");
            w.StartArray();
            for (const auto& [value, count] : facet.values) {
                w.StartObject();
                put(w, "value", value);
                w.Key("count");
                w.Uint(count);
                w.EndObject();
            }
            w.EndArray();
            w.EndObject();
        }
        w.EndObject();
        w.Key("facets_exact");
        w.Bool(results.facets_exact);
    }
    if (results.timeline) write_timeline(w, *results.timeline);
    put_or_null(w, "suggestion", results.suggestion);
    put_or_null(w, "why_nothing", results.why_nothing);
    w.Key("timing_ms");
    w.Double(results.seconds * 1000.0);
    w.EndObject();
    out.write(buffer.GetString(), static_cast<std::streamsize>(buffer.GetSize()));
    out << '\n';
}

void print_json_error(std::ostream& out, const std::string& code, const std::string& message) {
    rapidjson::StringBuffer buffer;
    JsonWriter w(buffer);
    write_error_document(w, code, message);
    out.write(buffer.GetString(), static_cast<std::streamsize>(buffer.GetSize()));
    out << '\n';
}

}  // namespace saywho
