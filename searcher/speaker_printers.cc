/** @file speaker_printers.cc
 *  @brief A speaker page as text and as the JSON document "speaker".
 */
#include "searcher/speaker_printers.h"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "common/json_put.h"
#include "common/statement_fields.h"
#include "common/text.h"
#include "searcher/json_document.h"
#include "searcher/printers.h"

namespace saywho {

namespace {

using StringWriter = rapidjson::Writer<rapidjson::StringBuffer>;

std::string plural(std::size_t n, const char* one, const char* many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
}

/// "a, b 3, c 2": values with their counts.
std::string counted_list(const std::vector<SpeakerCount>& values) {
    std::string line;
    for (const auto& v : values) line += (line.empty() ? "" : ", ") + v.value + " " + std::to_string(v.count);
    return line;
}

void write_counts(StringWriter& w, const char* key, const std::vector<SpeakerCount>& values, const char* name) {
    w.Key(key);
    w.StartArray();
    for (const auto& v : values) {
        w.StartObject();
        put(w, name, v.value);
        w.Key("count");
        w.Uint(v.count);
        w.EndObject();
    }
    w.EndArray();
}

}  // namespace

void print_speaker_text(std::ostream& out, const SpeakerPage& page) {
    out << page.name << " (" << (page.kind.empty() ? "speaker" : page.kind) << "; key: " << page.key << ")\n";
    out << plural(page.statements, "statement", "statements");
    if (page.statements > 0) out << ", " << page.first.iso() << " to " << page.last.iso();
    out << "\n";
    if (!page.variants.empty()) out << "named: " << counted_list(page.variants) << "\n";
    if (!page.roles.empty()) {
        out << "roles:\n";
        for (const auto& r : page.roles)
            out << "  " << r.role << ", " << month_span(r.first, r.last) << " ("
                << plural(r.count, "statement", "statements") << ")\n";
    }
    if (!page.places.empty()) {
        out << "places (" << plural(page.distinct_places, "place", "places") << ", "
            << plural(page.placed, "statement", "statements") << " with a place): " << counted_list(page.places)
            << "\n";
    }
    if (!page.words.empty()) {
        out << "distinctive words (of the latest " << plural(page.word_sample, "statement", "statements")
            << " against the archive):";
        for (std::size_t i = 0; i < page.words.size(); ++i) out << (i ? ", " : " ") << page.words[i].word;
        out << "\n";
    }
    print_timeline(out, page.timeline);
    if (!page.latest.empty()) out << "latest statements:\n";
    for (const auto& record : page.latest) {
        const Statement& st = record.statement;
        out << record.statement.date.iso() << "  " << st.speaker;
        if (!st.role.empty()) out << " (" << st.role << ")";
        if (!st.location.empty()) out << ", " << st.location;
        out << "\n";
        if (st.direct)
            out << "   “" << st.text << "”\n";
        else
            out << "   (reported) " << st.text << "\n";
        out << "   in: " << (record.title.empty() ? "(no title)" : record.title) << "  [" << record.id() << "]\n";
    }
}

std::string ambiguous_speaker_message(const std::string& name, const std::vector<SpeakerCandidate>& candidates) {
    std::string message = "'" + name + "' names " + std::to_string(candidates.size()) + " speakers:";
    for (std::size_t i = 0; i < candidates.size(); ++i)
        message += std::string(i ? ", " : " ") + candidates[i].name + " (" +
                   plural(candidates[i].statements, "statement", "statements") + ")";
    return message + "; give the full name";
}

void print_speaker_candidates(std::ostream& out, const std::string& name,
                              const std::vector<SpeakerCandidate>& candidates) {
    out << "'" << name << "' names " << candidates.size() << " speakers; pick one:\n";
    for (const auto& c : candidates)
        out << "  --speaker \"" << c.key << "\"   " << c.name << " (" << plural(c.statements, "statement", "statements")
            << ")\n";
}

std::string speaker_json(const SpeakerPage& page, const std::optional<std::string>& id) {
    rapidjson::StringBuffer buffer;
    StringWriter w(buffer);
    start_document(w, "speaker");
    if (id) put(w, "id", *id);
    put(w, "key", page.key);
    put(w, "name", page.name);
    put_or_null(w, "kind", page.kind);
    w.Key("statements");
    w.Uint(page.statements);
    put(w, "first", page.first.iso());
    put(w, "last", page.last.iso());
    write_counts(w, "variants", page.variants, "name");
    w.Key("roles");
    w.StartArray();
    for (const auto& r : page.roles) {
        w.StartObject();
        put(w, "role", r.role);
        put(w, "first", r.first.iso());
        put(w, "last", r.last.iso());
        put(w, "span", month_span(r.first, r.last));
        w.Key("count");
        w.Uint(r.count);
        w.EndObject();
    }
    w.EndArray();
    w.Key("record_sample");
    w.Uint64(page.record_sample);
    write_timeline(w, page.timeline);
    w.Key("places");
    w.StartObject();
    w.Key("distinct");
    w.Uint64(page.distinct_places);
    w.Key("placed");
    w.Uint(page.placed);
    write_counts(w, "values", page.places, "value");
    w.EndObject();
    w.Key("words");
    w.StartObject();
    w.Key("sample");
    w.Uint64(page.word_sample);
    w.Key("values");
    w.StartArray();
    for (const auto& word : page.words) {
        w.StartObject();
        put(w, "word", word.word);
        put(w, "stem", word.stem);
        w.Key("weight");
        w.Double(word.weight);
        w.EndObject();
    }
    w.EndArray();
    w.EndObject();
    w.Key("latest");
    w.StartArray();
    for (const auto& record : page.latest) {
        w.StartObject();
        put(w, "id", record.id());
        put(w, "date", record.statement.date.iso());
        put(w, "title", record.title);
        put(w, "path", record.path);
        put(w, "article", record.article_id);
        put(w, "article_date", record.article_date.iso());
        write_statement_fields(w, record.statement);
        put(w, "date_basis", record.statement.date_basis);
        w.EndObject();
    }
    w.EndArray();
    w.EndObject();
    return buffer.GetString();
}

std::string ambiguous_speaker_json(const std::string& name, const std::vector<SpeakerCandidate>& candidates,
                                   const std::optional<std::string>& id) {
    rapidjson::StringBuffer buffer;
    StringWriter w(buffer);
    start_document(w, "error");
    if (id) put(w, "id", *id);
    w.Key("error");
    w.StartObject();
    put(w, "code", "ambiguous");
    std::string message = ambiguous_speaker_message(name, candidates);
    repair_utf8(message);
    put(w, "message", message);
    w.Key("candidates");
    w.StartArray();
    for (const auto& c : candidates) {
        w.StartObject();
        put(w, "key", c.key);
        put(w, "name", c.name);
        w.Key("statements");
        w.Uint(c.statements);
        w.EndObject();
    }
    w.EndArray();
    w.EndObject();
    w.EndObject();
    return buffer.GetString();
}

}  // namespace saywho
