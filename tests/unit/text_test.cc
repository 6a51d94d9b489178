/** @file text_test.cc  @brief Unit tests of UTF-8 repair, binary sniffing, key folding, hashing and string helpers. */
#include "common/text.h"

#include <string>

#include <gtest/gtest.h>

namespace saywho {
namespace {

const std::string FFFD = "\xEF\xBF\xBD";

/// An independent strict UTF-8 validator (RFC 3629 table), for checking repair_utf8's output.
bool is_valid_utf8(const std::string& s) {
    std::size_t i = 0;
    auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    while (i < s.size()) {
        unsigned char c = byte(i);
        std::size_t n;
        unsigned char lo = 0x80, hi = 0xBF;
        if (c < 0x80) {
            ++i;
            continue;
        }
        if (c >= 0xC2 && c <= 0xDF)
            n = 1;
        else if (c == 0xE0) {
            n = 2;
            lo = 0xA0;
        } else if (c >= 0xE1 && c <= 0xEC)
            n = 2;
        else if (c == 0xED) {
            n = 2;
            hi = 0x9F;
        } else if (c >= 0xEE && c <= 0xEF)
            n = 2;
        else if (c == 0xF0) {
            n = 3;
            lo = 0x90;
        } else if (c >= 0xF1 && c <= 0xF3)
            n = 3;
        else if (c == 0xF4) {
            n = 3;
            hi = 0x8F;
        } else
            return false;
        if (i + n >= s.size()) return false;  // truncated
        if (byte(i + 1) < lo || byte(i + 1) > hi) return false;
        for (std::size_t k = 2; k <= n; ++k)
            if (byte(i + k) < 0x80 || byte(i + k) > 0xBF) return false;
        i += n + 1;
    }
    return true;
}

/// Repairs a copy of @p input and checks the invariants every repair must keep.
std::string repaired(std::string input, std::size_t expected_replacements) {
    Utf8Repair repair = repair_utf8(input);
    EXPECT_EQ(repair.replaced, expected_replacements) << "input repaired to '" << input << "'";
    EXPECT_TRUE(is_valid_utf8(input)) << "repair left invalid UTF-8";
    return input;
}

TEST(Utf8Validator, SelfCheck) {
    EXPECT_TRUE(is_valid_utf8("plain"));
    EXPECT_TRUE(is_valid_utf8("caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80"));
    EXPECT_FALSE(is_valid_utf8("\x80"));
    EXPECT_FALSE(is_valid_utf8("\xE2\x82"));
    EXPECT_FALSE(is_valid_utf8("\xC0\xAF"));
    EXPECT_FALSE(is_valid_utf8("\xED\xA0\x80"));
}

TEST(RepairUtf8, LeavesValidTextUntouched) {
    std::string text =
        "Caf\xC3\xA9 \xE2\x82\xAC"
        "10 \xF0\x9F\x98\x80\nline two\n";
    std::string original = text;
    Utf8Repair repair = repair_utf8(text);
    EXPECT_EQ(repair.replaced, 0u);
    EXPECT_EQ(repair.first_bad_line, 0u);
    EXPECT_EQ(text, original);
}

TEST(RepairUtf8, EmptyTextIsValid) {
    std::string text;
    Utf8Repair repair = repair_utf8(text);
    EXPECT_EQ(repair.replaced, 0u);
    EXPECT_EQ(text, "");
}

TEST(RepairUtf8, LoneContinuationByteBecomesOneReplacement) { EXPECT_EQ(repaired("a\x80z", 1), "a" + FFFD + "z"); }

TEST(RepairUtf8, TruncatedThreeByteSequenceAtEndBecomesOneReplacement) {
    EXPECT_EQ(repaired("euro \xE2\x82", 1), "euro " + FFFD);
}

TEST(RepairUtf8, TruncatedSequenceFollowedByAsciiKeepsTheAscii) { EXPECT_EQ(repaired("\xE2\x82x", 1), FFFD + "x"); }

TEST(RepairUtf8, OverlongTwoByteSlashIsReplacedPerByte) { EXPECT_EQ(repaired("\xC0\xAF", 2), FFFD + FFFD); }

TEST(RepairUtf8, OverlongThreeByteSlashIsReplacedPerByte) {
    EXPECT_EQ(repaired("\xE0\x80\xAF", 3), FFFD + FFFD + FFFD);
}

TEST(RepairUtf8, SurrogateIsReplaced) { EXPECT_EQ(repaired("x\xED\xA0\x80y", 3), "x" + FFFD + FFFD + FFFD + "y"); }

TEST(RepairUtf8, CodePointAboveU10FFFFIsReplaced) {
    EXPECT_EQ(repaired("\xF4\x90\x80\x80", 4), FFFD + FFFD + FFFD + FFFD);
}

TEST(RepairUtf8, HighestCodePointU10FFFFIsKept) { EXPECT_EQ(repaired("\xF4\x8F\xBF\xBF", 0), "\xF4\x8F\xBF\xBF"); }

TEST(RepairUtf8, BytesThatNeverStartASequenceAreReplaced) {
    EXPECT_EQ(repaired("\xFF\xFE", 2), FFFD + FFFD);
    EXPECT_EQ(repaired("\xF5\x80", 2), FFFD + FFFD);
}

TEST(RepairUtf8, TruncatedFourByteSequenceBeforeValidTextIsOneReplacement) {
    EXPECT_EQ(repaired("\xF0\x9F\x98x", 1), FFFD + "x");
    EXPECT_EQ(repaired("\xF0\x9F\xC3\xA9", 1), FFFD + "\xC3\xA9");
}

TEST(RepairUtf8, RepairIsIdempotent) {
    std::string once = repaired("a\x80\xE2\x82 \xED\xA0\x80 \xF4\x90\x80\x80", 9);
    EXPECT_EQ(repaired(once, 0), once);
}

TEST(RepairUtf8, FirstBadLineCountsLines) {
    std::string text = "one\ntwo\nthree \x80\nfour \xFF\n";
    Utf8Repair repair = repair_utf8(text);
    EXPECT_EQ(repair.replaced, 2u);
    EXPECT_EQ(repair.first_bad_line, 3u);
    EXPECT_EQ(text, "one\ntwo\nthree " + FFFD + "\nfour " + FFFD + "\n");
}

TEST(RepairUtf8, FirstBadLineIsOneOnTheFirstLine) {
    std::string text = "\x80\n\x80";
    Utf8Repair repair = repair_utf8(text);
    EXPECT_EQ(repair.replaced, 2u);
    EXPECT_EQ(repair.first_bad_line, 1u);
}

TEST(RepairUtf8, ValidMultibyteTextAroundABadByteIsKept) {
    EXPECT_EQ(repaired("\xC3\xA9\x80\xC3\xA9", 1), "\xC3\xA9" + FFFD + "\xC3\xA9");
}

TEST(LooksBinary, NulByteMeansBinary) {
    EXPECT_TRUE(looks_binary(std::string("text\0more", 9)));
    EXPECT_TRUE(looks_binary(std::string("\0", 1)));
}

TEST(LooksBinary, PlainTextWithTabsCrlfAndFormFeedIsText) {
    EXPECT_FALSE(looks_binary("date 2025-03-19 Title\r\n\r\n\tBody text.\fNext page\r\n"));
    EXPECT_FALSE(looks_binary(""));
    EXPECT_FALSE(looks_binary("caf\xC3\xA9"));
}

TEST(LooksBinary, ManyControlCharactersMeanBinary) {
    EXPECT_TRUE(looks_binary("\x01\x02\x03\x04 abc"));
    // One control character in a long text is tolerated.
    EXPECT_FALSE(looks_binary("\x1b" + std::string(100, 'a')));
}

TEST(FoldKey, CaseAndAccentsFoldToTheSameKey) {
    EXPECT_EQ(fold_key("ZELENSKYY"), "zelenskyy");
    EXPECT_EQ(fold_key("Zelensky\xC3\xBD"), "zelenskyy");      // ý precomposed
    EXPECT_EQ(fold_key("Zelensky\x79\xCC\x81"), "zelenskyy");  // y + combining acute
    EXPECT_EQ(fold_key(" Zelenskyy "), "zelenskyy");
}

TEST(FoldKey, RemovesAccentsInPlaceNames) {
    EXPECT_EQ(fold_key("S\xC3\xA3o Paulo"), "sao paulo");
    EXPECT_EQ(fold_key("M\xC3\x9CNCHEN"), "munchen");
}

TEST(FoldKey, FullWidthLettersGoThroughNfkc) {
    EXPECT_EQ(fold_key("\xEF\xBC\xA1\xEF\xBC\xA2\xEF\xBC\xA3"), "abc");  // ＡＢＣ
}

TEST(FoldKey, CollapsesAndTrimsWhitespace) {
    EXPECT_EQ(fold_key("Volodymyr  \t Zelenskyy"), "volodymyr zelenskyy");
    EXPECT_EQ(fold_key("\n  AP \n"), "ap");
    EXPECT_EQ(fold_key("a\xC2\xA0"
                       "b"),
              "a b");  // no-break space, NFKC → space
    EXPECT_EQ(fold_key("   "), "");
    EXPECT_EQ(fold_key(""), "");
}

// fold_key() promises "inner whitespace collapsed to one space, trimmed";
// trim() in the same file treats \f and \v as whitespace, and Unicode has
// line/paragraph separators that NFKC leaves alone.
TEST(FoldKey, CollapsesEveryKindOfWhitespace) {
    EXPECT_EQ(fold_key("Le\fMonde"), "le monde");
    EXPECT_EQ(fold_key("Le\vMonde"), "le monde");
    EXPECT_EQ(fold_key("AP\f"), "ap");
    EXPECT_EQ(fold_key("Le\xE2\x80\xA8Monde"), "le monde");  // U+2028 LINE SEPARATOR
    EXPECT_EQ(fold_key("Le\xC2\x85Monde"), "le monde");      // U+0085 NEXT LINE
}

TEST(Fnv1a64, KnownValues) {
    EXPECT_EQ(fnv1a64(""), 0xcbf29ce484222325ULL);
    EXPECT_EQ(fnv1a64("a"), 0xaf63dc4c8601ec8cULL);
    EXPECT_EQ(fnv1a64("foobar"), 0x85944171f73967e8ULL);
}

TEST(Fnv1a64, ContinuingFromASeedEqualsHashingTheConcatenation) {
    EXPECT_EQ(fnv1a64("bar", fnv1a64("foo")), fnv1a64("foobar"));
}

TEST(Hex64, SixteenLowercaseDigits) {
    EXPECT_EQ(hex64(0xcbf29ce484222325ULL), "cbf29ce484222325");
    EXPECT_EQ(hex64(fnv1a64("a")), "af63dc4c8601ec8c");
    EXPECT_EQ(hex64(0), "0000000000000000");
    EXPECT_EQ(hex64(0xABCULL), "0000000000000abc");
    EXPECT_EQ(hex64(~0ULL), "ffffffffffffffff");
}

TEST(Trim, RemovesAsciiWhitespaceAtBothEnds) {
    EXPECT_EQ(trim("  a b \t\r\n"), "a b");
    EXPECT_EQ(trim("\f\vx"), "x");
    EXPECT_EQ(trim("x"), "x");
    EXPECT_EQ(trim(""), "");
    EXPECT_EQ(trim(" \n\t "), "");
}

TEST(StartsEndsWith, Basics) {
    EXPECT_TRUE(starts_with("date 2025", "date "));
    EXPECT_FALSE(starts_with("dat", "date"));
    EXPECT_TRUE(ends_with("a.txt", ".txt"));
    EXPECT_FALSE(ends_with("txt", ".txt"));
    EXPECT_TRUE(ends_with("x", ""));
}

TEST(HtmlEscape, EscapesTheFiveCharacters) {
    EXPECT_EQ(html_escape("<script>alert(\"x&y\")</script>'"),
              "&lt;script&gt;alert(&quot;x&amp;y&quot;)&lt;/script&gt;&#39;");
    EXPECT_EQ(html_escape("plain caf\xC3\xA9"), "plain caf\xC3\xA9");
}

TEST(HtmlUnescape, UndoesXapianEscaping) {
    EXPECT_EQ(html_unescape("&lt;b&gt; &amp; &quot;q&quot; &#39;s&apos;"), "<b> & \"q\" 's'");
    EXPECT_EQ(html_unescape("&amp;lt;"), "&lt;");  // one level only
    EXPECT_EQ(html_unescape("AT&T &unknown; &"), "AT&T &unknown; &");
}

TEST(HtmlEscape, RoundTripsThroughUnescape) {
    for (std::string text : {"<script>alert('x')</script>", "a & b < c > d \"e\"", "&amp; already", "", "&"})
        EXPECT_EQ(html_unescape(html_escape(text)), text) << text;
}

TEST(Text, AllCapitalsIsAnAcronymsShape) {
    EXPECT_TRUE(all_capitals("IBM"));
    EXPECT_FALSE(all_capitals("IBMs"));
    EXPECT_FALSE(all_capitals("U.S."));
    EXPECT_FALSE(all_capitals(""));
}

TEST(Text, InitialsOfANameInOrderOrNot) {
    EXPECT_TRUE(is_initials_of("IBM", "International Business Machines Corp")) << "without the company word";
    EXPECT_TRUE(is_initials_of("IBMC", "International Business Machines Corp"));
    EXPECT_TRUE(is_initials_of("ATT", "American Telephone and Telegraph Co")) << "lower-case words do not count";
    EXPECT_TRUE(is_initials_of("USDA", "U.S. Agriculture Department")) << "U.S. is two words; any order";
    EXPECT_FALSE(is_initials_of("GATT", "GATT Council"));
    EXPECT_FALSE(is_initials_of("MTI", "official MTI news agency"));
    EXPECT_FALSE(is_initials_of("", ""));
}

}  // namespace
}  // namespace saywho
