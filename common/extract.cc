/** @file extract.cc
 *  @brief Statement extraction: quotes and reported speech with speaker, place and day.
 *
 *  The pipeline, per article:
 *   1. tokenise the body into words, punctuation and quote marks (byte offsets);
 *   2. pair quote marks into quotations, letting a quotation run on into the
 *      next paragraph when that paragraph opens with a quote mark (news style);
 *   3. split sentences, never inside a quotation;
 *   4. find cues (speech verbs, "according to") outside quotations, the speaker
 *      next to each (subject before the verb, or after it: "said Trump"), and
 *      the content each attributes (a quotation, or the clause after or before);
 *   5. resolve speakers within the article: full names, surnames, titles,
 *      pronouns and nominals ("the president") to one canonical entity;
 *   6. give each statement its day (a weekday or date near the cue, resolved
 *      against the article date) and place (explicit near the cue, inferred
 *      from the same speaker that day, or the dateline).
 */
#include "common/extract.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstring>
#include <optional>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include <unicode/uchar.h>

#include "common/lexicon.h"
#include "common/text.h"

namespace saywho {

namespace {

using namespace std::string_view_literals;

constexpr std::size_t NONE = static_cast<std::size_t>(-1);

// --- Tokens -------------------------------------------------------------------

enum class TokenKind { WORD, PUNCT, QUOTE };

struct Token {
    std::size_t start = 0, end = 0;  ///< byte offsets in the body
    TokenKind kind = TokenKind::WORD;
    std::string lower;               ///< lower-cased text (ASCII folding only)
    bool cap = false;                ///< starts with an upper-case letter
    bool all_caps = false;
    bool opening = false;            ///< QUOTE: an opening mark
    std::size_t quote = NONE;        ///< index of the quotation holding this token
    std::size_t paragraph = 0;
    std::size_t sentence = 0;
};

/// Decodes one code point of valid UTF-8 at @p i; sets @p len.
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

bool is_double_quote(char32_t cp) {
    return cp == U'"' || cp == U'\u201C' || cp == U'\u201D' || cp == U'\u201E' || cp == U'\u00AB' ||
           cp == U'\u00BB';
}

bool is_apostrophe(char32_t cp) { return cp == U'\'' || cp == U'\u2019'; }

bool is_space(char32_t cp) { return cp == U' ' || cp == U'\t' || cp == U'\n' || cp == U'\r' || u_isUWhiteSpace(static_cast<UChar32>(cp)); }

bool is_word_char(char32_t cp) {
    if (cp < 0x80) return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9');
    return u_isalnum(static_cast<UChar32>(cp)) || u_getCombiningClass(static_cast<UChar32>(cp)) != 0 ||
           u_charType(static_cast<UChar32>(cp)) == U_NON_SPACING_MARK;
}


/// Splits the body into tokens and records paragraph numbers.
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

// --- Quotations ---------------------------------------------------------------

struct Quotation {
    std::size_t open_token = NONE;   ///< the opening mark
    std::size_t close_token = NONE;  ///< the closing mark, NONE when it ran to a paragraph end
    std::size_t first_token = NONE;  ///< first token inside
    std::size_t last_token = NONE;   ///< last token inside
};

/// Decides whether a double quote mark opens or closes, from its neighbours.
bool looks_opening(const std::string& body, const Token& t, bool in_quote) {
    std::size_t len;
    char32_t cp = decode(body, t.start, len);
    bool space_before = t.start == 0;
    if (!space_before) {
        std::size_t k = t.start - 1;
        while (k > 0 && (static_cast<unsigned char>(body[k]) & 0xC0) == 0x80) --k;
        std::size_t l;
        char32_t prev = decode(body, k, l);
        space_before = is_space(prev) || prev == U'(' || prev == U'[' || prev == U'\u2014' || prev == U'\u2013' ||
                       prev == U'-' || prev == U':' || prev == U'/';
    }
    bool space_after = t.end >= body.size();
    if (!space_after) {
        std::size_t l;
        char32_t next = decode(body, t.end, l);
        space_after = is_space(next) || next == U',' || next == U'.' || next == U';' || next == U':' ||
                      next == U')' || next == U'?' || next == U'!' || next == U'\u2014';
    }
    if (cp == U'\'' || cp == U'`') cp = U'"';
    if (cp == U'\u201C' || cp == U'\u201E' || cp == U'\u00AB') return !(in_quote && !space_before && space_after);
    if (cp == U'\u201D' || cp == U'\u00BB') return !in_quote && space_before && !space_after;
    if (space_before && !space_after) return true;
    if (!space_before && space_after) return false;
    return !in_quote;
}

std::vector<Quotation> find_quotations(const std::string& body, std::vector<Token>& tokens) {
    std::vector<Quotation> quotes;
    bool in_quote = false;
    Quotation current;
    auto close_at = [&](std::size_t last_inside, std::size_t close_token) {
        current.last_token = last_inside;
        current.close_token = close_token;
        if (current.first_token != NONE && current.first_token <= last_inside && last_inside != NONE) {
            for (std::size_t k = current.first_token; k <= last_inside; ++k) tokens[k].quote = quotes.size();
            quotes.push_back(current);
        }
        current = Quotation{};
        in_quote = false;
    };
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        Token& t = tokens[i];
        bool paragraph_start = i == 0 || tokens[i - 1].paragraph != t.paragraph;
        if (paragraph_start && in_quote && i > 0) {
            // A quotation left open at a paragraph end continues only when the
            // new paragraph opens with a quote mark.
            if (t.kind == TokenKind::QUOTE && looks_opening(body, t, false)) {
                t.opening = true;
                continue;
            }
            close_at(i - 1, NONE);
        }
        if (t.kind != TokenKind::QUOTE) continue;
        bool opening = looks_opening(body, t, in_quote);
        t.opening = opening;
        if (opening) {
            if (in_quote) close_at(i - 1, NONE);  // unbalanced: a new quotation starts
            in_quote = true;
            current.open_token = i;
            current.first_token = i + 1;
        } else if (in_quote) {
            close_at(i == 0 ? NONE : i - 1, i);
        }
    }
    if (in_quote && !tokens.empty()) close_at(tokens.size() - 1, NONE);
    return quotes;
}

// --- Sentences ----------------------------------------------------------------

const std::unordered_set<std::string>& abbreviations() {
    static const std::unordered_set<std::string> set = {
        "mr", "mrs", "ms", "dr", "sen", "rep", "gov", "gen", "lt", "col", "sgt", "capt", "cmdr", "adm", "maj",
        "st", "jr", "sr", "prof", "rev", "hon", "pres", "sept", "jan", "feb", "aug", "oct", "nov", "dec", "inc",
        "corp", "co", "ltd", "no", "vs", "etc", "mt", "ft", "gens", "reps", "sens", "supt", "insp", "det", "atty"};
    return set;
}

/// Whether the tokens from @p i read "Name said" (up to four capitalised
/// words, then a common speech verb): the start of an attribution.
bool attribution_follows(const std::vector<Token>& tokens, std::size_t i) {
    std::size_t k = i;
    while (k < tokens.size() && k < i + 4 &&
           ((tokens[k].kind == TokenKind::WORD && tokens[k].cap) ||
            (tokens[k].kind == TokenKind::PUNCT && tokens[k].lower == "."sv && k > i)))
        ++k;
    if (k == i || k >= tokens.size() || tokens[k].kind != TokenKind::WORD) return false;
    static const std::unordered_set<std::string_view> VERBS = {
        "said", "says", "asked", "asks", "added", "told", "wrote", "writes", "tweeted", "replied", "responded",
        "continued", "exclaimed", "shouted", "yelled", "declared", "insisted", "joked", "quipped", "recalled",
        "explained", "countered", "noted", "argued", "wondered", "screamed", "chanted", "laughed", "demanded"};
    return VERBS.count(tokens[k].lower) > 0;
}

struct Sentence {
    std::size_t first = 0, last = 0;  ///< token range, inclusive
};

std::vector<Sentence> split_sentences(std::vector<Token>& tokens) {
    std::vector<Sentence> sentences;
    if (tokens.empty()) return sentences;
    std::size_t start = 0;
    auto finish = [&](std::size_t last) {
        for (std::size_t k = start; k <= last; ++k) tokens[k].sentence = sentences.size();
        sentences.push_back({start, last});
        start = last + 1;
    };
    int parentheses = 0;  // "(D-N.Y.)": no sentence ends inside parentheses
    for (std::size_t i = 0; i + 1 < tokens.size(); ++i) {
        const Token& t = tokens[i];
        const Token& next = tokens[i + 1];
        if (t.kind == TokenKind::PUNCT && t.lower == "("sv) ++parentheses;
        if (t.kind == TokenKind::PUNCT && t.lower == ")"sv && parentheses > 0) --parentheses;
        if (next.paragraph != t.paragraph) {
            parentheses = 0;
            // Paragraph ends close sentences, except inside a running quotation.
            if (!(t.quote != NONE && next.quote == t.quote) && !(next.kind == TokenKind::QUOTE && next.quote == NONE &&
                                                                  i + 2 < tokens.size() && tokens[i + 2].quote != NONE &&
                                                                  t.quote != NONE && tokens[i + 2].quote == t.quote))
                finish(i);
            continue;
        }
        bool next_starts = (next.kind == TokenKind::WORD && next.cap) || (next.kind == TokenKind::QUOTE && next.opening) ||
                           (next.kind == TokenKind::PUNCT && next.lower == "("sv && i + 2 < tokens.size() &&
                            tokens[i + 2].kind == TokenKind::WORD && tokens[i + 2].cap);
        if (!next_starts || parentheses > 0) continue;
        if (t.kind == TokenKind::PUNCT && t.quote == NONE && (t.lower == "."sv || t.lower == "?"sv || t.lower == "!"sv)) {
            if (i > 0 && tokens[i - 1].kind == TokenKind::WORD && t.lower == "."sv) {
                const Token& w = tokens[i - 1];
                if (abbreviations().count(w.lower)) continue;
                if (w.end - w.start == 1 && w.cap) continue;  // an initial: "John F. Kennedy"
            }
            finish(i);
        } else if (t.kind == TokenKind::QUOTE && !t.opening && i > 0 && tokens[i - 1].kind == TokenKind::PUNCT &&
                   (tokens[i - 1].lower == "."sv || tokens[i - 1].lower == "?"sv || tokens[i - 1].lower == "!"sv)) {
            // "\"Who do they think they are?\" Trump said of Apple": a question
            // or exclamation closing a quotation runs on into its attribution.
            if (tokens[i - 1].lower != "."sv && attribution_follows(tokens, i + 1)) continue;
            finish(i);
        }
    }
    finish(tokens.size() - 1);
    return sentences;
}

// --- Word lists -----------------------------------------------------------------

bool in_list(std::string_view w, std::initializer_list<std::string_view> list) {
    for (std::string_view s : list)
        if (w == s) return true;
    return false;
}

bool is_pronoun(const std::string& w) { return in_list(w, {"he", "she", "they", "we", "i", "it"}); }

/// Words that may sit between a speaker and the verb: "Trump also said".
bool is_adverb_between(const std::string& w) {
    static const std::unordered_set<std::string_view> WORDS = {"also", "later", "previously", "earlier", "again", "then", "recently", "reportedly", "publicly",
                       "privately", "separately", "further", "has", "have", "had", "would", "will", "could", "once",
                       "repeatedly", "often", "frequently", "first", "has", "simply", "quickly", "flatly", "initially",
                       "subsequently", "still", "now", "today", "yesterday", "tonight", "just", "already", "specifically",
                       "explicitly", "openly", "famously", "immediately", "bluntly", "angrily", "finally", "ultimately",
                       "even", "herself", "himself", "themselves", "personally"};
    return WORDS.count(w) > 0;
}

bool is_weekday(const std::string& w) {
    static const std::unordered_set<std::string_view> WORDS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};
    return WORDS.count(w) > 0;
}

int weekday_index(const std::string& w) {
    static const char* const DAYS[] = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};
    for (int k = 0; k < 7; ++k)
        if (w == DAYS[k]) return k;
    return -1;
}

int month_index(const std::string& w) {
    static const char* const MONTHS[][2] = {{"january", "jan"}, {"february", "feb"}, {"march", "mar"},
                                            {"april", "apr"},   {"may", "may"},      {"june", "jun"},
                                            {"july", "jul"},    {"august", "aug"},   {"september", "sept"},
                                            {"october", "oct"}, {"november", "nov"}, {"december", "dec"}};
    for (int k = 0; k < 12; ++k)
        if (w == MONTHS[k][0] || w == MONTHS[k][1]) return k + 1;
    if (w == "sep") return 9;
    return 0;
}

/// Nouns that name a speaker without a name: "officials said", "the company said".
bool is_speaker_noun(const std::string& w) {
    static const std::unordered_set<std::string_view> WORDS = {"official", "officials", "spokesman", "spokeswoman", "spokesperson", "source", "sources",
                       "aide", "aides", "analyst", "analysts", "expert", "experts", "minister", "ministry", "government",
                       "company", "police", "campaign", "committee", "office", "agency", "department", "authorities",
                       "lawyer", "lawyers", "attorney", "president", "leader", "statement", "report", "group", "party",
                       "administration", "spokespeople", "representative", "prosecutors", "prosecutor", "critics",
                       "supporters", "residents", "witnesses", "researchers", "economists", "officers", "military",
                       "army", "regulator", "court", "judge", "union", "chairman", "chairwoman", "director", "chief",
                       "executive", "secretary", "senator", "governor", "mayor", "candidate", "nominee", "team",
                       "observers", "diplomats", "diplomat", "negotiators", "organizers", "organisers", "advocates",
                       "activists", "people", "voters", "democrats", "republicans", "commission", "council", "board",
                       "bank", "firm", "ministers", "study", "poll", "survey", "letter", "memo", "website", "newspaper",
                       "adviser", "advisers", "advisor", "advisors", "staff", "staffer", "staffers", "manager",
                       "founder", "host", "author", "professor", "scientist", "scientists", "doctor", "doctors",
                       "operative", "strategist", "strategists", "insiders", "insider", "allies", "ally", "rival",
                       "opponent", "opponents", "speaker", "lawmaker", "lawmakers", "legislators", "member", "members",
                       "parliament", "kremlin", "pentagon", "fbi", "cia", "email", "tweet", "post", "message", "release",
                       "ad", "advertisement", "note", "filing", "document", "sign", "book", "column", "editorial",
                       "article", "story", "headline", "caption", "video", "speech", "transcript", "complaint",
                       "lawsuit", "ruling", "order", "website", "blog", "magazine", "network", "station", "paper",
                       "outlet", "newspaper", "daily", "journal", "times", "post", "spokespeople", "friend",
                       "supporter", "voter", "resident", "worker", "workers", "student", "students", "father",
                       "mother", "wife", "husband", "son", "daughter", "brother", "sister", "colleague", "colleagues",
                       "associate", "associates", "partner", "owner", "employee", "employees", "consultant",
                       "pollster", "pollsters", "historian", "economist", "speechwriter", "writer", "reporter",
                       "correspondent", "editor", "columnist", "commentator", "anchor", "moderator", "chair",
                       "president", "ceo", "head", "nominee", "candidates", "delegate", "delegates", "donor",
                       "donors", "fundraiser", "surrogate", "surrogates", "adviser", "aide", "official", "agents",
                       "agent", "investigators", "officers", "protesters", "demonstrators", "leaders",
                       "respondents", "participants", "attendees", "delegates", "senators", "governors"};
    return WORDS.count(w) > 0;
}

/// "he's" → "he", "they'll" → "they": the word before a contracted clitic.
std::string without_clitic(std::string w) {
    for (const char* clitic : {"'s", "\u2019s", "'ll", "\u2019ll", "'d", "\u2019d", "'re", "\u2019re", "'ve", "\u2019ve"})
        if (ends_with(w, clitic)) return w.substr(0, w.size() - std::strlen(clitic));
    return w;
}

/// Lower-case words inside names: "Joseph ole Sankale", "Department of Health".
bool is_name_particle(const std::string& w) {
    static const std::unordered_set<std::string_view> WORDS = {"de", "da", "van", "von", "bin", "al", "ole", "le", "la", "del", "der", "di", "du", "dos",
                       "das", "ibn", "of", "y"};
    return WORDS.count(w) > 0;
}

bool is_determiner(const std::string& w) {
    static const std::unordered_set<std::string_view> WORDS = {"the", "a", "an", "another", "one", "his", "her", "their", "its", "our",
                       "two", "three", "several", "many", "some", "other", "senior", "top", "former", "current",
                       "local", "federal", "state"};
    return WORDS.count(w) > 0;
}

