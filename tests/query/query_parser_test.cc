/** @file query_parser_test.cc
 *  @brief Table tests: query text -> parsed Xapian query description, and rejected queries.
 */
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include <xapian.h>

#include "common/errors.h"
#include "common/schema.h"
#include "searcher/filters.h"
#include "searcher/query_parser.h"

namespace {

struct ParseCase {
    const char* query;
    const char* description;           ///< of the query for articles
    const char* statements = nullptr;  ///< of the query for statements, when not the same
};

// Descriptions are Xapian's get_description() of the parsed query; "Z" terms
// are stems, "@N" positions. Each row is one behaviour users rely on.
// Articles hold their words unstemmed with positions and lower-case words'
// stems too; statements hold positional stems only (common/schema.h), so
// phrases, capitalised words and wildcards parse differently for each.
const ParseCase PARSE_CASES[] = {
    {"ceasefire", "Query(Zceasefir@1)"},
    {"ceasefire talks", "Query((Zceasefir@1 AND Ztalk@2))"},
    {"\"security guarantees\"", "Query((security@1 PHRASE 2 guarantees@2))", "Query((Zsecur@1 PHRASE 2 Zguarante@2))"},
    {"Kenya drought", "Query((kenya@1 AND Zdrought@2))", "Query((Zkenya@1 AND Zdrought@2))"},
    {"ceasef*", "Query(WILDCARD SYNONYM ceasef)", "Query(WILDCARD SYNONYM Zceasef)"},
    {"drought OR flood", "Query((Zdrought@1 OR Zflood@2))"},
    {"drought NOT kenya", "Query((Zdrought@1 AND_NOT Zkenya@2))"},
    {"title:drought", "Query(ZSdrought@1)", "Query(Sdrought@1)"},
    {"title:\"water rationing\"", "Query((Swater@1 PHRASE 2 Srationing@2))", "Query((Swater@1 PHRASE 2 Sration@2))"},
    {"type:article", "Query(0 * XTYPE:article)"},
    {"type:Articles", "Query(0 * XTYPE:article)"},
    {"type:statement", "Query(0 * XTYPE:statement)"},
    {"source:AP", "Query(0 * Gap)"},
    {"id:2025-03-19-x", "Query(0 * Q2025-03-19-x)"},
    {"date:2025-03-19", "Query(0 * D20250319)"},
    {"date:2025-03", "Query(0 * M202503)"},
    {"date:2025", "Query(0 * Y2025)"},
    {"date:2025-03-01..2025-03-31", "Query(VALUE_RANGE 0 20250301 20250331)"},
    {"date:2025-03..2025-04", "Query(VALUE_RANGE 0 20250301 20250430)"},
    {"date:2024..2024", "Query(VALUE_RANGE 0 20240101 20241231)"},
    {"date:20250301..20250331", "Query(VALUE_RANGE 0 20250301 20250331)"},
    {"date:2025-03-01..", "Query(VALUE_GE 0 20250301)"},
    {"date:..2025-03-31", "Query(VALUE_LE 0 20250331)"},
    {"date:2024-02..2024-02", "Query(VALUE_RANGE 0 20240201 20240229)"},
    {"ceasefire date:2025-03", "Query((Zceasefir@1 FILTER M202503))"},
    {"ceasefire date:2025-03-01..2025-03-31", "Query((Zceasefir@1 FILTER VALUE_RANGE 0 20250301 20250331))"},
    {"NOT drought", "Query((<alldocuments> AND_NOT Zdrought@1))"},
    // Statements. Speaker names are folded: case and accents do not matter,
    // and a surname alone is a key of its own.
    {"speaker:Zelenskyy", "Query(0 * XSPEAKER:zelenskyy)"},
    {"speaker:ZELENSKYY", "Query(0 * XSPEAKER:zelenskyy)"},
    {"speaker:Zelenskyý", "Query(0 * XSPEAKER:zelenskyy)"},
    {"speaker:\"Volodymyr Zelenskyy\"", "Query(0 * XSPEAKER:volodymyr zelenskyy)"},
    {"speaker:kettunen speaker:zelenskyy", "Query(0 * (XSPEAKER:kettunen OR XSPEAKER:zelenskyy))"},
    {"type:statement speaker:Kettunen", "Query(0 * (XSPEAKER:kettunen AND XTYPE:statement))"},
    {"drones speaker:zelenskyy date:2025-03", "Query((Zdrone@1 FILTER (M202503 AND XSPEAKER:zelenskyy)))"},
    {"role:President", "Query(0 * XROLE:president)"},
    {"role:\"Foreign Minister\"", "Query(0 * XROLE:foreign minister)"},
    {"quote:direct", "Query(0 * XQUOTE:direct)"},
    {"quote:Mixed", "Query(0 * XQUOTE:mixed)"},
    {"quote:none", "Query(0 * XQUOTE:none)"},
    // location: goes through the gazetteer: another name of the place finds
    // its canonical key, a country adds every statement made in it, and a
    // name the gazetteer does not know is still a key.
    {"location:Helsinki", "Query(0 * XLOC:helsinki)"},
    {"location:Kiev", "Query(0 * XLOC:kyiv)"},
    {"location:kyiv", "Query(0 * XLOC:kyiv)"},
    {"location:\"São Paulo\"", "Query(0 * XLOC:sao paulo)"},
    {"location:Finland", "Query(0 * (XLOC:finland OR XCOUNTRY:fi))"},
    {"location:Nowhereville", "Query(0 * XLOC:nowhereville)"},
    {"location:Helsinki type:statement", "Query(0 * (XLOC:helsinki AND XTYPE:statement))"},
    {"country:FI", "Query(0 * XCOUNTRY:fi)"},
    {"country:fi", "Query(0 * XCOUNTRY:fi)"},
    {"country:Finland", "Query(0 * XCOUNTRY:fi)"},
    {"drones country:UA date:2025-03-01..2025-03-31",
     "Query((Zdrone@1 FILTER (VALUE_RANGE 0 20250301 20250331 AND XCOUNTRY:ua)))"},
    // Function words (searcher/stopwords.h) are never required: "on the
    // dollar" means dollar. Issue 17: they made "statements by Baker on the
    // dollar" find 4 where "... dollar" found 32.
    {"on the dollar", "Query(Zdollar@3)"},
    {"about the dollar", "Query(Zdollar@3)"},
    {"The Dollar", "Query(dollar@2)", "Query(Zdollar@2)"},
    {"what did the Kremlin say", "Query((kremlin@4 AND Zsay@5))", "Query((Zkremlin@4 AND Zsay@5))"},
    // ... but a phrase is literal, '+' requires a word, and a query of
    // function words only searches them rather than nothing or everything.
    {"\"on the dollar\"", "Query((on@1 PHRASE 3 the@2 PHRASE 3 dollar@3))",
     "Query((Zon@1 PHRASE 3 Zthe@2 PHRASE 3 Zdollar@3))"},
    {"+the dollar", "Query((Zthe@1 AND Zdollar@2))"},
    {"the", "Query(Zthe@1)"},
    {"what about it", "Query((Zwhat@1 AND Zabout@2 AND Zit@3))"},
    // Words that look like function words but are names or carry meaning stay.
    {"US dollar", "Query((us@1 AND Zdollar@2))", "Query((Zus@1 AND Zdollar@2))"},
    {"WHO vaccines", "Query((who@1 AND Zvaccin@2))", "Query((Zwho@1 AND Zvaccin@2))"},
    {"not raise rates", "Query((Znot@1 AND Zrais@2 AND Zrate@3))"},
};

struct RejectCase {
    const char* query;
    const char* message_part;  ///< the error message must quote the bad part
};

const RejectCase REJECT_CASES[] = {
    {"date:2025-02-30", "2025-02-30"},
    {"date:2025-02-30..2025-03-05", "28 days"},
    {"date:2025-13", "no month 13"},
    {"date:March", "'March'"},
    {"date:2025-03-31..2025-03-01", "ends before it begins"},
    {"date:..", "needs a start or an end"},
    {"type:tweet", "unknown type 'tweet': expected type:article or type:statement"},
    {"quote:partly", "unknown quote 'partly': expected quote:direct, quote:mixed or quote:none"},
    {"country:Atlantis", "unknown country 'Atlantis'"},
    {"country:XX", "unknown country 'XX'"},
    {"1..5", "only date:A..B ranges"},
    {"!!!", "nothing to search for"},
};

class QueryParserTable : public ::testing::Test {
  protected:
    QueryParserTable() : db_(std::string(), Xapian::DB_BACKEND_INMEMORY) {}
    Xapian::WritableDatabase db_;
};

TEST_F(QueryParserTable, ParsesEachRowToTheExpectedQuery) {
    saywho::SaywhoQueryParser parser(db_, saywho::MatchMode::ALL);
    for (const auto& row : PARSE_CASES) {
        SCOPED_TRACE(row.query);
        saywho::ParsedQuery each = parser.parse_each(row.query);
        EXPECT_EQ(each.articles.get_description(), row.description);
        EXPECT_EQ(each.statements.get_description(), row.statements ? row.statements : row.description);
        // The one query searched: each part kept to its own type of document,
        // or the query itself when both parts are the same.
        const std::string combined = parser.parse(row.query).get_description();
        if (!row.statements) {
            EXPECT_EQ(combined, row.description);
        } else {
            auto body = [](const char* description) {  // "Query(X)" -> "X"
                std::string d = description;
                return d.substr(6, d.size() - 7);
            };
            EXPECT_EQ(combined, "Query(((" + body(row.description) + " FILTER XTYPE:article) OR (" +
                                    body(row.statements) + " FILTER XTYPE:statement)))");
        }
    }
}

TEST_F(QueryParserTable, SaysWhichFunctionWordsItLeftOut) {
    saywho::SaywhoQueryParser parser(db_, saywho::MatchMode::ALL);
    using Words = std::vector<std::string>;
    parser.parse("what did the Kremlin say about the dollar");
    EXPECT_EQ(parser.stopped(), (Words{"what", "did", "the", "about"}));
    parser.parse("\"on the dollar\"");
    EXPECT_EQ(parser.stopped(), Words{});
    parser.parse("the");  // searched, so not left out
    EXPECT_EQ(parser.stopped(), Words{});
    parser.parse("on the dollar");
    parser.parse(" ");  // a blank text leaves out nothing, whatever came before
    EXPECT_EQ(parser.stopped(), Words{});
}

TEST_F(QueryParserTable, RejectsEachRowNamingTheBadPart) {
    saywho::SaywhoQueryParser parser(db_, saywho::MatchMode::ALL);
    for (const auto& row : REJECT_CASES) {
        SCOPED_TRACE(row.query);
        try {
            Xapian::Query q = parser.parse(row.query);
            ADD_FAILURE() << "accepted as " << q.get_description();
        } catch (const saywho::QueryError& e) {
            EXPECT_NE(std::string(e.what()).find(row.message_part), std::string::npos) << e.what();
        }
    }
}

TEST_F(QueryParserTable, AnyModeCombinesWordsWithOr) {
    saywho::SaywhoQueryParser parser(db_, saywho::MatchMode::ANY);
    EXPECT_EQ(parser.parse("ceasefire talks").get_description(), "Query((Zceasefir@1 OR Ztalk@2))");
}

TEST_F(QueryParserTable, BlankQueryMatchesEverything) {
    saywho::SaywhoQueryParser parser(db_, saywho::MatchMode::ALL);
    EXPECT_EQ(parser.parse("   ").get_description(), Xapian::Query(Xapian::Query::MatchAll).get_description());
}

TEST(QueryFieldsHelp, TeachesEveryFieldOfTheSchemaTableWithItsExample) {
    const std::string help = saywho::query_fields_help();
    for (const auto& field : saywho::schema::QUERY_FIELDS) {
        SCOPED_TRACE(field.query_name);
        const std::size_t at = help.find(std::string("  ") + field.example + " ");
        ASSERT_NE(at, std::string::npos) << help;
        // What the field finds follows its example, on the same line.
        const std::string first_line = std::string(field.help).substr(0, std::string(field.help).find('\n'));
        EXPECT_EQ(help.find(first_line, at), help.find('\n', at) - first_line.size());
    }
}

TEST(DateBound, RoundsBeginDownAndEndUp) {
    EXPECT_EQ(saywho::parse_date_bound("2025", false), "20250101");
    EXPECT_EQ(saywho::parse_date_bound("2025", true), "20251231");
    EXPECT_EQ(saywho::parse_date_bound("2024-02", true), "20240229");
    EXPECT_EQ(saywho::parse_date_bound("2025-02", true), "20250228");
    EXPECT_EQ(saywho::parse_date_bound("2025-03-19", true), "20250319");
    EXPECT_THROW(saywho::parse_date_bound("2025-02-29", false), Xapian::QueryParserError);
}

}  // namespace
