/** @file tokens.cc
 *  @brief Extraction stage 1: the body as words, punctuation and quote marks with byte offsets and paragraphs.
 *
 *  Our own tokenizer rather than ICU's word breaker: it is faster for this
 *  job and keeps "30-day", "U.S." and quote marks the way the later stages
 *  need them.
 */
#include <cctype>

#include <unicode/uchar.h>

#include "common/text.h"
#include "extract/text_model.h"

namespace saywho::extraction {

char32_t decode(const std::string& s, std::size_t i, std::size_t& len) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
        len = 1;
        return c;
    }
    int n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
    char32_t cp = c & (n == 4 ? 0x07 : n == 3 ? 0x0F : 0x1F);
    for (int k = 1; k < n && i + static_cast<std::size_t>(k) < s.size(); ++k)
        cp = (cp << 6) | (static_cast<unsigned char>(s[i + static_cast<std::size_t>(k)]) & 0x3F);
    len = static_cast<std::size_t>(n);
    return cp;
}

bool is_space(char32_t cp) {
    return cp == U' ' || cp == U'\t' || cp == U'\n' || cp == U'\r' || u_isUWhiteSpace(static_cast<UChar32>(cp));
}

namespace {

bool is_double_quote(char32_t cp) {
    return cp == U'"' || cp == U'\u201C' || cp == U'\u201D' || cp == U'\u201E' || cp == U'\u00AB' || cp == U'\u00BB';
}

bool is_apostrophe(char32_t cp) { return cp == U'\'' || cp == U'\u2019'; }

bool is_word_char(char32_t cp) {
    if (cp < 0x80) return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9');
    return u_isalnum(static_cast<UChar32>(cp)) || u_getCombiningClass(static_cast<UChar32>(cp)) != 0 ||
           u_charType(static_cast<UChar32>(cp)) == U_NON_SPACING_MARK;
}

/// The end of the word token that starts at @p i with a character of
/// length @p len: word characters and the joiners inside a word.
std::size_t word_end(const std::string& body, std::size_t i, std::size_t len) {
    std::size_t j = i + len;
    while (j < body.size()) {
        std::size_t l2;
        char32_t c2 = decode(body, j, l2);
        if (is_word_char(c2)) {
            j += l2;
            continue;
        }
        // Joiners inside a word: don't, Putin’s, 30-day, 1,000, 3.5, U.S.
        if (j + l2 < body.size() && (is_apostrophe(c2) || c2 == U'-' || c2 == U'.' || c2 == U',')) {
            std::size_t l3;
            char32_t c3 = decode(body, j + l2, l3);
            bool digit_before = body[j - 1] >= '0' && body[j - 1] <= '9';
            bool ok = false;
            if (is_apostrophe(c2) || c2 == U'-') ok = is_word_char(c3);
            if ((c2 == U',' || c2 == U'.') && digit_before) ok = c3 >= U'0' && c3 <= U'9';
            // Initialisms: U.S. U.N. D.C. (a single letter before the dot).
            if (c2 == U'.' && !ok && c3 < 0x80 && std::isalpha(static_cast<int>(c3)) && j - i >= 1) {
                std::size_t seg = j;
                while (seg > i && body[seg - 1] != '.') --seg;
                ok = j - seg == 1 && j + l2 + 1 < body.size() + 1 &&
                     (j + l2 + 1 >= body.size() || body[j + l2 + 1] == '.');
            }
            if (ok) {
                j += l2;
                continue;
            }
        }
        break;
    }
    // Keep the final dot of an initialism ("U.S.").
    if (j < body.size() && body[j] == '.' && j - i >= 3 && body[j - 2] == '.') ++j;
    return j;
}

}  // namespace

std::vector<Token> tokenize(const std::string& body) {
    std::vector<Token> tokens;
    tokens.reserve(body.size() / 5 + 16);  // about one token per five bytes of news prose
    std::size_t paragraph = 0;
    int newlines = 0;
    std::size_t i = 0;
    while (i < body.size()) {
        std::size_t len;
        char32_t cp = decode(body, i, len);
        if (is_space(cp)) {
            if (cp == U'\n' && ++newlines == 2 && !tokens.empty()) ++paragraph;
            i += len;
            continue;
        }
        newlines = 0;
        Token t;
        t.start = i;
        t.paragraph = paragraph;
        if (is_word_char(cp)) {
            t.kind = TokenKind::WORD;
            std::size_t j = word_end(body, i, len);
            t.end = j;
            std::string_view text(body.data() + i, j - i);
            t.lower = ascii_lower(text);
            std::size_t l0;
            char32_t first = decode(body, i, l0);
            t.cap = u_isupper(static_cast<UChar32>(first)) || u_istitle(static_cast<UChar32>(first));
            t.all_caps = t.cap;
            for (char c : text)
                if (c >= 'a' && c <= 'z') t.all_caps = false;
            i = j;
        } else if ((cp == U'\'' || cp == U'`') && i + 1 < body.size() && body[i + 1] == body[i] &&
                   !(i + 2 < body.size() && body[i + 2] == body[i])) {
            // Two apostrophes or backticks are a double quote mark ('' in the
            // New York Times style, `` in old typewriter text).
            t.kind = TokenKind::QUOTE;
            t.end = i + 2;
            t.lower = body.substr(i, 2);
            i += 2;
        } else {
            t.kind = is_double_quote(cp) ? TokenKind::QUOTE : TokenKind::PUNCT;
            t.end = i + len;
            t.lower = body.substr(i, len);
            i += len;
        }
        tokens.push_back(std::move(t));
    }
    return tokens;
}

}  // namespace saywho::extraction