/// Capitalised words that are not names even inside a capitalised run.
bool is_function_word(const std::string& w) {
    static const std::unordered_set<std::string_view> WORDS = {"but", "and", "or", "so", "yet", "if", "when", "while", "as", "in", "on", "at", "after",
                       "before", "because", "though", "although", "however", "meanwhile", "still", "now", "then",
                       "there", "this", "that", "these", "those", "it", "we", "they", "he", "she", "i", "you",
                       "asked", "speaking", "earlier", "later", "also", "today", "yesterday", "last", "on", "by",
                       "for", "with", "from", "of", "to", "about", "what", "where", "why", "how", "not", "no", "yes"};
    return WORDS.count(w) > 0;
}

/// Words that make a capitalised name an organisation, not a person.
bool looks_like_organization(const std::vector<std::string>& words) {
    static const std::unordered_set<std::string> ORG_WORDS = {
        "party", "committee", "campaign", "association", "institute", "university", "department", "ministry",
        "council", "group", "times", "post", "news", "inc", "corp", "company", "bank", "fund", "agency", "office",
        "center", "centre", "foundation", "network", "reuters", "ap", "cnn", "kremlin", "house", "pentagon",
        "commission", "court", "journal", "tribune", "herald", "press", "service", "services", "board", "union",
        "organization", "organisation", "federation", "league", "club", "police", "army", "navy", "government",
        "administration", "senate", "congress", "parliament", "assembly", "school", "college", "hospital",
        "church", "coalition", "alliance", "project", "media", "magazine", "radio", "television", "tv", "channel",
        "institution", "authority", "bureau", "embassy", "council", "democrats", "republicans", "gop", "dnc", "rnc",
        "pac", "corporation", "ltd", "llc", "group", "review", "daily", "gazette", "wire", "globe", "telegraph",
        "guardian", "economist", "politico", "breitbart", "fox", "msnbc", "abc", "cbs", "nbc", "bbc", "npr",
        "state", "states", "nations", "world", "international", "national", "federal", "street", "avenue",
        "railway", "railways", "airline", "airlines", "airways", "motors", "energy", "systems", "technologies",
        "holdings", "partners", "capital", "authority", "regulator", "commission", "inspectorate", "institute"};
    for (const auto& w : words) {
        if (ORG_WORDS.count(ascii_lower(w))) return true;
        if (w.size() >= 2 && w.size() <= 5 && std::all_of(w.begin(), w.end(), [](char c) { return c >= 'A' && c <= 'Z'; }))
            return true;  // CIA, FBI, NATO
    }
    return false;
}

/// A verb form as it follows a speaker: "posted", "reads", "put".
bool looks_like_verb(const std::string& w) {
    if (w.size() < 3 || is_function_word(w) || is_determiner(w)) return false;
    return ends_with(w, "ed") || ends_with(w, "es") || (ends_with(w, "s") && !ends_with(w, "ss")) ||
           in_list(w, {"put", "wrote", "said", "told", "spoke", "went"});
}

// --- Speakers -----------------------------------------------------------------

enum class SpeakerKind { PERSON, ORGANIZATION, PRONOUN, NOMINAL };

struct Entity {
    std::string name;     ///< canonical: "Volodymyr Zelenskyy", "Kremlin"
    std::string key;      ///< fold_key(name), kept in step with name
    std::string surname;  ///< lower-cased last name token for persons
    std::string first;    ///< lower-cased first name token, "" when unknown
    std::string role;
    Gender gender = Gender::UNKNOWN;
    bool person = true;
};

struct Mention {
    std::size_t entity = NONE;
    std::size_t token = 0;  ///< first token of the mention
    bool subject = false;   ///< the first name-like mention of its sentence
    /// A possessive or a preposition's object ("Clinton's use", "about Mr.
    /// Curiel"): seldom what a later pronoun points back to.
    bool oblique = false;
};

/// The words of a noun phrase as written, with lexicon lookups.
struct SpeakerPhrase {
    std::size_t first = NONE, last = NONE;  ///< token range, inclusive
    SpeakerKind kind = SpeakerKind::NOMINAL;
    std::vector<std::string> name_words;  ///< capitalised name words, as written
    std::string role;
    std::string nominal;  ///< "president" for "the president"
    std::string pronoun;  ///< "he"
};

std::string token_text(const std::string& body, const Token& t) { return body.substr(t.start, t.end - t.start); }

std::string strip_possessive(std::string w) {
    for (const char* suffix : {"'s", "\u2019s", "'", "\u2019"})
        if (ends_with(w, suffix) && w.size() > std::strlen(suffix)) return w.substr(0, w.size() - std::strlen(suffix));
    return w;
}


/// The article being worked on, with everything the rules look at.
class Extractor {
  public:
    explicit Extractor(const Article& article)
        : article_(article), body_(article.body), lex_(Lexicon::instance()) {}

    std::vector<Statement> run();
    /// After run(): the persons seen and the places named.
    void collect_mentions(ArticleFacts& facts) const;

  private:
    // A cue found in a sentence, with its speaker phrase and content.
    struct Attribution {
        std::size_t cue_first = NONE, cue_last = NONE;
        SpeakerPhrase speaker;
        bool speaker_after = false;  ///< "said Trump"
        std::size_t attr_first = NONE, attr_last = NONE;  ///< speaker, cue and their modifiers
        std::size_t content_first = NONE, content_last = NONE;
        /// "\"Q1,\" she said, \"Q2.\"": the quotation after the cue, when the
        /// one before it is the main content.
        std::size_t second_first = NONE, second_last = NONE;
        bool preset = false;  ///< content already decided where the cue was found
        std::size_t window_last = NONE;  ///< last token this attribution may look at (before the next one)
        std::string cue_text;
    };

    bool is_word(std::size_t i) const { return i < tokens_.size() && tokens_[i].kind == TokenKind::WORD; }
    bool outside(std::size_t i) const { return tokens_[i].quote == NONE && tokens_[i].kind != TokenKind::QUOTE; }
    bool is_punct(std::size_t i, std::string_view p) const {
        return i < tokens_.size() && tokens_[i].kind == TokenKind::PUNCT && std::string_view(tokens_[i].lower) == p;
    }
    std::string text_of(std::size_t first, std::size_t last) const {
        return body_.substr(tokens_[first].start, tokens_[last].end - tokens_[first].start);
    }
    /// A speaker without a name over tokens [first, last], named by the
    /// words from @p words_first on ("the company" -> "company").
    SpeakerPhrase nominal_phrase(std::size_t first, std::size_t last, std::size_t words_first) const {
        SpeakerPhrase p;
        p.kind = SpeakerKind::NOMINAL;
        p.first = first;
        p.last = last;
        p.nominal = text_of(words_first, last);
        return p;
    }

    std::size_t match_title(std::size_t i, std::size_t limit, std::string& title) const;
    std::optional<SpeakerPhrase> read_phrase(std::size_t first, std::size_t last) const;
    bool np_word(std::size_t i) const;
    std::optional<SpeakerPhrase> speaker_before(std::size_t cue, std::size_t sentence_first) const;
    std::optional<SpeakerPhrase> speaker_after(std::size_t cue, std::size_t sentence_last) const;
    bool postmodifier_at(std::size_t i) const;
    std::optional<SpeakerPhrase> nominal_before(std::size_t end, std::size_t sentence_first) const;
    void find_attributions(const Sentence& s, std::vector<Attribution>& out) const;
    void find_quote_attributions(const Sentence& s, std::vector<Attribution>& out) const;
    void choose_content(const Sentence& s, std::vector<Attribution>& attributions) const;
    void find_dash_attributions(const Sentence& s, std::vector<Attribution>& out) const;

    void register_mentions();
    bool after_preposition(std::size_t i) const;
    std::size_t entity_for_name(const std::vector<std::string>& words, const std::string& role, bool create);
    std::size_t resolve(const SpeakerPhrase& p, std::size_t cue_token);

    std::optional<CivilDate> day_near(std::size_t first, std::size_t last, std::size_t skip_first,
                                      std::size_t skip_last) const;
    const Place* place_near(std::size_t first, std::size_t last, std::size_t skip_first, std::size_t skip_last) const;
    const Place* dateline_place() const;

    const Article& article_;
    const std::string& body_;
    const Lexicon& lex_;
    std::vector<Token> tokens_;
    std::vector<Quotation> quotes_;
    std::vector<Sentence> sentences_;
    std::vector<Entity> entities_;
    std::vector<Mention> mentions_;  ///< in text order
    std::size_t last_speaker_ = NONE;
    mutable std::vector<signed char> single_title_;
    mutable std::size_t dateline_end_ = 0;
    const Place* dateline_ = nullptr;  ///< the dateline's place, found once in run()  ///< first token after the dateline ("KYIV, Ukraine (AP) —")  ///< per token: a one-word title? (-1: not looked up)
    std::unordered_set<std::size_t> used_as_speaker_;
    std::string last_group_speaker_;  ///< the last unresolved nominal speaker ("officials")
    std::size_t last_group_sentence_ = 0;
    std::size_t last_speaker_token_ = 0;
};

std::size_t Extractor::match_title(std::size_t i, std::size_t limit, std::string& title) const {
    std::size_t best = 0;
    std::string phrase;
    for (std::size_t n = 1; n <= lex_.max_title_words() && i + n - 1 <= limit; ++n) {
        const Token& t = tokens_[i + n - 1];
        if (t.kind != TokenKind::WORD) break;
        phrase += (n > 1 ? " " : "") + t.lower;
        if (auto found = lex_.title(phrase)) {
            best = n;
            title = *found;
        } else if (i + n <= limit && is_punct(i + n, ".") && tokens_[i + n].start == t.end) {
            if (auto dotted = lex_.title(phrase + ".")) {
                best = n;
                title = *dotted;
            }
        }
    }
    return best;
}

bool Extractor::np_word(std::size_t i) const {
    const Token& t = tokens_[i];
    // Possessives belong to the phrase: "the Democratic nominee's campaign".
    if (t.kind == TokenKind::WORD && t.quote == NONE && (ends_with(t.lower, "'s") || ends_with(t.lower, "\u2019s")))
        return true;
    // The dot of "Mr." or "Sen." belongs to the phrase.
    if (t.kind == TokenKind::PUNCT && t.lower == "."sv && i > 0 && tokens_[i - 1].kind == TokenKind::WORD &&
        tokens_[i - 1].end == t.start &&
        (abbreviations().count(tokens_[i - 1].lower) ||
         (tokens_[i - 1].cap && tokens_[i - 1].end - tokens_[i - 1].start == 1)))  // an initial: "C. Boyden Gray"
        return true;
    if (t.kind != TokenKind::WORD || t.quote != NONE) return false;
    if (t.cap) return !is_function_word(t.lower) || t.lower == "the"sv;
    if (is_determiner(t.lower) || is_speaker_noun(t.lower)) return true;
    if (t.lower == "of"sv || t.lower == "for"sv) return true;
    // np_word() runs in many scans over the same tokens: remember the
    // lexicon's answer per token.
    if (single_title_.size() != tokens_.size()) single_title_.assign(tokens_.size(), -1);
    if (single_title_[i] < 0) {
        std::string title;
        single_title_[i] = match_title(i, i, title) > 0 ? 1 : 0;
    }
    return single_title_[i] == 1;
}

std::optional<SpeakerPhrase> Extractor::read_phrase(std::size_t first, std::size_t last) const {
    // Trim "of"/"for" and determiners at the edges that cannot start or end
    // a phrase, and a day or month before a name ("Friday Reagan said").
    while (first <= last && (tokens_[first].lower == "of"sv || tokens_[first].lower == "for"sv ||
                             (first < last && (is_weekday(tokens_[first].lower) || month_index(tokens_[first].lower)))))
        ++first;
    while (last >= first && last != NONE &&
           (tokens_[last].lower == "of"sv || tokens_[last].lower == "for"sv || is_determiner(tokens_[last].lower)))
        --last;
    if (first > last || last == NONE || last - first > 9) return std::nullopt;
    SpeakerPhrase p;
    p.first = first;
    p.last = last;
    if (first == last && is_pronoun(tokens_[first].lower)) {
        p.kind = SpeakerKind::PRONOUN;
        p.pronoun = tokens_[first].lower;
        return p;
    }
    auto is_name_word = [&](std::size_t k) {
        const Token& t = tokens_[k];
        return t.kind == TokenKind::WORD && t.cap && !is_function_word(t.lower);
    };
    // "Jason Gilbert of Cheyenne", "David French of the National Retail
    // Federation": a name before of/for/from is the speaker; the rest is
    // affiliation.
    std::size_t name_last = last;
    for (std::size_t m = first + 1; m < last; ++m) {
        if (!in_list(tokens_[m].lower, {"of", "for", "from", "at", "with"})) continue;
        // "Secretary of State Hillary Clinton": the preposition is inside a title.
        bool in_title = false;
        for (std::size_t k = first; k < m && !in_title; ++k) {
            std::string title;
            std::size_t n = match_title(k, last, title);
            in_title = n > 0 && k + n - 1 > m;
        }
        if (in_title) continue;
        // "Department of Health", "Federal Court of Justice": one name.
        if (tokens_[m].lower == "of"sv && is_name_word(m - 1) && m + 1 <= last && is_name_word(m + 1) &&
            looks_like_organization({token_text(body_, tokens_[m - 1])}))
            continue;
        if (is_name_word(m - 1)) {
            name_last = m - 1;
            break;
        }
        // "a spokesman for the ministry": a nominal headed before the preposition.
        if (is_speaker_noun(tokens_[m - 1].lower)) {
            p.kind = SpeakerKind::NOMINAL;
            std::size_t from = first;
            while (from < m - 1 && is_determiner(tokens_[from].lower)) ++from;
            std::string title;
            if (match_title(m - 1, m - 1, title)) p.role = title;
            p.nominal = text_of(from, last);
            return p;
        }
        break;
    }
    // The name is the run of capitalised words at the end; titles and
    // modifiers before it ("US President", "Rubio spokesman") give the role.
    std::size_t run = name_last + 1;
    while (run > first && (is_name_word(run - 1) || (tokens_[run - 1].kind == TokenKind::PUNCT &&
                                                     tokens_[run - 1].lower == "."sv && run - 1 > first) ||
                           (is_name_particle(tokens_[run - 1].lower) && run - 1 > first && is_name_word(run - 2))))
        --run;
    // Peel titles and country words off the front of the run:
    // "President Donald Trump", "Secretary of State Marco Rubio", "US".
    std::string role;
    std::size_t title_end = NONE;  // where the last title ended, to join adjacent ones
    for (std::size_t k = first; k <= name_last;) {
        std::string title;
        std::size_t n = match_title(k, name_last, title);
        if (n) {
            // "Deputy" + "Foreign Minister" read as one role.
            role = title_end == k && !role.empty() ? role + " " + title : title;
            k += n;
            while (k <= name_last && tokens_[k].kind == TokenKind::PUNCT) ++k;
            title_end = k;
            if (k > run) run = k;
            continue;
        }
        if (k >= run) {
            const Token& t = tokens_[k];
            bool country_word = k < name_last && (lex_.demonym_country(strip_possessive(token_text(body_, t))) ||
                                                  ends_with(t.lower, "'s") || ends_with(t.lower, "\u2019s") ||
                                                  (t.all_caps && t.end - t.start <= 4 && lex_.best_place(t.lower) &&
                                                   lex_.best_place(t.lower)->kind == "country"));
            // A country word only counts as a modifier when a title follows it.
            std::string next_title;
            if (country_word && k + 1 <= name_last && match_title(k + 1, name_last, next_title)) {
                ++k;
                run = k;
                continue;
            }
            if (k == run && t.lower == "the"sv) {
                ++k;
                run = k;
                continue;
            }
            break;
        }
        ++k;
    }
    // A title inside the capitalised run ends what came before it:
    // "United Auto Workers Secretary-Treasurer Gary Casteel".
    for (std::size_t k = run; k <= name_last; ++k) {
        std::string title;
        std::size_t n = k > run ? match_title(k, name_last, title) : 0;
        if (n && k + n <= name_last) {
            role = title;
            run = k + n;
            k = run - 1;
        }
    }
    p.role = role;
    for (std::size_t k = run; k <= name_last; ++k)
        if (tokens_[k].kind == TokenKind::WORD) p.name_words.push_back(strip_possessive(token_text(body_, tokens_[k])));
    // A long capitalised run holding a given name: the name starts there
    // ("Auto Workers Gary Casteel").
    if (p.name_words.size() >= 3 && !lex_.given_name(p.name_words.front())) {
        for (std::size_t g = 0; g + 1 < p.name_words.size(); ++g) {
            auto given = lex_.given_name(p.name_words[g]);
            if (given && !given->weak && g > 0) {
                p.name_words.erase(p.name_words.begin(), p.name_words.begin() + static_cast<std::ptrdiff_t>(g));
                break;
            }
        }
    }
    if (!p.name_words.empty() && p.name_words.size() <= 5) {
        p.kind = SpeakerKind::PERSON;  // may turn out an organisation in resolve()
        return p;
    }
    // No name: "the president", "officials", "the company".
    p.name_words.clear();
    const Token& head = tokens_[last];
    if (!is_speaker_noun(head.lower) && role.empty()) return std::nullopt;
    p.kind = SpeakerKind::NOMINAL;
    std::size_t from = first;
    while (from < last && is_determiner(tokens_[from].lower)) ++from;
    p.nominal = text_of(from, last);
    return p;
}

