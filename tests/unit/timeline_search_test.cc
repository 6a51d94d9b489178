/** @file timeline_search_test.cc
 *  @brief The timeline of a search counts every match, however few the page and the exact count ask for.
 */
#include <string>

#include <gtest/gtest.h>
#include <xapian.h>

#include "common/database.h"
#include "indexer/document_builder.h"
#include "searcher/search.h"
#include "temp_dir.h"

namespace saywho {
namespace {

/// A database of one article a day for 40 days from 1 March 2025.
class ArticleADay : public ::testing::Test {
  protected:
    static constexpr int DAYS = 40;

    void SetUp() override {
        DocumentBuilder builder;
        Xapian::WritableDatabase db = open_for_writing(path_);
        const CivilDate first = *CivilDate::make(2025, 3, 1);
        for (int i = 0; i < DAYS; ++i) {
            Article article;
            article.date = first.plus_days(i);
            article.id = "harbour-" + article.date.iso();
            article.title = "Harbour news";
            article.body = "The harbour was busy " + std::string(static_cast<std::size_t>(i % 7), 'x') + " today.";
            article.path = "/archive/" + article.id + ".txt";
            db.add_document(builder.build_article(article, "hash"));
        }
        db.commit();
    }

    test::TempDir dir_;
    std::string path_ = dir_ / "db";
};

TEST_F(ArticleADay, TheTimelineCountsEveryMatchNotThePageNorTheExactCount) {
    for (const char* query : {"", "harbour"}) {
        SCOPED_TRACE(query);
        SearchOptions options;
        options.query = query;
        options.limit = 1;
        options.exact_count_up_to = 1;  // totals would be an estimate past the first match
        options.timeline = true;
        const ResultSet results = search(open_for_searching({path_}), options);
        ASSERT_TRUE(results.timeline);
        Xapian::doccount counted = 0;
        for (const auto& bucket : results.timeline->buckets) counted += bucket.count;
        EXPECT_EQ(counted, static_cast<Xapian::doccount>(DAYS));
        EXPECT_TRUE(results.timeline->exact);
        EXPECT_EQ(results.timeline->interval, TimelineInterval::DAY);
        EXPECT_EQ(results.timeline->buckets.size(), static_cast<std::size_t>(DAYS));
    }
    SearchOptions without;
    without.query = "harbour";
    EXPECT_FALSE(search(open_for_searching({path_}), without).timeline) << "none unless asked";
}

}  // namespace
}  // namespace saywho
