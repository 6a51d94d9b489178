/** @file question_table_test.cc
 *  @brief The question table (tests/query/questions.tsv): queries in plain words asked of the real
 *         saywho-search over corpus/ and Reuters-21578, each checked for what it understood and found.
 */
#include <cstddef>
#include <cstring>
#include <filesystem>
#include <functional>
#include <iostream>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include <gtest/gtest.h>
#include <rapidjson/document.h>

#include "tests/e2e/e2e_support.h"
#include "tests/e2e/run_command.h"
#include "tests/support/tsv.h"

namespace saywho::testing {
namespace {

namespace fs = std::filesystem;

const std::string TABLE = (SOURCE_DIR / "tests" / "query" / "questions.tsv").string();
const fs::path REUTERS_ARCHIVE = SHARED / "corpus" / "reuters21578" / "reuters21578.tar.zst";

/// Hits asked for per query: enough that "every hit" checks see all of the
/// largest match set the table checks so (a check on more fails and says so).
const std::string HIT_LIMIT = "2000";

/// One row of the table; the checks of a column split at ";" and trimmed.
struct Row {
    std::string line, corpus, query, known;
    std::vector<std::string> understood, found;
};

std::string trimmed(const std::string& s) {
    const std::size_t begin = s.find_first_not_of(' ');
    if (begin == std::string::npos) return "";
    return s.substr(begin, s.find_last_not_of(' ') - begin + 1);
}

std::vector<std::string> split_checks(const std::string& column) {
    std::vector<std::string> out;
    std::size_t begin = 0;
    for (std::size_t end; begin <= column.size(); begin = end + 1) {
        end = column.find(';', begin);
        if (end == std::string::npos) end = column.size();
        if (std::string check = trimmed(column.substr(begin, end - begin)); !check.empty()) out.push_back(check);
    }
    return out;
}

/// The table's rows of @p corpus ("corpus" or "reuters"), or all rows when it is empty.
std::vector<Row> rows_of(const std::string& corpus = "") {
    std::vector<Row> out;
    for (const auto& r : read_tsv(TABLE)) {
        if (!corpus.empty() && r.at("corpus") != corpus) continue;
        out.push_back(Row{r.at("line"), r.at("corpus"), r.at("query"), r.at("known"), split_checks(r.at("understood")),
                          split_checks(r.at("found"))});
    }
    return out;
}

/// A check as written: "key=value", a bare key ("literal", "!speaker"), or a
/// count whose key is its comparison (">=25": key ">=", value "25").
struct Check {
    std::string key, value;
};

Check parse_check(const std::string& text) {
    for (const char* op : {">=", "<=", "="})
        if (text.rfind(op, 0) == 0) return {op, text.substr(std::strlen(op))};
    const std::size_t eq = text.find('=');
    if (eq == std::string::npos) return {text, ""};
    return {text.substr(0, eq), text.substr(eq + 1)};
}

bool is_count(const std::string& value) {
    return !value.empty() && value.find_first_not_of("0123456789") == std::string::npos;
}

std::string string_or_empty(const rapidjson::Value& v) { return v.IsString() ? v.GetString() : ""; }

std::string member_or_empty(const rapidjson::Value& object, const char* name) {
    return object.HasMember(name) ? string_or_empty(object[name]) : "";
}

/// The strings of a JSON array joined with @p sep; past @p most, "(N more)".
std::string joined(const rapidjson::Value& strings, const char* sep, unsigned most = 1000) {
    std::string out;
    for (unsigned i = 0; i < strings.Size() && i < most; ++i)
        out += (i ? sep : "") + std::string(strings[i].GetString());
    if (strings.Size() > most) out += sep + ("(" + std::to_string(strings.Size() - most) + " more)");
    return out;
}

/// A date range written "A..B" (either end may be empty: open).
bool within(const std::string& day, const std::string& range) {
    const std::size_t dots = range.find("..");
    const std::string first = range.substr(0, dots), last = range.substr(dots + 2);
    return (first.empty() || first <= day) && (last.empty() || day <= last);
}

// ---- What was understood: checks on the JSON "interpretation". ----

using Filter = const rapidjson::Value&;

/// Whether the interpretation has a filter of @p kind that @p matches.
bool has_filter(
    const rapidjson::Value& in, const std::string& kind,
    const std::function<bool(Filter)>& matches = [](Filter) { return true; }) {
    for (const auto& f : in["filters"].GetArray())
        if (f["kind"].GetString() == kind && matches(f)) return true;
    return false;
}

bool lists_value(Filter f, const std::string& value) {
    if (!f.HasMember("values")) return false;
    for (const auto& v : f["values"].GetArray())
        if (v.GetString() == value) return true;
    return false;
}

/// A filter's values (the first few), or its days, in one word ("A..B").
std::string values_of(Filter f) {
    if (!f.HasMember("values")) return string_or_empty(f["from"]) + ".." + string_or_empty(f["to"]);
    return joined(f["values"], "|", 5);
}

using UnderstoodCheck = std::function<bool(const rapidjson::Value& interpretation, const std::string& value)>;

/// The check that a filter of @p kind lists the value among its values.
UnderstoodCheck filter_listing(const char* kind) {
    return [kind](const auto& in, const auto& v) {
        return has_filter(in, kind, [&](Filter f) { return lists_value(f, v); });
    };
}

/// The check that no filter is of @p kind.
UnderstoodCheck no_filter(const char* kind) {
    return [kind](const auto& in, const auto&) { return !has_filter(in, kind); };
}

/// Every check of the "understood" column, by key.
const std::map<std::string, UnderstoodCheck>& understood_checks() {
    static const std::map<std::string, UnderstoodCheck> checks{
        {"speaker", filter_listing("speaker")},
        {"place", filter_listing("location")},
        {"role", filter_listing("role")},
        {"type", filter_listing("type")},
        {"date", [](const auto& in,
                    const auto& v) { return has_filter(in, "date", [&](Filter f) { return values_of(f) == v; }); }},
        {"text", [](const auto& in, const auto& v) { return in["text"].GetString() == v; }},
        {"stopwords", [](const auto& in, const auto& v) { return joined(in["stopwords"], ",") == v; }},
        {"!speaker", no_filter("speaker")},
        {"!place", no_filter("location")},
        {"!date", no_filter("date")},
        {"!type", no_filter("type")},
        {"!filters", [](const auto& in, const auto&) { return in["filters"].Empty(); }},
    };
    return checks;
}

/// The interpretation in one line, for a failure message.
std::string describe(const rapidjson::Value& in) {
    std::string out;
    for (const auto& f : in["filters"].GetArray()) {
        const std::string source =
            f["source"].IsString() ? "from \"" + std::string(f["source"].GetString()) + "\"" : "by default";
        out += std::string(f["kind"].GetString()) + "=" + values_of(f) + " (" + source + "); ";
    }
    return out + "text=\"" + in["text"].GetString() + "\"; stopwords=" + joined(in["stopwords"], ",");
}

// ---- What was found: checks on the hits. ----

/// The --json answers of one indexed corpus, each query asked once.
class Archive {
  public:
    Archive(std::string db, std::string now) : db_(std::move(db)), now_(std::move(now)) {}

