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

/// Wire services mark company names in angle brackets: "<Montenay Power
/// Corp> said", "Zenith Laboratories Inc <ZEN>". The brackets go, so the
/// name reads as a name; its words are marked as a company's. A bracketed
/// stock symbol after a name goes too: it is no part of the sentence.
void remove_company_markup(std::vector<Token>& tokens) {
    constexpr std::size_t MAX_MARKED_TOKENS = 10;
    std::vector<Token> kept;
    kept.reserve(tokens.size());
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        std::size_t close = i + 1;
        if (tokens[i].lower == "<") {
            while (close < tokens.size() && close - i <= MAX_MARKED_TOKENS && tokens[close].lower != ">" &&
                   tokens[close].kind != TokenKind::QUOTE && tokens[close].lower != "<")
                ++close;
        }
        const bool marked = tokens[i].lower == "<" && close < tokens.size() && tokens[close].lower == ">" &&
                            close > i + 1 && tokens[i + 1].cap && tokens[close - 1].paragraph == tokens[i].paragraph;
        if (!marked) {
            kept.push_back(std::move(tokens[i]));
            continue;
        }
        // A symbol: capitals and dots without a space ("<ZEN>", "<KLM.AS>").
        bool symbol = !kept.empty() && kept.back().kind == TokenKind::WORD && kept.back().cap;
        for (std::size_t k = i + 1; k < close && symbol; ++k)
            symbol =
                (tokens[k].all_caps || tokens[k].lower == ".") && (k == i + 1 || tokens[k].start == tokens[k - 1].end);
        if (!symbol) {
            for (std::size_t k = i + 1; k < close; ++k) {
                tokens[k].company_mark = true;
                kept.push_back(std::move(tokens[k]));
            }
        }
        i = close;
    }
    tokens = std::move(kept);
}

/// The words before each stock symbol of a wire headline, lower-case:
/// "DIGITAL EQUIPMENT <DEC> SEEKS ..." gives {"digital", "equipment"}.
std::vector<std::vector<std::string>> headline_companies(const std::string& title) {
    std::vector<std::vector<std::string>> companies;
    for (std::size_t open = title.find('<'); open != std::string::npos; open = title.find('<', open + 1)) {
        std::vector<std::string> words;
        std::size_t end = open;
        while (end > 0 && words.size() < 4) {
            while (end > 0 && title[end - 1] == ' ') --end;
            std::size_t start = end;
            while (start > 0 && title[start - 1] != ' ') --start;
            const std::string word = title.substr(start, end - start);
            if (word.empty() || !std::isupper(static_cast<unsigned char>(word.front())) ||
                word.find_first_of(",;:<>") != std::string::npos)
                break;
            words.insert(words.begin(), ascii_lower(word));
            end = start;
        }
        if (!words.empty()) companies.push_back(std::move(words));
    }
    return companies;
}

}  // namespace

void mark_headline_companies(const std::string& title, std::vector<Token>& tokens) {
    const auto companies = headline_companies(title);
    auto cap_word = [&](std::size_t k) { return tokens[k].kind == TokenKind::WORD && tokens[k].cap; };
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        if (!cap_word(i) || (i > 0 && cap_word(i - 1))) continue;
        std::size_t end = i;
        while (end < tokens.size() && cap_word(end)) ++end;
        for (const auto& words : companies) {
            // The whole run must be the headline's last words before the symbol.
            if (end - i > words.size()) continue;
            bool same = true;
            for (std::size_t k = i, w = words.size() - (end - i); k < end && same; ++k, ++w)
                same = strip_possessive(tokens[k].lower) == words[w];
            if (!same) continue;
            for (std::size_t k = i; k < end; ++k) tokens[k].company_mark = true;
        }
        i = end - 1;
    }
}

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
    remove_company_markup(tokens);
    return tokens;
}

}  // namespace saywho::extraction
