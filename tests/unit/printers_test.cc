/** @file printers_test.cc  @brief Unit tests of the text and JSON printers for statement hits: layout, omitted parts, nulls. */
#include "searcher/printers.h"

#include <sstream>
#include <string>

#include <gtest/gtest.h>
#include <rapidjson/document.h>

namespace saywho {
namespace {

Hit statement_hit() {
    Hit hit;
    hit.rank = 3;
    hit.type = "statement";
    hit.id = "2025-03-19-trump-ukraine-peace-talks#5";
    hit.date = "2025-03-19";
    hit.title = "Trump says Ukraine peace talks 'very much on track'";
    hit.path = "/seed/2025-03-19-trump-ukraine-peace-talks.txt";
    hit.snippet = "there were attacks from 150 drones overnight";
    hit.highlights = {{28, 34}};
    hit.article_id = "2025-03-19-trump-ukraine-peace-talks";
    hit.article_date = "2025-03-19";
    Statement& st = hit.statement;
    st.speaker = "Volodymyr Zelenskyy";
    st.role = "President";
    st.speaker_kind = "person";
    st.text = hit.snippet;
    st.start = 1365;
    st.end = 1409;
    st.quote = "mixed";
    st.cue = "told";
    st.location = "Helsinki";
    st.country = "FI";
    st.location_basis = "explicit";
    st.date_basis = "article";
    return hit;
}

std::string text_of(const Hit& hit, bool bold) {
    ResultSet results;
    results.hits = {hit};
    results.estimate = 1;
    results.exact = true;
    std::ostringstream out;
    print_text(out, results, bold);
    return out.str();
}

TEST(PrintText, AStatementShowsSpeakerRolePlaceQuoteAndArticle) {
    EXPECT_EQ(text_of(statement_hit(), false),
              "3. 2025-03-19  Volodymyr Zelenskyy (President), Helsinki\n"
              "   (reported) there were attacks from 150 drones overnight\n"
              "   in: Trump says Ukraine peace talks 'very much on track'  [2025-03-19-trump-ukraine-peace-talks]\n"
              "\n"
              "results 1-1 of 1, by relevance\n");
}

TEST(PrintText, OnlyDirectQuotesAreShownInQuoteMarks) {
    Hit hit = statement_hit();
    hit.statement.direct = true;
    hit.statement.quote = "direct";
    std::string out = text_of(hit, false);
    EXPECT_NE(out.find("   \u201Cthere were attacks from 150 drones overnight\u201D\n"), std::string::npos) << out;
    EXPECT_EQ(out.find("(reported)"), std::string::npos) << out;
}

TEST(PrintText, AnUnknownRoleOrPlaceIsLeftOut) {
    Hit hit = statement_hit();
    hit.statement.role.clear();
    hit.statement.location.clear();
    std::string out = text_of(hit, false);
    EXPECT_EQ(out.substr(0, out.find('\n')), "3. 2025-03-19  Volodymyr Zelenskyy");
    hit.statement.speaker.clear();
    out = text_of(hit, false);
    EXPECT_EQ(out.substr(0, out.find('\n')), "3. 2025-03-19  (unknown speaker)");
}

TEST(PrintText, AnUnresolvedSpeakerShowsTheWordsOfTheArticleAsNoName) {
    Hit hit = statement_hit();
    hit.statement.role.clear();
    hit.statement.location.clear();
    hit.statement.speaker.clear();
    hit.statement.speaker_kind = "unresolved";
    hit.statement.speaker_mention = "he";
    const std::string out = text_of(hit, false);
    EXPECT_EQ(out.substr(0, out.find('\n')), "3. 2025-03-19  unnamed (he)");
}

TEST(PrintText, QueryWordsAreBoldOnATerminalOnly) {
    EXPECT_NE(text_of(statement_hit(), true).find("150 \033[1mdrones\033[0m overnight"), std::string::npos);
    EXPECT_EQ(text_of(statement_hit(), false).find('\033'), std::string::npos);
}

TEST(PrintCount, WithoutHitsItSaysHowManyMatch) {
    ResultSet results;  // a limit of 0
    auto count = [&](Xapian::doccount estimate, bool exact) {
        results.estimate = estimate;
        results.exact = exact;
        std::ostringstream out;
        print_count(out, results);
        return out.str();
    };
    EXPECT_EQ(count(12, true), "12 results\n");
    EXPECT_EQ(count(1, true), "1 result\n");
    EXPECT_EQ(count(1200, false), "about 1200 results\n");
}

// Issue 19: facets and facets_exact only when the search counted facets.
TEST(PrintJson, FacetsOnlyWhenCounted) {
    ResultSet results;
    auto printed = [&results] {
        std::ostringstream out;
        print_json(out, results);
        rapidjson::Document doc;
        doc.Parse(out.str().c_str());
        EXPECT_FALSE(doc.HasParseError()) << out.str();
        return doc;
    };
    rapidjson::Document doc = printed();
    EXPECT_FALSE(doc.HasMember("facets"));
    EXPECT_FALSE(doc.HasMember("facets_exact"));
    results.facets = std::vector<Facet>{{"speaker", {{"Anna Berg", 3}}, 1}};
    results.facets_exact = false;
    doc = printed();
    ASSERT_TRUE(doc.HasMember("facets"));
    EXPECT_EQ(doc["facets"]["speaker"]["distinct"].GetUint(), 1u);
    EXPECT_STREQ(doc["facets"]["speaker"]["values"][0]["value"].GetString(), "Anna Berg");
    EXPECT_FALSE(doc["facets_exact"].GetBool());
    results.facets = std::vector<Facet>{};
    doc = printed();
    EXPECT_TRUE(doc["facets"].IsObject() && doc["facets"].ObjectEmpty()) << "counted, nothing to count";
}

TEST(PrintJson, AStatementHitCarriesEveryFieldAndNullsForTheUnknown) {
    Hit hit = statement_hit();
    hit.statement.role.clear();
    ResultSet results;
    results.hits = {hit};
    std::ostringstream out;
    print_json(out, results);
    rapidjson::Document doc;
    doc.Parse(out.str().c_str());
    ASSERT_FALSE(doc.HasParseError()) << out.str();
    EXPECT_EQ(doc["version"].GetInt(), 7);
    const auto& h = doc["results"][0];
    EXPECT_STREQ(h["type"].GetString(), "statement");
    EXPECT_STREQ(h["id"].GetString(), "2025-03-19-trump-ukraine-peace-talks#5");
    EXPECT_STREQ(h["article"].GetString(), "2025-03-19-trump-ukraine-peace-talks");
    EXPECT_STREQ(h["article_date"].GetString(), "2025-03-19");
    EXPECT_STREQ(h["speaker"].GetString(), "Volodymyr Zelenskyy");
    EXPECT_TRUE(h["role"].IsNull());
    EXPECT_STREQ(h["speaker_kind"].GetString(), "person");
    EXPECT_TRUE(h["speaker_mention"].IsNull());
    EXPECT_STREQ(h["text"].GetString(), hit.statement.text.c_str());
    EXPECT_EQ(h["start"].GetUint64(), 1365u);
    EXPECT_EQ(h["end"].GetUint64(), 1409u);
    EXPECT_FALSE(h["direct"].GetBool());
    EXPECT_STREQ(h["quote"].GetString(), "mixed");
    EXPECT_STREQ(h["cue"].GetString(), "told");
    EXPECT_STREQ(h["location"].GetString(), "Helsinki");
    EXPECT_STREQ(h["country"].GetString(), "FI");
    EXPECT_STREQ(h["location_basis"].GetString(), "explicit");
    EXPECT_STREQ(h["date_basis"].GetString(), "article");
    EXPECT_EQ(h["highlights"][0][0].GetUint64(), 28u);
}

TEST(PrintInterpretation, NamesTheFunctionWordsLeftOutWhenThereAreAny) {
    Interpretation in;
    in.text = "on the dollar";
    std::ostringstream out;
    print_interpretation(out, in);
    EXPECT_EQ(out.str(), "understood: words only: on the dollar\n");
    in.stopwords = {"on", "the"};
    out.str("");
    print_interpretation(out, in);
    EXPECT_EQ(out.str(), "understood: words only: on the dollar\n  function words left out: on, the\n");
    in.filters.push_back(type_filter("statement"));
    out.str("");
    print_interpretation(out, in);
    EXPECT_NE(out.str().find("  words: on the dollar\n  function words left out: on, the\n"), std::string::npos)
        << out.str();
}

TEST(PrintJson, InterpretationListsTheFunctionWordsLeftOut) {
    ResultSet results;
    std::ostringstream out;
    print_json(out, results);
    rapidjson::Document doc;
    doc.Parse(out.str().c_str());
    ASSERT_TRUE(doc["interpretation"]["stopwords"].IsArray());
    EXPECT_EQ(doc["interpretation"]["stopwords"].Size(), 0u);
    results.interpretation.stopwords = {"on", "the"};
    out.str("");
    print_json(out, results);
    doc.Parse(out.str().c_str());
    ASSERT_EQ(doc["interpretation"]["stopwords"].Size(), 2u);
    EXPECT_STREQ(doc["interpretation"]["stopwords"][1].GetString(), "the");
}

TEST(PrintJson, AnArticleHitHasNoStatementMembers) {
    Hit hit = statement_hit();
    hit.type = "article";
    ResultSet results;
    results.hits = {hit};
    std::ostringstream out;
    print_json(out, results);
    rapidjson::Document doc;
    doc.Parse(out.str().c_str());
    ASSERT_FALSE(doc.HasParseError()) << out.str();
    for (const char* member : {"article", "speaker", "text", "location", "quote"})
        EXPECT_FALSE(doc["results"][0].HasMember(member)) << member;
}

}  // namespace
}  // namespace saywho
