/** @file corpus_statements_test.cc  @brief Checks extract_statements() on the corpus articles against the hand-made gold annotation tests/data/corpus_statements.tsv (speaker, place, place basis, day). */
#include <cstddef>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

#include "common/archive_reader.h"
#include "extract/extract.h"
#include "tests/support/tsv.h"

namespace saywho {
namespace {

const std::string SOURCE_DIR = SAYWHO_SOURCE_DIR;
const std::string GOLD_PATH = SOURCE_DIR + "/tests/data/corpus_statements.tsv";

/// One row of the gold file.
struct GoldRow {
    std::size_t line = 0;  ///< 1-based line in the TSV
    std::string doc;
    std::string quote;
    std::string speaker;
    std::string location;  ///< "" for "-"
    std::string basis;     ///< "" for "-"
    std::string date;
};

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

/// The gold rows; malformed lines are reported in @p problems.
std::vector<GoldRow> load_gold(std::vector<std::string>& problems) {
    std::vector<GoldRow> rows;
    std::istringstream in(read_file(GOLD_PATH));
    std::string line;
    std::size_t number = 0;
    while (std::getline(in, line)) {
        ++number;
        if (line.empty() || line[0] == '#') continue;
        std::vector<std::string> f = testing::split_tabs(line);
        if (f.size() != 6) {
            problems.push_back("line " + std::to_string(number) + ": expected 6 tab-separated fields, got " +
                               std::to_string(f.size()));
            continue;
        }
        GoldRow row;
        row.line = number;
        row.doc = f[0];
        row.quote = f[1];
        row.speaker = f[2];
        row.location = f[3] == "-" ? "" : f[3];
        row.basis = f[4] == "-" ? "" : f[4];
        row.date = f[5];
        rows.push_back(row);
    }
    return rows;
}

/// One corpus article with its file bytes and extracted statements.
struct Extracted {
    bool ok = false;
    std::string bytes;
    std::vector<Statement> statements;
    std::string problem;
};

const Extracted& extracted(const std::string& doc) {
    static std::map<std::string, Extracted> cache;
    auto it = cache.find(doc);
    if (it != cache.end()) return it->second;
    Extracted e;
    const std::string path = SOURCE_DIR + "/corpus/" + doc + ".txt";
    e.bytes = read_file(path);
    if (e.bytes.empty()) {
        e.problem = "cannot read " + path;
    } else {
        ParseResult result = parse_text_article(path, doc, e.bytes, ReaderOptions{});
        if (!result.article) {
            e.problem = "cannot parse " + path;
        } else {
            e.statements = extract_statements(*result.article);
            e.ok = true;
        }
    }
    return cache.emplace(doc, std::move(e)).first->second;
}

/// The statement whose text contains the row's quote, else the one whose
/// [start,end) range covers the quote's position in the file; nullptr if none.
const Statement* find_statement(const GoldRow& row, const Extracted& e) {
    for (const Statement& s : e.statements)
        if (s.text.find(row.quote) != std::string::npos) return &s;
    const std::size_t pos = e.bytes.find(row.quote);
    if (pos == std::string::npos) return nullptr;
    for (const Statement& s : e.statements)
        if (s.start <= pos && pos < s.end) return &s;
    return nullptr;
}

std::string label(const GoldRow& row) {
    return row.doc + " (gold line " + std::to_string(row.line) + ") \"" + row.quote + "\"";
}

std::string show(const std::string& value) { return value.empty() ? "-" : value; }

/// Compares one row; returns the wrong fields as "field: got X, want Y" (empty when right).
std::vector<std::string> wrong_fields(const GoldRow& row, const Statement& s) {
    std::vector<std::string> wrong;
    auto check = [&wrong](const char* field, const std::string& got, const std::string& want) {
        if (got != want) wrong.push_back(std::string(field) + ": got " + show(got) + ", want " + show(want));
    };
    check("speaker", s.speaker, row.speaker);
    check("location", s.location, row.location);
    check("location_basis", s.location_basis, row.basis);
    check("date", s.date.iso(), row.date);
    return wrong;
}

TEST(CorpusStatements, GoldFileIsWellFormed) {
    std::vector<std::string> problems;
    const std::vector<GoldRow> rows = load_gold(problems);
    for (const auto& p : problems) ADD_FAILURE() << GOLD_PATH << ": " << p;
    EXPECT_GE(rows.size(), 45u);
    std::set<std::string> docs;
    const std::set<std::string> bases = {"", "explicit", "inferred", "dateline"};
    for (const GoldRow& row : rows) {
        docs.insert(row.doc);
        const Extracted& e = extracted(row.doc);
        ASSERT_TRUE(e.ok) << label(row) << ": " << e.problem;
        const std::size_t first = e.bytes.find(row.quote);
        EXPECT_NE(first, std::string::npos) << label(row) << ": quote not in the article";
        if (first != std::string::npos) {
            EXPECT_EQ(e.bytes.find(row.quote, first + 1), std::string::npos)
                << label(row) << ": quote occurs more than once";
        }
        EXPECT_TRUE(bases.count(row.basis)) << label(row) << ": bad location_basis " << row.basis;
        EXPECT_EQ(row.location.empty(), row.basis.empty()) << label(row) << ": location and basis disagree on '-'";
        EXPECT_TRUE(CivilDate::parse_iso(row.date).has_value()) << label(row) << ": bad date " << row.date;
    }
    EXPECT_GE(docs.size(), 15u);
}

TEST(CorpusStatements, EachRowMatchesTheExtractor) {
    std::vector<std::string> problems;
    const std::vector<GoldRow> rows = load_gold(problems);
    for (const GoldRow& row : rows) {
        const Extracted& e = extracted(row.doc);
        ASSERT_TRUE(e.ok) << label(row) << ": " << e.problem;
        const Statement* s = find_statement(row, e);
        if (s == nullptr) {
            ADD_FAILURE() << label(row) << ": no extracted statement contains it (want speaker " << row.speaker << ", "
                          << show(row.location) << "/" << show(row.basis) << ", " << row.date << ")";
            continue;
        }
        EXPECT_EQ(s->speaker, row.speaker) << label(row) << ": speaker";
        EXPECT_EQ(s->location, row.location) << label(row) << ": location";
        EXPECT_EQ(s->location_basis, row.basis) << label(row) << ": location_basis";
        EXPECT_EQ(s->date.iso(), row.date) << label(row) << ": date";
    }
}

TEST(CorpusStatements, Summary) {
    std::vector<std::string> problems;
    const std::vector<GoldRow> rows = load_gold(problems);
    std::size_t right = 0;
    std::map<std::string, std::size_t> wrong_by_field;
    std::ostringstream report;
    for (const GoldRow& row : rows) {
        const Extracted& e = extracted(row.doc);
        const Statement* s = e.ok ? find_statement(row, e) : nullptr;
        if (s == nullptr) {
            ++wrong_by_field["not found"];
            report << "  " << label(row) << ": not found\n";
            continue;
        }
        const std::vector<std::string> wrong = wrong_fields(row, *s);
        if (wrong.empty()) {
            ++right;
            continue;
        }
        report << "  " << label(row) << ":";
        for (const auto& w : wrong) {
            ++wrong_by_field[w.substr(0, w.find(':'))];
            report << " [" << w << "]";
        }
        report << "\n";
    }
    std::cout << "[ gold     ] " << right << " of " << rows.size() << " gold statements fully right";
    for (const auto& [field, count] : wrong_by_field) std::cout << "; " << field << " wrong: " << count;
    std::cout << "\n" << report.str();
    ::testing::Test::RecordProperty("gold_rows", static_cast<int>(rows.size()));
    ::testing::Test::RecordProperty("gold_rows_right", static_cast<int>(right));
    EXPECT_EQ(right, rows.size()) << "gold statements not fully right (list above)";
}

}  // namespace
}  // namespace saywho
