/** @file statement_document_test.cc  @brief Unit tests of DocumentBuilder::build_statement and the extraction terms of articles: terms, folded keys, values and data. */
#include "indexer/document_builder.h"

#include <set>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <rapidjson/document.h>
#include <xapian.h>

#include "common/record_codec.h"
#include "common/schema.h"
#include "searcher/query_parser.h"

namespace saywho {
namespace {

Article helsinki_article() {
    Article a;
    a.id = "2025-03-19-helsinki";
    a.date = *CivilDate::make(2025, 3, 19);
    a.title = "Leaders meet in Helsinki";
    a.body = "Zelenskyý told reporters there were attacks from 150 drones overnight.";
    a.path = "/archive/2025-03-19-helsinki.txt";
    return a;
}

/// A statement with every field set; the speaker's name carries an accent
/// that the folded keys must remove.
Statement drone_statement() {
    Statement st;
    st.speaker = "Volodymyr Zelenskyý";
    st.role = "President";
    st.speaker_kind = "person";
    st.text = "there were attacks from 150 drones overnight";
    st.start = 40;
    st.end = 84;
    st.direct = false;
    st.quote = "mixed";
    st.cue = "told";
    st.location = "Kyiv";
    st.country = "UA";
    st.location_basis = "explicit";
    st.date = *CivilDate::make(2025, 3, 18);
    st.date_basis = "text";
    return st;
}

std::set<std::string> all_terms(const Xapian::Document& doc) {
    return std::set<std::string>(doc.termlist_begin(), doc.termlist_end());
}

rapidjson::Document parse_data(const Xapian::Document& doc) {
    EXPECT_EQ(doc.get_data(), "") << "a statement's record is in SLOT_STATEMENT_RECORD";
    rapidjson::Document data;
    std::string raw = doc.get_value(schema::SLOT_STATEMENT_RECORD);
    data.Parse(raw.c_str(), raw.size());
    EXPECT_FALSE(data.HasParseError()) << raw;
    EXPECT_TRUE(data.IsObject()) << raw;
    return data;
}

TEST(StatementDocument, HasItsArticleTypeAndDateTermsAndNoIdTerm) {
    DocumentBuilder builder;
    Xapian::Document doc = builder.build_statement(helsinki_article(), drone_statement(), 2);
    auto terms = all_terms(doc);
    for (const char* term : {"XARTICLE:2025-03-19-helsinki", "XTYPE:statement", "D20250318", "M202503", "Y2025"})
        EXPECT_TRUE(terms.count(term)) << term;
    // The statement's own day, not the article's.
    EXPECT_FALSE(terms.count("D20250319"));
    EXPECT_FALSE(terms.count("XTYPE:article"));
    // No Q term (schema 4): neither the article's, which would make
    // id:ARTICLE find its statements too, nor one of its own.
    for (const auto& term : terms) EXPECT_NE(term[0], 'Q') << term;
    EXPECT_STREQ(parse_data(doc)[schema::DATA_ID].GetString(), "2025-03-19-helsinki#2");
}

// The speaker facet counts named people and organisations only: an
// anonymous source is searchable by its words but not counted; an
// unresolved one is no speaker at all.
TEST(StatementDocument, OnlyNamedSpeakersAreCountedInTheSpeakerFacet) {
    DocumentBuilder builder;
    Statement st = drone_statement();
    EXPECT_EQ(builder.build_statement(helsinki_article(), st, 0).get_value(schema::SLOT_SPEAKER), st.speaker);
    st.speaker = "industry analysts";
    st.speaker_kind = "anonymous";
    Xapian::Document anonymous = builder.build_statement(helsinki_article(), st, 0);
    EXPECT_EQ(anonymous.get_value(schema::SLOT_SPEAKER), "");
    EXPECT_EQ(all_terms(anonymous).count(schema::PREFIX_SPEAKER + std::string("analysts")), 1u);
    st.speaker.clear();
    st.speaker_kind = "unresolved";
    st.speaker_mention = "he";
    Xapian::Document unresolved = builder.build_statement(helsinki_article(), st, 0);
    EXPECT_EQ(unresolved.get_value(schema::SLOT_SPEAKER), "");
    for (const auto& term : all_terms(unresolved))
        EXPECT_NE(term.rfind(schema::PREFIX_SPEAKER, 0), 0u) << "speaker term of an unresolved speaker: " << term;
}

// The source-kind facet counts people, organisations and anonymous
// sources; kind: finds unresolved ones too.
TEST(StatementDocument, CarriesTheKindOfItsSpeaker) {
    DocumentBuilder builder;
    Statement st = drone_statement();
    Xapian::Document person = builder.build_statement(helsinki_article(), st, 0);
    EXPECT_EQ(person.get_value(schema::SLOT_SPEAKER_KIND), "person");
    EXPECT_EQ(all_terms(person).count("XKIND:person"), 1u);
    st.speaker = "industry analysts";
    st.speaker_kind = "anonymous";
    EXPECT_EQ(builder.build_statement(helsinki_article(), st, 0).get_value(schema::SLOT_SPEAKER_KIND), "anonymous");
    st.speaker.clear();
    st.speaker_kind = "unresolved";
    Xapian::Document unresolved = builder.build_statement(helsinki_article(), st, 0);
    EXPECT_EQ(unresolved.get_value(schema::SLOT_SPEAKER_KIND), "") << "an unresolved speaker is no source";
    EXPECT_EQ(all_terms(unresolved).count("XKIND:unresolved"), 1u);
}

TEST(StatementDocument, HasTheFoldedFilterTermsOfEveryField) {
    DocumentBuilder builder;
    auto terms = all_terms(builder.build_statement(helsinki_article(), drone_statement(), 0));
    for (const char* term : {"XSPEAKER:volodymyr zelenskyy", "XSPEAKER:zelenskyy", "XROLE:president", "XLOC:kyiv",
                             "XCOUNTRY:ua", "XQUOTE:mixed"})
        EXPECT_TRUE(terms.count(term)) << term;
    // The bases are in the record only: no query field searches them.
    for (const auto& term : terms) {
        EXPECT_NE(term.rfind("XLOCBASIS:", 0), 0u) << term;
        EXPECT_NE(term.rfind("XDATEBASIS:", 0), 0u) << term;
    }
    EXPECT_FALSE(terms.count("XSPEAKER:volodymyr")) << "a given name alone is not a key";
}

TEST(StatementDocument, IndexesItsWordsAndTheSpeakerAsFreeText) {
    DocumentBuilder builder;
    Statement st = drone_statement();
    st.speaker = "Volodymyr Zelenskyy";
    Xapian::Document doc = builder.build_statement(helsinki_article(), st, 0);
    auto terms = all_terms(doc);
    // Every word once, as a positional stem; capitalised words too.
    for (const char* term : {"Zdrone", "Zovernight", "Zzelenskyy", "Zvolodymyr"})
        EXPECT_TRUE(terms.count(term)) << term;
    for (auto it = doc.termlist_begin(); it != doc.termlist_end(); ++it)
        if ((*it)[0] == 'Z') {
            EXPECT_GT(it.positionlist_count(), 0u) << *it << " has positions, for phrases";
        }
    for (const char* term : {"drones", "overnight", "zelenskyy"})
        EXPECT_FALSE(terms.count(term)) << term << ": statements keep no unstemmed copy of their words";
    EXPECT_FALSE(terms.count("Sleaders")) << "the article's title is not a statement's text";
}

TEST(StatementDocument, StoresDateAndFacetValuesButNoContentHash) {
    DocumentBuilder builder;
    Xapian::Document doc = builder.build_statement(helsinki_article(), drone_statement(), 0);
    EXPECT_EQ(doc.get_value(schema::SLOT_DATE), "20250318");
    EXPECT_EQ(doc.get_value(schema::SLOT_SPEAKER), "Volodymyr Zelenskyý");
    EXPECT_EQ(doc.get_value(schema::SLOT_LOCATION), "Kyiv");
    EXPECT_EQ(doc.get_value(schema::SLOT_COUNTRY), "UA");
    EXPECT_EQ(doc.get_value(schema::SLOT_CONTENT_HASH), "");
}

TEST(StatementDocument, StoresItsPlaceInTheOrderByItsOwnDayItsArticleAndItsPosition) {
    DocumentBuilder builder;
    const Article article = helsinki_article();
    const Statement st = drone_statement();  // said the day before the article
    const Xapian::Document doc = builder.build_statement(article, st, 3);
    EXPECT_EQ(doc.get_value(schema::SLOT_NEWEST_FIRST), schema::newest_first_key(st.date, article.id, 3));
    EXPECT_EQ(doc.get_value(schema::SLOT_OLDEST_FIRST), schema::oldest_first_key(st.date, article.id, 3));
    const Xapian::Document article_doc = builder.build_article(article, "hash");
    EXPECT_EQ(article_doc.get_value(schema::SLOT_NEWEST_FIRST),
              schema::newest_first_key(article.date, article.id, std::nullopt));
    EXPECT_EQ(article_doc.get_value(schema::SLOT_OLDEST_FIRST),
              schema::oldest_first_key(article.date, article.id, std::nullopt));
}

TEST(StatementDocument, DataHoldsEveryFieldAResultNeeds) {
    DocumentBuilder builder;
    Article article = helsinki_article();
    article.body_offset = 30;  // a text file: the body starts after the date and title lines
    Statement st = drone_statement();
    rapidjson::Document data = parse_data(builder.build_statement(article, st, 3));
    auto text = [&](const char* key) -> std::string {
        if (!data.HasMember(key) || !data[key].IsString()) return "<missing " + std::string(key) + ">";
        return data[key].GetString();
    };
    EXPECT_EQ(text(schema::DATA_TYPE), "statement");
    EXPECT_EQ(text(schema::DATA_ID), "2025-03-19-helsinki#3");
    EXPECT_EQ(text(schema::DATA_ARTICLE), article.id);
    EXPECT_EQ(text(schema::DATA_TITLE), article.title);
    EXPECT_EQ(text(schema::DATA_ARTICLE_DATE), "2025-03-19");
    EXPECT_EQ(text(schema::DATA_PATH), article.path);
    EXPECT_EQ(text(schema::DATA_SPEAKER), st.speaker);
    EXPECT_EQ(text(schema::DATA_ROLE), "President");
    EXPECT_EQ(text(schema::DATA_SPEAKER_KIND), "person");
    EXPECT_EQ(text(schema::DATA_TEXT), st.text);
    EXPECT_EQ(text(schema::DATA_QUOTE), "mixed");
    EXPECT_EQ(text(schema::DATA_CUE), "told");
    EXPECT_EQ(text(schema::DATA_LOCATION), "Kyiv");
    EXPECT_EQ(text(schema::DATA_COUNTRY), "UA");
    EXPECT_EQ(text(schema::DATA_LOCATION_BASIS), "explicit");
    EXPECT_EQ(text(schema::DATA_DATE), "2025-03-18");
    EXPECT_EQ(text(schema::DATA_DATE_BASIS), "text");
    // Offsets in the body (the statement's file offsets less the body's).
    ASSERT_TRUE(data[schema::DATA_BODY_START].IsUint64());
    EXPECT_EQ(data[schema::DATA_BODY_START].GetUint64(), 10u);
    EXPECT_EQ(data[schema::DATA_BODY_END].GetUint64(), 54u);
    EXPECT_EQ(data[schema::DATA_BODY_OFFSET].GetUint64(), 30u);
    ASSERT_TRUE(data[schema::DATA_DIRECT].IsBool());
    EXPECT_FALSE(data[schema::DATA_DIRECT].GetBool());
    EXPECT_FALSE(data.HasMember(schema::DATA_BODY)) << "statements do not repeat the article's body";
    EXPECT_FALSE(data.HasMember(schema::DATA_LINE)) << "text files have no line";
}

TEST(StatementDocument, AnUnknownSpeakerOrPlaceGivesNoKeysAndNoValues) {
    DocumentBuilder builder;
    Statement st = drone_statement();
    st.speaker.clear();
    st.role.clear();
    st.location.clear();
    st.country.clear();
    st.location_basis.clear();
    Xapian::Document doc = builder.build_statement(helsinki_article(), st, 0);
    for (const auto& term : all_terms(doc))
        for (const char* prefix : {"XSPEAKER:", "XROLE:", "XLOC:", "XCOUNTRY:"})
            EXPECT_NE(term.rfind(prefix, 0), 0u) << term;
    EXPECT_EQ(doc.get_value(schema::SLOT_SPEAKER), "");
    EXPECT_EQ(doc.get_value(schema::SLOT_LOCATION), "");
    EXPECT_EQ(doc.get_value(schema::SLOT_COUNTRY), "");
}

TEST(StatementDocument, InheritsTheSourceAndLineOfAJsonLinesArticle) {
    DocumentBuilder builder;
    Article article = helsinki_article();
    article.source = "AP";
    article.line = 7;
    Xapian::Document doc = builder.build_statement(article, drone_statement(), 0);
    EXPECT_TRUE(all_terms(doc).count("Gap"));
    EXPECT_EQ(parse_data(doc)[schema::DATA_LINE].GetUint64(), 7u);
}

TEST(StatementDocument, AVeryLongArticleIdStillGivesAcceptableTerms) {
    DocumentBuilder builder;
    Article article = helsinki_article();
    article.id = std::string(1000, 'x');
    Xapian::Document doc = builder.build_statement(article, drone_statement(), 12);
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    EXPECT_NO_THROW(db.add_document(doc));
    EXPECT_EQ(db.get_termfreq(schema::statement_article_term(article.id)), 1u);
    EXPECT_EQ(parse_data(doc)[schema::DATA_ID].GetString(), article.id + "#12");
}

/// The statement in a database, queried through the real query parser.
class StatementSearch : public ::testing::Test {
  protected:
    StatementSearch() : db_(std::string(), Xapian::DB_BACKEND_INMEMORY) {
        DocumentBuilder builder;
        db_.add_document(builder.build_statement(helsinki_article(), drone_statement(), 0));
        Statement other = drone_statement();
        other.speaker = "Aino Kettunen";
        other.role = "Foreign Minister";
        other.location = "Helsinki";
        other.country = "FI";
        other.quote = "direct";
        other.text = "we will not wait for the next incident";
        db_.add_document(builder.build_statement(helsinki_article(), other, 1));
    }

