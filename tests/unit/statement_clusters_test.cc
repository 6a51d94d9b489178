/** @file statement_clusters_test.cc
 *  @brief Who said it first: text keys and signatures of statements, and the
 *         cluster pass that joins near copies and parts them again.
 */
#include "indexer/statement_clusters.h"

#include <string>
#include <utility>
#include <vector>

#include <gtest/gtest.h>
#include <xapian.h>

#include "common/schema.h"
#include "indexer/document_builder.h"
#include "indexer/statement_signature.h"

namespace saywho {
namespace {

Statement statement(const std::string& text, const std::string& speaker = "Paul Volcker",
                    const std::string& kind = "person", int day = 7) {
    Statement st;
    st.text = text;
    st.speaker = speaker;
    st.speaker_kind = kind;
    st.date = *CivilDate::make(1987, 4, day);
    return st;
}

std::string key_of(const Statement& st, const std::string& id = "a#0") {
    return statement_cluster_keys(st, id).cluster_key;
}

StatementSignature signature_of(const std::string& text) {
    return *decode_signature(statement_cluster_keys(statement(text), "a#0").signature);
}

TEST(StatementSignature, WordsAreComparedFoldedWithoutPunctuation) {
    EXPECT_EQ(comparable_words("“Further,” Volcker said — it’s OK.").words,
              (std::vector<std::string_view>{"further", "volcker", "said", "it", "s", "ok"}));
    EXPECT_EQ(comparable_words("Zürich's 7-3/4 PCT").words,
              (std::vector<std::string_view>{"zurich", "s", "7", "3", "4", "pct"}));
    EXPECT_EQ(comparable_words("  ends with a word").words,
              (std::vector<std::string_view>{"ends", "with", "a", "word"}));
}

TEST(StatementSignature, CopiesWordForWordShareTheirKeyWhateverTheirTypography) {
    const std::string text = "a further large drop in the value of the dollar could be counterproductive";
    EXPECT_EQ(key_of(statement(text), "a#0"), key_of(statement("A further large drop in the value of the dollar, "
                                                               "could be “counterproductive”."),
                                                     "b#3"));
    EXPECT_EQ(key_of(statement(text)).size(), 16u);
}

TEST(StatementSignature, AnotherDayOrAnotherNamedSpeakerIsAnotherStatement) {
    const std::string text = "a further large drop in the value of the dollar could be counterproductive";
    EXPECT_NE(key_of(statement(text)), key_of(statement(text, "Paul Volcker", "person", 8)));
    EXPECT_NE(key_of(statement(text)), key_of(statement(text, "Alan Greenspan")));
    // Nobody named: the words and the day alone.
    EXPECT_EQ(key_of(statement(text, "analysts", "anonymous"), "a#0"),
              key_of(statement(text, "", "unresolved"), "b#0"));
}

TEST(StatementSignature, AShortStatementIsACopyOnlyOfTheSameWordsByTheSameNamedSpeaker) {
    EXPECT_EQ(key_of(statement("We are ready"), "a#0"), key_of(statement("we are READY!"), "b#1"));
    EXPECT_NE(key_of(statement("We are ready"), "a#0"), key_of(statement("We are ready", "Anna Berg"), "b#1"));
    // "The minister" is no name: each statement is its own cluster.
    EXPECT_NE(key_of(statement("We are ready", "minister", "unresolved"), "a#0"),
              key_of(statement("We are ready", "minister", "unresolved"), "b#0"));
    EXPECT_TRUE(statement_cluster_keys(statement("We are ready"), "a#0").signature.empty());
}

/// Pairs written for tuning NEAR_COPY_CONTAINMENT: the same statement cut
/// or edited differently, and statements of one template with other words.
TEST(StatementSignature, ContainmentTellsNearCopiesFromTemplates) {
    const std::vector<std::pair<std::string, std::string>> copies = {
        {"In that kind of situation, further sizeable depreciation of the dollar could well be counterproductive",
         "further sizeable depreciation of the dollar could well be counterproductive"},
        {"the central bank's monetary policy has already done its part in stimulating the economy and more",
         "The central bank's monetary policy has already done its part in stimulating the economy"},
        {"Immediately after receipt of the order, the company said, senior plant management began making "
         "unannounced control room visits during the night shift",
         "senior plant management began making unannounced control room visits during the night shift"},
        {"he had told the council that the pound would be kept near its present level by a mixture of interest "
         "rates and intervention",
         "that the pound would be kept near its present level by a mixture of interest rates and intervention in "
         "the markets"},
    };
    const std::vector<std::pair<std::string, std::string>> others = {
        {"the following stocks of wheat in Chicago as of Friday deliverable against wheat futures",
         "the following stocks of corn in Toledo as of Friday deliverable against corn futures"},
        {"investors to moderate their dollar sales in the coming weeks of trading",
         "the ministry asked commercial banks to moderate their dollar purchases this month"},
        {"the company will report a loss for the first quarter because of the strike",
         "the company expects a profit in the second quarter because of higher sales"},
    };
    for (const auto& [a, b] : copies)
        EXPECT_GE(signature_containment(signature_of(a), signature_of(b)), NEAR_COPY_CONTAINMENT) << a << " | " << b;
    for (const auto& [a, b] : others)
        EXPECT_LT(signature_containment(signature_of(a), signature_of(b)), NEAR_COPY_CONTAINMENT) << a << " | " << b;
}

TEST(StatementSignature, OtherFiguresMakeAnotherStatement) {
    EXPECT_NE(signature_of("it is raising its prime rate to 7-3/4 pct from 7-1/2 effective immediately").numbers_key,
              signature_of("it is raising its prime rate to 8 pct from 7-3/4 effective immediately").numbers_key);
    EXPECT_EQ(signature_of("it is raising its prime rate to 8 pct from 7-3/4 effective today").numbers_key,
              signature_of("it is raising its prime rate to 8 pct from 7-3/4 effective immediately").numbers_key);
}

/// A database of one-statement articles, added and removed by id.
class Archive {
  public:
    void add(const std::string& id, const Statement& st) {
        Article a;
        a.id = id;
        a.date = st.date;
        a.title = "Story " + id;
        a.body = st.text;
        a.path = "/archive/" + id + ".txt";
        Statement s = st;
        s.end = st.text.size();
        s.quote = "none";
        s.cue = "said";
        s.date_basis = "article";
        db_.replace_document(schema::article_id_term(id), builder_.build_article(a, "hash"));
        db_.delete_document(schema::statement_article_term(id));
        db_.add_document(builder_.build_statement(a, s, 0));
    }
    void remove(const std::string& id) {
        db_.delete_document(schema::article_id_term(id));
        db_.delete_document(schema::statement_article_term(id));
    }
    ClusterCounts cluster() { return cluster_statements(db_); }
    std::string key_of(const std::string& id) {
        return db_.get_document(*db_.postlist_begin(schema::statement_article_term(id)))
            .get_value(schema::SLOT_CLUSTER);
    }
    Xapian::doccount members(const std::string& key) { return db_.get_termfreq(schema::cluster_term(key)); }