    const rapidjson::Document& ask(const std::string& query, bool literal = false) {
        auto& answer = answers_[{query, literal}];
        if (!answer) {
            // Every copy of a statement: the table counts what a question
            // finds, and how copies collapse is tested on its own (clusters_test.cc).
            std::vector<std::string> argv{SEARCH,    "--db",         db_,     "--json", "--limit",
                                          HIT_LIMIT, "--all-copies", "--now", now_};
            if (literal) argv.push_back("--literal");
            argv.push_back(query);
            CommandResult r = run_command(argv);
            answer = std::make_unique<rapidjson::Document>();
            answer->Parse(r.out.c_str());
            if (answer->HasParseError() || !answer->HasMember("type") || (*answer)["type"] != "results")
                ADD_FAILURE() << "saywho-search gave no results document for '" << query << "': " << r.out << r.err;
        }
        return *answer;
    }

  private:
    std::string db_, now_;
    std::map<std::pair<std::string, bool>, std::unique_ptr<rapidjson::Document>> answers_;
};

std::vector<std::string> ids_of(const rapidjson::Document& answer) {
    std::vector<std::string> out;
    for (const auto& hit : answer["results"].GetArray()) out.emplace_back(hit["id"].GetString());
    return out;
}

/// "" when @p holds for every hit, else what the first hit that fails gives
/// (@p what names it) and how many fail.
std::string every_hit(const rapidjson::Document& answer, const std::function<bool(const rapidjson::Value&)>& holds,
                      const std::function<std::string(const rapidjson::Value&)>& what) {
    const auto& hits = answer["results"];
    if (hits.Size() < answer["total"]["lower_bound"].GetUint())
        return "only " + std::to_string(hits.Size()) + " hits listed of more: too many to check each";
    std::size_t failing = 0;
    std::string first;
    for (const auto& hit : hits.GetArray())
        if (!holds(hit) && failing++ == 0) first = std::string(hit["id"].GetString()) + " " + what(hit);
    if (failing == 0) return "";
    return std::to_string(failing) + " of " + std::to_string(hits.Size()) + " hits do not, e.g. " + first;
}

/// A found check: "" when it holds, else what was found instead.
using FoundCheck = std::function<std::string(const rapidjson::Document& answer, const std::string& value,
                                             Archive& archive, const Row& row)>;

/// The check that every hit's @p member is the value (and, with @p statements_only, that every hit is a statement).
FoundCheck hit_member_is(const char* member, bool statements_only) {
    return [member, statements_only](const auto& answer, const auto& value, auto&, const auto&) {
        return every_hit(
            answer,
            [&](const rapidjson::Value& hit) {
                return (!statements_only || hit["type"] == "statement") && member_or_empty(hit, member) == value;
            },
            [&](const rapidjson::Value& hit) {
                return std::string(hit["type"].GetString()) + " " + member + "=\"" + member_or_empty(hit, member) +
                       "\"";
            });
    };
}

std::string count_check(const rapidjson::Document& answer, const std::string& op, const std::string& value) {
    const auto& total = answer["total"];
    if (!is_count(value)) return "not a count: " + value;
    const std::size_t n = std::stoul(value);
    const bool holds = op == ">="   ? total["lower_bound"].GetUint() >= n
                       : op == "<=" ? total["upper_bound"].GetUint() <= n
                                    : total["lower_bound"].GetUint() == n && total["upper_bound"].GetUint() == n;
    return holds ? "" : "found " + std::to_string(total["estimate"].GetUint());
}

/// Every check of the "found" column, by key.
const std::map<std::string, FoundCheck>& found_checks() {
    static const std::map<std::string, FoundCheck> checks{
        {">=", [](const auto& a, const auto& v, auto&, const auto&) { return count_check(a, ">=", v); }},
        {"<=", [](const auto& a, const auto& v, auto&, const auto&) { return count_check(a, "<=", v); }},
        {"=", [](const auto& a, const auto& v, auto&, const auto&) { return count_check(a, "=", v); }},
        {"speaker", hit_member_is("speaker", true)},
        {"place", hit_member_is("location", true)},
        {"role", hit_member_is("role", true)},
        {"country", hit_member_is("country", false)},
        {"type", hit_member_is("type", false)},
        {"date",
         [](const auto& a, const auto& v, auto&, const auto&) {
             return every_hit(
                 a, [&](const rapidjson::Value& hit) { return within(hit["date"].GetString(), v); },
                 [](const rapidjson::Value& hit) { return "dated " + std::string(hit["date"].GetString()); });
         }},
        {"first",
         [](const auto& a, const auto& v, auto&, const auto&) -> std::string {
             const std::vector<std::string> ids = ids_of(a);
             if (!ids.empty() && ids[0] == v) return "";
             return "first hit " + (ids.empty() ? "none" : ids[0]);
         }},
        {"distinct",
         [](const auto& a, const auto&, auto&, const auto&) -> std::string {
             std::set<std::string> seen;
             for (const auto& hit : a["results"].GetArray()) {
                 if (hit["type"] != "statement") continue;
                 const std::string span = std::string(hit["article"].GetString()) + " bytes " +
                                          std::to_string(hit["start"].GetUint()) + ".." +
                                          std::to_string(hit["end"].GetUint());
                 if (!seen.insert(span).second)
                     return "listed twice: " + std::string(hit["id"].GetString()) + ", " + span;
             }
             return "";
         }},
        {"same",
         [](const auto& a, const auto& v, auto& archive, const auto&) -> std::string {
             const std::vector<std::string> want = ids_of(archive.ask(v));
             if (ids_of(a) == want) return "";
             return std::to_string(ids_of(a).size()) + " hits unlike the " + std::to_string(want.size()) + " of '" + v +
                    "'";
         }},
        {"literal",
         [](const auto& a, const auto&, auto& archive, const auto& row) -> std::string {
             const std::vector<std::string> want = ids_of(archive.ask(row.query, true));
             if (ids_of(a) == want) return "";
             return std::to_string(ids_of(a).size()) + " hits unlike the " + std::to_string(want.size()) +
                    " of --literal";
         }},
    };
    return checks;
}

// ---- The rows. ----

/// What @p row gets wrong, one line each; empty when it passes.
std::vector<std::string> failures_of(const Row& row, Archive& archive) {
    const rapidjson::Document& answer = archive.ask(row.query);
    if (!answer.IsObject() || !answer.HasMember("interpretation")) return {"no answer"};
    std::vector<std::string> out;
    for (const std::string& text : row.understood) {
        const Check check = parse_check(text);
        const auto known_check = understood_checks().find(check.key);
        if (known_check == understood_checks().end())
            out.push_back("unknown check " + text);
        else if (!known_check->second(answer["interpretation"], check.value))
            out.push_back("understood " + text + " is not so; understood: " + describe(answer["interpretation"]));
    }
    for (const std::string& text : row.found) {
        const Check check = parse_check(text);
        const auto known_check = found_checks().find(check.key);
        if (known_check == found_checks().end())
            out.push_back("unknown check " + text);
        else if (std::string got = known_check->second(answer, check.value, archive, row); !got.empty())
            out.push_back("found " + text + " is not so: " + got);
    }
    return out;
}

/// Asks every row of @p corpus of @p archive: a failing row fails the test,
/// unless it is marked known; a known row that passes fails it too.
void check_rows(const std::string& corpus, Archive& archive) {
    const std::vector<Row> rows = rows_of(corpus);
    ASSERT_FALSE(rows.empty()) << TABLE << " has no " << corpus << " rows";
    std::size_t passing = 0, known = 0;
    for (const Row& row : rows) {
        const std::string where = "questions.tsv:" + row.line + " '" + row.query + "'";
        const std::vector<std::string> failures = failures_of(row, archive);
        if (failures.empty()) ++passing;
        if (row.known.empty()) {
            for (const std::string& f : failures) ADD_FAILURE() << where << ": " << f;
        } else if (failures.empty()) {
            ADD_FAILURE() << where << " passes now: remove its known mark (" << row.known << ")";
        } else {
            ++known;
            std::cout << "[  KNOWN   ] " << where << ": " << row.known << "\n             today: " << failures[0]
                      << "\n";
        }
    }
    std::cout << "[ QUESTIONS] " << corpus << ": " << rows.size() << " rows, " << passing << " pass, " << known
              << " known failures\n";
    ::testing::Test::RecordProperty("rows", static_cast<int>(rows.size()));
    ::testing::Test::RecordProperty("rows_passing", static_cast<int>(passing));
    ::testing::Test::RecordProperty("rows_known_failing", static_cast<int>(known));
}

/// Indexes @p path into a new database under @p dir with the real saywho-index; its path.
std::string index_into(const ScratchDir& dir, const std::string& path) {
    const std::string db = (dir.path() / "db").string();
    CommandResult r = run_command({INDEX, "--db", db, "--no-progress", path});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return db;
}

TEST(QuestionTable, EveryRowIsWellFormed) {
    const std::vector<Row> rows = rows_of();
    ASSERT_FALSE(rows.empty()) << TABLE;
    std::set<std::pair<std::string, std::string>> asked;
    for (const Row& row : rows) {
        const std::string where = "questions.tsv:" + row.line + " '" + row.query + "'";
        EXPECT_TRUE(row.corpus == "corpus" || row.corpus == "reuters") << where << ": corpus " << row.corpus;
        EXPECT_FALSE(row.query.empty()) << where;
        EXPECT_TRUE(asked.emplace(row.corpus, row.query).second) << where << ": asked twice";
        EXPECT_FALSE(row.understood.empty()) << where << ": nothing to understand";
        EXPECT_FALSE(row.found.empty()) << where << ": nothing to find";
        for (const std::string& text : row.understood) {
            const Check check = parse_check(text);
            EXPECT_TRUE(understood_checks().count(check.key)) << where << ": unknown check " << text;
            if (check.key == "date") {
                EXPECT_NE(check.value.find(".."), std::string::npos) << where << ": " << text;
            }
        }
        for (const std::string& text : row.found) {
            const Check check = parse_check(text);
            EXPECT_TRUE(found_checks().count(check.key)) << where << ": unknown check " << text;
            if (check.key.find_first_of("<=>") == 0) {
                EXPECT_TRUE(is_count(check.value)) << where << ": " << text;
            }
            if (check.key == "date") {
                EXPECT_NE(check.value.find(".."), std::string::npos) << where << ": " << text;
            }
        }
    }
}

TEST(QuestionTable, CorpusRows) {
    ScratchDir dir;
    // A Tuesday: "last week" is 17 to 23 March 2025, the week of the Geneva talks.
    Archive archive(index_into(dir, CORPUS.string()), "2025-03-25");
    check_rows("corpus", archive);
}

TEST(QuestionTable, ReutersRows) {
    if (!fs::exists(REUTERS_ARCHIVE))
        GTEST_SKIP() << REUTERS_ARCHIVE << " is absent (../shared); skipping the Reuters rows of the question table";
    // Unpacked into the test's own directory (2 s), not shared with other
    // runs, so no half-unpacked copy is ever indexed.
    ScratchDir dir;
    CommandResult r =
        run_command({"/usr/bin/env", "tar", "--zstd", "-xf", REUTERS_ARCHIVE.string(), "-C", dir.path().string()});
    ASSERT_EQ(r.exit_code, 0) << "cannot unpack " << REUTERS_ARCHIVE << ": " << r.err;
    // A Wednesday in the archive's busiest weeks: "last week" is 30 March to 5 April 1987.
    Archive archive(index_into(dir, (dir.path() / "reuters21578").string()), "1987-04-08");
    check_rows("reuters", archive);
}

}  // namespace
}  // namespace saywho::testing
