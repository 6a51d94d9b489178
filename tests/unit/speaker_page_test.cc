/** @file speaker_page_test.cc
 *  @brief The speaker page (issue 18): who a key or a name is, their names, roles with months, places, timeline,
 *         distinctive words and latest statements, on a small database written here, whole and in two shards.
 */
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <xapian.h>

#include "common/database.h"
#include "indexer/document_builder.h"
#include "searcher/speaker_page.h"
#include "searcher/speaker_printers.h"
#include "temp_dir.h"

namespace saywho {
namespace {

struct Said {
    const char* day;
    const char* speaker;
    const char* role;
    const char* mention;
    const char* in_article;  ///< speaker_in_article: the article's own shorter name
    const char* place;
    const char* text;
};

/// James Baker as Treasury Secretary in March and October 1987 and as
/// Secretary of State in August 1988, named "Baker" by one article the
/// archive linked; Susan James Baker, whose name ends in his; Howard Baker;
/// and others talking of other things, so his words stand out.
const std::vector<Said> STATEMENTS = {
    {"1987-03-02", "James Baker", "Treasury Secretary", "Baker", "", "Washington",
     "The dollar must stabilise against the yen and the mark."},
    {"1987-10-20", "James Baker", "Treasury Secretary", "he", "Baker", "Washington",
     "The dollar should not fall further against the yen."},
    {"1988-08-15", "James Baker", "Secretary of State", "James Baker", "", "Moscow",
     "Arms control talks with the Soviet Union will go on."},
    {"1987-06-01", "JAMES BAKER", "Treasury Secretary", "JAMES BAKER", "", "",
     "Currency markets have calmed and the dollar is steady."},
    {"1987-05-01", "Susan James Baker", "", "Susan James Baker", "", "Houston",
     "Gardens need rain and the flowers need sun."},
    {"1987-04-01", "Howard Baker", "Chief of Staff", "Howard Baker", "", "Washington",
     "The president will veto the budget if it reaches him."},
    {"1987-04-02", "Mary Smith", "", "Smith", "", "London", "The weather was fine and the harvest was good."},
    {"1987-04-03", "Peter Jones", "", "Jones", "", "Paris", "The harvest was poor and the weather was wet."},
    {"1987-04-04", "Ann Lee", "", "Lee", "", "Rome", "The trains will run on time this summer."},
};

Statement statement_of(const Said& s) {
    Statement st;
    st.speaker = s.speaker;
    st.role = s.role;
    st.speaker_kind = "person";
    st.speaker_mention = s.mention;
    st.speaker_in_article = s.in_article;
    st.text = s.text;
    st.direct = true;
    st.quote = "direct";
    st.cue = "said";
    st.location = s.place;
    st.location_basis = st.location.empty() ? "" : "explicit";
    st.date = *CivilDate::parse_iso(s.day);
    st.date_basis = "article";
    return st;
}

/// Writes each statement, with its article, to @p paths (in turn, when
/// there are two: shards).
void write(const std::vector<std::string>& paths) {
    DocumentBuilder builder;
    std::vector<Xapian::WritableDatabase> dbs;
    for (const auto& p : paths) dbs.push_back(open_for_writing(p));
    for (std::size_t i = 0; i < STATEMENTS.size(); ++i) {
        Article article;
        article.date = *CivilDate::parse_iso(STATEMENTS[i].day);
        article.id = "story-" + std::to_string(i);
        article.title = "Story " + std::to_string(i);
        article.body = std::string("\"") + STATEMENTS[i].text + "\" " + STATEMENTS[i].speaker + " said.";
        article.path = "/archive/" + article.id + ".txt";
        Statement st = statement_of(STATEMENTS[i]);
        st.start = 1;
        st.end = 1 + st.text.size();
        Xapian::WritableDatabase& db = dbs[i % dbs.size()];
        db.add_document(builder.build_article(article, "hash"));
        db.add_document(builder.build_statement(article, st, 0));
    }
    for (auto& db : dbs) db.commit();
}

class SpeakerPageTest : public ::testing::Test {
  protected:
    void SetUp() override { write({whole_}); }
    test::TempDir dir_;
    std::string whole_ = dir_ / "db";
};

std::vector<std::string> words_of(const SpeakerPage& page) {
    std::vector<std::string> words;
    for (const auto& w : page.words) words.push_back(w.word);
    return words;
}

bool has(const std::vector<std::string>& list, const std::string& value) {
    return std::find(list.begin(), list.end(), value) != list.end();
}

TEST_F(SpeakerPageTest, AKeyIsOneCanonicalNameInAnyCaseAndNotALongerNameEndingSo) {
    const SpeakerLookup lookup = speaker_page_by_key(open_for_searching({whole_}), "james baker");
    ASSERT_TRUE(lookup.page) << lookup.why_nothing;
    const SpeakerPage& page = *lookup.page;
    EXPECT_EQ(page.key, "james baker");
    EXPECT_EQ(page.name, "James Baker") << "the form most statements give";
    EXPECT_EQ(page.kind, "person");
    EXPECT_EQ(page.statements, 4u) << "JAMES BAKER is him; Susan James Baker is not";
    EXPECT_EQ(page.first.iso(), "1987-03-02");
    EXPECT_EQ(page.last.iso(), "1988-08-15");
    ASSERT_EQ(page.variants.size(), 2u);
    EXPECT_EQ(page.variants[0].value, "James Baker");
    EXPECT_EQ(page.variants[0].count, 4u);
    EXPECT_EQ(page.variants[1].value, "Baker") << "the cue's name and the linked article's own, not \"he\"";
    EXPECT_EQ(page.variants[1].count, 2u);
}

TEST_F(SpeakerPageTest, RolesCarryTheMonthsTheyWereSeen) {
    const SpeakerPage page = *speaker_page_by_key(open_for_searching({whole_}), "james baker").page;
    ASSERT_EQ(page.roles.size(), 2u);
    EXPECT_EQ(page.roles[0].role, "Treasury Secretary");
    EXPECT_EQ(page.roles[0].count, 3u);
    EXPECT_EQ(month_span(page.roles[0].first, page.roles[0].last), "Mar–Oct 1987");
    EXPECT_EQ(page.roles[1].role, "Secretary of State");
    EXPECT_EQ(month_span(page.roles[1].first, page.roles[1].last), "Aug 1988");
    EXPECT_EQ(month_span(*CivilDate::parse_iso("1986-12-30"), *CivilDate::parse_iso("1987-02-01")),
              "Dec 1986–Feb 1987");
}

TEST_F(SpeakerPageTest, PlacesTimelineAndLatestStatements) {
    SpeakerPageOptions options;
    options.latest = 2;
    const SpeakerPage page = *speaker_page_by_key(open_for_searching({whole_}), "james baker", options).page;
    EXPECT_EQ(page.distinct_places, 2u);
    EXPECT_EQ(page.placed, 3u);
    ASSERT_EQ(page.places.size(), 2u);
    EXPECT_EQ(page.places[0].value, "Washington");
    EXPECT_EQ(page.places[0].count, 2u);
    EXPECT_EQ(page.places[1].value, "Moscow");
    EXPECT_EQ(page.timeline.interval, TimelineInterval::MONTH) << "17 months of statements";
    Xapian::doccount counted = 0;
    for (const auto& b : page.timeline.buckets) counted += b.count;
    EXPECT_EQ(counted, 4u);
    EXPECT_EQ(page.timeline.buckets.front().start.iso(), "1987-03-01");
    ASSERT_EQ(page.latest.size(), 2u);
    EXPECT_EQ(page.latest[0].statement.date.iso(), "1988-08-15") << "newest first";
    EXPECT_EQ(page.latest[1].statement.date.iso(), "1987-10-20");
}

TEST_F(SpeakerPageTest, DistinctiveWordsAreTheirOwnWordsNotTheirNameNorFunctionWords) {
    const SpeakerPage page = *speaker_page_by_key(open_for_searching({whole_}), "james baker").page;
    const std::vector<std::string> words = words_of(page);
    ASSERT_FALSE(words.empty());
    EXPECT_EQ(words.front(), "dollar") << "in three of his four statements and nobody else's";
    EXPECT_TRUE(has(words, "yen"));
    EXPECT_FALSE(has(words, "baker")) << "his name is in every statement of his";
    EXPECT_FALSE(has(words, "james"));
    EXPECT_FALSE(has(words, "the"));
    EXPECT_FALSE(has(words, "harvest")) << "others' words";
    for (const auto& w : page.words) EXPECT_GT(w.weight, 0);
    EXPECT_EQ(page.word_sample, 4u);
    SpeakerPageOptions one;
    one.word_sample = 1;  // the latest statement only: arms talks in 1988
    const std::vector<std::string> latest =
        words_of(*speaker_page_by_key(open_for_searching({whole_}), "james baker", one).page);
    EXPECT_FALSE(has(latest, "dollar"));
    EXPECT_TRUE(has(latest, "arms")) << "the stem 'arm' shown as the word the statement uses";
}

TEST_F(SpeakerPageTest, ANameIsResolvedExactlyOrToTheOnlySpeakerItFitsOrGivesTheCandidates) {
    const Xapian::Database db = open_for_searching({whole_});
    const SpeakerLookup exact = speaker_page_by_name(db, "james BAKER");
    ASSERT_TRUE(exact.page);
    EXPECT_EQ(exact.page->key, "james baker") << "Susan James Baker fits too, but this is exactly his name";
    const SpeakerLookup howard = speaker_page_by_name(db, "Howard Baker");
    ASSERT_TRUE(howard.page);
    EXPECT_EQ(howard.page->roles.at(0).role, "Chief of Staff");
    const SpeakerLookup smith = speaker_page_by_name(db, "Smith");
    ASSERT_TRUE(smith.page) << "a surname that fits one speaker";
    EXPECT_EQ(smith.page->key, "mary smith");

    const SpeakerLookup baker = speaker_page_by_name(db, "Baker");
    EXPECT_FALSE(baker.page);
    ASSERT_EQ(baker.candidates.size(), 3u);
    EXPECT_EQ(baker.candidates[0].key, "james baker");
    EXPECT_EQ(baker.candidates[0].name, "James Baker");
    EXPECT_EQ(baker.candidates[0].statements, 4u);
    EXPECT_EQ(baker.candidates[1].key, "howard baker");
    EXPECT_EQ(baker.candidates[2].key, "susan james baker");
    EXPECT_EQ(ambiguous_speaker_message("Baker", baker.candidates),
              "'Baker' names 3 speakers: James Baker (4 statements), Howard Baker (1 statement), Susan James Baker "
              "(1 statement); give the full name");

    const SpeakerLookup nobody = speaker_page_by_name(db, "Volcker");
    EXPECT_FALSE(nobody.page);
    EXPECT_TRUE(nobody.candidates.empty());
    EXPECT_NE(nobody.why_nothing.find("no speaker named 'Volcker'"), std::string::npos) << nobody.why_nothing;
    EXPECT_FALSE(speaker_page_by_key(db, "baker").page) << "a key is a whole canonical name";
    EXPECT_FALSE(speaker_page_by_key(db, "").page);
}

TEST_F(SpeakerPageTest, TwoShardsGiveThePageOfOneDatabase) {
    const std::string s1 = dir_ / "s1", s2 = dir_ / "s2";
    write({s1, s2});
    const std::string whole = speaker_json(*speaker_page_by_key(open_for_searching({whole_}), "james baker").page);
    const std::string shards = speaker_json(*speaker_page_by_key(open_for_searching({s1, s2}), "james baker").page);
    EXPECT_EQ(shards, whole);
    EXPECT_NE(whole.find("\"type\":\"speaker\""), std::string::npos) << whole;
}

TEST_F(SpeakerPageTest, TextShowsRolesWithTheirMonths) {
    std::ostringstream out;
    print_speaker_text(out, *speaker_page_by_key(open_for_searching({whole_}), "james baker").page);
    const std::string text = out.str();
    EXPECT_EQ(text.rfind("James Baker (person; key: james baker)\n4 statements, 1987-03-02 to 1988-08-15\n", 0), 0u)
        << text;
    EXPECT_NE(text.find("  Treasury Secretary, Mar–Oct 1987 (3 statements)\n  Secretary of State, Aug 1988 (1 "
                        "statement)\n"),
              std::string::npos)
        << text;
    EXPECT_NE(text.find("named: James Baker 4, Baker 2\n"), std::string::npos) << text;
    EXPECT_NE(text.find("1988-08-15  James Baker (Secretary of State), Moscow\n   “Arms control"), std::string::npos)
        << text;
}

}  // namespace
}  // namespace saywho
