/** @file text.cc
 *  @brief UTF-8 repair, ICU key folding, hashing and string helpers.
 */
#include "common/text.h"

#include <algorithm>

#include <memory>
#include <mutex>

#include <unicode/translit.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include "common/errors.h"
#include "common/transliterate.h"

namespace saywho {

namespace {

const char REPLACEMENT_CHARACTER[] = "\xEF\xBF\xBD";

/// Length of the well-formed UTF-8 sequence at @p p, or the length of its
/// maximal ill-formed subpart negated (at least -1).
int utf8_sequence_length(const unsigned char* p, const unsigned char* end) {
    unsigned char c = p[0];
    if (c < 0x80) return 1;
    int need;
    unsigned char lo = 0x80, hi = 0xBF;
    if (c >= 0xC2 && c <= 0xDF) {
        need = 1;
    } else if (c >= 0xE0 && c <= 0xEF) {
        need = 2;
        if (c == 0xE0) lo = 0xA0;  // overlong
        if (c == 0xED) hi = 0x9F;  // surrogates
    } else if (c >= 0xF0 && c <= 0xF4) {
        need = 3;
        if (c == 0xF0) lo = 0x90;  // overlong
        if (c == 0xF4) hi = 0x8F;  // above U+10FFFF
    } else {
        return -1;
    }
    int i = 1;
    for (; i <= need; ++i) {
        if (p + i >= end) return -i;
        unsigned char b = p[i];
        if (i == 1 ? (b < lo || b > hi) : (b < 0x80 || b > 0xBF)) return -i;
    }
    return need + 1;
}

}  // namespace

Utf8Repair repair_utf8(std::string& text) {
    Utf8Repair result;
    const auto* begin = reinterpret_cast<const unsigned char*>(text.data());
    const auto* end = begin + text.size();
    // Fast path: nothing to do for valid text, which is nearly all of it.
    const auto* p = begin;
    while (p < end) {
        int len = utf8_sequence_length(p, end);
        if (len < 0) break;
        p += len;
    }
    if (p == end) return result;

    std::string out;
    out.reserve(text.size() + 16);
    out.append(text, 0, static_cast<std::size_t>(p - begin));
    std::size_t line = 1;
    for (const auto* q = begin; q < p; ++q)
        if (*q == '\n') ++line;
    while (p < end) {
        int len = utf8_sequence_length(p, end);
        if (len > 0) {
            if (*p == '\n') ++line;
            out.append(reinterpret_cast<const char*>(p), static_cast<std::size_t>(len));
            p += len;
        } else {
            if (result.replaced++ == 0) result.first_bad_line = line;
            out += REPLACEMENT_CHARACTER;
            p += -len;
        }
    }
    text.swap(out);
    return result;
}

bool looks_binary(std::string_view bytes) {
    std::size_t control = 0;
    for (unsigned char c : bytes) {
        if (c == 0) return true;
        if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') ++control;
    }
    return control * 10 > bytes.size();
}

namespace {

/// fold_key() for pure ASCII text: NFKC and accent removal change nothing,
/// so lower-casing and collapsing spaces is the whole job, without ICU.
bool fold_ascii(std::string_view text, std::string& out) {
    out.clear();
    out.reserve(text.size());
    bool pending_space = false;
    for (char c : text) {
        auto u = static_cast<unsigned char>(c);
        if (u >= 0x80) return false;
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
            pending_space = !out.empty();
            continue;
        }
        if (pending_space) out += ' ';
        pending_space = false;
        out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    }
    return true;
}

}  // namespace

std::string fold_key(std::string_view text) {
    std::string ascii;
    if (fold_ascii(text, ascii)) return ascii;
    icu::UnicodeString u =
        icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
    // Every kind of Unicode white space (form feed, U+2028, NEL...) counts as
    // a plain space, so it collapses below like any other.
    for (int32_t i = 0; i < u.length(); ++i)
        if (u_isUWhiteSpace(u.charAt(i))) u.setCharAt(i, u' ');
    thread_transliterator("NFKC; NFD; [:Nonspacing Mark:] Remove; Lower; NFC").transliterate(u);
    u.foldCase();
    std::string folded;
    u.toUTF8String(folded);
    // Collapse runs of whitespace so "Volodymyr  Zelenskyy" and
    // "Volodymyr Zelenskyy" give the same key.
    std::string out;
    out.reserve(folded.size());
    bool pending_space = false;
    for (char c : folded) {
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            pending_space = !out.empty();
        } else {
            if (pending_space) out += ' ';
            pending_space = false;
            out += c;
        }
    }
    return out;
}