/// Whether a speaker's post-modifier starts at @p i: "(a person) close to
/// the Clintons", "familiar with", "with knowledge of", "known as", "who".
bool Extractor::postmodifier_at(std::size_t i) const {
    if (!is_word(i) || tokens_[i].quote != NONE) return false;
    const std::string& w = tokens_[i].lower;
    const std::string next = i + 1 < tokens_.size() ? tokens_[i + 1].lower : std::string();
    if (w == "close"sv) return next == "to"sv;
    if (w == "familiar"sv) return next == "with"sv;
    if (w == "knowledgeable"sv) return next == "about"sv || next == "of"sv;
    if (w == "known"sv) return next == "as"sv;
    if (w == "with"sv) return in_list(next, {"knowledge", "direct", "ties", "access", "close"});
    if (w == "briefed"sv || w == "involved"sv) return in_list(next, {"on", "in", "about", "with"});
    return in_list(w, {"who", "whose"});
}

/// A determiner-led phrase ending at @p end: "another source", "a person",
/// "one well-connected Democrat". Names are left to read_phrase().
std::optional<SpeakerPhrase> Extractor::nominal_before(std::size_t end, std::size_t sentence_first) const {
    for (std::size_t d = end; d + 5 > end && d >= sentence_first && d != NONE; --d) {
        if (!is_word(d) || tokens_[d].quote != NONE) break;
        const std::string& w = tokens_[d].lower;
        if (d < end && in_list(w, {"a", "an", "the", "another", "one", "some", "several", "two", "three", "many"})) {
            if (is_function_word(tokens_[end].lower) || is_determiner(tokens_[end].lower) ||
                lex_.speech_verb_lemma(tokens_[end].lower))
                return std::nullopt;
            SpeakerPhrase nominal = nominal_phrase(d, end, d + 1);
            return nominal;
        }
        if (is_function_word(w) || (d < end && lex_.speech_verb_lemma(w))) break;
        if (d == 0) break;
    }
    return std::nullopt;
}

std::optional<SpeakerPhrase> Extractor::speaker_before(std::size_t cue, std::size_t sentence_first) const {
    if (cue == 0 || cue <= sentence_first) return std::nullopt;
    std::size_t j = cue - 1;
    // Skip adverbs and auxiliaries: "Trump also said", "she has repeatedly said".
    // Also a time phrase: "Trump on Saturday tweeted", "Kasich last week said".
    for (bool moved = true; moved && j > sentence_first;) {
        moved = false;
        if (is_word(j) && tokens_[j].quote == NONE && !tokens_[j].cap && is_adverb_between(tokens_[j].lower)) {
            --j;
            moved = true;
        } else if (is_word(j) && is_weekday(tokens_[j].lower) && j - 1 > sentence_first) {
            j -= in_list(tokens_[j - 1].lower, {"on", "last", "this", "late", "early"}) ? 2 : 1;
            moved = true;
        } else if (is_word(j) && in_list(tokens_[j].lower, {"week", "month", "year", "night", "morning"}) &&
                   j - 1 > sentence_first && in_list(tokens_[j - 1].lower, {"last", "this", "earlier", "later"})) {
            j -= 2;
            moved = true;
        }
    }
    if (is_punct(j, ",") && j > sentence_first + 2 && is_punct(j - 1, ")")) --j;  // "Sen. Jack Reed (D-R.I.), said"
    if (is_punct(j, ")") && j > sentence_first + 1) {
        // "Sen. Marco Rubio (R-Fla.) said": skip the parenthesis.
        std::size_t k = j;
        while (k > sentence_first && !is_punct(k, "(") && j - k < 12) --k;
        if (is_punct(k, "(") && k > sentence_first) return speaker_before(k, sentence_first);
        return std::nullopt;
    }
    bool dash = is_punct(j, "-") || is_punct(j, "\u2014") || is_punct(j, "\u2013");
    if (dash && j > sentence_first + 1) {
        // "Donald Trump - who previously said ... - said at a rally": a dash aside.
        for (std::size_t k = j - 1; k > sentence_first && j - k <= 40; --k) {
            if (tokens_[k].lower == tokens_[j].lower && tokens_[k].kind == TokenKind::PUNCT) {
                auto found = speaker_before(k, sentence_first);
                if (found && found->kind != SpeakerKind::PRONOUN) return found;
                break;
            }
        }
        return std::nullopt;
    }
    if (is_punct(j, ",") && j > sentence_first + 1) {
        // "Zelenskyy, who had earlier voiced support, told ...", "The Kremlin,
        // for its part, said ...", "Marta Oliveira, a spokeswoman, said ...":
        // skip the aside between two commas and take the phrase before it.
        for (std::size_t k = j - 1; k > sentence_first && j - k <= 40; --k) {
            // A short quoted title may sit in the aside: ', the co-author of "Going Viral,"'.
            if (tokens_[k].quote != NONE || tokens_[k].kind == TokenKind::QUOTE) {
                if (tokens_[k].quote != NONE) {
                    const Quotation& q = quotes_[tokens_[k].quote];
                    if (q.last_token != NONE && q.last_token - q.first_token <= 5) continue;
                } else if (k + 1 < j) {
                    continue;
                }
                break;
            }
            if (!is_punct(k, ",")) continue;
            // Long asides must look like one: ", who ...", ", a ...", ", the ...".
            if (j - k > 16 && !in_list(tokens_[k + 1].lower, {"who", "which", "a", "an", "the", "now", "former",
                                                                "whose", "once", "then", "also", "in", "at", "after",
                                                                "during", "speaking", "reached", "like", "as"}))
                break;
            std::size_t last = k - 1;
            // "James B. Comey Jr., the director of the F.B.I., said".
            if (is_punct(last, ".") && last > sentence_first && np_word(last) && is_word(last - 1)) {
                std::size_t name_first = last - 1;
                while (name_first > sentence_first && np_word(name_first - 1) && last - name_first < 8) --name_first;
                if (auto found = read_phrase(name_first, last - 1); found && found->kind == SpeakerKind::PERSON) {
                    found->last = last;
                    return found;
                }
            }
            // "Rep. Elijah Cummings (D-Md.), chair of the committee, said".
            if (is_punct(last, ")")) {
                std::size_t open = last;
                while (open > sentence_first && !is_punct(open, "(") && last - open < 12) --open;
                if (is_punct(open, "(") && open > sentence_first) last = open - 1;
            }
            // "Paul Porter, a truck driver from Ava, Mo., who ..., said" and
            // "Marley Anderson, 21, a junior, said": a state's abbreviation or
            // an age before this comma; the speaker is before an earlier one.
            if (is_punct(last, ".") || (is_word(last) && std::isdigit(static_cast<unsigned char>(tokens_[last].lower[0]))))
                continue;
            if (!is_word(last) || tokens_[last].quote != NONE) break;
            std::size_t first = last;
            while (first > sentence_first && np_word(first - 1) && last - first < 8) --first;
            auto found = read_phrase(first, last);
            // "a junior from Las Vegas, said": a place or an employer after a
            // preposition belongs to an aside.
            if (found && found->kind != SpeakerKind::PRONOUN && first > sentence_first &&
                in_list(tokens_[first - 1].lower, {"from", "in", "of", "at", "for", "with"}))
                continue;
            // "Hunter's chief of staff, Joe Kasper, told": the aside is the name.
            if (j - k >= 3 && j - k <= 5) {
                bool all_names = true;
                for (std::size_t q = k + 1; q < j; ++q)
                    if (!(tokens_[q].kind == TokenKind::WORD && tokens_[q].cap && !is_function_word(tokens_[q].lower)))
                        all_names = false;
                if (all_names && lex_.given_name(token_text(body_, tokens_[k + 1]))) {
                    auto aside = read_phrase(k + 1, j - 1);
                    if (aside) return aside;
                }
            }
            if (found && found->kind != SpeakerKind::PRONOUN) {
                // The aside may name the role: ", a spokeswoman for the ministry,".
                if (found->role.empty()) {
                    for (std::size_t q = k + 1; q < j; ++q) {
                        std::string title;
                        if (is_word(q) && match_title(q, j - 1, title)) {
                            found->role = title;
                            break;
                        }
                    }
                }
                // "Trump, speaking at a rally in Wilmington, N.C., warned":
                // a place before an inner comma is not the speaker; look for
                // an earlier comma that opens the aside.
                // Small places share names with people ("Weingarten"): only
                // a sizeable one counts.
                const Place* place = found->kind == SpeakerKind::PERSON && found->name_words.size() <= 2
                                         ? lex_.best_place(text_of(found->first, found->last))
                                         : nullptr;
                if (place && place->kind != "country" && place->kind != "region" && place->population < 50000)
                    place = nullptr;
                if (!place) return found;
                continue;
            }
            // "Michael Seaman, who lives outside the state capital, Sacramento,
            // said": an aside with commas of its own; try the earlier comma.
            if (!found) continue;
            break;
        }
        return std::nullopt;
    }
    // "Mr. Manafort, citing ''the unique magic of Trump,'' said": an aside
    // that ends in a short quotation.
    if (tokens_[j].kind == TokenKind::QUOTE && !tokens_[j].opening && j > sentence_first + 3 &&
        tokens_[j - 1].quote != NONE) {
        const Quotation& q = quotes_[tokens_[j - 1].quote];
        if (q.open_token != NONE && q.open_token > sentence_first + 2 && q.last_token - q.first_token <= 8) {
            for (std::size_t c = q.open_token - 1; c > sentence_first && q.open_token - c <= 5; --c) {
                if (!is_punct(c, ",")) {
                    if (!is_word(c) || tokens_[c].quote != NONE) break;
                    continue;
                }
                if (!(ends_with(tokens_[c + 1].lower, "ing") || in_list(tokens_[c + 1].lower, {"who", "calling"})))
                    break;
                std::size_t last = c - 1, first = c - 1;
                if (!is_word(last)) break;
                while (first > sentence_first && np_word(first - 1) && last - first < 8) --first;
                auto found = read_phrase(first, last);
                if (found && found->kind != SpeakerKind::PRONOUN) return found;
                break;
            }
        }
    }
    // "James Comey Jr. said": the dot of an abbreviation ends the name.
    if (is_punct(j, ".") && j > sentence_first && np_word(j) && is_word(j - 1)) --j;
    if (!is_word(j) || tokens_[j].quote != NONE) return std::nullopt;
    if (tokens_[j].lower == "who"sv || tokens_[j].lower == "which"sv) {
        // "Ted Cruz, who said ...": the antecedent is just before the comma.
        if (j >= 2 && j - 1 > sentence_first && is_punct(j - 1, ",") && is_word(j - 2)) {
            std::size_t last = j - 2, first = j - 2;
            while (first > sentence_first && np_word(first - 1) && last - first < 8) --first;
            auto found = read_phrase(first, last);
            if (found && found->kind != SpeakerKind::PRONOUN) return found;
        }
        // "business leaders who say the law ...": a plural noun just before.
        if (tokens_[j].lower == "who"sv && j >= 1 && j - 1 > sentence_first && is_word(j - 1) &&
            tokens_[j - 1].quote == NONE && !tokens_[j - 1].cap && ends_with(tokens_[j - 1].lower, "s") &&
            !is_function_word(tokens_[j - 1].lower)) {
            std::size_t last = j - 1, first = j - 1;
            for (int step = 0; step < 3 && first > sentence_first && is_word(first - 1) && !tokens_[first - 1].cap &&
                               !is_function_word(tokens_[first - 1].lower) && !is_determiner(tokens_[first - 1].lower);
                 ++step)
                --first;
            SpeakerPhrase group = nominal_phrase(first, last, first);
            return group;
        }
        return std::nullopt;
    }
    std::size_t last = j;
    std::size_t first = j;
    while (first > sentence_first && np_word(first - 1) && last - first < 8) --first;
    // "the Dutch economy ministry": up to two lower-case modifiers after a
    // demonym or a name.
    if (first > sentence_first + 1 && is_speaker_noun(tokens_[last].lower)) {
        std::size_t f = first;
        for (int step = 0; step < 2 && f > sentence_first && is_word(f - 1) && !tokens_[f - 1].cap &&
                           !is_function_word(tokens_[f - 1].lower) && !is_determiner(tokens_[f - 1].lower);
             ++step)
            --f;
        if (f < first && f > sentence_first && is_word(f - 1) && tokens_[f - 1].cap &&
            (lex_.demonym_country(token_text(body_, tokens_[f - 1])) || np_word(f - 1))) {
            first = f - 1;
            while (first > sentence_first && np_word(first - 1) && last - first < 8) --first;
        }
    }
    // A phrase cannot start with "of"/"for"; "the" at the very start is fine.
    auto phrase = read_phrase(first, last);
    if (!phrase && is_pronoun(tokens_[last].lower)) phrase = read_phrase(last, last);
    static const std::unordered_set<std::string> STRONG_FORMS = {
        "said", "says", "told", "tells", "added", "adds", "wrote", "writes", "asked", "explained", "noted",
        "argued", "insisted", "claimed", "warned", "replied", "responded", "declared", "announced", "continued",
        "recalled", "acknowledged", "admitted", "suggested", "tweeted", "stressed", "concluded", "countered",
        "cautioned", "complained", "predicted", "agreed", "echoed", "screamed", "shouted", "yelled"};
    if (!phrase && !tokens_[last].cap && !is_adverb_between(tokens_[last].lower) &&
        STRONG_FORMS.count(tokens_[cue].lower)) {
        // "the man said", "another commenter said": a determiner and a few
        // lower-case words make a nominal speaker.
        for (std::size_t d = last; d + 4 > last && d > sentence_first; --d) {
            const std::string& w = tokens_[d - 1].lower;
            if (!is_word(d - 1) || tokens_[d - 1].quote != NONE) break;
            if (in_list(w, {"the", "a", "an", "another", "one", "many", "some", "several", "his", "her", "their",
                            "its", "other", "most", "two", "three", "few"})) {
                SpeakerPhrase nominal = nominal_phrase(d - 1, last, d);
                phrase = nominal;
                break;
            }
            if (tokens_[d - 1].cap || is_function_word(w) || lex_.speech_verb_lemma(w)) break;
        }
    }
    if (!phrase && !tokens_[last].cap) {
        // "a White House official who spoke anonymously to discuss internal
        // strategy said": a relative clause between the speaker and the verb.
        for (std::size_t w = last; w > sentence_first && last - w < 15; --w) {
            const Token& t = tokens_[w];
            if (t.quote != NONE || t.kind == TokenKind::QUOTE || is_punct(w, ".") || is_punct(w, ";") ||
                is_punct(w, ","))
                break;
            if (!in_list(t.lower, {"who", "that"}) || w == last) continue;
            std::size_t np_last = w - 1, np_first = w - 1;
            if (!is_word(np_last)) break;
            while (np_first > sentence_first && np_word(np_first - 1) && np_last - np_first < 8) --np_first;
            auto found = read_phrase(np_first, np_last);
            if (found && found->kind != SpeakerKind::PRONOUN) phrase = found;
            break;
        }
    }
    bool that_clause = cue + 1 < tokens_.size() && tokens_[cue + 1].lower == "that"sv;
    // "... her bruised forearm and said": a conjunction before the verb
    // joins it to the clause's own subject; no group speaker there.
    if (!phrase && !in_list(tokens_[last].lower, {"and", "but", "or", "then"}) &&
        (in_list(tokens_[cue].lower, {"say", "says", "said", "suggest", "suggests", "suggested"}) ||
         (that_clause && STRONG_FORMS.count(tokens_[cue].lower))) &&
        cue + 1 < tokens_.size() && (is_word(cue + 1) || is_punct(cue + 1, ",")) && tokens_[cue + 1].lower != "to"sv) {
        // "local party leaders say the mogul ...", "three-fourths say ...":
        // with say and a clause, whoever stands before the verb is the source.
        std::size_t f = last;
        while (f > sentence_first && last - f < 5 && is_word(f - 1) && tokens_[f - 1].quote == NONE &&
               !in_list(tokens_[f - 1].lower, {"where", "who", "which", "that", "and", "but", "while", "because",
                                               "if", "when", "as", "than", "what", "how", "why"}))
            --f;
        bool starts_clause = f == sentence_first || !is_word(f - 1) ||
                             in_list(tokens_[f - 1].lower, {"where", "and", "but", "while", "because", "as"});
        // "About four in 10 said": an approximate number.
        bool approximate = f < last && in_list(tokens_[f].lower, {"about", "nearly", "almost", "roughly", "over",
                                                                  "more", "fewer", "less", "just", "only"});
        if (starts_clause && (approximate || !is_function_word(tokens_[f].lower)) &&
            !lex_.speech_verb_lemma(tokens_[last].lower)) {
            SpeakerPhrase group = nominal_phrase(f, last, f);
            phrase = group;
        }
    }
    if ((!phrase || phrase->kind == SpeakerKind::NOMINAL || phrase->first > sentence_first) &&
        !(phrase && phrase->kind == SpeakerKind::PRONOUN)) {
        // "Another source familiar with Cruz's thinking said", "a person
        // close to the campaign said": a post-modifier between the speaker
        // and the verb.
        for (std::size_t m = last; m > sentence_first + 1 && last - m < 10; --m) {
            if (tokens_[m].quote != NONE || tokens_[m].kind == TokenKind::QUOTE || is_punct(m, ".") ||
                is_punct(m, ";") || is_punct(m, ","))
                break;
            if (!postmodifier_at(m) || m == last) continue;
            // Only when what was read lies inside the modifier ("the mayor's
            // plans" of "a source familiar with the mayor's plans").
            if (phrase && phrase->kind != SpeakerKind::NOMINAL && phrase->first <= m) break;
            if (auto nominal = nominal_before(m - 1, sentence_first)) phrase = nominal;
            break;
        }
    }
    if (!phrase) return std::nullopt;
    // "... the room and said": a phrase ending in a conjunction is the tail
    // of another clause; the caller gives the verb to that clause's subject.
    if (phrase->last != NONE && in_list(tokens_[phrase->last].lower, {"and", "but", "or", "then"}))
        return std::nullopt;
    // "Zelenskyy, who had earlier voiced support for the proposal, told ...":
    // when the phrase is a relative clause's tail, take the antecedent.
    return phrase;
}