  private:
    DocumentBuilder builder_;
    Xapian::WritableDatabase db_{std::string(), Xapian::DB_BACKEND_INMEMORY};
};

const char* const WHOLE =
    "In that kind of situation, further sizeable depreciation of the dollar could well be counterproductive";
const char* const CUT = "further sizeable depreciation of the dollar could well be counterproductive";

TEST(ClusterPass, NearCopiesJoinUnderTheKeyOfTheFullestWordsAndPartWhenTheyGo) {
    Archive archive;
    // Two cut copies and the whole: the whole one's key, though fewer have it.
    archive.add("a", statement(WHOLE));
    archive.add("b", statement(CUT, "Volcker", "person", 8));
    archive.add("c", statement(CUT, "Volcker", "person", 8));
    ClusterCounts counts = archive.cluster();
    EXPECT_EQ(counts.clusters, 1u);
    EXPECT_EQ(counts.copies, 2u);
    EXPECT_EQ(counts.changed, 2u);  // b and c took the key of a
    EXPECT_EQ(archive.key_of("c"), archive.key_of("a"));
    EXPECT_EQ(archive.members(archive.key_of("a")), 3u);

    // A later run with nothing new changes nothing.
    EXPECT_EQ(archive.cluster().changed, 0u);

    // With a and b gone, c is alone again, under its own key.
    archive.remove("a");
    archive.remove("b");
    counts = archive.cluster();
    EXPECT_EQ(counts.clusters, 0u);
    EXPECT_EQ(archive.key_of("c"), key_of(statement(CUT, "Volcker", "person", 8), "c#0"));
    EXPECT_EQ(archive.members(archive.key_of("c")), 1u);
}

TEST(ClusterPass, ANewArticleJoinsTheClusterItCopies) {
    Archive archive;
    archive.add("a", statement(WHOLE));
    archive.cluster();
    const std::string key = archive.key_of("a");
    archive.add("late", statement(CUT, "", "unresolved", 9));
    archive.cluster();
    EXPECT_EQ(archive.key_of("late"), archive.key_of("a"));
    // A replaced article whose statement changed leaves the cluster.
    archive.add("late", statement("an entirely different statement about the federal budget deficit this year", "",
                                  "unresolved", 9));
    archive.cluster();
    EXPECT_NE(archive.key_of("late"), archive.key_of("a"));
    EXPECT_EQ(archive.members(key), 1u);
}

TEST(ClusterPass, TwoNamedSpeakersOrDaysWeeksApartNeverShareACluster) {
    Archive archive;
    archive.add("a", statement(WHOLE, "Paul Volcker"));
    archive.add("b", statement(CUT, "Alan Greenspan"));
    // Nobody named: may be either, but cannot join the two.
    archive.add("c", statement(CUT, "", "unresolved"));
    archive.add("d", statement(WHOLE, "Paul Volcker", "person", 28));
    archive.cluster();
    EXPECT_NE(archive.key_of("a"), archive.key_of("b"));
    EXPECT_NE(archive.key_of("a"), archive.key_of("d"));
    EXPECT_TRUE(archive.key_of("c") == archive.key_of("a") || archive.key_of("c") == archive.key_of("b"));
}

}  // namespace
}  // namespace saywho