std::uint64_t fnv1a64(std::string_view bytes, std::uint64_t seed) {
    std::uint64_t h = seed;
    for (unsigned char c : bytes) {
        h ^= c;
        h *= 0x100000001b3ULL;
    }
    return h;
}

std::string hex64(std::uint64_t value) {
    static const char DIGITS[] = "0123456789abcdef";
    std::string out(16, '0');
    for (int i = 15; i >= 0; --i) {
        out[static_cast<std::size_t>(i)] = DIGITS[value & 0xF];
        value >>= 4;
    }
    return out;
}

std::string_view trim(std::string_view text) {
    const char* ws = " \t\r\n\f\v";
    auto first = text.find_first_not_of(ws);
    if (first == std::string_view::npos) return {};
    auto last = text.find_last_not_of(ws);
    return text.substr(first, last - first + 1);
}

std::string ascii_lower(std::string_view text) {
    std::string out(text);
    for (char& c : out) c = ascii_lower(c);
    return out;
}

bool all_digits(std::string_view text) {
    if (text.empty()) return false;
    for (char c : text)
        if (c < '0' || c > '9') return false;
    return true;
}

bool all_capitals(std::string_view text) {
    if (text.empty()) return false;
    for (char c : text)
        if (c < 'A' || c > 'Z') return false;
    return true;
}

bool is_initials_of(std::string_view acronym, std::string_view name) {
    std::string initials, without_last;
    for (std::size_t at = 0; at < name.size();) {
        const std::size_t space = std::min(name.find(' ', at), name.size());
        const std::string_view word = name.substr(at, space - at);
        std::string letters;
        // "U.S." stands for two words.
        if (word.size() >= 4 && word[1] == '.' && word.back() == '.') {
            for (char c : word)
                if (c >= 'A' && c <= 'Z') letters += c;
        } else if (!word.empty() && word[0] >= 'A' && word[0] <= 'Z') {
            letters = word.substr(0, 1);
        }
        initials += letters;
        if (space < name.size()) without_last += letters;
        at = space + 1;
    }
    if (acronym.empty()) return false;
    if (acronym == initials || acronym == without_last) return true;
    // "USDA" of "U.S. Agriculture Department": the same letters, in the
    // order another language or house style puts the words in.
    std::string a(acronym), b = initials;
    std::sort(a.begin(), a.end());
    std::sort(b.begin(), b.end());
    return a == b;
}

std::vector<std::string> split_words(std::string_view text) {
    std::vector<std::string> words;
    for (std::size_t at = 0; at < text.size();) {
        const std::size_t space = std::min(text.find(' ', at), text.size());
        if (space > at) words.emplace_back(text.substr(at, space - at));
        at = space + 1;
    }
    return words;
}

bool ends_with(std::string_view text, std::string_view suffix) {
    return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

bool starts_with(std::string_view text, std::string_view prefix) {
    return text.size() >= prefix.size() && text.substr(0, prefix.size()) == prefix;
}

std::string html_unescape(std::string_view text) {
    static const struct {
        std::string_view entity;
        char c;
    } ENTITIES[] = {{"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&#39;", '\''}, {"&apos;", '\''}};
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        bool matched = false;
        if (text[i] == '&') {
            for (const auto& e : ENTITIES) {
                if (text.substr(i, e.entity.size()) == e.entity) {
                    out += e.c;
                    i += e.entity.size();
                    matched = true;
                    break;
                }
            }
        }
        if (!matched) out += text[i++];
    }
    return out;
}

std::string html_escape(std::string_view text) {
    std::string out;
    out.reserve(text.size() + text.size() / 8);
    for (char c : text) {
        switch (c) {
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '"':
                out += "&quot;";
                break;
            case '\'':
                out += "&#39;";
                break;
            default:
                out += c;
        }
    }
    return out;
}

}  // namespace saywho