std::optional<SpeakerPhrase> Extractor::speaker_after(std::size_t cue, std::size_t sentence_last) const {
    std::size_t k = cue + 1;
    if (k > sentence_last || !is_word(k)) return std::nullopt;
    // "said retired Army Lt. Gen. Mick Bednarek", "said master of ceremonies
    // Asab Al-Tabchi": lower-case words before the name are its description.
    if (!np_word(k)) {
        std::size_t name = k;
        while (name <= sentence_last && name < k + 4 && is_word(name) && !tokens_[name].cap &&
               !is_function_word(tokens_[name].lower) && tokens_[name].lower != "that"sv)
            ++name;
        if (name > k && name <= sentence_last && is_word(name) && tokens_[name].cap) {
            auto named = speaker_after(name - 1, sentence_last);
            if (named && named->kind == SpeakerKind::PERSON) {
                named->first = k;
                return named;
            }
        }
    }
    std::size_t last = k;
    while (last + 1 <= sentence_last && np_word(last + 1) && last - k < 8) ++last;
    if (!np_word(k)) return std::nullopt;  // "said it had ...": a pronoun there starts the content
    // "said the company on Tuesday": stop before time words.
    while (last > k && (is_weekday(tokens_[last].lower) || month_index(tokens_[last].lower))) --last;
    auto phrase = read_phrase(k, last);
    if (phrase) return phrase;
    // "said the younger Mr. Trump": adjectives too, up to punctuation.
    std::size_t to = k;
    while (to + 1 <= sentence_last && to - k < 7 && outside(to + 1) && (is_word(to + 1) || np_word(to + 1)) &&
           !in_list(tokens_[to + 1].lower, {"who", "which", "that", "in", "on", "at", "after", "as", "during",
                                            "when", "while", "before", "to"}))
        ++to;
    if (to > last && (tokens_[to].cap || is_speaker_noun(tokens_[to].lower))) return read_phrase(k, to);
    // "\"...,\" said the designer, who works ...": a determiner and a noun.
    bool ends_phrase = to + 1 > sentence_last || is_punct(to + 1, ",") || is_punct(to + 1, ".");
    if (in_list(tokens_[k].lower, {"a", "an", "the", "another", "one"})) {
        // "said a person close to the Clintons", "said one person with
        // knowledge of the talks", "said the base chief known as Bob", and
        // "said another leading advocate, Andrew Pincus of Mayer Brown".
        std::size_t h = k + 1;
        while (h <= sentence_last && h < k + 6 && is_word(h) && outside(h) && !postmodifier_at(h) &&
               !is_function_word(tokens_[h].lower))
            ++h;
        if (h > k + 1 && h <= sentence_last && !lex_.speech_verb_lemma(tokens_[h - 1].lower)) {
            if (is_punct(h, ",") && h + 1 <= sentence_last && is_word(h + 1) && tokens_[h + 1].cap &&
                lex_.given_name(token_text(body_, tokens_[h + 1]))) {
                auto named = speaker_after(h, sentence_last);
                if (named && named->kind == SpeakerKind::PERSON) {
                    named->first = k;
                    return named;
                }
            }
            if (postmodifier_at(h) || ((is_punct(h, ",") || is_punct(h, ".")) && h - k <= 4)) {
                SpeakerPhrase nominal = nominal_phrase(k, h - 1, k + 1);
                return nominal;
            }
        }
    }
    if (is_determiner(tokens_[k].lower) && to > k && to - k <= 3 && ends_phrase && !tokens_[to].cap) {
        SpeakerPhrase nominal = nominal_phrase(k, to, k + 1);
        return nominal;
    }
    return std::nullopt;
}

void Extractor::find_attributions(const Sentence& s, std::vector<Attribution>& out) const {
    for (std::size_t i = s.first; i <= s.last; ++i) {
        const Token& t = tokens_[i];
        if (t.kind != TokenKind::WORD || t.quote != NONE) continue;
        Attribution a;
        if (t.lower == "according"sv && i + 1 <= s.last && tokens_[i + 1].lower == "to"sv) {
            auto who = speaker_after(i + 1, s.last);
            if (!who && i + 2 <= s.last && is_word(i + 2) && outside(i + 2)) {
                // "according to a new poll", "according to two senators present":
                // any noun phrase up to the next punctuation or relative clause.
                std::size_t from = i + 2, to = i + 2;
                while (to + 1 <= s.last && to - from < 8 && outside(to + 1) &&
                       (is_word(to + 1) || np_word(to + 1)) &&
                       !in_list(tokens_[to + 1].lower, {"who", "which", "that", "whose"}))
                    ++to;
                SpeakerPhrase nominal;
                nominal.kind = SpeakerKind::NOMINAL;
                nominal.first = from;
                nominal.last = to;
                while (from < to && is_determiner(tokens_[from].lower)) ++from;
                nominal.nominal = text_of(from, to);
                who = nominal;
            }
            if (!who) continue;
            a.cue_first = i;
            a.cue_last = i + 1;
            a.cue_text = "according to";
            a.speaker = *who;
            a.speaker_after = true;
            out.push_back(a);
            i = who->last;
            continue;
        }
        // "Asked ...", "when asked ...", "after being asked ...", "was asked ...".
        const bool asked_opening =
            t.lower == "asked"sv &&
            (i == s.first || in_list(tokens_[i - 1].lower, {"when", "once", "after", "being", "was", "were", "if", "as"}));
        if (asked_opening && i + 1 <= s.last) {
            // "Asked whether she had practised, Melania Trump said ...": the
            // question is a statement of its own, by an asker the text does
            // not name; it runs to the comma.
            std::size_t from = i + 1;
            std::optional<SpeakerPhrase> asker;
            if (tokens_[from].lower == "by"sv && from + 1 <= s.last) {
                std::size_t to = from + 1;
                while (to + 1 <= s.last && np_word(to + 1) && to - from < 6) ++to;
                asker = read_phrase(from + 1, to);
            }
            // "Asked by Stephanopoulos whether", "Asked during a January debate
            // why", "asked specifically what": a few words before the question.
            {
                std::size_t probe = from;
                while (probe <= s.last && probe < from + 7 && outside(probe) &&
                       !in_list(tokens_[probe].lower, {"whether", "if", "what", "why", "how", "who", "when", "where",
                                                       "about", "whom", "which"}) &&
                       !is_punct(probe, ",") && !is_punct(probe, "."))
                    ++probe;
                if (probe <= s.last && in_list(tokens_[probe].lower, {"whether", "if", "what", "why", "how", "who",
                                                                      "when", "where", "about", "whom", "which"}))
                    from = probe;
            }
            if (from <= s.last && in_list(tokens_[from].lower, {"whether", "if", "what", "why", "how", "who", "when",
                                                                 "where", "about", "whom", "which"})) {
                std::size_t to = from;
                while (to + 1 <= s.last && !is_punct(to + 1, ",") && tokens_[to + 1].kind != TokenKind::QUOTE) ++to;
                if (to > from + 1) {
                    a.cue_first = a.cue_last = i;
                    a.cue_text = "asked";
                    a.speaker.kind = SpeakerKind::NOMINAL;
                    a.speaker.first = a.speaker.last = NONE;
                    if (asker) a.speaker = *asker;  // "Asked by Ingraham whether ..."
                    a.content_first = from;
                    a.content_last = to;
                    a.attr_first = i;
                    a.attr_last = to;
                    a.window_last = to;
                    a.preset = true;
                    out.push_back(a);
                    i = to;
                    continue;
                }
            }
        }
        // Only lower-case words (or the sentence's first) can be speech verbs;
        // skipping the rest keeps the lexicon out of the hot loop.
        const bool maybe_verb = (!t.cap || i == s.first) && !(t.lower[0] >= '0' && t.lower[0] <= '9');
        if (!maybe_verb) continue;
        std::optional<std::string> lemma = lex_.speech_verb_lemma(t.lower);
        // Verbs the lexicon lacks. Weak ones are verbs of voice that count
        // only next to a quotation: "\"Mexico!\" the audience screamed back";
        // strong ones report what someone said without needing one:
        // "Clinton praised Smegielski for ...". One table, one lookup: this
        // runs for every lower-case word.
        struct ExtraVerb {
            std::string_view lemma;
            bool strong;
        };
        static const std::unordered_map<std::string_view, ExtraVerb> EXTRA = {
            {"screamed", {"scream", false}}, {"echoed", {"echo", false}},     {"chanted", {"chant", false}},
            {"blared", {"blare", false}},    {"barked", {"bark", false}},     {"yelled", {"yell", false}},
            {"shouted", {"shout", false}},   {"reads", {"read", false}},      {"read", {"read", false}},
            {"cried", {"cry", false}},       {"mused", {"muse", false}},      {"sighed", {"sigh", false}},
            {"laughed", {"laugh", false}},   {"snapped", {"snap", false}},    {"quipped", {"quip", false}},
            {"joked", {"joke", false}},      {"chimed", {"chime", false}},    {"offered", {"offer", false}},
            {"began", {"begin", false}},     {"went", {"go", false}},         {"called", {"call", false}},
            {"calls", {"call", false}},      {"calling", {"call", false}},    {"dubbed", {"dub", false}},
            {"labeled", {"label", false}},   {"labelled", {"label", false}},  {"branded", {"brand", false}},
            {"characterized", {"characterize", false}}, {"characterizes", {"characterize", false}},
            {"characterised", {"characterise", false}},  {"praised", {"praise", true}},
            {"proposed", {"propose", true}}, {"defended", {"defend", true}},  {"lauded", {"laud", true}},
            {"proposes", {"propose", true}}, {"praises", {"praise", true}},   {"defends", {"defend", true}}};
        bool extra = false;
        const ExtraVerb* extra_verb = nullptr;
        if (!lemma) {
            auto it = EXTRA.find(t.lower);
            if (it != EXTRA.end()) extra_verb = &it->second;
        }
        if (extra_verb && extra_verb->strong) lemma = std::string(extra_verb->lemma);
        // "called for a ban", "called on Congress to act": a demand, with the
        // particle part of the cue.
        bool call_for = t.lower[0] == 'c' && in_list(t.lower, {"called", "calls", "calling", "call"}) &&
                        i + 1 <= s.last && in_list(tokens_[i + 1].lower, {"for", "on"}) && i + 2 <= s.last &&
                        is_word(i + 2);
        if (call_for) lemma = std::string("call for");
        if (!lemma) {
            if (!extra_verb) continue;
            lemma = std::string(extra_verb->lemma);
            extra = true;
        }
        // Lemmas whose forms are mostly other things in news prose.
        static const std::unordered_set<std::string> WEAK = {
            "believe", "think", "fear", "hope", "worry", "wonder", "find", "present", "release", "order", "question",
            "object", "demonstrate", "illustrate", "indicate", "estimate", "forecast", "ensure", "convince",
            "accept", "agree", "continue", "speak", "post", "charge", "highlight", "point", "report", "state",
            "describe", "cite", "answer", "comment", "blame", "recommend", "persist", "decline", "reckon",
            "pledge", "testify", "brief", "remark", "quip", "threaten"};
        bool weak = extra || WEAK.count(*lemma) > 0;
        // Infinitives and passives are not speech events: "declined to say", "is said to".
        if (i > s.first && (tokens_[i - 1].lower == "to"sv || tokens_[i - 1].lower == "not"sv ||
                            tokens_[i - 1].lower == "never"sv || tokens_[i - 1].lower == "n't"sv))
            continue;
        if (i > s.first && in_list(tokens_[i - 1].lower, {"is", "was", "were", "are", "be", "been", "being"}) &&
            *lemma != "say")
            continue;
        if (i > s.first && in_list(tokens_[i - 1].lower, {"is", "was", "were", "are", "be", "been", "being"}) &&
            i + 1 <= s.last && tokens_[i + 1].lower == "to"sv)
            continue;
        // Base and -s forms double as nouns ("an old quip", "his remarks"):
        // take them only after a name, a pronoun or a plural subject.
        if (t.lower == *lemma || (ends_with(t.lower, "s") && !ends_with(t.lower, "ss") && t.lower != "says"sv &&
                                  t.lower != "tells"sv && t.lower != "writes"sv && t.lower != "adds"sv)) {
            // "Six in 10 say", "9 percent say", "the women say", "leaders who say".
            const std::string& before = i > s.first ? tokens_[i - 1].lower : std::string();
            bool plural_subject = !before.empty() && is_word(i - 1) &&
                                  (std::isdigit(static_cast<unsigned char>(before[0])) ||
                                   in_list(before, {"percent", "women", "men", "people", "children", "who", "majority",
                                                    "majorities", "most", "many", "some", "few", "others", "both",
                                                    "all", "half", "third", "quarter"}));
            bool verb_like = i > s.first && (tokens_[i - 1].cap || is_pronoun(tokens_[i - 1].lower) || plural_subject ||
                                             is_speaker_noun(tokens_[i - 1].lower) ||
                                             (ends_with(tokens_[i - 1].lower, "s") && t.lower == *lemma) ||
                                             is_adverb_between(tokens_[i - 1].lower) ||
                                             tokens_[i - 1].kind == TokenKind::QUOTE || is_punct(i - 1, ","));
            if (!verb_like) continue;
        }
        // "Editor's note": after a possessive the word is a noun.
        if (i > s.first && (ends_with(tokens_[i - 1].lower, "'s") || ends_with(tokens_[i - 1].lower, "\u2019s")) &&
            t.lower == *lemma)
            continue;
        // "promised to take bold action": an intention, not a statement.
        if (in_list(*lemma, {"promise", "vow", "pledge", "threaten", "swear", "agree", "decline", "refuse"}) &&
            i + 1 <= s.last && tokens_[i + 1].lower == "to"sv)
            continue;
        // "the said agreement" and nouns such as "a statement" are not cues.
        if (i > s.first && in_list(tokens_[i - 1].lower, {"the", "a", "an", "this", "that", "his", "her", "their"}))
            continue;
        bool participle = ends_with(t.lower, "ing");
        a.cue_first = a.cue_last = i;
        a.cue_text = t.lower;
        if (call_for) {
            a.cue_last = i + 1;
            a.cue_text = t.lower + " " + tokens_[i + 1].lower;
        }
        if (participle) {
            // ", saying ...": the speaker is the clause's subject, found later.
            // ", saying", "and saying", "- saying", "after saying", "while saying".
            if (!(i > s.first && (is_punct(i - 1, ",") || is_punct(i - 1, "-") || is_punct(i - 1, "\u2013") ||
                                  is_punct(i - 1, "\u2014") ||
                                  in_list(tokens_[i - 1].lower, {"and", "initially", "also", "repeatedly", "publicly"}) ||
                                  (i == s.first + 1 && in_list(tokens_[s.first].lower, {"after", "while", "before"})))))
                continue;
            static const std::unordered_set<std::string> PARTICIPLES = {
                "saying", "adding", "noting", "arguing", "insisting", "warning", "stressing", "telling",
                "explaining", "claiming", "asking", "suggesting", "declaring", "stating", "writing", "calling",
                "accusing", "urging", "acknowledging", "recalling", "predicting", "promising", "vowing",
                "emphasizing", "emphasising", "announcing", "describing", "questioning", "complaining"};
            if (!PARTICIPLES.count(t.lower)) continue;
            a.speaker.kind = SpeakerKind::PRONOUN;
            a.speaker.pronoun = "";  // resolved to the sentence subject or last speaker
            a.speaker.first = a.speaker.last = NONE;
            out.push_back(a);
            continue;
        }
        auto who = speaker_before(i, s.first);
        if (!who && i > s.first + 1 && in_list(tokens_[i - 1].lower, {"and", "but"}) && (!weak || extra)) {
            // "he supported Obama and said, ...": the clause's subject speaks.
            a.speaker.kind = SpeakerKind::PRONOUN;
            a.speaker.pronoun = "";
            a.speaker.first = a.speaker.last = NONE;
            out.push_back(a);
            continue;
        }
        if (who) {
            a.speaker = *who;
        } else {
            // Inverted order after a quotation or a comma: "..., said Trump".
            bool after_break = i > s.first && (tokens_[i - 1].kind == TokenKind::QUOTE || is_punct(i - 1, ","));
            if (!after_break) continue;
            auto after = speaker_after(i, s.last);
            // "..., said the candidate could win": a phrase followed by a verb
            // is the subject of the content, not the speaker.
            if (after && after->last + 1 <= s.last &&
                in_list(tokens_[after->last + 1].lower,
                        {"could", "would", "will", "can", "may", "might", "must", "should", "is", "was", "are",
                         "were", "has", "had", "have", "did", "does", "do", "didn", "doesn", "isn", "wasn", "won",
                         "wouldn", "couldn", "hasn", "hadn"}))
                after.reset();
            if (!after) continue;
            a.speaker = *after;
            a.speaker_after = true;
        }
        if (weak && a.speaker.kind == SpeakerKind::NOMINAL && !is_speaker_noun(tokens_[a.speaker.last].lower))
            continue;
        if (weak) {
            // Weak verbs count only next to a quotation or before a "that" clause.
            std::size_t k = a.speaker_after ? a.speaker.last + 1 : i + 1;
            std::size_t b = a.speaker_after ? i : (a.speaker.first == NONE ? i : a.speaker.first);
            // "went on:", "screamed back": a particle may come first.
            if (k <= s.last && in_list(tokens_[k].lower, {"on", "back", "in", "out", "up"})) ++k;
            // "The Times reported Tuesday that", "Sanders called Trump a \"liar\"":
            // the clause or quotation may come a few words later.
            bool naming = in_list(*lemma, {"call", "dub", "label", "brand", "characterize", "characterise", "describe"});
            for (std::size_t q = k; q <= s.last && q < k + (naming ? 16 : 5); ++q) {
                if (tokens_[q].kind == TokenKind::QUOTE && (naming || q == k)) {
                    k = q;
                    break;
                }
                // "described the government as democratically elected".
                if (naming && *lemma != "call" && tokens_[q].lower == "as"sv && q > k) {
                    k = q;
                    break;
                }
                if (!naming && tokens_[q].quote == NONE &&
                    (tokens_[q].lower == "that"sv || in_list(tokens_[q].lower, {"whether", "why", "how"}))) {
                    k = q;
                    break;
                }
                // "called Valeant's chief executive, J. Michael Pearson, \"driven\"":
                // an object may carry an appositive.
                if (tokens_[q].kind == TokenKind::PUNCT && !np_word(q) && !(naming && is_punct(q, ","))) break;
            }
            bool quote_after = k <= s.last && (tokens_[k].lower == "that"sv || tokens_[k].kind == TokenKind::QUOTE ||
                                               (naming && tokens_[k].lower == "as"sv) ||
                                               (!naming && in_list(tokens_[k].lower, {"whether", "why", "how"})) ||
                                               is_punct(k, ":") ||
                                               (is_punct(k, ",") && k + 1 <= s.last &&
                                                tokens_[k + 1].kind == TokenKind::QUOTE));
            if (extra && k <= s.last && tokens_[k].lower == "that"sv) quote_after = false;
            bool quote_before = b > s.first && (tokens_[b - 1].kind == TokenKind::QUOTE ||
                                                (b > s.first + 1 && is_punct(b - 1, ",") &&
                                                 tokens_[b - 2].kind == TokenKind::QUOTE));
            // "..., The Hill reported." and "CNN reported at least six ...": a
            // named source closing the sentence after a comma, or a named
            // source that reports.
            std::size_t after_cue = a.speaker_after ? a.speaker.last + 1 : i + 1;
            bool closes_sentence = after_cue > s.last || is_punct(after_cue, ".");
            bool named = a.speaker.kind == SpeakerKind::PERSON;
            bool end_attribution = !extra && named && closes_sentence && b > s.first && is_punct(b - 1, ",");
            bool named_report = named && *lemma == "report" && !a.speaker_after;
            if (!quote_after && !quote_before && !end_attribution && !named_report) continue;
        }
        out.push_back(a);
        if (a.speaker_after) i = a.speaker.last;
    }
}

