/** @file speakers_test.cc
 *  @brief End to end: speakers named in different ways are one facet value, and nobody is counted who is no
 *         named speaker (the real binaries on an archive written for the test).
 */
#include <filesystem>
#include <map>
#include <string>

#include <gtest/gtest.h>
#include <rapidjson/document.h>

#include "tests/e2e/e2e_support.h"
#include "tests/e2e/run_command.h"

namespace saywho::testing {
namespace {

/// The facet @p name of the statements of database @p db matching @p query: value -> count.
std::map<std::string, unsigned> statement_facet(const std::string& db, const std::string& query, const char* name) {
    CommandResult r = run_command({SEARCH, "--db", db, "--json", "--facets", query, "type:statement"});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    rapidjson::Document doc = parse_json(r.out);
    std::map<std::string, unsigned> facet;
    for (const auto& v : doc["facets"][name]["values"].GetArray()) facet[v["value"].GetString()] = v["count"].GetUint();
    return facet;
}

class Speakers : public ::testing::Test {
  protected:
    void SetUp() override {
        const auto archive = dir_.path() / "archive";
        // A wire story: the company in markup, then its short form, "it" and
        // "the company"; an anonymous source; a pronoun nobody is named for.
        write_file(archive / "mills.txt",
                   "date 2025-04-02 TALLOW RIDGE MILLS <TRM> TO CLOSE PLANT\n\n"
                   "OSLO, April 2 - <Tallow Ridge Mills Inc> said it would close its paper plant in Bergen.\n\n"
                   "Tallow Ridge said the plant employed 300 people.\n\n"
                   "It said the closure would cost 12 mln crowns.\n\n"
                   "Analysts said the move had been expected for a year.\n");
        // A company first named in full, then by its initials and as "the company".
        write_file(archive / "lantern.txt",
                   "date 2025-04-03 Lantern results\n\n"
                   "Northern Lantern Shipping Corp said its sales rose in March.\n\n"
                   "NLS said it would hire 500 engineers this year.\n\n"
                   "The company said its new terminal would open in May.\n\n"
                   "He said the terminal would be the largest in the north.\n");
        CommandResult r = run_command({INDEX, "--db", db(), "--no-progress", archive.string()});
        ASSERT_EQ(r.exit_code, 0) << r.err;
    }

    std::string db() const { return (dir_.path() / "db").string(); }

    std::map<std::string, unsigned> facet_of(const std::string& query, const char* name = "speaker") {
        return statement_facet(db(), query, name);
    }

