/** @file understand_test.cc
 *  @brief Table tests of query understanding: query text -> filters and
 *         leftover words, against a small database indexed from hand-written
 *         articles by the real extractor and document builder.
 */
#include <gtest/gtest.h>

#include <cstring>
#include <string>
#include <utility>
#include <vector>

#include <xapian.h>

#include "common/archive_reader.h"
#include "extract/extract.h"
#include "common/schema.h"
#include "indexer/document_builder.h"
#include "searcher/query_parser.h"
#include "searcher/search.h"
#include "searcher/service.h"
#include "searcher/understand.h"

namespace saywho {
namespace {

const char* const ARTICLES[][2] = {
    {"helsinki",
     "date 2025-03-19 Zelenskyy in Helsinki\n\n"
     "HELSINKI (Saywho Wire) \u2014 Ukrainian President Volodymyr Zelenskyy told a joint news conference in Helsinki "
     "on Wednesday that 150 drones had attacked Ukrainian cities overnight.\n\n"
     "\"The drones came again, as they do every night,\" Zelenskyy said.\n\n"
     "Russian President Vladimir Putin spent the day in Moscow and made no public remarks.\n"},
    {"clintons",
     "date 2025-02-10 Two Clintons on the aid bill\n\n"
     "Former US President Bill Clinton said on Monday that the aid bill would pass the Senate easily.\n\n"
     "Former Secretary of State Hillary Clinton told reporters in New York that the vote would be close.\n"},
    {"oslo",
     "date 2025-03-04 Grid talks in Oslo\n\n"
     "Finnish Foreign Minister Aino Kettunen said in Oslo on Tuesday that the drought had cut hydropower output.\n"},
    // An organisation that speaks, named with "the".
    {"kremlin",
     "date 2025-03-18 Talks on the plant\n\n"
     "GENEVA (Saywho Wire) \u2014 The Kremlin said in a statement on Tuesday that the talks on the plant had been "
     "constructive.\n"},
    // A speaker whose surname the articles use more often as a word.
    {"rice-minister",
     "date 2025-03-12 Harvest recovers\n\n"
     "BANGKOK (Saywho Wire) \u2014 Trade Minister Paul Rice said on Wednesday that the harvest was the best in a "
     "decade and that exports would grow.\n"},
    {"rice-exports",
     "date 2025-03-13 Rice exports rise\n\n"
     "BANGKOK (Saywho Wire) \u2014 Rice exports rose in February as the rice harvest recovered, traders said.\n"},
    {"rice-prices",
     "date 2025-03-14 Rice prices fall\n\n"
     "MANILA (Saywho Wire) \u2014 The price of rice fell for a third week as imports arrived.\n"},
};

class Understanding : public ::testing::Test {
  protected:
    static void SetUpTestSuite() {
        db_ = new Xapian::WritableDatabase(std::string(), Xapian::DB_BACKEND_INMEMORY);
        DocumentBuilder builder;
        for (const auto& [id, text] : ARTICLES) {
            ParseResult parsed = parse_text_article(std::string(id) + ".txt", id, text, ReaderOptions{});
            ASSERT_TRUE(parsed.article.has_value()) << id;
            const Article& article = *parsed.article;
            ArticleFacts facts = analyze_article(article);
            for (std::size_t i = 0; i < facts.statements.size(); ++i)
                db_->add_document(builder.build_statement(article, facts.statements[i], i));
            db_->add_document(builder.build_article(article, "hash", facts));
        }
        db_->commit();
    }
    static void TearDownTestSuite() { delete db_; }

    Interpretation read(const std::string& query, const std::string& today = "2025-03-26") {
        return QueryUnderstanding(*db_, *CivilDate::parse_iso(today)).understand(query);
    }