void Extractor::find_quote_attributions(const Sentence& s, std::vector<Attribution>& out) const {
    // Quotations no cue has claimed, next to "NP verb": "\"...,\" the suit
    // reads", "As Amar put it, \"...\"", "Dorsey posted: \"...\"". The
    // quotation itself is the evidence of speech, so any verb will do.
    auto claimed = [&](std::size_t first, std::size_t last) {
        for (const auto& a : out)
            if (a.content_first != NONE && a.content_first <= last && first <= a.content_last) return true;
        return false;
    };
    for (std::size_t i = s.first; i <= s.last; ++i) {
        if (tokens_[i].kind != TokenKind::QUOTE || !tokens_[i].opening || i + 1 > s.last) continue;
        std::size_t q = tokens_[i + 1].quote;
        if (q == NONE) continue;
        const Quotation& quote = quotes_[q];
        if (quote.first_token == NONE || quote.last_token == NONE || quote.last_token > s.last) continue;
        std::size_t words = 0;
        for (std::size_t k = quote.first_token; k <= quote.last_token; ++k)
            if (tokens_[k].kind == TokenKind::WORD) ++words;
        if (words < 3 || claimed(quote.first_token, quote.last_token)) {
            i = quote.last_token;
            continue;
        }
        Attribution a;
        // After the quotation: [,] NP verb.
        std::size_t k = quote.close_token == NONE ? NONE : quote.close_token + 1;
        if (k != NONE && k <= s.last && is_punct(k, ",")) ++k;
        if (k != NONE && k <= s.last && is_word(k) && tokens_[k].quote == NONE) {
            std::size_t v = k;
            while (v <= s.last && v - k < 6 && (np_word(v) || is_pronoun(tokens_[v].lower)) &&
                   !looks_like_verb(tokens_[v].lower))
                ++v;
            if (v > k && v <= s.last && is_word(v) && looks_like_verb(tokens_[v].lower)) {
                if (auto who = read_phrase(k, v - 1)) {
                    a.speaker = *who;
                    a.cue_first = a.cue_last = v;
                }
            }
            if (a.cue_first == NONE && is_determiner(tokens_[k].lower)) {
                // "\"...!\" some protesters chanted": a determiner, a few
                // words, and a past-tense verb.
                std::size_t past = k + 1;
                while (past <= s.last && past < k + 4 && is_word(past) && !ends_with(tokens_[past].lower, "ed")) ++past;
                if (past > k + 1 && past <= s.last && is_word(past) && ends_with(tokens_[past].lower, "ed")) {
                    SpeakerPhrase nominal = nominal_phrase(k, past - 1, k + 1);
                    a.speaker = nominal;
                    a.cue_first = a.cue_last = past;
                }
            }
            if (a.cue_first == NONE && ends_with(tokens_[k].lower, "ed") && k + 1 <= s.last && is_word(k + 1) &&
                tokens_[k + 1].cap) {
                // "\"...?\" reacted Trump": a past-tense verb, then the name.
                if (auto who = speaker_after(k, s.last)) {
                    a.speaker = *who;
                    a.cue_first = a.cue_last = k;
                }
            }
        }
        // Before it: NP verb [up to six words] (":" | ",") "quotation".
        if (a.cue_first == NONE && i > s.first && (is_punct(i - 1, ":") || is_punct(i - 1, ","))) {
            for (std::size_t v = i - 1; v-- > s.first && i - 1 - v <= 7;) {
                if (!is_word(v) || tokens_[v].quote != NONE) break;
                if (!looks_like_verb(tokens_[v].lower)) continue;
                auto who = speaker_before(v, s.first);
                // "Continued Stone: \"...\"": the verb first, then the name.
                if (!who && v == s.first) who = speaker_after(v, i - 2);
                if (who) {
                    a.speaker = *who;
                    a.cue_first = a.cue_last = v;
                }
                break;
            }
        }
        // A cue that already has its content ("On \"Sunday Morning Futures,\"
        // Issa said Clinton's ...") does not take the title too.
        for (const auto& other : out)
            if (a.cue_first != NONE && words <= 4 && other.cue_first == a.cue_first && other.content_first != NONE)
                a.cue_first = NONE;
        if (a.cue_first != NONE) {
            a.cue_text = tokens_[a.cue_first].lower;
            a.content_first = quote.first_token;
            a.content_last = quote.last_token;
            a.window_last = s.last;
            a.attr_first = std::min(a.cue_first, a.speaker.first == NONE ? a.cue_first : a.speaker.first);
            a.attr_last = std::max(a.cue_last, a.speaker.last == NONE ? a.cue_last : a.speaker.last);
            out.push_back(a);
        }
        i = quote.last_token;
    }
    std::sort(out.begin(), out.end(),
              [](const Attribution& x, const Attribution& y) { return x.content_first < y.content_first; });
}

void Extractor::find_dash_attributions(const Sentence& s, std::vector<Attribution>& out) const {
    // "\u201CWe were never asked.\u201D \u2015 Maria Lopez, 34, Phoenix" and a
    // quotation paragraph followed by "- Bernie Sanders.": a quotation
    // signed with a dash and a name, as in lists of quotes and epigraphs.
    auto is_dash = [&](std::size_t i) {
        return is_punct(i, "-") || is_punct(i, "\u2014") || is_punct(i, "\u2015") || is_punct(i, "\u2013");
    };
    for (std::size_t i = s.first; i <= s.last; ++i) {
        if (!is_dash(i) || i == 0 || i + 1 > s.last) continue;
        std::size_t name = i + 1;
        if (!is_word(name) || !tokens_[name].cap || !outside(name) || tokens_[name].paragraph != tokens_[i].paragraph)
            continue;
        std::size_t last = name;
        while (last + 1 <= s.last && last - name < 5 && np_word(last + 1) && outside(last + 1)) ++last;
        const std::size_t after = last + 1;
        bool signature_ends = after > s.last || is_punct(after, ",") || is_punct(after, "(") || is_punct(after, ".");
        if (!signature_ends) continue;
        auto who = read_phrase(name, last);
        if (!who || who->kind != SpeakerKind::PERSON) continue;
        // The quotation closing just before the dash (after its final stop, if any).
        std::size_t close = i - 1;
        while (close > 0 && tokens_[close].kind == TokenKind::PUNCT && (is_punct(close, ".") || is_punct(close, ",")))
            --close;
        if (tokens_[close].kind != TokenKind::QUOTE || tokens_[close].opening || close == 0) continue;
        const std::size_t q = tokens_[close - 1].quote;
        if (q == NONE || quotes_[q].close_token != close || quotes_[q].first_token == NONE) continue;
        const Quotation& quote = quotes_[q];
        // The quotation must stand alone: it opens its paragraph, or the
        // signature opens its own.
        const bool quote_opens = quote.open_token == 0 || tokens_[quote.open_token - 1].paragraph != tokens_[quote.open_token].paragraph;
        const bool dash_opens = tokens_[i - 1].paragraph != tokens_[i].paragraph;
        if (!quote_opens && !dash_opens) continue;
        Attribution a;
        a.cue_first = a.cue_last = i;
        a.cue_text = tokens_[i].lower;
        a.speaker = *who;
        a.speaker_after = true;
        a.content_first = quote.first_token;
        a.content_last = quote.last_token;
        a.attr_first = i;
        a.attr_last = last;
        a.window_last = s.last;
        a.preset = true;
        out.push_back(a);
        i = last;
    }
}