    ScratchDir dir_;
};

TEST_F(Speakers, EachCompanyIsOneFacetValueHoweverTheStoryNamesIt) {
    const std::map<std::string, unsigned> want{{"Tallow Ridge Mills Inc", 3}, {"Northern Lantern Shipping Corp", 3}};
    EXPECT_EQ(facet_of("said"), want) << "no 'it', 'company', 'NLS', 'analysts' or 'he' among the speakers";
}

TEST_F(Speakers, AnUnresolvedSpeakerIsShownAsTheArticleNamesIt) {
    CommandResult r = run_command({SEARCH, "--db", db(), "largest terminal", "type:statement"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_TRUE(contains(r.out, "unnamed (He)")) << r.out;
    r = run_command({SEARCH, "--db", db(), "--json", "largest terminal", "type:statement"});
    rapidjson::Document doc = parse_json(r.out);
    const auto& hit = doc["results"][0];
    EXPECT_TRUE(hit["speaker"].IsNull());
    EXPECT_STREQ(hit["speaker_kind"].GetString(), "unresolved");
    EXPECT_STREQ(hit["speaker_mention"].GetString(), "He");
}

TEST_F(Speakers, AnAnonymousSourceIsSearchableButNoFacetValue) {
    CommandResult r = run_command({SEARCH, "--db", db(), "--json", "speaker:analysts"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    rapidjson::Document doc = parse_json(r.out);
    ASSERT_EQ(doc["results"].Size(), 1u);
    EXPECT_STREQ(doc["results"][0]["speaker_kind"].GetString(), "anonymous");
    EXPECT_TRUE(facet_of("expected").empty());
}

TEST_F(Speakers, TheSourceKindFacetCountsAnonymousSourcesAndNoUnresolvedOne) {
    const std::map<std::string, unsigned> want{{"organization", 6}, {"anonymous", 1}};
    EXPECT_EQ(facet_of("said", "speaker_kind"), want) << "the unresolved 'He' is no source";
    CommandResult r = run_command({SEARCH, "--db", db(), "--json", "kind:anonymous"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    rapidjson::Document doc = parse_json(r.out);
    ASSERT_EQ(doc["results"].Size(), 1u);
    EXPECT_STREQ(doc["results"][0]["speaker"].GetString(), "analysts");
    r = run_command({SEARCH, "--db", db(), "--json", "kind:unresolved"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    doc = parse_json(r.out);
    ASSERT_EQ(doc["results"].Size(), 1u);
    EXPECT_STREQ(doc["results"][0]["speaker_mention"].GetString(), "He");
    r = run_command({SEARCH, "--db", db(), "kind:nobody"});
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_TRUE(contains(r.err, "kind:anonymous")) << "the error lists the kinds: " << r.err;
}

/// Speakers across articles: a story that names someone by surname and
/// title joins the person another story names in full, even when that
/// story comes in a later run; namesakes and companies stay apart.
class SpeakersAcrossArticles : public ::testing::Test {
  protected:
    void write_story(const std::string& file, const std::string& text) {
        write_file(dir_.path() / "archive" / file, text);
    }

    void index() {
        CommandResult r = run_command({INDEX, "--db", db(), "--no-progress", (dir_.path() / "archive").string()});
        ASSERT_EQ(r.exit_code, 0) << r.err;
    }

    std::string db() const { return (dir_.path() / "db").string(); }

    std::map<std::string, unsigned> speaker_facet() { return statement_facet(db(), "type:statement", "speaker"); }

    ScratchDir dir_;
};

TEST_F(SpeakersAcrossArticles, ASurnameJoinsTheFullNameTheArchiveLearnsLater) {
    write_story("budget.txt",
                "date 1987-03-02 BUDGET DEFICIT TO SHRINK\n\n"
                "WASHINGTON, March 2 - Treasury Secretary Baker said the budget deficit would shrink this year.\n");
    write_story("rigs.txt",
                "date 1987-03-03 RIG COUNT RISES\n\n"
                "HOUSTON, March 3 - Baker Hughes Inc said the number of working rigs rose by 12 this week.\n");
    write_story("staff.txt",
                "date 1987-03-04 STAFF CHANGES\n\n"
                "WASHINGTON, March 4 - White House Chief of Staff Howard Baker said the President would name "
                "a new adviser.\n");
    index();
    const std::map<std::string, unsigned> before{{"Baker", 1}, {"Baker Hughes Inc", 1}, {"Howard Baker", 1}};
    EXPECT_EQ(speaker_facet(), before) << "no Baker is known to be the Treasury Secretary yet";

    write_story("dollar.txt",
                "date 1987-03-05 BAKER SEES STABLE DOLLAR\n\n"
                "PARIS, March 5 - U.S. Treasury Secretary James Baker said the dollar had been stable for a month.\n\n"
                "Baker said the talks would go on.\n");
    index();
    const std::map<std::string, unsigned> after{{"James Baker", 3}, {"Baker Hughes Inc", 1}, {"Howard Baker", 1}};
    EXPECT_EQ(speaker_facet(), after) << "the budget story's Baker is James Baker; the others stay apart";

    CommandResult r = run_command({SEARCH, "--db", db(), "--json", "budget deficit", "type:statement"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    rapidjson::Document doc = parse_json(r.out);
    ASSERT_EQ(doc["results"].Size(), 1u);
    EXPECT_STREQ(doc["results"][0]["speaker"].GetString(), "James Baker");
    EXPECT_STREQ(doc["results"][0]["speaker_in_article"].GetString(), "Baker");
    r = run_command({SEARCH, "--db", db(), "statements by James Baker"});
    EXPECT_TRUE(contains(r.out, "results 1-3 of 3")) << r.out;

    std::filesystem::remove(dir_.path() / "archive" / "dollar.txt");
    CommandResult pruned =
        run_command({INDEX, "--db", db(), "--no-progress", "--prune", (dir_.path() / "archive").string()});
    ASSERT_EQ(pruned.exit_code, 0) << pruned.err;
    EXPECT_EQ(speaker_facet(), before) << "without the story naming him in full, the link goes";
}

TEST_F(SpeakersAcrossArticles, CompactionLinksWhatTheShardsKnowApart) {
    const auto one = dir_.path() / "one", two = dir_.path() / "two";
    write_file(one / "budget.txt",
               "date 1987-03-02 BUDGET DEFICIT TO SHRINK\n\n"
               "WASHINGTON, March 2 - Treasury Secretary Baker said the budget deficit would shrink this year.\n");
    write_file(two / "dollar.txt",
               "date 1987-03-05 BAKER SEES STABLE DOLLAR\n\n"
               "PARIS, March 5 - U.S. Treasury Secretary James Baker said the dollar had been stable for a month.\n");
    for (const auto& shard : {one, two}) {
        CommandResult r = run_command({INDEX, "--db", (shard / "db").string(), "--no-progress", shard.string()});
        ASSERT_EQ(r.exit_code, 0) << r.err;
    }
    CommandResult r = run_command({INDEX, "--db", db(), "compact", (one / "db").string(), (two / "db").string()});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const std::map<std::string, unsigned> want{{"James Baker", 2}};
    EXPECT_EQ(speaker_facet(), want);
}

}  // namespace
}  // namespace saywho::testing
