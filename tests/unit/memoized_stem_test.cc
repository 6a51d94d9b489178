/** @file memoized_stem_test.cc
 *  @brief The remembering stemmer answers as Snowball's English does.
 */
#include <gtest/gtest.h>
#include <xapian.h>

#include <string>
#include <thread>

#include "common/memoized_stem.h"

namespace saywho {
namespace {

TEST(MemoizedStem, AnswersAsTheEnglishStemmerDoesFirstTimeAndAfter) {
    const Xapian::Stem english("english");
    const Xapian::Stem first = memoized_english_stem();
    const Xapian::Stem second = memoized_english_stem();  // shares the thread's memory
    for (const char* word : {"talks", "talking", "said", "presidents", "ceasefire", "generously", "running"}) {
        EXPECT_EQ(first(word), english(word)) << word;
        EXPECT_EQ(second(word), english(word)) << word;
    }
}

TEST(MemoizedStem, StaysRightPastItsBoundAndOnOtherThreads) {
    const Xapian::Stem english("english");
    // More words than it keeps: it starts afresh and goes on answering.
    const Xapian::Stem stem = memoized_english_stem();
    for (int i = 0; i < 70000; ++i) {
        const std::string word = "word" + std::to_string(i) + (i % 2 ? "ing" : "s");
        ASSERT_EQ(stem(word), english(word)) << word;
    }
    std::string other;
    std::thread([&] { other = memoized_english_stem()("nations"); }).join();
    EXPECT_EQ(other, english("nations"));
}

}  // namespace
}  // namespace saywho
