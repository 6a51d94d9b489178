/** @file speakers_test.cc
 *  @brief End to end: speakers named in different ways are one facet value, and nobody is counted who is no
 *         named speaker (the real binaries on an archive written for the test).
 */
#include <map>
#include <string>

#include <gtest/gtest.h>
#include <rapidjson/document.h>

#include "tests/e2e/e2e_support.h"
#include "tests/e2e/run_command.h"

namespace saywho::testing {
namespace {

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

    /// The facet @p name of statements matching @p query: value -> count.
    std::map<std::string, unsigned> facet_of(const std::string& query, const char* name = "speaker") {
        CommandResult r = run_command({SEARCH, "--db", db(), "--json", "--facets", query, "type:statement"});
        EXPECT_EQ(r.exit_code, 0) << r.err;
        rapidjson::Document doc = parse_json(r.out);
        std::map<std::string, unsigned> facet;
        for (const auto& v : doc["facets"][name]["values"].GetArray())
            facet[v["value"].GetString()] = v["count"].GetUint();
        return facet;
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

}  // namespace
}  // namespace saywho::testing
