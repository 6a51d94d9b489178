/** @file schema_test.cc  @brief Unit tests of the schema's term builders, query field table and persisted slot numbers. */
#include "common/schema.h"

#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "common/text.h"

namespace saywho::schema {
namespace {

/// True when @p s is well-formed UTF-8 (checked by repairing a copy).
bool valid_utf8(std::string s) { return repair_utf8(s).replaced == 0; }

std::string repeat(const std::string& piece, std::size_t times) {
    std::string out;
    for (std::size_t i = 0; i < times; ++i) out += piece;
    return out;
}

TEST(BoundedTerm, KeepsShortTermsAsPrefixPlusValue) {
    EXPECT_EQ(bounded_term("Q", "2025-03-19-helsinki"), "Q2025-03-19-helsinki");
    EXPECT_EQ(bounded_term("XTYPE:", "article"), "XTYPE:article");
    EXPECT_EQ(bounded_term("G", ""), "G");
}

TEST(BoundedTerm, KeepsAValueThatExactlyFillsTheLimit) {
    std::string value(MAX_SAFE_TERM_LENGTH - 1, 'x');
    EXPECT_EQ(bounded_term("Q", value), "Q" + value);
}

TEST(BoundedTerm, LongAsciiValueIsCutToTheLimit) {
    std::string value(1000, 'x');
    std::string term = bounded_term("Q", value);
    EXPECT_LE(term.size(), MAX_SAFE_TERM_LENGTH);
    EXPECT_EQ(term.substr(0, 1), "Q");
    EXPECT_TRUE(valid_utf8(term));
    EXPECT_EQ(term.substr(1, 100), value.substr(0, 100));  // a readable head is kept
}

TEST(BoundedTerm, LongMultibyteValueIsCutOnACharacterBoundary) {
    std::string value = repeat("\xC3\xA9", 300);  // 300 × "é" = 600 bytes
    for (const char* prefix : {"Q", "XTYPE:", "G"}) {
        std::string term = bounded_term(prefix, value);
        EXPECT_LE(term.size(), MAX_SAFE_TERM_LENGTH) << prefix;
        EXPECT_EQ(term.compare(0, std::string(prefix).size(), prefix), 0) << prefix;
        EXPECT_TRUE(valid_utf8(term)) << prefix << ": " << term;
    }
}

TEST(BoundedTerm, LongValuesDifferingOnlyAtTheEndGiveDifferentTerms) {
    std::string head(300, 'h');
    std::string a = bounded_term("Q", head + "alpha");
    std::string b = bounded_term("Q", head + "beta");
    EXPECT_NE(a, b);
    EXPECT_LE(a.size(), MAX_SAFE_TERM_LENGTH);
    EXPECT_LE(b.size(), MAX_SAFE_TERM_LENGTH);
}

TEST(BoundedTerm, IsDeterministic) {
    std::string value(500, 'z');
    EXPECT_EQ(bounded_term("Q", value), bounded_term("Q", value));
}

TEST(BoundedTerm, XapianAcceptsTheLongestTermItMakes) {
    Xapian::Document doc;
    std::string term = bounded_term("XTYPE:", repeat("\xE2\x82\xAC", 400));
    EXPECT_NO_THROW(doc.add_boolean_term(term));
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    EXPECT_NO_THROW(db.add_document(doc));
}

TEST(SchemaTerms, ArticleIdTermUsesQ) {
    EXPECT_EQ(article_id_term("2025-03-19-helsinki"), "Q2025-03-19-helsinki");
    EXPECT_LE(article_id_term(std::string(400, 'a')).size(), MAX_SAFE_TERM_LENGTH);
}

TEST(SchemaTerms, DateTermsForADay) {
    CivilDate date = *CivilDate::make(2025, 3, 19);
    EXPECT_EQ(day_term(date), "D20250319");
    EXPECT_EQ(month_term(date), "M202503");
    EXPECT_EQ(year_term(date), "Y2025");
}

TEST(SchemaTerms, DateTermsArePadded) {
    CivilDate date = *CivilDate::make(999, 1, 2);
    EXPECT_EQ(day_term(date), "D09990102");
    EXPECT_EQ(month_term(date), "M099901");
    EXPECT_EQ(year_term(date), "Y0999");
}

TEST(SchemaTerms, TypeTerm) {
    EXPECT_EQ(type_term(TYPE_ARTICLE), "XTYPE:article");
    EXPECT_EQ(type_term(TYPE_STATEMENT), "XTYPE:statement");
}

TEST(SchemaTerms, SourceTermIsFolded) {
    EXPECT_EQ(source_term("AP"), source_term("ap"));
    EXPECT_EQ(source_term("AP"), "Gap");
    EXPECT_EQ(source_term("  Le  Monde "), "Gle monde");
    EXPECT_NE(source_term("AP"), source_term("AFP"));
}

TEST(SchemaTerms, StatementArticleTerm) {
    EXPECT_EQ(statement_article_term("2025-03-19-helsinki"), "XARTICLE:2025-03-19-helsinki");
    EXPECT_LE(statement_article_term(std::string(400, 'a')).size(), MAX_SAFE_TERM_LENGTH);
}

TEST(SchemaTerms, PersonKeysAreTheFoldedNameAndEachTailOfIt) {
    EXPECT_EQ(person_keys("Volodymyr Zelenskyý"), (std::vector<std::string>{"volodymyr zelenskyy", "zelenskyy"}));
    EXPECT_EQ(person_keys("Mariana Costa Ribeiro"),
              (std::vector<std::string>{"mariana costa ribeiro", "costa ribeiro", "ribeiro"}));
    EXPECT_EQ(person_keys("  KREMLIN "), std::vector<std::string>{"kremlin"});
    EXPECT_EQ(person_keys("Anna-Kaisa  Rautio"), (std::vector<std::string>{"anna-kaisa rautio", "rautio"}));
    EXPECT_TRUE(person_keys("").empty());
    EXPECT_TRUE(person_keys("   ").empty());
    EXPECT_EQ(person_terms(PREFIX_SPEAKER, "Aino Kettunen"),
              (std::vector<std::string>{"XSPEAKER:aino kettunen", "XSPEAKER:kettunen"}));
    EXPECT_EQ(person_terms(PREFIX_PERSON, "Aino Kettunen").front(), "XPERSON:aino kettunen");
}

TEST(SchemaTerms, FoldedAndCountryTerms) {
    EXPECT_EQ(folded_term(PREFIX_LOCATION, "São Paulo"), "XLOC:sao paulo");
    EXPECT_EQ(folded_term(PREFIX_ROLE, "Foreign  Minister"), "XROLE:foreign minister");
    EXPECT_EQ(country_term("UA"), "XCOUNTRY:ua");
    EXPECT_EQ(country_term("ua"), "XCOUNTRY:ua");
}

TEST(QueryFields, NamesAndPrefixesAreUniqueAndHelpIsNonEmpty) {
    std::set<std::string> names, prefixes;
    for (const auto& field : QUERY_FIELDS) {
        ASSERT_NE(field.query_name, nullptr);
        ASSERT_NE(field.prefix, nullptr);
        ASSERT_NE(field.help, nullptr);
        EXPECT_FALSE(std::string(field.query_name).empty());
        EXPECT_FALSE(std::string(field.prefix).empty()) << field.query_name;
        EXPECT_FALSE(std::string(field.help).empty()) << field.query_name;
        ASSERT_NE(field.example, nullptr);
        EXPECT_EQ(std::string(field.example).rfind(std::string(field.query_name) + ":", 0), 0u)
            << "the example of " << field.query_name << " uses it";
        EXPECT_TRUE(names.insert(field.query_name).second) << "duplicate query name " << field.query_name;
        EXPECT_TRUE(prefixes.insert(field.prefix).second) << "duplicate prefix " << field.prefix;
    }
    EXPECT_EQ(names.size(), QUERY_FIELDS.size());
}

// The user guide's table of fields is prose written by hand; this keeps it
// and the schema telling the same story: every field is shown there with
// the example --help gives, and every field the table shows exists.
TEST(QueryFields, TheGuideTableShowsEveryFieldAndNoOther) {
    std::ifstream in(std::string(SAYWHO_SOURCE_DIR) + "/docs/guide.md");
    ASSERT_TRUE(in) << "docs/guide.md not found beside the sources";
    std::stringstream guide;
    guide << in.rdbuf();
    const std::string text = guide.str();
    for (const auto& field : QUERY_FIELDS)
        EXPECT_NE(text.find(std::string("`") + field.example + "`"), std::string::npos)
            << "docs/guide.md does not show " << field.example;
    const std::regex row_field(R"(\n\| `([a-z]+):)");
    int rows = 0;
    for (auto it = std::sregex_iterator(text.begin(), text.end(), row_field); it != std::sregex_iterator(); ++it) {
        ++rows;
        // saved:NAME is expanded before fields are read (saved_searches.h).
        if ((*it)[1].str() == "saved") continue;
        EXPECT_NE(find_query_field((*it)[1].str()), nullptr)
            << "docs/guide.md shows a field that does not exist: " << (*it)[1];
    }
    EXPECT_GE(rows, static_cast<int>(QUERY_FIELDS.size()) - 1) << "the guide's table of fields was not found";
}

TEST(QueryFields, FindQueryFieldFindsTitle) {
    const FieldSpec* title = find_query_field("title");
    ASSERT_NE(title, nullptr);
    EXPECT_STREQ(title->prefix, "S");
    EXPECT_EQ(title->kind, FieldKind::FREE_TEXT);
}

TEST(QueryFields, FindQueryFieldFindsEveryEntry) {
    for (const auto& field : QUERY_FIELDS) EXPECT_EQ(find_query_field(field.query_name), &field) << field.query_name;
}

TEST(QueryFields, FindQueryFieldReturnsNullForUnknownNames) {
    EXPECT_EQ(find_query_field("author"), nullptr);
    EXPECT_EQ(find_query_field(""), nullptr);
    EXPECT_EQ(find_query_field("Title"), nullptr);
    EXPECT_EQ(find_query_field("titl"), nullptr);
}

TEST(QueryFields, PrefixesAreTheOmegaLetters) {
    EXPECT_STREQ(find_query_field("id")->prefix, "Q");
    EXPECT_STREQ(find_query_field("type")->prefix, "XTYPE:");
    EXPECT_STREQ(find_query_field("source")->prefix, "G");
    EXPECT_STREQ(find_query_field("date")->prefix, "D");
    EXPECT_TRUE(find_query_field("source")->folded);
    EXPECT_STREQ(find_query_field("speaker")->prefix, "XSPEAKER:");
    EXPECT_STREQ(find_query_field("role")->prefix, "XROLE:");
    EXPECT_STREQ(find_query_field("location")->prefix, "XLOC:");
    EXPECT_STREQ(find_query_field("country")->prefix, "XCOUNTRY:");
    EXPECT_STREQ(find_query_field("quote")->prefix, "XQUOTE:");
    EXPECT_EQ(find_query_field("location")->kind, FieldKind::PLACE);
    EXPECT_EQ(find_query_field("country")->kind, FieldKind::COUNTRY);
}

// Slot numbers are stored in every database built: renumbering them silently
// breaks existing databases, so it must also break this test.
TEST(ValueSlots, ArePersistedNumbers) {
    EXPECT_EQ(static_cast<Xapian::valueno>(SLOT_DATE), 0u);
    EXPECT_EQ(static_cast<Xapian::valueno>(SLOT_CONTENT_HASH), 1u);
    EXPECT_EQ(static_cast<Xapian::valueno>(SLOT_SPEAKER), 2u);
    EXPECT_EQ(static_cast<Xapian::valueno>(SLOT_LOCATION), 3u);
    EXPECT_EQ(static_cast<Xapian::valueno>(SLOT_COUNTRY), 4u);
    EXPECT_EQ(static_cast<Xapian::valueno>(SLOT_ARTICLE), 5u);
    EXPECT_EQ(static_cast<Xapian::valueno>(SLOT_STATEMENT_RECORD), 6u);
    EXPECT_EQ(static_cast<Xapian::valueno>(SLOT_SPEAKER_KIND), 7u);
    EXPECT_EQ(static_cast<Xapian::valueno>(SLOT_NEWEST_FIRST), 8u);
    EXPECT_EQ(static_cast<Xapian::valueno>(SLOT_OLDEST_FIRST), 9u);
}

/// True when each of @p keys sorts before the next as Xapian sorts values (as bytes).
::testing::AssertionResult ascending(const std::vector<std::string>& keys) {
    for (std::size_t i = 1; i < keys.size(); ++i)
        if (!(keys[i - 1] < keys[i])) return ::testing::AssertionFailure() << "key " << i - 1 << " is not before " << i;
    return ::testing::AssertionSuccess();
}

TEST(OrderKeys, NewestFirstIsTheLaterDayThenTheArticleIdThenTheArticleBeforeItsStatementsInTextOrder) {
    const CivilDate mar19 = *CivilDate::make(2025, 3, 19), mar18 = *CivilDate::make(2025, 3, 18);
    const CivilDate dec31 = *CivilDate::make(2024, 12, 31);
    // In the order wanted: position 10 after 2, which text order would not give.
    EXPECT_TRUE(ascending({newest_first_key(mar19, "b", std::nullopt), newest_first_key(mar19, "b", 0),
                           newest_first_key(mar19, "b", 2), newest_first_key(mar19, "b", 10),
                           newest_first_key(mar19, "bb", std::nullopt), newest_first_key(mar19, "c", 1),
                           newest_first_key(mar18, "a", std::nullopt), newest_first_key(dec31, "z", 0)}));
}

TEST(OrderKeys, OldestFirstIsTheEarlierDayWithTheSameOrderWithinADay) {
    const CivilDate mar19 = *CivilDate::make(2025, 3, 19), mar18 = *CivilDate::make(2025, 3, 18);
    const CivilDate dec31 = *CivilDate::make(2024, 12, 31);
    EXPECT_TRUE(ascending({oldest_first_key(dec31, "z", 0), oldest_first_key(mar18, "a", std::nullopt),
                           oldest_first_key(mar19, "b", std::nullopt), oldest_first_key(mar19, "b", 0),
                           oldest_first_key(mar19, "b", 2), oldest_first_key(mar19, "b", 10),
                           oldest_first_key(mar19, "bb", std::nullopt), oldest_first_key(mar19, "c", 1)}));
}

TEST(SchemaVersion, MetadataKeysAndVersion) {
    EXPECT_EQ(SCHEMA_VERSION, 8);
    EXPECT_STREQ(FEATURES, "articles statements");
    EXPECT_STREQ(METADATA_SCHEMA_VERSION, "saywho:schema-version");
}

}  // namespace
}  // namespace saywho::schema