void Extractor::choose_content(const Sentence& s, std::vector<Attribution>& attributions) const {
    for (std::size_t n = 0; n < attributions.size(); ++n) {
        Attribution& a = attributions[n];
        if (a.preset) continue;
        std::size_t lo = n == 0 ? s.first : (attributions[n - 1].attr_last == NONE ? s.first : attributions[n - 1].attr_last + 1);
        if (lo < dateline_end_ && dateline_end_ <= s.last) lo = dateline_end_;  // the dateline is nobody's words
        if (lo > s.last) lo = s.last;
        std::size_t hi = n + 1 < attributions.size()
                             ? (attributions[n + 1].speaker.first != NONE && !attributions[n + 1].speaker_after
                                    ? attributions[n + 1].speaker.first - 1
                                    : attributions[n + 1].cue_first - 1)
                             : s.last;
        // A next speaker that starts before this cue (overlapping phrases)
        // must not push the bound before it.
        if (hi == NONE || hi < a.cue_last || hi > s.last) hi = s.last;
        // "Rapidão said that it disagreed with ...": an attribution that opens
        // this one's "that" clause is part of its content, not a boundary.
        if (n + 1 < attributions.size()) {
            const Attribution& next = attributions[n + 1];
            std::size_t next_start = next.speaker.first != NONE && !next.speaker_after ? next.speaker.first : next.cue_first;
            if (next_start > 0 && tokens_[next_start - 1].lower == "that"sv && next_start - 1 <= a.cue_last + 8)
                hi = s.last;
            // "Instead, she said, her boss told her ..." and "Meeks said Clinton
            // reassured them that ...": the next attribution opens this one's
            // content, right after the cue.
            std::size_t own_end = a.speaker_after && a.speaker.last != NONE ? a.speaker.last : a.cue_last;
            // ", Mr. Manafort said, adding that ...": a participle cue next is
            // an attribution of its own, not this one's content.
            const bool next_participle = next.speaker.first == NONE && ends_with(next.cue_text, "ing");
            if (next_start > own_end && next_start <= own_end + 2 && is_punct(own_end + 1, ",") && !next_participle)
                hi = s.last;
            if (next_start == own_end + 1 && in_list(a.cue_text, {"said", "says", "say", "told", "added", "wrote"}))
                hi = s.last;
        }
        std::size_t attr_first = a.speaker.first != NONE ? std::min(a.speaker.first, a.cue_first) : a.cue_first;
        std::size_t attr_last = a.speaker.last != NONE ? std::max(a.speaker.last, a.cue_last) : a.cue_last;
        // Content after the cue. Right after it ("said the deal was off"), or
        // after the cue's object and modifiers ("told reporters in Helsinki
        // that", "said on Tuesday:", "tweeted in response: \"...\"") when
        // those end in "that", ":", "," or a quotation.
        std::size_t k = attr_last + 1;
        bool told = in_list(a.cue_text, {"told", "tells", "tell", "telling", "asked", "asks", "urged", "warned"});
        // A time phrase right after the cue is part of the attribution:
        // "said Thursday he would", "said late on Tuesday that".
        std::size_t time_words = 0;
        while (k <= hi && outside(k) && is_word(k) && time_words < 4 &&
               (is_weekday(tokens_[k].lower) ||
                in_list(tokens_[k].lower, {"yesterday", "today", "tonight", "earlier", "late", "morning", "night",
                                           "afternoon", "evening"}) ||
                (in_list(tokens_[k].lower, {"on", "last", "this", "early"}) && k + 1 <= hi &&
                 (is_weekday(tokens_[k + 1].lower) ||
                  in_list(tokens_[k + 1].lower, {"week", "month", "year", "weekend", "night", "morning"}))) ||
                (in_list(tokens_[k].lower, {"week", "month", "year", "weekend"}) && k > 0 &&
                 in_list(tokens_[k - 1].lower, {"last", "this", "early"})))) {
            ++k;
            ++time_words;
        }
        std::size_t scan = k;
        std::size_t skipped_words = 0;
        // "said about half of the adjustment ...": "about" before a quantity
        // starts the clause, it does not name a topic.
        const bool about_quantity =
            k + 1 <= hi && tokens_[k].lower == "about"sv &&
            (std::isdigit(static_cast<unsigned char>(tokens_[k + 1].lower[0])) ||
             in_list(tokens_[k + 1].lower, {"half", "a", "one", "two", "three", "four", "five", "ten", "a", "twice"}));
        // "\"Absolutely,\" he said when asked if that remains his view": a
        // subordinate clause after the cue holds no "that" clause of speech.
        const bool subordinate_after =
            k <= hi && outside(k) && in_list(tokens_[k].lower, {"when", "while", "after", "before", "as", "if", "because"});
        bool skipping = scan <= hi && outside(scan) && is_word(scan) && !about_quantity &&
                        (told || in_list(tokens_[scan].lower, {"in", "on", "at", "during", "to", "earlier", "later",
                                                               "last", "this", "yesterday", "today", "also", "of",
                                                               "repeatedly", "publicly", "late", "again", "via",
                                                               "through", "after", "before", "while", "when", "from",
                                                               "privately", "recently", "afterward", "afterwards",
                                                               "then", "once", "flatly", "simply", "bluntly",
                                                               "tonight", "shortly", "about", "with"}) ||
                         is_weekday(tokens_[scan].lower));
        if (skipping) {
            std::size_t probe = scan;
            std::size_t words = 0;
            while (probe <= hi && outside(probe) && words < 12) {
                const Token& t = tokens_[probe];
                if (t.kind == TokenKind::WORD && t.lower != "that"sv) {
                    ++words;
                    ++probe;
                    continue;
                }
                if (np_word(probe) && t.kind == TokenKind::PUNCT) {  // "Mr."
                    ++probe;
                    continue;
                }
                break;
            }
            // "asked Richards what impact ...", "asked whether": the question is the content.
            // "explained to CBS why Merkel was selected": a question word ends
            // the modifiers after any cue.
            for (std::size_t q = scan + 1; q < probe; ++q)
                if (in_list(tokens_[q].lower, {"whether", "why", "how"}) ||
                    (told && in_list(tokens_[q].lower, {"if", "what", "when", "who", "where"}))) {
                    probe = q;
                    break;
                }
            // "urged Clinton to make a decision": the object and its infinitive.
            if (told && in_list(a.cue_text, {"urged", "urges", "urging", "asked", "asks", "asking", "warned", "told"})) {
                for (std::size_t q = scan + 1; q < probe && q <= scan + 4; ++q)
                    if (tokens_[q].lower == "to"sv && q + 1 <= hi && is_word(q + 1) && !tokens_[q + 1].cap) {
                        probe = scan;  // content from the object on
                        break;
                    }
            }
            // "Calabrese told the National Post he's already received ...":
            // after told and its object (a name, "the X", a pronoun) a
            // clause may start without "that".
            if (in_list(a.cue_text, {"told", "tells", "tell"}) && probe > scan) {
                std::size_t obj = scan;
                if (in_list(tokens_[obj].lower, {"him", "her", "me", "us", "them", "reporters", "journalists"})) {
                    ++obj;
                } else {
                    const bool determiner = is_determiner(tokens_[obj].lower);
                    if (determiner) ++obj;
                    std::size_t caps = 0;
                    while (obj < probe && is_word(obj) && tokens_[obj].cap && caps < 6) {
                        ++obj;
                        ++caps;
                    }
                    // "told a Planned Parenthood gathering": a determiner's noun.
                    std::size_t nouns = 0;
                    while (determiner && obj < probe && is_word(obj) && !tokens_[obj].cap && nouns < 2 &&
                           !is_function_word(tokens_[obj].lower) && !is_pronoun(without_clitic(tokens_[obj].lower)) &&
                           !is_determiner(tokens_[obj].lower)) {
                        ++obj;
                        ++nouns;
                    }
                    if (caps == 0 && nouns == 0) obj = scan;
                }
                // "... of Newark", "... in Washington", then "last week", "on Tuesday".
                if (obj > scan) {
                    for (int rounds = 0; rounds < 3 && obj < probe; ++rounds) {
                        if (in_list(tokens_[obj].lower, {"of", "in", "at"}) && obj + 1 < probe && tokens_[obj + 1].cap) {
                            obj += 2;
                            while (obj < probe && is_word(obj) && tokens_[obj].cap) ++obj;
                        } else if (in_list(tokens_[obj].lower, {"last", "this", "on", "earlier"}) && obj + 1 < probe &&
                                   (is_weekday(tokens_[obj + 1].lower) ||
                                    in_list(tokens_[obj + 1].lower, {"week", "month", "year", "weekend"}))) {
                            obj += 2;
                        } else if (is_weekday(tokens_[obj].lower) || in_list(tokens_[obj].lower, {"yesterday", "recently"})) {
                            ++obj;
                        } else {
                            break;
                        }
                    }
                }
                // "he's", "she'll": a contracted pronoun starts a clause too.
                const std::string subject = obj < tokens_.size() ? without_clitic(tokens_[obj].lower) : std::string();
                bool clause_start = obj > scan && obj < probe && is_word(obj) &&
                                    (in_list(subject, {"he", "she", "they", "it", "we", "i", "the", "his", "her",
                                                       "their", "there"}) ||
                                     (tokens_[obj].cap && !is_function_word(tokens_[obj].lower)));
                if (clause_start) {
                    scan = obj;
                    probe = obj;
                    words = 0;  // the content starts here, as if right after the cue
                }
            }
            bool wh = probe <= hi && (probe > scan || (told && probe == scan && skipped_words == 0)) &&
                      (in_list(tokens_[probe].lower, {"whether", "why", "how"}) ||
                       (told && in_list(tokens_[probe].lower, {"if", "what", "when", "who", "where"})) ||
                       (told && probe == scan));
            if (wh) {
                scan = probe;
                skipped_words = 0;  // content starts at the wh-word itself
            }
            if (!wh) {
                // Either the clause starts at probe ("that", ":", ",", a
                // quotation), or the modifiers ran to the end and there is no
                // content after; the checks below tell which.
                scan = probe;
                skipped_words = words;
            }
        }
        std::size_t after_first = NONE;
        // "..., political analysts say; in 2012 ...": a semicolon closes the attribution.
        if (scan <= hi && is_punct(scan, ";")) scan = hi + 1;
        if (scan <= hi) {
            bool parenthetical = attr_first > s.first && is_punct(attr_first - 1, ",");
            bool quote_next = scan + 1 <= hi && (tokens_[scan + 1].kind == TokenKind::QUOTE || tokens_[scan + 1].quote != NONE);
            if (tokens_[scan].lower == "that"sv || is_punct(scan, ":") ||
                (is_punct(scan, ",") && (parenthetical || quote_next || skipped_words > 0))) {
                after_first = scan + 1;
            } else if (tokens_[scan].kind == TokenKind::QUOTE || tokens_[scan].quote != NONE) {
                after_first = scan;
            } else if (skipped_words == 0) {
                after_first = scan;
            }
        }
        a.attr_first = attr_first;
        a.attr_last = after_first == NONE ? std::min(scan, hi) : after_first - 1;
        if (a.attr_last < attr_last) a.attr_last = attr_last;
        // Is there content after? Need a few words that are not just the sentence's end.
        std::size_t after_words = 0;
        if (after_first != NONE)
            for (std::size_t q = after_first; q <= hi; ++q)
                if (tokens_[q].kind == TokenKind::WORD) ++after_words;
        // Content before: "CONTENT, X said." or "\"QUOTE,\" X said."
        std::size_t before_last = NONE;
        if (attr_first > lo) {
            std::size_t b = attr_first - 1;
            // "\"...,\" his friend Mahamat Oumar told": look past a few lower-case words.
            for (int step = 0; step < 3 && b > lo && is_word(b) && !tokens_[b].cap && tokens_[b].quote == NONE; ++step) --b;
            if (!(tokens_[b].kind == TokenKind::QUOTE || is_punct(b, ","))) {
                // "\"...,\" former Bush speechwriter Noam Neusner wrote": a
                // closing quote a few words back.
                b = attr_first - 1;
                for (int step = 0; step < 6 && b > lo && (is_word(b) || np_word(b)) && tokens_[b].quote == NONE; ++step)
                    --b;
                if (!(tokens_[b].kind == TokenKind::QUOTE && !tokens_[b].opening)) b = attr_first - 1;
            }
            if (tokens_[b].kind == TokenKind::QUOTE && !tokens_[b].opening && b > lo) before_last = b;
            else if (is_punct(b, ",") || is_punct(b, "\u2014") || is_punct(b, ":")) before_last = b > lo ? b - 1 : NONE;
        }
        // "Clinton celebrated, declaring it \"...\" and said it was ...": the
        // clause's own subject speaks, and what follows is the content.
        const bool and_said = a.speaker.first == NONE && a.cue_first > s.first &&
                              in_list(tokens_[a.cue_first - 1].lower, {"and", "but"});
        if (and_said) before_last = NONE;
        // "..., Algerian foreign affairs ministry spokesman Benali Abdelaziz
        // said Thursday.": modifiers before the name reach back to the comma.
        if (before_last == NONE && !and_said && attr_first > lo + 1 && (after_first == NONE || after_words == 0)) {
            std::size_t b = attr_first - 1;
            for (int step = 0; step < 5 && b > lo && is_word(b) && tokens_[b].quote == NONE; ++step) --b;
            if (is_punct(b, ",") && b > lo) before_last = b - 1;
        }
        std::size_t before_words = 0;
        if (before_last != NONE)
            for (std::size_t q = lo; q <= before_last; ++q)
                if (tokens_[q].kind == TokenKind::WORD) ++before_words;
        // The attribution at the end ("..., he said.") takes what is before it;
        // otherwise what follows it.
        bool tail_is_modifier = after_first == NONE || after_words == 0;
        // "A long clause, he said, on condition of anonymity" and "..., Sanders
        // said, a policy that ...": between commas after a long clause, the
        // attribution's tail is a modifier or an aside, not new content.
        if (attr_first > s.first && is_punct(attr_first - 1, ",") && after_first != NONE && after_first > 0 &&
            is_punct(after_first - 1, ",") && before_words >= 5 && after_first <= hi &&
            (in_list(tokens_[after_first].lower, {"on", "in", "at", "during", "after", "before", "while", "a", "an",
                                                  "according", "speaking", "referring", "citing", "noting", "as",
                                                  "with", "without", "without", "because", "since", "from", "via",
                                                  "who", "which", "one", "the"})))
            tail_is_modifier = true;
        // "\"...,\" he said of the claim during a call": a quotation just
        // before the attribution is its content unless a clause follows.
        bool quote_before = before_last != NONE && (tokens_[before_last].kind == TokenKind::QUOTE ||
                                                    tokens_[before_last].quote != NONE);
        bool long_quote_after = false;
        if (after_first != NONE && after_first <= hi && tokens_[after_first].kind == TokenKind::QUOTE &&
            after_first + 1 <= hi && tokens_[after_first + 1].quote != NONE) {
            const Quotation& q = quotes_[tokens_[after_first + 1].quote];
            long_quote_after = q.last_token != NONE && q.last_token >= q.first_token + 3;  // not a show's title
        }
        bool clause_after = after_first != NONE && after_first > 0 &&
                            (tokens_[after_first - 1].lower == "that"sv || is_punct(after_first - 1, ":") ||
                             long_quote_after);
        if (quote_before && subordinate_after && !long_quote_after) clause_after = false;
        // "On Fox's \"Sunday Morning Futures,\" Rep. Issa said Clinton's ..." and
        // "he had decimated ''core Al Qaeda,'' he said it still posed ...": a
        // short quotation before (a show's title, a scare quote) gives way to
        // a clause right after the cue.
        if (quote_before && !clause_after && after_first != NONE && after_words >= 3 && skipped_words == 0 &&
            !subordinate_after) {
            std::size_t quoted_words = 0;
            for (std::size_t q = before_last; q >= lo && q != NONE && q + 12 > before_last; --q) {
                if (tokens_[q].kind == TokenKind::QUOTE && tokens_[q].opening) break;
                if (tokens_[q].kind == TokenKind::WORD) ++quoted_words;
                if (q == 0) break;
            }
            if (quoted_words <= 4 && before_words > quoted_words) clause_after = true;
        }
        if (quote_before && !clause_after) tail_is_modifier = true;
        a.window_last = hi;
        std::size_t min_before = quote_before ? 1 : 2;
        if (quote_before && long_quote_after && is_punct(after_first - 1, ",")) {
            // "\"Q1,\" she said, \"Q2.\"": both halves are hers.
            a.content_first = lo;
            a.content_last = before_last;
            a.second_first = after_first;
            a.second_last = hi;
            continue;
        }
        // "According to X, CLAUSE" opens its sentence; "CLAUSE, according to
        // X, an advocacy group." closes it: what follows X is then about X.
        bool according_first = a.cue_text == "according to" && before_words < 2;
        if ((tail_is_modifier || a.speaker_after || a.cue_text == "according to") && before_words >= min_before &&
            !according_first) {
            a.content_first = lo;
            a.content_last = before_last;
        } else if (after_words >= 2 || (after_words == 1 && after_first <= hi &&
                                         tokens_[after_first].kind == TokenKind::QUOTE)) {
            // A clause, or a quotation of any length ("Priebus said, \"Probably.\"").
            a.content_first = after_first;
            a.content_last = hi;
        } else if (before_words >= min_before) {
            a.content_first = lo;
            a.content_last = before_last;
        } else if (n == 0 && attr_first == s.first && &s != &sentences_.front()) {
            // "\"... missing.\" Trump said.": the quotation closed its own
            // sentence just before the attribution.
            const Sentence& prev = *(&s - 1);
            const Token& end = tokens_[prev.last];
            if (end.kind == TokenKind::QUOTE && !end.opening && end.paragraph == tokens_[s.first].paragraph &&
                prev.last > 0 && tokens_[prev.last - 1].quote != NONE) {
                const Quotation& q = quotes_[tokens_[prev.last - 1].quote];
                a.content_first = q.first_token;
                a.content_last = q.last_token;
            }
        }
    }
}

// --- Entities and coreference ------------------------------------------------------

/// The gender an honorific or title implies ("Mr." male, "spokeswoman" female).
Gender gender_of_title(const std::string& title) {
    std::string t = ascii_lower(title);
    if (in_list(t, {"mr.", "mr", "mister", "sir", "king", "prince", "lord", "duke", "baron", "emperor", "sultan",
                    "sheikh"}) ||
        t.find("spokesman") != std::string::npos || t.find("chairman") != std::string::npos)
        return Gender::MALE;
    if (in_list(t, {"mrs.", "ms.", "mrs", "ms", "miss", "missus", "queen", "princess", "lady", "dame", "duchess",
                    "baroness", "empress", "sheikha", "countess"}) ||
        t.find("spokeswoman") != std::string::npos || t.find("chairwoman") != std::string::npos)
        return Gender::FEMALE;
    return Gender::UNKNOWN;
}

/// Honorifics say gender but are not roles worth showing.
bool is_honorific(const std::string& title) {
    return in_list(ascii_lower(title), {"mr.", "mr", "mister", "mrs.", "mrs", "ms.", "ms", "miss", "mx.", "missus"});
}

std::size_t Extractor::entity_for_name(const std::vector<std::string>& words, const std::string& role,
                                       bool create) {
    if (words.empty()) return NONE;
    std::string surname = fold_key(words.back());
    std::string first = words.size() >= 2 ? fold_key(words.front()) : "";
    // Most recent entity with the same surname (and a compatible first name).
    for (std::size_t e = entities_.size(); e-- > 0;) {
        Entity& en = entities_[e];
        bool same = en.surname == surname && (first.empty() || en.first.empty() || en.first == first);
        // "Costa Ribeiro" is "Mariana Costa Ribeiro"; "Commission" is "European Commission".
        if (!same && en.surname == surname && words.size() >= 2) {
            std::string tail;
            for (const auto& w : words) tail += (tail.empty() ? "" : " ") + fold_key(w);
            const std::string& full = en.key;
            same = full.size() > tail.size() && ends_with(full, " " + tail);
        }
        if (!same && !en.person && words.size() == 1 && looks_like_organization(words)) {
            std::string full = " " + en.key + " ";
            same = full.find(" " + surname + " ") != std::string::npos;
        }
        if (!same && words.size() == 1 && en.first == surname && en.person) same = false;
        if (same) {
            if (en.first.empty() && !first.empty() && en.person) {
                // A fuller mention after a surname-only one: keep the full name.
                en.first = first;
                std::string full;
                for (const auto& w : words) full += (full.empty() ? "" : " ") + w;
                en.name = full;
                en.key = fold_key(full);
            }
            if (en.role.empty() && !role.empty() && !is_honorific(role)) en.role = role;
            if (!role.empty() && !looks_like_organization(words)) en.person = true;
            if (en.gender == Gender::UNKNOWN) en.gender = gender_of_title(role);
            return e;
        }
    }
    if (!create) return NONE;
    Entity en;
    for (const auto& w : words) en.name += (en.name.empty() ? "" : " ") + w;
    en.key = fold_key(en.name);
    en.surname = surname;
    en.first = first;
    en.role = role;
    if (words.size() >= 2) {
        // The table leaves gender unknown where its only source is noisy.
        if (auto g = lex_.given_name(words.front())) en.gender = g->gender;
    }
    if (en.gender == Gender::UNKNOWN) en.gender = gender_of_title(role);
    if (is_honorific(role)) en.role.clear();
    // A person has a given name first or a title; a name with an
    // organisation word ("Party", "Times") or an acronym is an organisation;
    // a bare surname-like word is taken for a person.
    auto given = words.size() >= 2 ? lex_.given_name(words.front()) : std::nullopt;
    bool org = looks_like_organization(words);
    en.person = !org && (given.has_value() || !role.empty() || words.size() <= 3);
    if (words.size() == 1 && !role.empty()) en.person = true;
    entities_.push_back(en);
    return entities_.size() - 1;
}