    /// The ids of the statements @p query finds.
    std::vector<std::string> ids(const std::string& query) {
        SaywhoQueryParser parser(db_, MatchMode::ALL);
        Xapian::Enquire enquire(db_);
        enquire.set_query(parser.parse(query));
        std::vector<std::string> out;
        Xapian::MSet mset = enquire.get_mset(0, 10);
        for (auto it = mset.begin(); it != mset.end(); ++it) {
            out.push_back(read_statement_record(it.get_document()).id());
        }
        return out;
    }

    Xapian::WritableDatabase db_;
};

TEST_F(StatementSearch, ASpeakerIsFoundByFullNameOrSurnameInAnyCaseOrAccent) {
    const std::vector<std::string> zelenskyy{"2025-03-19-helsinki#0"};
    for (const char* query : {"speaker:zelenskyy", "speaker:ZELENSKYY", "speaker:Zelenskyý", "speaker:Zelenskyy",
                              "speaker:\"Volodymyr Zelenskyy\"", "speaker:\"volodymyr zelenskyý\""})
        EXPECT_EQ(ids(query), zelenskyy) << query;
    EXPECT_EQ(ids("speaker:kettunen"), std::vector<std::string>{"2025-03-19-helsinki#1"});
    EXPECT_TRUE(ids("speaker:volodymyr").empty());
}

TEST_F(StatementSearch, FieldsCombineWithWordsAndEachOther) {
    EXPECT_EQ(ids("drones speaker:zelenskyy"), std::vector<std::string>{"2025-03-19-helsinki#0"});
    EXPECT_TRUE(ids("drones speaker:kettunen").empty());
    EXPECT_EQ(ids("role:\"foreign minister\""), std::vector<std::string>{"2025-03-19-helsinki#1"});
    EXPECT_EQ(ids("quote:direct"), std::vector<std::string>{"2025-03-19-helsinki#1"});
    EXPECT_EQ(ids("location:Kiev type:statement"), std::vector<std::string>{"2025-03-19-helsinki#0"});
    EXPECT_EQ(ids("country:FI"), std::vector<std::string>{"2025-03-19-helsinki#1"});
    EXPECT_EQ(ids("location:Finland"), std::vector<std::string>{"2025-03-19-helsinki#1"});
    EXPECT_EQ(ids("date:2025-03-18 quote:mixed"), std::vector<std::string>{"2025-03-19-helsinki#0"});
    EXPECT_TRUE(ids("date:2025-03-19 quote:mixed").empty()) << "the statement's day, not the article's";
}

TEST_F(StatementSearch, TheSpeakerNameIsFreeTextButNoPhraseSpansIntoIt) {
    // "zelenskyý" is the indexed form of the speaker's last name.
    EXPECT_EQ(ids("zelenskyý drones"), std::vector<std::string>{"2025-03-19-helsinki#0"});
    EXPECT_TRUE(ids("\"overnight volodymyr\"").empty());
    EXPECT_EQ(ids("\"150 drones overnight\""), std::vector<std::string>{"2025-03-19-helsinki#0"});
}

TEST_F(StatementSearch, WordsMatchTheirStemsInAnyFormAsInArticles) {
    // Statements keep only stems (schema.h); each of these would find the
    // words in an article, and must find them in a statement too.
    const std::vector<std::string> drones{"2025-03-19-helsinki#0"};
    for (const char* query :
         {"drones", "drone", "Drones", "DRONES", "attack", "\"attacks from 150 drones\"", "\"attack from 150 drone\"",
          "dron*", "overnight NEAR attacks", "Zelenskyý", "NOT incident"})
        EXPECT_EQ(ids(query), drones) << query;
    EXPECT_EQ(ids("\"next incident\""), std::vector<std::string>{"2025-03-19-helsinki#1"});
    EXPECT_TRUE(ids("\"drones from 150\"").empty()) << "a phrase keeps its word order";
    EXPECT_TRUE(ids("drones -overnight").empty());
}

TEST(ArticleDocument, PeopleAndPlacesFromExtractionBecomeTerms) {
    DocumentBuilder builder;
    ArticleFacts facts;
    facts.people = {"Aino Kettunen", "Volodymyr Zelenskyý"};
    facts.places = {PlaceMention{"Helsinki", "FI", 658225}, PlaceMention{"São Paulo", "BR", 3448439}};
    auto terms = all_terms(builder.build_article(helsinki_article(), "h", facts));
    for (const char* term : {"XPERSON:aino kettunen", "XPERSON:kettunen", "XPERSON:volodymyr zelenskyy",
                             "XPERSON:zelenskyy", "XPLACE:helsinki", "XPLACE:sao paulo", "XCOUNTRY:fi", "XCOUNTRY:br"})
        EXPECT_TRUE(terms.count(term)) << term;
    for (const auto& term : terms) EXPECT_NE(term.rfind("XSPEAKER:", 0), 0u) << "an article speaks for nobody";
}

TEST(ArticleDocument, WithoutFactsAnArticleHasNoPersonOrPlaceTerms) {
    DocumentBuilder builder;
    for (const auto& term : all_terms(builder.build_article(helsinki_article(), "h")))
        for (const char* prefix : {"XPERSON:", "XPLACE:", "XCOUNTRY:"}) EXPECT_NE(term.rfind(prefix, 0), 0u) << term;
}

TEST(ArticleContentHash, DependsOnWhetherStatementsAreExtracted) {
    // Otherwise a database built with --no-statements would never get its
    // statements: every article would be skipped as unchanged.
    EXPECT_NE(article_content_hash(helsinki_article(), true), article_content_hash(helsinki_article(), false));
    EXPECT_EQ(article_content_hash(helsinki_article()), article_content_hash(helsinki_article(), true));
}

}  // namespace
}  // namespace saywho
