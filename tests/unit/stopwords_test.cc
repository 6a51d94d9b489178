/** @file stopwords_test.cc
 *  @brief The function words of common/data/stopwords.tsv and the stopper made of them.
 */
#include "searcher/stopwords.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>

namespace saywho {
namespace {

TEST(Stopwords, TheTableLoadsWithTheWordsQuestionsAreMadeOf) {
    const auto& words = stopword_list();
    EXPECT_GT(words.size(), 100u);
    for (const char* w : {"the", "a",  "an", "on",   "about",    "of", "in",  "did", "does", "what", "which", "how",
                          "and", "or", "it", "they", "anything", "is", "was", "to",  "by",   "from", "with"}) {
        EXPECT_TRUE(is_stopword(w)) << w;
        EXPECT_NE(std::find(words.begin(), words.end(), w), words.end()) << w;
    }
}

TEST(Stopwords, NamesAndWordsThatCarryMeaningAreNotStopwords) {
    // The US and the WHO; the month and Theresa May; negation; stance and
    // direction ("dollar down"); quantities; and ordinary words.
    for (const char* w : {"us", "who", "may", "will", "no", "not", "never", "nothing", "against", "without", "up",
                          "down", "more", "most", "said", "say", "dollar", "kremlin"})
        EXPECT_FALSE(is_stopword(w)) << w;
}

TEST(Stopwords, TheStopperComparesLowerCaseWordsAsTheParserGivesThem) {
    const Xapian::Stopper& stopper = query_stopper();
    EXPECT_TRUE(stopper("the"));
    EXPECT_FALSE(stopper("The"));  // the parser lower-cases before it asks
    EXPECT_FALSE(stopper(""));
    EXPECT_FALSE(stopper("thee"));
    for (const auto& w : stopword_list()) {
        EXPECT_TRUE(stopper(w)) << w;
        EXPECT_TRUE(std::all_of(w.begin(), w.end(), [](char c) { return c >= 'a' && c <= 'z'; })) << w;
    }
    // One stopper for the whole program, built once.
    EXPECT_EQ(&stopper, &query_stopper());
}

}  // namespace
}  // namespace saywho