bool Extractor::after_preposition(std::size_t i) const {
    return i > 0 && is_word(i - 1) &&
           in_list(tokens_[i - 1].lower, {"about", "of", "for", "with", "against", "to", "by", "from", "on", "at",
                                          "than", "like", "into", "toward", "towards", "over", "between", "among"});
}

void Extractor::register_mentions() {
    // Person mentions outside quotations, in text order: "Given Surname",
    // "Title Surname", and surnames of people already seen.
    for (const Sentence& s : sentences_) {
        // A subject stands at the start of the sentence's own words (after a
        // leading quotation, conjunction or short adverbial at most).
        std::size_t own_start = s.first;
        if (s.first < dateline_end_ && dateline_end_ <= s.last) own_start = dateline_end_;
        while (own_start <= s.last && (tokens_[own_start].quote != NONE || tokens_[own_start].kind != TokenKind::WORD))
            ++own_start;
        bool first_in_sentence = true;
        for (std::size_t i = s.first; i <= s.last; ++i) {
            const Token& t = tokens_[i];
            if (t.kind != TokenKind::WORD || t.quote != NONE || !t.cap) continue;
            // The run of capitalised words (with "Mr." dots and name particles)
            // read as a speaker phrase would be: titles and country words
            // peeled off, the name left.
            std::size_t k = i;
            while (k <= s.last && tokens_[k].quote == NONE && k - i < 9) {
                const Token& w = tokens_[k];
                bool name_word = w.kind == TokenKind::WORD && w.cap && (!is_function_word(w.lower) || k == i);
                bool dot = np_word(k) && w.kind == TokenKind::PUNCT;
                bool particle = w.kind == TokenKind::WORD && is_name_particle(w.lower) && k > i && k + 1 <= s.last &&
                                tokens_[k + 1].kind == TokenKind::WORD && tokens_[k + 1].cap;
                if (!name_word && !dot && !particle) break;
                ++k;
                if (w.kind == TokenKind::WORD && (ends_with(w.lower, "'s") || ends_with(w.lower, "\u2019s"))) break;
            }
            if (k == i) continue;
            if (k == i + 1) {
                // One capitalised word, the commonest case by far: a known
                // person's surname ("Trump said") or nothing. Skip the full
                // phrase reading.
                if (is_function_word(t.lower) || is_determiner(t.lower)) continue;
                const std::string word = strip_possessive(token_text(body_, t));
                const bool possessive = word.size() != t.end - t.start;
                std::size_t known = entity_for_name({word}, "", false);
                // "Singh, 47, voted ...", "Dawson, a teacher, said ...": a lone
                // name opening the sentence with an age or description.
                if (known == NONE && i == own_start && i + 2 <= s.last && is_punct(i + 1, ",") &&
                    (in_list(tokens_[i + 2].lower, {"a", "an", "the", "who"}) ||
                     (tokens_[i + 2].lower.size() <= 3 &&
                      std::all_of(tokens_[i + 2].lower.begin(), tokens_[i + 2].lower.end(),
                                  [](char c) { return c >= '0' && c <= '9'; }))) &&
                    !lex_.best_place(t.lower) && !is_function_word(t.lower) && !looks_like_organization({word}))
                    known = entity_for_name({word}, "", true);
                if (known != NONE && entities_[known].person) {
                    // "Bloomberg's pollster": a possessive is not the subject.
                    mentions_.push_back({known, i,
                                         first_in_sentence && i <= own_start + 3 && !possessive,
                                         possessive || after_preposition(i)});
                    first_in_sentence = false;
                }
                continue;
            }
            auto phrase = read_phrase(i, k - 1);
            std::size_t entity = NONE;
            if (phrase && phrase->kind == SpeakerKind::PERSON && !phrase->name_words.empty()) {
                const auto& words = phrase->name_words;
                if (!phrase->role.empty() && !looks_like_organization(words)) {
                    entity = entity_for_name(words, phrase->role, true);
                } else if (words.size() >= 2 && looks_like_organization(words)) {
                    // Organisations are remembered so "the Commission" finds "European Commission".
                    entity_for_name(words, "", true);
                } else if (words.size() >= 2) {
                    // "San Francisco", "Buenos Aires": a place, not a person.
                    std::string joined;
                    for (const auto& w : words) joined += (joined.empty() ? "" : " ") + w;
                    const Place* place = lex_.best_place(joined);
                    if (place && place->population >= 50000) continue;
                    auto g = lex_.given_name(words.front());
                    if (g && !(g->weak && lex_.best_place(words.front()) &&
                               lex_.best_place(words.front())->population > 200000))
                        entity = entity_for_name(words, "", true);
                } else {
                    entity = entity_for_name(words, "", false);
                    if (entity != NONE && !entities_[entity].person) entity = NONE;
                }
            }
            if (entity != NONE && entities_[entity].person) {
                const Token& end = tokens_[k - 1];
                const bool possessive = end.kind == TokenKind::WORD && (ends_with(end.lower, "'s") || ends_with(end.lower, "\u2019s"));
                mentions_.push_back({entity, i,
                                     first_in_sentence && i <= own_start + 3 && !possessive,
                                     possessive || after_preposition(i)});
                first_in_sentence = false;
            }
            if (k > i + 1) i = k - 1;
        }
    }
}


std::size_t Extractor::resolve(const SpeakerPhrase& p, std::size_t cue_token) {
    switch (p.kind) {
        case SpeakerKind::PERSON: {
            std::size_t e = entity_for_name(p.name_words, p.role, true);
            return e;
        }
        case SpeakerKind::PRONOUN: {
            Gender want = p.pronoun == "he" ? Gender::MALE : p.pronoun == "she" ? Gender::FEMALE : Gender::UNKNOWN;
            if (p.pronoun == "they" || p.pronoun == "we" || p.pronoun == "i") {
                if (p.pronoun == "i" || p.pronoun == "we") return last_speaker_;
                return NONE;
            }
            if (p.pronoun == "it") {
                for (std::size_t e = entities_.size(); e-- > 0;)
                    if (!entities_[e].person) return e;
                return NONE;
            }
            auto compatible = [&](std::size_t e) {
                if (e == NONE || !entities_[e].person) return false;
                Gender g = entities_[e].gender;
                return want == Gender::UNKNOWN || g == Gender::UNKNOWN || g == want;
            };
            // Score the people mentioned in the last few sentences: the last
            // speaker and sentence subjects are the likeliest antecedents,
            // nearer ones more than farther ones; gender must agree.
            std::size_t sentence_of_cue = tokens_[cue_token].sentence;
            std::size_t paragraph_of_cue = tokens_[cue_token].paragraph;
            std::unordered_map<std::size_t, double> scores;
            for (std::size_t m = mentions_.size(); m-- > 0;) {
                const Mention& mention = mentions_[m];
                if (mention.token >= cue_token) continue;
                std::size_t back = sentence_of_cue - tokens_[mention.token].sentence;
                if (back > 4) break;
                if (!compatible(mention.entity)) continue;
                // Weights tuned on PolNeAR train (not dev); recency matters most.
                double score = 4.0 - static_cast<double>(back) * 1.5;
                if (mention.subject) score += 2.0;
                if (mention.oblique) score -= 1.0;
                if (back == 0) score += 1.0;
                if (tokens_[mention.token].paragraph == paragraph_of_cue) score += 1.0;
                if (entities_[mention.entity].gender == want && want != Gender::UNKNOWN) score += 0.5;
                double& best_so_far = scores[mention.entity];
                best_so_far = std::max(best_so_far, score);
            }
            if (compatible(last_speaker_)) {
                std::size_t back = sentence_of_cue - tokens_[last_speaker_token_].sentence;
                if (back <= 6) {
                    double score = 4.0 - static_cast<double>(back) * 1.5;
                    double& s0 = scores[last_speaker_];
                    s0 = std::max(s0, score);
                }
            }
            std::size_t best = NONE;
            double best_score = -1e9;
            for (const auto& [entity, score] : scores)
                if (score > best_score || (score == best_score && entity > best)) {
                    best = entity;
                    best_score = score;
                }
            if (best == NONE) {
                for (std::size_t m = mentions_.size(); m-- > 0;)
                    if (mentions_[m].token < cue_token && compatible(mentions_[m].entity)) return mentions_[m].entity;
            }
            return best;
        }
        case SpeakerKind::NOMINAL: {
            if (p.first == NONE || p.last == NONE) return NONE;  // an asker the text does not name
            if (!p.role.empty()) {
                // "the president", "the deputy minister": the latest person whose
                // role holds every word of it.
                std::vector<std::string> want;
                std::string lowered = ascii_lower(p.nominal.empty() ? p.role : p.nominal);
                std::size_t at = 0;
                while (at < lowered.size()) {
                    std::size_t sp = lowered.find(' ', at);
                    if (sp == std::string::npos) sp = lowered.size();
                    if (sp > at) want.push_back(lowered.substr(at, sp - at));
                    at = sp + 1;
                }
                auto role_fits = [&](std::size_t e) {
                    if (e == NONE || !entities_[e].person || entities_[e].role.empty()) return false;
                    std::string role = " " + ascii_lower(entities_[e].role) + " ";
                    for (const auto& w : want)
                        if (role.find(" " + w + " ") == std::string::npos) return false;
                    return !want.empty();
                };
                // The last speaker if the role fits, else the latest person
                // mentioned before the cue with that role.
                if (role_fits(last_speaker_)) return last_speaker_;
                for (std::size_t m = mentions_.size(); m-- > 0;)
                    if (mentions_[m].token < cue_token && role_fits(mentions_[m].entity)) return mentions_[m].entity;
                for (std::size_t e = entities_.size(); e-- > 0;)
                    if (role_fits(e)) return e;
            }
            {
                // "the company", "the department", "the ministry": the latest
                // organisation named with that word, or any for "company".
                const std::string head = tokens_[p.last].lower;
                bool generic = in_list(head, {"company", "firm", "carrier", "operator", "group", "organisation",
                                              "organization"});
                for (std::size_t e = entities_.size(); e-- > 0;) {
                    if (entities_[e].person) continue;
                    std::string full = " " + entities_[e].key + " ";
                    if (full.find(" " + head + " ") != std::string::npos || (generic && used_as_speaker_.count(e)))
                        return e;
                }
            }
            if (!p.nominal.empty() && !tokens_[p.last].cap && looks_like_organization({tokens_[p.last].lower})) {
                // "the Ukrainian agriculture ministry": an organisation described.
                bool described = false;
                for (std::size_t k = p.first; k < p.last; ++k)
                    if (tokens_[k].cap && tokens_[k].lower != "the"sv) described = true;
                if (described) {
                    Entity en;
                    en.name = p.nominal;
                    en.key = fold_key(en.name);
                    en.surname = fold_key(tokens_[p.last].lower);
                    en.person = false;
                    entities_.push_back(en);
                    return entities_.size() - 1;
                }
            }
            if (!p.nominal.empty() && tokens_[p.last].cap) {
                // "the Kremlin", "the White House": an organisation by name.
                std::vector<std::string> words;
                for (std::size_t k = p.first; k <= p.last; ++k)
                    if (tokens_[k].cap && tokens_[k].lower != "the"sv) words.push_back(token_text(body_, tokens_[k]));
                if (!words.empty()) {
                    std::size_t e = entity_for_name(words, "", true);
                    return e;
                }
            }
            return NONE;
        }
        case SpeakerKind::ORGANIZATION: break;
    }
    return NONE;
}

// --- Days and places ----------------------------------------------------------------

std::optional<CivilDate> Extractor::day_near(std::size_t first, std::size_t last, std::size_t skip_first,
                                             std::size_t skip_last) const {
    const CivilDate& today = article_.date;
    for (std::size_t i = first; i <= last && i < tokens_.size(); ++i) {
        if (skip_first != NONE && i >= skip_first && i <= skip_last) continue;
        const Token& t = tokens_[i];
        if (t.kind != TokenKind::WORD || t.quote != NONE) continue;
        if (t.lower == "yesterday"sv) return today.plus_days(-1);
        if (t.lower == "today"sv || t.lower == "tonight"sv) return today;
        int wd = weekday_index(t.lower);
        if (wd >= 0 && t.cap) {
            int back = (today.weekday() - wd + 7) % 7;
            bool last_week = i > 0 && tokens_[i - 1].lower == "last"sv;
            if (last_week) back += back == 0 ? 7 : (today.weekday() > wd ? 7 : 0);
            if (i > 0 && tokens_[i - 1].lower == "next"sv) continue;
            return today.plus_days(-back);
        }
        int month = t.cap ? month_index(t.lower) : 0;
        if (month && t.lower != "may"sv && i + 1 <= last && is_word(i + 1)) {
            const std::string& d = tokens_[i + 1].lower;
            if (d.size() <= 2 && std::all_of(d.begin(), d.end(), [](char c) { return c >= '0' && c <= '9'; })) {
                int day = std::stoi(d);
                int year = today.year;
                if (month > today.month + 1) --year;  // "on December 30" in a January article
                if (auto date = CivilDate::make(year, month, day)) return date;
            }
        }
    }
    return std::nullopt;
}

const Place* Extractor::place_near(std::size_t first, std::size_t last, std::size_t skip_first,
                                   std::size_t skip_last) const {
    for (std::size_t i = first; i + 1 <= last && i + 1 < tokens_.size(); ++i) {
        if (skip_first != NONE && i >= skip_first && i <= skip_last) continue;
        const Token& t = tokens_[i];
        if (t.quote != NONE || (t.lower != "in"sv && t.lower != "at"sv && t.lower != "from"sv)) continue;
        // The place: one to three capitalised words.
        std::size_t k = i + 1;
        if (k <= last && tokens_[k].lower == "the"sv) ++k;
        std::string phrase;
        const Place* found = nullptr;
        for (std::size_t n = 0; n < 3 && k + n <= last; ++n) {
            const Token& w = tokens_[k + n];
            if (w.kind != TokenKind::WORD || !w.cap) break;
            phrase += (n ? " " : "") + token_text(body_, w);
            if (const Place* p = lex_.best_place(phrase)) found = p;
        }
        // "at the University of Helsinki" names an institution, not a place.
        std::size_t after = k + 1;
        while (after <= last && after < tokens_.size() && tokens_[after].kind == TokenKind::WORD && tokens_[after].cap) ++after;
        if (found && after < tokens_.size() && tokens_[after].lower == "of"sv) found = nullptr;
        if (found && (found->kind == "city" || found->kind == "region" || found->kind == "country")) return found;
    }
    return nullptr;
}

const Place* Extractor::dateline_place() const {
    // "KYIV, Ukraine (AP) —", "MOSCOW, March 3 -", "HELSINKI, Finland (Saywho Wire) — ".
    std::vector<std::size_t> caps;
    std::size_t i = 0;
    for (; i < tokens_.size() && i < 4; ++i) {
        const Token& t = tokens_[i];
        if (t.paragraph != 0 || t.kind != TokenKind::WORD || !t.all_caps) break;
        caps.push_back(i);
    }
    if (caps.empty() || i >= tokens_.size()) return nullptr;
    bool comma = is_punct(i, ",");
    bool dash = is_punct(i, "-") || is_punct(i, "\u2014") || is_punct(i, "\u2013") || is_punct(i, "(");
    if (!comma && !dash) return nullptr;
    // The dateline must end in a dash within a few tokens.
    bool ends = false;
    for (std::size_t k = i; k < tokens_.size() && k < i + 12; ++k)
        if (is_punct(k, "-") || is_punct(k, "\u2014") || is_punct(k, "\u2013")) ends = true;
    if (!ends) return nullptr;
    for (std::size_t k = i; k < tokens_.size() && k < i + 12; ++k)
        if (is_punct(k, "-") || is_punct(k, "\u2014") || is_punct(k, "\u2013")) {
            dateline_end_ = k + 1;
            break;
        }
    std::string phrase = text_of(caps.front(), caps.back());
    const Place* place = lex_.best_place(phrase);
    if (!place) return nullptr;
    // "PARIS, Texas": a following region or country overrides the guess.
    if (comma && i + 1 < tokens_.size() && tokens_[i + 1].cap) {
        for (const Place* candidate : lex_.find_places(phrase)) {
            const Place* country = lex_.best_place(token_text(body_, tokens_[i + 1]));
            if (country && country->kind == "country" && candidate->country_code == country->country_code)
                return candidate;
        }
    }
    return place;
}

