/** @file snippet_test.cc  @brief Unit tests of split_snippet: highlight markers to byte ranges, unescaping and whitespace. */
#include "searcher/search.h"

#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace saywho {
namespace {

struct Split {
    std::string text;
    std::vector<ByteRange> highlights;
};

Split split(const std::string& marked) {
    Split s;
    split_snippet(marked, s.text, s.highlights);
    return s;
}

/// The highlighted substrings, for readable comparisons.
std::vector<std::string> highlighted(const Split& s) {
    std::vector<std::string> out;
    for (const auto& [start, end] : s.highlights) {
        EXPECT_LE(start, end);
        EXPECT_LE(end, s.text.size());
        out.push_back(s.text.substr(start, end - start));
    }
    return out;
}

TEST(SplitSnippet, PlainTextHasNoHighlights) {
    Split s = split("Leaders met in Helsinki.");
    EXPECT_EQ(s.text, "Leaders met in Helsinki.");
    EXPECT_TRUE(s.highlights.empty());
}

TEST(SplitSnippet, MarkersBecomeByteRanges) {
    Split s = split("Leaders met in \x01Helsinki\x02 today.");
    EXPECT_EQ(s.text, "Leaders met in Helsinki today.");
    ASSERT_EQ(s.highlights.size(), 1u);
    EXPECT_EQ(s.highlights[0], ByteRange(15, 23));
    EXPECT_EQ(highlighted(s), std::vector<std::string>{"Helsinki"});
}

TEST(SplitSnippet, MultipleHighlights) {
    Split s = split(
        "\x01"
        "Ceasefire\x02 talks in \x01Helsinki\x02 and \x01Riyadh\x02");
    EXPECT_EQ(s.text, "Ceasefire talks in Helsinki and Riyadh");
    EXPECT_EQ(highlighted(s), (std::vector<std::string>{"Ceasefire", "Helsinki", "Riyadh"}));
    ASSERT_EQ(s.highlights.size(), 3u);
    EXPECT_EQ(s.highlights[0], ByteRange(0, 9));
}

TEST(SplitSnippet, UnescapesEntitiesBeforeMeasuring) {
    Split s = split("AT&amp;T &lt;b&gt; \x01said\x02 &quot;no&quot; &amp;lt;");
    EXPECT_EQ(s.text, "AT&T <b> said \"no\" &lt;");
    EXPECT_EQ(highlighted(s), std::vector<std::string>{"said"});
}

TEST(SplitSnippet, HighlightOfAnEscapedWordCoversTheUnescapedText) {
    Split s = split(
        "x \x01"
        "R&amp;D\x02 y");
    EXPECT_EQ(s.text, "x R&D y");
    EXPECT_EQ(highlighted(s), std::vector<std::string>{"R&D"});
}

TEST(SplitSnippet, NewlinesCollapseToSingleSpaces) {
    Split s = split("First paragraph.\n\nSecond\r\nline\tand  more.");
    EXPECT_EQ(s.text, "First paragraph. Second line and more.");
}

TEST(SplitSnippet, CollapsingWhitespaceKeepsHighlightsAligned) {
    Split s = split(
        "one\n\n\n\x01two\x02\n\nthree \x01"
        "four\x02");
    EXPECT_EQ(s.text, "one two three four");
    EXPECT_EQ(highlighted(s), (std::vector<std::string>{"two", "four"}));
}

TEST(SplitSnippet, MultibyteTextGivesByteOffsets) {
    Split s = split("S\xC3\xA3o \x01Paulo\x02");
    EXPECT_EQ(s.text, "S\xC3\xA3o Paulo");
    ASSERT_EQ(s.highlights.size(), 1u);
    EXPECT_EQ(s.highlights[0], ByteRange(5, 10));
}

TEST(SplitSnippet, ClearsPreviousOutput) {
    std::string text = "old";
    std::vector<ByteRange> highlights = {{0, 3}};
    split_snippet("new", text, highlights);
    EXPECT_EQ(text, "new");
    EXPECT_TRUE(highlights.empty());
}

TEST(SplitSnippet, IgnoresEmptyAndUnmatchedMarkers) {
    Split s = split("a\x01\x02 b\x02 c");
    EXPECT_EQ(s.text, "a b c");
    EXPECT_TRUE(s.highlights.empty());
}

}  // namespace
}  // namespace saywho
