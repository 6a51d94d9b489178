/** @file request.cc
 *  @brief Search requests of the service: a --serve JSON line or HTTP
 *         parameters read into SearchOptions and structured filters.
 */
#include "searcher/request.h"

#include <rapidjson/document.h>

#include "common/errors.h"
#include "common/schema.h"
#include "common/text.h"

namespace saywho {

namespace {

/// The filters a request may give, by name: the query fields that filter,
/// and from/to for a range of days.
constexpr char FILTER_NAMES[] = "speaker, location, country, from, to, type, quote, kind, cluster";

bool is_filter_name(const std::string& name) {
    return name == "speaker" || name == "location" || name == "country" || name == "from" || name == "to" ||
           name == "type" || name == "quote" || name == "kind" || name == "cluster";
}

bool parse_flag(const std::string& name, const std::string& text) {
    if (text == "1" || text == "true" || text == "yes" || text == "on") return true;
    if (text == "0" || text == "false" || text == "no" || text == "off" || text.empty()) return false;
    throw RequestError("bad_request", "'" + name + "' must be true or false, not '" + text + "'");
}

/// "relevance, newest or oldest": the names of a table of SORT_ORDERS' kind.
template <typename Table>
std::string names_of(const Table& table) {
    std::string names;
    for (std::size_t i = 0; i < table.size(); ++i)
        names += (i == 0 ? "" : i + 1 == table.size() ? " or " : ", ") + std::string(table[i].name);
    return names;
}

/// Applies one named member (the same names for JSON lines and HTTP parameters).
void apply(SearchRequest& r, const std::string& name, const std::string& value) {
    SearchOptions& o = r.options;
    if (name == "q") {
        if (value.size() > SERVICE_MAX_QUERY_BYTES)
            throw RequestError("bad_request",
                               "'q' is longer than " + std::to_string(SERVICE_MAX_QUERY_BYTES) + " bytes");
        o.query = value;
    } else if (name == "limit") {
        o.limit = parse_count(name, value, 0, SERVICE_MAX_LIMIT);
    } else if (name == "offset") {
        o.offset = parse_count(name, value, 0, 1000000);
    } else if (name == "sort") {
        auto sort = parse_sort_order(value);
        if (!sort)
            throw RequestError("bad_request", "'sort' must be " + names_of(SORT_ORDERS) + ", not '" + value + "'");
        o.sort = *sort;
    } else if (name == "match") {
        auto match = parse_match_mode(value);
        if (!match)
            throw RequestError("bad_request", "'match' must be " + names_of(MATCH_MODES) + ", not '" + value + "'");
        o.match = *match;
    } else if (name == "facets") {
        o.facets = parse_flag(name, value);
    } else if (name == "timeline") {
        o.timeline = parse_flag(name, value);
    } else if (name == "interval") {
        // An interval asks for the timeline too; an empty one is the default.
        if (value.empty()) return;
        auto interval = parse_timeline_interval(value);
        if (!interval)
            throw RequestError("bad_request",
                               "'interval' must be " + names_of(TIMELINE_INTERVALS) + ", not '" + value + "'");
        o.timeline_interval = *interval;
    } else if (name == "literal") {
        o.understand = !parse_flag(name, value);
    } else if (name == "collapse") {
        o.collapse_copies = parse_flag(name, value);
    } else if (name == "per_article") {
        o.per_article = parse_count(name, value, 0, 1000);
    } else if (name == "now") {
        auto now = CivilDate::parse_iso(value);
        if (!now) throw RequestError("bad_request", "'now' must be a date YYYY-MM-DD, not '" + value + "'");
        o.today = *now;
    } else if (is_filter_name(name)) {
        if (value.size() > 200) throw RequestError("bad_request", "'" + name + "' is too long");
        if (!value.empty()) r.filters[name] = value;
    } else if (name == "id") {
        r.id = value;
    } else if (name == "speaker_page") {
        if (value.size() > 200) throw RequestError("bad_request", "'speaker_page' is too long");
        r.speaker_page = value;
    } else {
        throw RequestError("bad_request",
                           "unknown parameter '" + name +
                               "': expected q, limit, offset, sort, match, facets, timeline, interval, literal, "
                               "collapse, per_article, now, speaker_page, or the filters " +
                               std::string(FILTER_NAMES));
    }
}

}  // namespace

std::size_t parse_count(const std::string& name, const std::string& text, std::size_t min, std::size_t max) {
    const std::string range = "from " + std::to_string(min) + " to " + std::to_string(max);
    if (text.empty() || text.size() > 9 || !all_digits(text))
        throw RequestError("bad_request", "'" + name + "' must be a whole number " + range + ", not '" + text + "'");
    const std::size_t n = std::stoul(text);
    if (n < min || n > max) throw RequestError("bad_request", "'" + name + "' must be " + range);
    return n;
}

namespace {

/// Reads the --serve member @p name ("saved", "save" or "unsave") into @p r.
void read_saved_action(SearchRequest& r, const std::string& name, const rapidjson::Value& value) {
    if (r.saved_action != SearchRequest::SavedAction::NONE)
        throw RequestError("bad_request", "a request asks for one of 'saved', 'save' and 'unsave', not two");
    if (name == "saved") {
        if (!value.IsBool() || !value.GetBool()) throw RequestError("bad_request", "'saved' must be true");
        r.saved_action = SearchRequest::SavedAction::LIST;
        return;
    }
    if (!value.IsString() || value.GetStringLength() == 0)
        throw RequestError("bad_request", "'" + name + "' must be the name of a saved search");
    r.saved_action = name == "save" ? SearchRequest::SavedAction::SAVE : SearchRequest::SavedAction::UNSAVE;
    r.saved_name.assign(value.GetString(), value.GetStringLength());
}

}  // namespace

SearchRequest parse_request_line(const std::string& line) {
    rapidjson::Document doc;
    // Strings that are not UTF-8 are refused here: they would come back in
    // answers and error messages, which must be valid JSON.
    doc.Parse<rapidjson::kParseValidateEncodingFlag>(line.c_str(), line.size());
    if (doc.HasParseError() && doc.GetParseError() == rapidjson::kParseErrorStringInvalidEncoding)
        throw RequestError("bad_request",
                           "a request must be UTF-8; byte " + std::to_string(doc.GetErrorOffset() + 1) + " is not");
    if (doc.HasParseError() || !doc.IsObject())
        throw RequestError("bad_request", "a request is one JSON object a line, such as {\"q\": \"drought\"}");
    SearchRequest r;
    for (auto& m : doc.GetObject()) {
        const std::string name(m.name.GetString(), m.name.GetStringLength());
        if (name == "filters") {
            if (!m.value.IsObject()) throw RequestError("bad_request", "'filters' must be an object");
            for (auto& f : m.value.GetObject()) {
                const std::string key(f.name.GetString(), f.name.GetStringLength());
                if (!f.value.IsString()) throw RequestError("bad_request", "filter '" + key + "' must be a string");
                if (!is_filter_name(key))
                    throw RequestError("bad_request",
                                       "unknown filter '" + key + "': expected one of " + std::string(FILTER_NAMES));
                apply(r, key, std::string(f.value.GetString(), f.value.GetStringLength()));
            }
            continue;
        }
        if (name == "saved" || name == "save" || name == "unsave") {
            read_saved_action(r, name, m.value);
            continue;
        }
        std::string value;
        if (m.value.IsString())
            value.assign(m.value.GetString(), m.value.GetStringLength());
        else if (m.value.IsUint64())
            value = std::to_string(m.value.GetUint64());
        else if (m.value.IsBool())
            value = m.value.GetBool() ? "true" : "false";
        else if (m.value.IsNull())
            continue;
        else
            throw RequestError("bad_request", "'" + name + "' must be a string, a number or true/false");
        apply(r, name, value);
    }
    if (r.options.timeline_interval) r.options.timeline = true;
    return r;
}

SearchRequest request_from_parameters(const std::multimap<std::string, std::string>& params) {
    SearchRequest r;
    for (const auto& [name, value] : params) apply(r, name, value);
    if (r.options.timeline_interval) r.options.timeline = true;
    return r;
}

SearchRequest cluster_request_from_parameters(std::multimap<std::string, std::string> params) {
    auto id = params.find("id");
    if (id == params.end() || id->second.empty())
        throw RequestError("bad_request", "'id' is required: /api/cluster?id=CLUSTER_ID");
    const std::string cluster = id->second;
    params.erase(id);
    if (params.count("cluster"))
        throw RequestError("bad_request", "'cluster' does not apply to /api/cluster: its 'id' is the cluster");
    const bool sorted = params.count("sort") > 0;
    SearchRequest r = request_from_parameters(params);
    r.filters["cluster"] = cluster;
    r.options.collapse_copies = false;
    if (!sorted) r.options.sort = SortOrder::OLDEST;
    return r;
}

std::vector<Filter> request_filters(const SearchRequest& request) {
    std::vector<Filter> filters;
    auto build = [](const std::string& name, auto&& make) {
        try {
            return make();
        } catch (const Xapian::QueryParserError& e) {
            throw QueryError(e.get_msg() + " (in filter '" + name + "')");
        }
    };
    for (const auto& [name, value] : request.filters) {
        if (name == "from" || name == "to") continue;
        const schema::FieldSpec* field = schema::find_query_field(name);
        if (!field) throw RequestError("bad_request", "unknown filter '" + name + "'");
        filters.push_back(build(name, [&, &value = value] { return field_filter(*field, value); }));
    }
    auto from = request.filters.find("from"), to = request.filters.find("to");
    if (from != request.filters.end() || to != request.filters.end()) {
        std::string a = from == request.filters.end() ? "" : from->second;
        std::string b = to == request.filters.end() ? "" : to->second;
        for (const std::string* d : {&a, &b})
            if (!d->empty() && !CivilDate::parse_iso(*d) && !(d->size() == 7 || d->size() == 4))
                throw RequestError("bad_request",
                                   "'from' and 'to' are dates YYYY-MM-DD, YYYY-MM or YYYY, not '" + *d + "'");
        filters.push_back(
            build(from != request.filters.end() ? "from" : "to", [&] { return date_range_filter(a, b); }));
    }
    return filters;
}

}  // namespace saywho