// --- Putting it together -------------------------------------------------------------

std::vector<Statement> Extractor::run() {
    std::vector<Statement> out;
    tokens_ = tokenize(body_);
    if (tokens_.empty()) return out;
    quotes_ = find_quotations(body_, tokens_);
    sentences_ = split_sentences(tokens_);
    dateline_ = dateline_place();  // before the mentions: a dateline is not a sentence's subject
    register_mentions();
    const Place* dateline = dateline_;

    struct Pending {
        Statement st;
        std::size_t entity;
        bool explicit_place;
        std::size_t sentence;
        bool continuation = false;
    };
    std::vector<Pending> pending;

    std::size_t transcript_paragraph = NONE;  // paragraph taken whole by a "NAME: ..." line
    // "President Clinton released the following statement:" closing a
    // sentence: its speaker and verb wait for a quotation that follows.
    std::optional<Attribution> colon_waiting;
    std::size_t colon_sentence = NONE;
    for (std::size_t si = 0; si < sentences_.size(); ++si) {
        const Sentence& s = sentences_[si];
        const std::size_t this_paragraph = tokens_[s.first].paragraph;
        if (this_paragraph == transcript_paragraph) continue;
        if (s.first == 0 || tokens_[s.first - 1].paragraph != this_paragraph) {
            // "JAKE TAPPER: Donald Trump released a video ...", "Q: ...": a
            // transcript line; its paragraph is one statement by that name.
            std::size_t colon = s.first;
            while (colon <= s.last && colon - s.first < 5 && is_word(colon) && tokens_[colon].cap) ++colon;
            std::size_t para_last = s.last;
            for (std::size_t k = s.last; k < tokens_.size() && tokens_[k].paragraph == this_paragraph; ++k) para_last = k;
            std::size_t words_after = 0;
            for (std::size_t k = colon + 1; k <= para_last && k < tokens_.size(); ++k)
                if (tokens_[k].kind == TokenKind::WORD) ++words_after;
            bool shape = colon > s.first && colon <= s.last && is_punct(colon, ":") && words_after >= 3;
            if (shape) {
                std::vector<std::string> words;
                for (std::size_t k = s.first; k < colon; ++k) words.push_back(token_text(body_, tokens_[k]));
                const std::string first = tokens_[s.first].lower;
                bool q_or_a = words.size() == 1 && (first == "q"sv || first == "a"sv);
                bool all_caps = true;
                for (std::size_t k = s.first; k < colon; ++k) all_caps = all_caps && tokens_[k].all_caps;
                auto given = lex_.given_name(words.front());
                bool known = words.size() == 1 && entity_for_name(words, "", false) != NONE;
                bool header = in_list(first, {"update", "note", "editor", "related", "photo", "source", "read",
                                              "watch", "correction", "disclosure", "video", "warning", "caption"}) ||
                              is_weekday(first) || month_index(first) || is_function_word(first);
                if (!header && (q_or_a || (all_caps && words.size() >= 2) || known ||
                                (words.size() >= 2 && given && !given->weak))) {
                    std::size_t cf = colon + 1;
                    while (cf < para_last && tokens_[cf].kind != TokenKind::WORD) ++cf;
                    std::size_t cl = para_last;
                    while (cl > cf && tokens_[cl].kind != TokenKind::WORD) --cl;
                    Statement st;
                    std::size_t end_byte = tokens_[cl].end;
                    if (cl + 1 <= para_last && tokens_[cl + 1].kind == TokenKind::PUNCT) end_byte = tokens_[cl + 1].end;
                    st.text = body_.substr(tokens_[cf].start, end_byte - tokens_[cf].start);
                    st.start = article_.body_offset + tokens_[cf].start;
                    st.end = article_.body_offset + end_byte;
                    st.direct = true;  // a transcript gives the words as spoken
                    st.quote = "direct";
                    st.cue = ":";
                    std::size_t entity = q_or_a ? NONE : entity_for_name(words, "", true);
                    if (entity != NONE) {
                        st.speaker = entities_[entity].name;
                        st.role = entities_[entity].role;
                        st.speaker_kind = entities_[entity].person ? "person" : "organization";
                    } else {
                        st.speaker_kind = "group";
                    }
                    st.date = article_.date;
                    st.date_basis = "article";
                    pending.push_back({st, entity, false, si, false});
                    transcript_paragraph = this_paragraph;
                    continue;
                }
            }
        }
        std::vector<Attribution> attributions;
        find_attributions(s, attributions);
        choose_content(s, attributions);
        find_quote_attributions(s, attributions);
        find_dash_attributions(s, attributions);
        bool quote_only = tokens_[s.first].kind == TokenKind::QUOTE && tokens_[s.first].opening;
        for (std::size_t k = s.first; k <= s.last && quote_only; ++k)
            if (tokens_[k].kind == TokenKind::WORD && tokens_[k].quote == NONE) quote_only = false;
        if (attributions.empty() && colon_waiting && colon_sentence + 1 == si && quote_only && s.last > s.first) {
            Attribution a = *colon_waiting;
            a.content_first = s.first;
            a.content_last = s.last;
            a.window_last = NONE;
            a.preset = true;
            attributions.push_back(a);
        }
        colon_waiting.reset();
        if (is_punct(s.last, ":") && s.last > s.first) {
            bool claimed = false;
            for (const auto& a : attributions)
                if (a.content_first != NONE) claimed = true;
            for (std::size_t v = s.last; !claimed && v-- > s.first && s.last - v <= 8;) {
                if (!is_word(v) || tokens_[v].quote != NONE || !looks_like_verb(tokens_[v].lower)) continue;
                auto found = speaker_before(v, s.first);
                if (!found && v == s.first && s.last > 1) found = speaker_after(v, s.last - 1);  // "Stated Stone:"
                if (auto who = found) {
                    Attribution a;
                    a.speaker = *who;
                    a.cue_first = a.cue_last = v;
                    a.cue_text = tokens_[v].lower;
                    a.attr_first = who->first == NONE ? v : std::min(who->first, v);
                    a.attr_last = s.last;
                    colon_waiting = a;
                    colon_sentence = si;
                }
                break;
            }
        }
        for (std::size_t n = 0; n < attributions.size(); ++n) {
            if (attributions[n].second_first == NONE) continue;
            Attribution second = attributions[n];
            second.content_first = second.second_first;
            second.content_last = second.second_last;
            second.second_first = second.second_last = NONE;
            attributions[n].second_first = attributions[n].second_last = NONE;
            attributions.insert(attributions.begin() + static_cast<std::ptrdiff_t>(n) + 1, second);
        }
        if (attributions.empty() && !pending.empty()) {
            // A sentence that is nothing but a quotation continues the last
            // quoted speaker: "\"We will not wait,\" she said. \"The grid
            // needs work now.\"" — in the same paragraph, or in the next one
            // when the quoted speaker closed the previous paragraph.
            const Pending& last = pending.back();
            std::size_t words = 0, quoted = 0;
            for (std::size_t k = s.first; k <= s.last; ++k)
                if (tokens_[k].kind == TokenKind::WORD) {
                    ++words;
                    if (tokens_[k].quote != NONE) ++quoted;
                }
            const std::size_t paragraph = tokens_[s.first].paragraph;
            const std::size_t last_paragraph = tokens_[sentences_[last.sentence].last].paragraph;
            bool follows = last.st.quote != "none" &&
                           (paragraph == last_paragraph ||
                            (paragraph == last_paragraph + 1 && last.sentence + 1 == si &&
                             tokens_[s.first].kind == TokenKind::QUOTE));
            if (follows && words >= 3 && quoted == words) {
                std::size_t cf = s.first, cl = s.last;
                while (cf < cl && tokens_[cf].kind != TokenKind::WORD) ++cf;
                while (cl > cf && tokens_[cl].kind != TokenKind::WORD) --cl;
                Pending next = last;
                std::size_t end_byte = tokens_[cl].end;
                if (cl + 1 <= s.last && tokens_[cl + 1].kind == TokenKind::PUNCT && tokens_[cl + 1].start == tokens_[cl].end &&
                    (tokens_[cl + 1].lower == "."sv || tokens_[cl + 1].lower == "?"sv || tokens_[cl + 1].lower == "!"sv))
                    end_byte = tokens_[cl + 1].end;
                next.st.text = body_.substr(tokens_[cf].start, end_byte - tokens_[cf].start);
                next.st.start = article_.body_offset + tokens_[cf].start;
                next.st.end = article_.body_offset + end_byte;
                next.st.direct = true;
                next.st.quote = "direct";
                next.sentence = si;
                next.continuation = true;
                next.explicit_place = next.st.location_basis == "explicit" && paragraph == last_paragraph;
                if (next.st.location_basis == "explicit" && paragraph != last_paragraph) {
                    // Its place is decided with the others below (inferred or dateline).
                    next.st.location_basis.clear();
                    next.st.location.clear();
                    next.st.country.clear();
                    next.st.location_id = 0;
                }
                pending.push_back(next);
            }
            continue;
        }
        for (Attribution& a : attributions) {
            if (a.content_first == NONE || a.content_last == NONE || a.content_last < a.content_first) continue;
            // Trim punctuation and quote marks at the content's edges.
            std::size_t cf = a.content_first, cl = a.content_last;
            while (cf < cl && (tokens_[cf].kind != TokenKind::WORD)) ++cf;
            while (cl > cf && (tokens_[cl].kind != TokenKind::WORD)) --cl;
            if (tokens_[cf].kind != TokenKind::WORD) continue;
            std::size_t words = 0, quoted = 0;
            for (std::size_t k = cf; k <= cl; ++k)
                if (tokens_[k].kind == TokenKind::WORD) {
                    ++words;
                    if (tokens_[k].quote != NONE) ++quoted;
                }
            // Reported speech needs a clause; a quotation may be one word
            // ("Savage," she said), and a naming verb two ("called it \"predatory\"").
            if (words < 3 && quoted != words && !(words == 2 && quoted == 1)) continue;

            Statement st;
            st.direct = quoted == words && tokens_[cf].quote == tokens_[cl].quote;
            st.quote = st.direct ? "direct" : quoted > 0 ? "mixed" : "none";
            std::size_t end_byte = tokens_[cl].end;
            // Keep a final full stop or question mark that belongs to the words.
            if (cl + 1 < tokens_.size() && tokens_[cl + 1].kind == TokenKind::PUNCT &&
                (tokens_[cl + 1].lower == "."sv || tokens_[cl + 1].lower == "?"sv || tokens_[cl + 1].lower == "!"sv) &&
                tokens_[cl + 1].start == tokens_[cl].end && cl + 1 <= a.content_last)
                end_byte = tokens_[cl + 1].end;
            st.text = body_.substr(tokens_[cf].start, end_byte - tokens_[cf].start);
            st.start = article_.body_offset + tokens_[cf].start;
            st.end = article_.body_offset + end_byte;
            st.cue = a.cue_text;

            // Speaker.
            std::size_t entity = NONE;
            if (a.speaker.kind == SpeakerKind::PRONOUN && a.speaker.pronoun.empty()) {
                // ", saying ...": the subject of the clause (the first person
                // named in the sentence), or the last speaker.
                for (std::size_t m = 0; m < mentions_.size() && entity == NONE; ++m)
                    if (tokens_[mentions_[m].token].sentence == si && mentions_[m].token < a.cue_first)
                        entity = mentions_[m].entity;
                if (entity == NONE) entity = last_speaker_;
            } else {
                entity = resolve(a.speaker, a.cue_first);
            }
            if (entity != NONE && a.speaker.kind != SpeakerKind::ORGANIZATION && a.speaker.first != NONE &&
                entities_[entity].person) {
                // The pronoun now names this person: later pronouns may chain to
                // it, and "he"/"she" tells a gender the name did not.
                if (entities_[entity].gender == Gender::UNKNOWN && a.speaker.kind == SpeakerKind::PRONOUN) {
                    if (a.speaker.pronoun == "he") entities_[entity].gender = Gender::MALE;
                    if (a.speaker.pronoun == "she") entities_[entity].gender = Gender::FEMALE;
                }
                Mention m{entity, a.speaker.first, true};
                auto at = std::upper_bound(mentions_.begin(), mentions_.end(), m,
                                           [](const Mention& x, const Mention& y) { return x.token < y.token; });
                mentions_.insert(at, m);
            }
            if (entity != NONE) {
                const Entity& en = entities_[entity];
                st.speaker = en.name;
                st.role = en.role;
                st.speaker_kind = en.person ? "person" : "organization";
                last_speaker_ = entity;
                last_speaker_token_ = a.cue_first;
                used_as_speaker_.insert(entity);
            } else {
                if (a.speaker.kind == SpeakerKind::PRONOUN) st.speaker = a.speaker.pronoun;
                else if (a.speaker.kind == SpeakerKind::NOMINAL) st.speaker = a.speaker.nominal;
                st.role = a.speaker.role;
                st.speaker_kind = "group";
                // "Officials said ... They added": a plural pronoun continues the
                // group that spoke last, if it spoke in the last few sentences.
                if (a.speaker.kind == SpeakerKind::PRONOUN && a.speaker.pronoun == "they" &&
                    !last_group_speaker_.empty() && si <= last_group_sentence_ + 3)
                    st.speaker = last_group_speaker_;
                else if (a.speaker.kind == SpeakerKind::NOMINAL && !st.speaker.empty()) {
                    last_group_speaker_ = st.speaker;
                    last_group_sentence_ = si;
                }
            }

            // Day: from the attribution's own words, never from the content.
            std::size_t lo = s.first, hi = s.last;
            auto day = day_near(lo, hi, cf, cl);
            st.date = day ? *day : article_.date;
            st.date_basis = day ? "text" : "article";

            // Where: only words that belong to the speech event, from the cue
            // to the next attribution, outside the content.
            const Place* place = place_near(a.cue_first, a.window_last == NONE ? hi : a.window_last, cf, cl);
            if (place) {
                st.location = place->name;
                st.country = place->country_code;
                st.location_id = place->geonameid;
                st.location_basis = "explicit";
            }
            // A quotation already given to its speaker by continuation gets
            // the explicit attribution instead.
            while (!pending.empty() && pending.back().continuation && pending.back().st.start >= st.start &&
                   pending.back().st.end <= st.end)
                pending.pop_back();
            pending.push_back({st, entity, place != nullptr, si, false});
        }
    }

    // Inferred places: the same speaker's explicit place on the same day.
    for (auto& p : pending) {
        if (p.explicit_place) continue;
        for (const auto& other : pending) {
            if (p.entity == NONE) break;
            if (other.explicit_place && other.entity == p.entity && other.st.date == p.st.date) {
                p.st.location = other.st.location;
                p.st.country = other.st.country;
                p.st.location_id = other.st.location_id;
                p.st.location_basis = "inferred";
                break;
            }
        }
        if (p.st.location_basis.empty() && dateline && p.st.date == article_.date) {
            p.st.location = dateline->name;
            p.st.country = dateline->country_code;
            p.st.location_id = dateline->geonameid;
            p.st.location_basis = "dateline";
        }
    }
    for (auto& p : pending) out.push_back(std::move(p.st));
    return out;
}

void Extractor::collect_mentions(ArticleFacts& facts) const {
    std::unordered_set<std::string> seen;
    for (const Entity& e : entities_)
        if (e.person && seen.insert(e.name).second) facts.people.push_back(e.name);
    std::unordered_set<std::uint32_t> seen_places;
    auto add = [&](const Place* p) {
        if (p && seen_places.insert(p->geonameid).second)
            facts.places.push_back({p->name, p->country_code, p->geonameid});
    };
    add(dateline_);
    for (const Sentence& s : sentences_)
        for (std::size_t i = s.first; i <= s.last; ++i)
            if (in_list(tokens_[i].lower, {"in", "at", "from"})) add(place_near(i, std::min(i + 4, s.last), NONE, NONE));
}

}  // namespace

ArticleFacts analyze_article(const Article& article) {
    Extractor extractor(article);
    ArticleFacts facts;
    facts.statements = extractor.run();
    extractor.collect_mentions(facts);
    return facts;
}

std::vector<Statement> extract_statements(const Article& article) {
    Extractor extractor(article);
    return extractor.run();
}

}  // namespace saywho