    static Xapian::WritableDatabase* db_;
};

Xapian::WritableDatabase* Understanding::db_ = nullptr;

/// "speaker=Volodymyr Zelenskyy|location=Helsinki|type=statement|text=drones":
/// every filter in order, then the words left.
std::string summary(const Interpretation& in) {
    std::string out;
    for (const auto& f : in.filters) {
        out += std::string(filter_kind_name(f.kind)) + "=";
        if (f.kind == Filter::Kind::DATE) {
            out += f.values[0] + ".." + f.values[1];
        } else {
            for (std::size_t i = 0; i < f.values.size(); ++i) out += (i ? "," : "") + f.values[i];
        }
        out += "|";
    }
    return out + "text=" + in.text;
}

struct Case {
    const char* query;
    const char* expected;
};

const Case CASES[] = {
    // Speakers: full name, surname, case, accents, spelling variants, other scripts.
    {"statements by Zelenskyy", "type=statement|speaker=Volodymyr Zelenskyy|text="},
    {"statements by Zelensky in Helsinki", "type=statement|speaker=Volodymyr Zelenskyy|location=Helsinki|text="},
    {"quotes of ZELENSKIY", "type=statement|speaker=Volodymyr Zelenskyy|text="},
    {"by Зеленський", "speaker=Volodymyr Zelenskyy|type=statement|text="},
    {"by Volodymyr Zelenskyy drones", "speaker=Volodymyr Zelenskyy|type=statement|text=drones"},
    {"what did Zelenskyy say about drones", "speaker=Volodymyr Zelenskyy|type=statement|text=drones"},
    {"Zelenskyy said drones", "speaker=Volodymyr Zelenskyy|type=statement|text=drones"},
    {"Zelenskyy on drones", "speaker=Volodymyr Zelenskyy|type=statement|text=drones"},
    {"Kettunen's statements", "speaker=Aino Kettunen|type=statement|text="},
    // An ambiguous surname keeps every match.
    {"statements by Clinton", "type=statement|speaker=Bill Clinton,Hillary Clinton|text="},
    // Someone only mentioned is understood, so "why nothing" can say so.
    {"statements by Putin", "type=statement|speaker=Vladimir Putin|text="},
    // Unknown names and places stay words.
    {"statements by Nobody", "type=statement|text=by Nobody"},
    {"drones in Zyxqland", "text=drones in Zyxqland"},
    // Places: alternate names, countries, lower case when the database has it.
    {"drought in Oslo", "location=Oslo|type=statement|text=drought"},
    {"statements in Finland", "type=statement|location=Finland|text="},
    {"said in helsinki", "type=statement|location=Helsinki|text="},
    {"ceasefire talks in Kiev", "location=Kyiv|type=statement|text=ceasefire talks"},
    // Dates, relative to 2025-03-26 (a Wednesday).
    {"drought on 2025-03-04", "date=2025-03-04..2025-03-04|text=drought"},
    {"drought on March 4, 2025", "date=2025-03-04..2025-03-04|text=drought"},
    {"drought on 4 March 2025", "date=2025-03-04..2025-03-04|text=drought"},
    {"drought in March 2025", "date=2025-03-01..2025-03-31|text=drought"},
    {"drought in 2025", "date=2025-01-01..2025-12-31|text=drought"},
    {"drought since March 2025", "date=2025-03-01..|text=drought"},
    {"drought before 2025-03-04", "date=..2025-03-03|text=drought"},
    {"drought after March 2025", "date=2025-04-01..|text=drought"},
    {"drought between 2025-03-01 and 2025-03-10", "date=2025-03-01..2025-03-10|text=drought"},
    {"drought yesterday", "date=2025-03-25..2025-03-25|text=drought"},
    {"drought last week", "date=2025-03-17..2025-03-23|text=drought"},
    {"drought this month", "date=2025-03-01..2025-03-26|text=drought"},
    {"drought in March", "date=2025-03-01..2025-03-31|text=drought"},
    {"drought in December", "date=2024-12-01..2024-12-31|text=drought"},
    // Types.
    {"articles about drought", "type=article|text=drought"},
    {"stories about drones in Helsinki", "type=article|location=Helsinki|text=drones"},
    // Field syntax passes through and mixes with the rest.
    {"speaker:Kettunen in Oslo", "location=Oslo|type=statement|text=speaker:Kettunen"},
    {"type:article in Oslo", "location=Oslo|text=type:article"},
    {"\"in Helsinki\" drones", "text=\"in Helsinki\" drones"},
    {"drones date:2025-03", "text=drones date:2025-03"},
    {"may the drones stop", "text=may the drones stop"},
    // Questions with a known speaker (issue 17).
    {"what did the Kremlin say", "speaker=Kremlin|type=statement|text="},
    {"what did the Kremlin say about the plant", "speaker=Kremlin|type=statement|text=the plant"},
    {"the Kremlin on the plant", "speaker=Kremlin|type=statement|text=the plant"},
    {"Kremlin statements", "speaker=Kremlin|type=statement|text="},
    {"did Kettunen say anything about drought", "speaker=Aino Kettunen|type=statement|text=drought"},
    {"what has Kettunen said about drought", "speaker=Aino Kettunen|type=statement|text=drought"},
    {"Kettunen's remarks on drought", "speaker=Aino Kettunen|type=statement|text=drought"},
    {"quotes by Kettunen", "type=statement|speaker=Aino Kettunen|text="},
    {"ZELENSKIY statements in March 2025",
     "speaker=Volodymyr Zelenskyy|type=statement|date=2025-03-01..2025-03-31|text="},
    // A question about someone the database does not know is still about statements.
    {"what did Nobody say about drought", "type=statement|text=what did Nobody drought"},
    // A known person's name without a cue is the speaker...
    {"Kettunen drought", "speaker=Aino Kettunen|type=statement|text=drought"},
    {"drought Kettunen", "speaker=Aino Kettunen|type=statement|text=drought"},
    {"Zelenskiy in Helsinki", "speaker=Volodymyr Zelenskyy|location=Helsinki|type=statement|text="},
    {"Paul Rice harvest", "speaker=Paul Rice|type=statement|text=harvest"},
    {"aino kettunen drought", "speaker=Aino Kettunen|type=statement|text=drought"},
    // ... but not when it is a topic: a word the articles mostly use as a
    // word, the object of a preposition, a possessive, in lower case alone,
    // one of two names, beside another speaker, an organisation, or the
    // whole query.
    {"Rice exports", "text=Rice exports"},
    {"statements about Kettunen", "type=statement|text=Kettunen"},
    {"drought talks with Kettunen", "text=drought talks with Kettunen"},
    {"Kettunen's plan", "text=Kettunen's plan"},
    {"kettunen drought", "text=kettunen drought"},
    {"Kettunen drought Zelenskyy", "text=Kettunen drought Zelenskyy"},
    {"speaker:Kettunen Zelenskyy drones", "text=speaker:Kettunen Zelenskyy drones"},
    {"statements by Kettunen about Zelenskyy", "type=statement|speaker=Aino Kettunen|text=about Zelenskyy"},
    {"Kremlin plant", "text=Kremlin plant"},
    {"Putin drones", "text=Putin drones"},
    {"Kettunen", "text=Kettunen"},
    {"Kettunen Oy drought", "text=Kettunen Oy drought"},
    // Quoted words are literal, function words included.
    {"\"what did Kettunen say\"", "text=\"what did Kettunen say\""},
    {"\"on the drought\" by Kettunen", "speaker=Aino Kettunen|type=statement|text=\"on the drought\""},
};

TEST_F(Understanding, Table) {
    for (const auto& c : CASES) EXPECT_EQ(summary(read(c.query)), c.expected) << "query: " << c.query;
}

TEST_F(Understanding, FilterSourcesPointIntoTheQuery) {
    const std::string q = "statements by Zelensky in Helsinki last week";
    Interpretation in = read(q);
    ASSERT_EQ(in.filters.size(), 4u);
    for (const auto& f : in.filters) EXPECT_EQ(q.substr(f.start, f.end - f.start), f.source);
    EXPECT_EQ(in.find(Filter::Kind::SPEAKER)->source, "by Zelensky");
}

TEST_F(Understanding, FunctionWordsBesideFiltersAreLeftOutAndSaidSo) {
    // Issue 17: what is left beside the filters is only function words,
    // which linked them: no text to search, and the words are named.
    Interpretation in = read("statements by Kettunen on it");
    EXPECT_EQ(summary(in), "type=statement|speaker=Aino Kettunen|text=");
    EXPECT_EQ(in.stopwords, (std::vector<std::string>{"on", "it"}));
    // Without filters they are the query: searched as they are.
    in = read("on it");
    EXPECT_EQ(summary(in), "text=on it");
    EXPECT_TRUE(in.stopwords.empty());
    // A phrase is never dropped.
    in = read("statements by Kettunen \"on it\"");
    EXPECT_EQ(in.text, "\"on it\"");
}

TEST_F(Understanding, AmbiguousAndUnspokenNamesSaySo) {
    const Interpretation clinton = read("statements by Clinton");
    EXPECT_NE(clinton.find(Filter::Kind::SPEAKER)->note.find("ambiguous"), std::string::npos);
    const Interpretation putin_query = read("statements by Putin");  // kept alive: find() points into it
    const Filter* putin = putin_query.find(Filter::Kind::SPEAKER);
    ASSERT_NE(putin, nullptr);
    EXPECT_FALSE(putin->spoke);
}

/// One filter said three ways: as a query field, as a natural phrase, and
/// as a service request's structured filter (docs/http.md).
struct SameFilter {
    const char* field;   ///< query field syntax
    const char* phrase;  ///< a phrase understanding reads as the filter; nullptr when none exists
    std::vector<std::pair<std::string, std::string>> request;  ///< the request's filters
    const char* query;  ///< the filter's Xapian query description, inside "Query(...)"
    bool finds = true;  ///< the test database has documents it matches
};

const SameFilter SAME_FILTERS[] = {
    {"speaker:Zelenskyy", "statements by Zelenskyy", {{"speaker", "Zelenskyy"}}, "XSPEAKER:zelenskyy"},
    {"speaker:\"Volodymyr Zelenskyy\"",
     "quotes of Volodymyr Zelenskyy",
     {{"speaker", "Volodymyr Zelenskyy"}},
     "XSPEAKER:volodymyr zelenskyy"},
    {"location:Helsinki", "in Helsinki", {{"location", "Helsinki"}}, "XLOC:helsinki"},
    {"location:Kiev", "talks in Kiev", {{"location", "Kiev"}}, "XLOC:kyiv", false},
    {"location:Finland", "statements in Finland", {{"location", "Finland"}}, "(XLOC:finland OR XCOUNTRY:fi)"},
    {"country:Finland", nullptr, {{"country", "FI"}}, "XCOUNTRY:fi"},
    {"date:2025-03-01..2025-03-31",
     "drought in March 2025",
     {{"from", "2025-03-01"}, {"to", "2025-03-31"}},
     "VALUE_RANGE 0 20250301 20250331"},
    {"date:2025-03..", "drought since March 2025", {{"from", "2025-03"}}, "VALUE_GE 0 20250301"},
    {"date:..2025-03-03", "drought before 2025-03-04", {{"to", "2025-03-03"}}, "VALUE_LE 0 20250303"},
    {"type:statement", "statements", {{"type", "statement"}}, "XTYPE:statement"},
    {"type:article", "articles about drought", {{"type", "articles"}}, "XTYPE:article"},
    {"quote:direct", nullptr, {{"quote", "direct"}}, "XQUOTE:direct"},
};

TEST_F(Understanding, FieldPhraseAndRequestGiveTheSameFilterQuery) {
    SaywhoQueryParser parser(*db_, MatchMode::ALL);
    for (const auto& row : SAME_FILTERS) {
        SCOPED_TRACE(row.field);
        const std::string want = std::string("Query(") + row.query + ")";
        // The field: Xapian gives a boolean field's query no weight ("0 * ").
        const std::string field = parser.parse(row.field).get_description();
        EXPECT_TRUE(field == want || field == "Query(0 * " + std::string(row.query) + ")") << field;
        // The phrase: its filter of the field's kind, reaching what its type says.
        if (row.phrase) {
            const Interpretation in = read(row.phrase);
            std::vector<const Filter*> filters;
            for (const auto& f : in.filters) filters.push_back(&f);
            const std::string kind(row.field, std::strchr(row.field, ':'));
            const Filter* same = nullptr;
            for (const auto& f : in.filters)
                if (kind == filter_kind_name(f.kind)) same = &f;
            ASSERT_NE(same, nullptr) << summary(in);
            EXPECT_EQ(filter_query(*same, scope_of(filters)).get_description(), want) << row.phrase;
        }
        // The request: structures, never query text.
        SearchRequest request;
        for (const auto& [name, value] : row.request) request.filters[name] = value;
        const std::vector<Filter> given = request_filters(request);
        ASSERT_EQ(given.size(), 1u);
        EXPECT_EQ(filter_query(given.front()).get_description(), want);
    }
}

/// The ids of the hits of @p options, every one.
std::vector<std::string> hit_ids(const Xapian::Database& db, SearchOptions options) {
    options.limit = 1000;
    options.today = *CivilDate::parse_iso("2025-03-26");
    std::vector<std::string> ids;
    for (const auto& hit : search(db, options).hits) ids.push_back(hit.id);
    return ids;
}

TEST_F(Understanding, RequestFiltersFindWhatTheirFieldsFind) {
    for (const auto& row : SAME_FILTERS) {
        SCOPED_TRACE(row.field);
        SearchOptions field;
        field.query = row.field;
        SearchRequest request;
        for (const auto& [name, value] : row.request) request.filters[name] = value;
        SearchOptions structured;
        structured.filters = request_filters(request);
        const std::vector<std::string> ids = hit_ids(*db_, field);
        EXPECT_EQ(!ids.empty(), row.finds);
        EXPECT_EQ(hit_ids(*db_, structured), ids);
        // The words of a query and the given filters: both apply.
        field.query = std::string("drought ") + row.field;
        structured.query = "drought";
        EXPECT_EQ(hit_ids(*db_, structured), hit_ids(*db_, field));
    }
}

TEST(NameSkeleton, SpellingVariantsMeet) {
    EXPECT_EQ(name_skeleton("Zelenskyy"), name_skeleton("Zelensky"));
    EXPECT_EQ(name_skeleton("Zelenskiy"), name_skeleton("Zelensky"));
    EXPECT_EQ(name_skeleton("Зеленський"), name_skeleton("Zelensky"));
    EXPECT_NE(name_skeleton("Zelensky"), name_skeleton("Zelenko"));
}

TEST_F(Understanding, SearchFindsTheSameWithOrWithoutFunctionWords) {
    SearchOptions options;
    options.today = *CivilDate::parse_iso("2025-03-26");
    options.query = "statements by Kettunen on the drought";
    const std::vector<std::string> with = hit_ids(*db_, options);
    options.query = "statements by Kettunen drought";
    EXPECT_FALSE(with.empty());
    EXPECT_EQ(hit_ids(*db_, options), with);
    options.query = "statements by Kettunen on the drought";
    EXPECT_EQ(search(*db_, options).interpretation.stopwords, (std::vector<std::string>{"on", "the"}));
}

TEST_F(Understanding, SearchSaysWhyNothingMatched) {
    SearchOptions options;
    options.today = *CivilDate::parse_iso("2025-03-26");
    options.query = "statements by Putin";
    ResultSet r = search(*db_, options);
    EXPECT_TRUE(r.hits.empty());
    EXPECT_EQ(r.why_nothing, "no statements by Vladimir Putin; they are mentioned in 1 article");
    options.query = "statements by Kettunen in Helsinki";
    r = search(*db_, options);
    EXPECT_TRUE(r.hits.empty());
    EXPECT_NE(r.why_nothing.find("without 'in Helsinki'"), std::string::npos) << r.why_nothing;
}

TEST_F(Understanding, WhyNothingMatchedNamesTheWordsWhenTheyAreInTheWay) {
    SearchOptions options;
    options.today = *CivilDate::parse_iso("2025-03-26");
    // The role matches on its own; no statement of hers has the word.
    options.query = "what did the foreign minister say about drones";
    const ResultSet r = search(*db_, options);
    EXPECT_TRUE(r.hits.empty());
    EXPECT_EQ(r.why_nothing.rfind("nothing matches 'drones', role foreign minister;", 0), 0u) << r.why_nothing;
    EXPECT_NE(r.why_nothing.find("without 'drones': 1 result"), std::string::npos) << r.why_nothing;
}

TEST_F(Understanding, FacetsCountEveryMatchAndEachValueOncePerDocument) {
    SearchOptions options;
    options.today = *CivilDate::parse_iso("2025-03-26");
    options.query = "type:article";
    options.facets = true;
    options.limit = 1;
    ResultSet r = search(*db_, options);
    ASSERT_TRUE(r.facets);
    const std::vector<Facet>& facets = *r.facets;
    ASSERT_EQ(facets.size(), 5u);
    EXPECT_EQ(facets[4].name, "month");
    std::size_t months = 0;
    for (const auto& [value, count] : facets[4].values) months += count;
    EXPECT_EQ(months, std::size(ARTICLES));  // every article, not only the page of one
    // The Clinton article quotes two people: one count each.
    bool bill = false, hillary = false;
    for (const auto& [value, count] : facets[0].values) {
        if (value == "Bill Clinton") bill = count == 1;
        if (value == "Hillary Clinton") hillary = count == 1;
    }
    EXPECT_TRUE(bill && hillary);
    // Issue 19: without options.facets none are counted.
    options.facets = false;
    EXPECT_FALSE(search(*db_, options).facets);
}

}  // namespace
}  // namespace saywho
