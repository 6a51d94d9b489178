/** @file placeday_statements_test.cc
 *  @brief Checks every row of the held-out place and day set
 *         (tests/data/placeday: 35 articles written for it, gold.tsv) against
 *         extract_statements(). The rows extraction gets wrong today are
 *         listed with what it gives in known_misses.tsv, so a row that
 *         changes either way fails: a regression, or a fix to record.
 */
#include <cstddef>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "common/archive_reader.h"
#include "common/lexicon.h"
#include "extract/extract.h"
#include "tests/support/tsv.h"

namespace saywho {
namespace {

using testing::read_tsv;

const std::string SET_DIR = std::string(SAYWHO_SOURCE_DIR) + "/tests/data/placeday";

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

const std::vector<Statement>& statements_of(const std::string& file) {
    static std::map<std::string, std::vector<Statement>> cache;
    auto it = cache.find(file);
    if (it != cache.end()) return it->second;
    const std::string path = SET_DIR + "/articles/" + file;
    ParseResult parsed = parse_text_article(path, file, read_file(path), ReaderOptions{});
    EXPECT_TRUE(parsed.article.has_value()) << path << ": cannot parse";
    return cache.emplace(file, parsed.article ? extract_statements(*parsed.article) : std::vector<Statement>{})
        .first->second;
}

/// Whether the extracted place is the gold one, written as the gazetteer
/// writes it ("Sevilla" for the place extraction shows as "Seville").
bool same_place(const std::string& gold, const Statement& st) {
    if (gold.empty()) return st.location.empty();
    for (const Place* p : Lexicon::instance().find_places(gold))
        if (p->geonameid == st.location_id) return true;
    return false;
}

bool day_within(const std::string& gold, const CivilDate& day) {
    const std::size_t dots = gold.find("..");
    const std::string first = gold.substr(0, dots);
    const std::string last = dots == std::string::npos ? first : gold.substr(dots + 2);
    return first <= day.iso() && day.iso() <= last;
}

/// The fields of @p row extraction gets wrong, each as "field=what it gives".
std::vector<std::string> misses(const std::map<std::string, std::string>& row) {
    const Statement* st = nullptr;
    for (const Statement& s : statements_of(row.at("article")))
        if (s.text.find(row.at("key")) != std::string::npos) {
            st = &s;
            break;
        }
    if (!st) return {"found=no"};
    std::vector<std::string> out;
    if (st->speaker != row.at("speaker")) out.push_back("speaker=" + st->speaker);
    if (!same_place(row.at("place"), *st)) out.push_back("place=" + st->location);
    const std::string basis = st->location_basis.empty() ? "none" : st->location_basis;
    if (basis != row.at("basis")) out.push_back("basis=" + basis);
    if (!day_within(row.at("day"), st->date)) out.push_back("day=" + st->date.iso());
    // A day carried over from the speaker's words before comes from the text too.
    const std::string day_basis = st->date_basis == "article" ? "article" : "text";
    if (day_basis != row.at("day_basis")) out.push_back("day_basis=" + st->date_basis);
    return out;
}

std::string joined(const std::vector<std::string>& parts) {
    std::string out;
    for (const auto& p : parts) out += (out.empty() ? "" : " ") + p;
    return out;
}

/// SAYWHO_WRITE_KNOWN_MISSES=1 rewrites known_misses.tsv from today's
/// extraction, after a change whose effect on the set has been read.
void write_known_misses(const std::vector<std::map<std::string, std::string>>& gold) {
    std::ofstream out(SET_DIR + "/known_misses.tsv", std::ios::binary);
    out << "# Rows of gold.tsv extraction gets wrong today, with what it gives; written by\n"
        << "# SAYWHO_WRITE_KNOWN_MISSES=1 build/tests/saywho_unit_tests --gtest_filter='PlaceDaySet.*'\n"
        << "article\tkey\tmisses\n";
    for (const auto& row : gold)
        if (std::string got = joined(misses(row)); !got.empty())
            out << row.at("article") << "\t" << row.at("key") << "\t" << got << "\n";
}

TEST(PlaceDaySet, EveryRowIsRightOrAKnownMiss) {
    const auto gold = read_tsv(SET_DIR + "/gold.tsv");
    ASSERT_GE(gold.size(), 150u);
    if (const char* write = std::getenv("SAYWHO_WRITE_KNOWN_MISSES"); write && std::string(write) == "1")
        write_known_misses(gold);
    std::map<std::string, std::string> known;  // "article\tkey" -> misses
    for (const auto& row : read_tsv(SET_DIR + "/known_misses.tsv"))
        known[row.at("article") + "\t" + row.at("key")] = row.at("misses");
    std::size_t right = 0;
    std::map<std::string, std::size_t> wrong_by_field;
    for (const auto& row : gold) {
        const std::string got = joined(misses(row));
        const std::string id = row.at("article") + "\t" + row.at("key");
        const auto listed = known.find(id);
        const std::string want = listed == known.end() ? "" : listed->second;
        EXPECT_EQ(got, want) << "gold.tsv:" << row.at("line") << " " << row.at("article") << " \"" << row.at("key")
                             << "\" (" << row.at("place_form") << ", " << row.at("day_form")
                             << "): update known_misses.tsv if this is a fix";
        if (got.empty()) ++right;
        for (const auto& m : misses(row)) ++wrong_by_field[m.substr(0, m.find('='))];
        if (listed != known.end()) known.erase(listed);
    }
    for (const auto& [id, what] : known) ADD_FAILURE() << "known_misses.tsv lists a row gold.tsv lacks: " << id;
    std::cout << "[ placeday ] " << right << " of " << gold.size() << " rows fully right";
    for (const auto& [field, count] : wrong_by_field) std::cout << "; " << field << " wrong: " << count;
    std::cout << "\n";
}

}  // namespace
}  // namespace saywho
