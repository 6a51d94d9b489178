/** @file printers.cc
 *  @brief Text and JSON output of result sets and errors (see docs/json.md).
 */
#include "searcher/printers.h"

#include <cstdio>

#include <rapidjson/ostreamwrapper.h>
#include <rapidjson/writer.h>

namespace saywho {

namespace {

using JsonWriter = rapidjson::Writer<rapidjson::OStreamWrapper>;

void write_string(JsonWriter& w, const std::string& s) { w.String(s.data(), static_cast<rapidjson::SizeType>(s.size())); }

void write_member(JsonWriter& w, const char* key, const std::string& value) {
    w.Key(key);
    write_string(w, value);
}

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

}  // namespace

void print_text(std::ostream& out, const ResultSet& results, bool bold) {
    for (const auto& hit : results.hits) {
        out << hit.rank << ". " << hit.date << "  " << (bold ? "\033[1m" : "")
            << (hit.title.empty() ? "(no title)" : hit.title) << (bold ? "\033[0m" : "") << "\n";
        out << "   id: " << hit.id << "\n";
        if (!hit.snippet.empty()) out << "   " << highlighted(hit, bold) << "\n";
        out << "\n";
    }
    std::size_t first = results.offset + 1;
    std::size_t last = results.offset + results.hits.size();
    out << "results " << first << "-" << last << " of " << (results.exact ? "" : "about ") << results.estimate
        << ", by " << sort_order_name(results.sort) << "\n";
}

void print_json(std::ostream& out, const ResultSet& results) {
    rapidjson::OStreamWrapper stream(out);
    JsonWriter w(stream);
    w.StartObject();
    w.Key("version");
    w.Int(JSON_VERSION);
    w.Key("type");
    w.String("results");
    write_member(w, "query", results.query);
    write_member(w, "parsed", results.parsed);
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
    w.EndObject();
    w.Key("offset");
    w.Uint64(results.offset);
    w.Key("limit");
    w.Uint64(results.limit);
    write_member(w, "sort", sort_order_name(results.sort));
    w.Key("results");
    w.StartArray();
    for (const auto& hit : results.hits) {
        w.StartObject();
        w.Key("rank");
        w.Uint64(hit.rank);
        write_member(w, "type", hit.type);
        write_member(w, "id", hit.id);
        write_member(w, "date", hit.date);
        write_member(w, "title", hit.title);
        w.Key("weight");
        w.Double(hit.weight);
        w.Key("percent");
        w.Int(hit.percent);
        write_member(w, "snippet", hit.snippet);
        w.Key("highlights");
        w.StartArray();
        for (const auto& [start, end] : hit.highlights) {
            w.StartArray();
            w.Uint64(start);
            w.Uint64(end);
            w.EndArray();
        }
        w.EndArray();
        write_member(w, "path", hit.path);
        if (hit.line) {
            w.Key("line");
            w.Uint64(hit.line);
        }
        if (!hit.source.empty()) write_member(w, "source", hit.source);
        if (!hit.url.empty()) write_member(w, "url", hit.url);
        w.EndObject();
    }
    w.EndArray();
    w.Key("timing_ms");
    w.Double(results.seconds * 1000.0);
    w.EndObject();
    stream.Flush();
    out << '\n';
}

void print_json_error(std::ostream& out, const std::string& code, const std::string& message) {
    rapidjson::OStreamWrapper stream(out);
    JsonWriter w(stream);
    w.StartObject();
    w.Key("version");
    w.Int(JSON_VERSION);
    w.Key("type");
    w.String("error");
    w.Key("error");
    w.StartObject();
    write_member(w, "code", code);
    write_member(w, "message", message);
    w.EndObject();
    w.EndObject();
    stream.Flush();
    out << '\n';
}

}  // namespace saywho
