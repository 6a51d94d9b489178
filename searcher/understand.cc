/** @file understand.cc
 *  @brief Query understanding: natural phrases read into filters checked
 *         against the database, plus the free text left for the query parser.
 */
#include "searcher/understand.h"

#include <algorithm>
#include <set>

#include "common/calendar_words.h"
#include "common/lexicon.h"
#include "common/schema.h"
#include "common/text.h"
#include "searcher/query_pieces.h"
#include "searcher/stopwords.h"

namespace saywho {

namespace {

using understanding::DaySpan;
using understanding::Piece;
using understanding::read_date;
using understanding::read_relative;
using understanding::split_query;

/// Words that never start or end a name or a place.
bool is_glue(const std::string& w) {
    static const std::set<std::string> WORDS = {
        "the",     "a",        "an",      "and",     "or",    "of",         "in",        "at",     "on",
        "by",      "from",     "to",      "about",   "for",   "with",       "said",      "say",    "says",
        "did",     "does",     "do",      "what",    "who",   "statements", "statement", "quotes", "quote",
        "remarks", "articles", "article", "stories", "story", "since",      "before",    "after",  "between",
        "last",    "this",     "week",    "month",   "year",  "today",      "yesterday", "is",     "was",
        "were",    "are",      "that",    "it",      "he",    "she",        "they"};
    return WORDS.count(w) > 0;
}

/// Nouns for what someone said: "quotes of X", "X's remarks", "X statements".
bool is_statement_noun(const std::string& w) {
    return w == "statements" || w == "quotes" || w == "remarks" || w == "words";
}

/// Words that link a speaker to a topic: "X said about", "did X say on".
bool is_topic_link(const std::string& w) { return w == "about" || w == "on" || w == "regarding"; }

/// Words after which a name is what is talked about, not who talks ("about
/// Baker", "with Baker", "the Baker plan", "his Baker").
bool makes_a_topic(const std::string& w) {
    static const std::set<std::string> WORDS = {
        "about", "on",   "of",     "regarding", "concerning", "against", "with",    "for",   "to",
        "over",  "into", "toward", "towards",   "than",       "like",    "versus",  "vs",    "at",
        "in",    "from", "by",     "without",   "after",      "before",  "between", "among", "around",
        "the",   "a",    "an",     "this",      "that",       "his",     "her",     "their", "its"};
    return WORDS.count(w) > 0;
}

/// Reads one query into an Interpretation, one kind of phrase after
/// another (QueryUnderstanding::understand): each step takes the words it
/// understands, so a later one never reads them again.
class Reading {
  public:
    Reading(const QueryUnderstanding& understanding, const Xapian::Database& db, CivilDate today,
            const std::string& query, bool type_given);

    void dates();
    void speakers();
    void places();
    void bare_speaker();
    void types();
    /// The interpretation, with what is left as its text.
    Interpretation finish();

  private:
    bool usable(std::size_t k) const { return k < p_.size() && !p_[k].locked && !p_[k].used; }
    /// Whether pieces [first, end] are usable words, none of them glue.
    bool plain_run(std::size_t first, std::size_t end) const;
    std::string span_text(std::size_t first, std::size_t last) const {
        return query_.substr(p_[first].start, p_[last].word_end - p_[first].start);
    }
    void add_filter(Filter f, std::size_t first, std::size_t last);
    /// The longest run of 1-3 usable words at [first, ...] naming a speaker.
    std::optional<QueryUnderstanding::SpeakerMatch> speaker_at(std::size_t first, std::size_t& last) const;
    /// A role at [first, ...]: "the" and the longest run of 1-3 usable
    /// words after it that is a title statements give their speakers
    /// (an XROLE: key): "the defence minister".
    std::optional<Filter> role_at(std::size_t first, std::size_t& last) const;
    /// The longest run of 1-3 usable words at [first, ...] naming a place.
    const Place* place_at(std::size_t first, std::size_t& last) const;
    /// Whether pieces [first, last] are typed as a name: each word but
    /// "the" capitalised, or two words or more.
    bool looks_like_a_name(std::size_t first, std::size_t last) const;

    // The forms of speakers(), each at pieces[i]: true when it read a
    // speaker (or, for a question, a statement type), setting @p last to
    // the last piece it took when the reading goes on after it.
    bool speaker_after_cue(std::size_t i, std::size_t& last);
    bool speaker_of_question(std::size_t i, std::size_t& last);
    bool speaker_before_said(std::size_t i);
    bool speaker_before_noun(std::size_t i);
    bool speaker_on_topic(std::size_t i, std::size_t& last);
    /// The last piece of a lower-case name of two or three words at
    /// @p first that is a speaker key as it is; @p first when none.
    std::size_t lower_case_name_at(std::size_t first) const;
    /// The speaker [first, last] names when bare_speaker() may read it so:
    /// a person with statements, and for one word, a word the articles use
    /// as the name at least half as often as at all.
    std::optional<QueryUnderstanding::SpeakerMatch> person_named(std::size_t first, std::size_t last) const;

    const QueryUnderstanding& understanding_;
    const Xapian::Database& db_;
    CivilDate today_;
    const std::string& query_;
    std::vector<Piece> p_;
    Interpretation out_;
};

/// The filter of a speaker understood, with a note when the name is ambiguous
/// or the person never spoke.
Filter understood_speaker(const QueryUnderstanding::SpeakerMatch& m) {
    Filter f = speaker_filter(m.keys, m.names, m.spoke);
    // "Clinton": Bill and Hillary both spoke; a surname alone next to its
    // own full name ("Zelenskyy", "Volodymyr Zelenskyy") is one person.
    std::vector<std::string> full;
    for (const auto& n : m.names)
        if (n.find(' ') != std::string::npos) full.push_back(n);
    if (full.size() > 1) {
        f.note = "ambiguous: " + std::to_string(full.size()) + " speakers match; all are kept";
    }
    if (!m.spoke) f.note = "mentioned in articles, but no statement by them is indexed";
    return f;
}

Filter span_filter(const DaySpan& span) { return date_filter(span.first, span.last); }

Reading::Reading(const QueryUnderstanding& understanding, const Xapian::Database& db, CivilDate today,
                 const std::string& query, bool type_given)
    : understanding_(understanding), db_(db), today_(today), query_(query), p_(split_query(query)) {
    out_.query = query;
    out_.explicit_type = type_given;
    for (const auto& piece : p_)
        if (piece.locked && ascii_lower(piece.raw).rfind("type:", 0) == 0) out_.explicit_type = true;
}

bool Reading::plain_run(std::size_t first, std::size_t end) const {
    for (std::size_t k = first; k <= end; ++k)
        if (!usable(k) || is_glue(p_[k].word)) return false;
    return true;
}

void Reading::add_filter(Filter f, std::size_t first, std::size_t last) {
    f.source = span_text(first, last);
    f.start = p_[first].start;
    f.end = p_[last].word_end;
    for (std::size_t k = first; k <= last; ++k) p_[k].used = true;
    out_.filters.push_back(std::move(f));
}

std::optional<QueryUnderstanding::SpeakerMatch> Reading::speaker_at(std::size_t first, std::size_t& last) const {
    // "the Kremlin", "the Fed": "the" opens the span but is no part of the name.
    const std::size_t name_start = usable(first) && p_[first].word == "the" ? first + 1 : first;
    for (std::size_t n = 3; n >= 1; --n) {
        std::size_t end = name_start + n - 1;
        if (!plain_run(name_start, end)) continue;
        std::string name = span_text(name_start, end);
        if (name.size() > 2 && (name.compare(name.size() - 2, 2, "'s") == 0)) name.resize(name.size() - 2);
        if (auto m = understanding_.match_speaker(name)) {
            last = end;
            return m;
        }
    }
    return std::nullopt;
}

std::optional<Filter> Reading::role_at(std::size_t first, std::size_t& last) const {
    if (!usable(first) || p_[first].word != "the") return std::nullopt;
    for (std::size_t n = 3; n >= 1; --n) {
        const std::size_t end = first + n;
        if (!plain_run(first + 1, end)) continue;
        const std::string role = span_text(first + 1, end);
        if (!db_.term_exists(schema::folded_term(schema::PREFIX_ROLE, role))) continue;
        last = end;
        return field_filter(*schema::find_query_field("role"), role);
    }
    return std::nullopt;
}

bool Reading::looks_like_a_name(std::size_t first, std::size_t last) const {
    std::size_t words = 0;
    bool capitalised = true;
    for (std::size_t k = first; k <= last; ++k) {
        if (p_[k].word == "the") continue;
        ++words;
        capitalised = capitalised && p_[k].cap;
    }
    return capitalised || words >= 2;
}

const Place* Reading::place_at(std::size_t first, std::size_t& last) const {
    for (std::size_t n = 3; n >= 1; --n) {
        std::size_t end = first + n - 1;
        if (!plain_run(first, end) || month_number(p_[first].word)) continue;
        const std::string name = span_text(first, end);
        const Place* place = Lexicon::instance().best_place(name);
        if (!place) continue;
        // A capitalised name, or one the database has statements or articles in.
        bool known = db_.term_exists(schema::folded_term(schema::PREFIX_LOCATION, place->name)) ||
                     db_.term_exists(schema::folded_term(schema::PREFIX_PLACE, place->name));
        if (!p_[first].cap && !known) continue;
        last = end;
        return place;
    }
    return nullptr;
}

void Reading::dates() {
    // 1. Dates: "on ...", "in ...", "since ...", "before ...", "after ...",
    //    "between ... and ...", "from ... to ...", relative days, bare ISO dates.
    for (std::size_t i = 0; i < p_.size(); ++i) {
        if (!usable(i)) continue;
        const std::string& w = p_[i].word;
        std::size_t next = 0;
        if (auto rel = read_relative(p_, i, today_, next)) {
            add_filter(span_filter(*rel), i, next - 1);
            i = next - 1;
            continue;
        }
        if (w == "between" || w == "from") {
            std::size_t mid = 0, end = 0;
            auto a = read_date(p_, i + 1, today_, mid);
            if (a && usable(mid) && (p_[mid].word == "and" || p_[mid].word == "to" || p_[mid].word == "until")) {
                if (auto b = read_date(p_, mid + 1, today_, end)) {
                    add_filter(span_filter(DaySpan{a->first, b->last}), i, end - 1);
                    i = end - 1;
                    continue;
                }
            }
            continue;
        }
        if (w == "on" || w == "in" || w == "during" || w == "since" || w == "before" || w == "after" || w == "until") {
            if (auto d = read_date(p_, i + 1, today_, next)) {
                DaySpan span = *d;
                if (w == "since") span.last.reset();
                if (w == "after") span = DaySpan{d->last->plus_days(1), std::nullopt};
                if (w == "before") span = DaySpan{std::nullopt, d->first->plus_days(-1)};
                if (w == "until") span = DaySpan{std::nullopt, d->last};
                add_filter(span_filter(span), i, next - 1);
                i = next - 1;
            }
            continue;
        }
        if (w.size() == 10 && w[4] == '-' && w[7] == '-') {  // a bare 2025-03-19
            if (auto d = read_date(p_, i, today_, next)) {
                add_filter(span_filter(*d), i, next - 1);
                i = next - 1;
            }
        }
    }
}

void Reading::speakers() {
    // 2. Speakers named with a cue: "by X", "from X", "quotes of X", "X
    //    said", "did X say", "X's statements", "X statements", "X on
    //    <topic>" (at the start). The name may open with "the" ("the
    //    Kremlin"): organisations are named so.
    for (std::size_t i = 0; i < p_.size(); ++i) {
        if (!usable(i)) continue;
        std::size_t last = i;
        if (speaker_after_cue(i, last) || speaker_of_question(i, last) || speaker_before_said(i) ||
            speaker_before_noun(i) || speaker_on_topic(i, last))
            i = last;
    }
}

bool Reading::speaker_after_cue(std::size_t i, std::size_t& last) {
    const std::string& w = p_[i].word;
    const bool of_noun = w == "of" && i > 0 && is_statement_noun(p_[i - 1].word);
    if (w != "by" && w != "from" && !of_noun) return false;
    // "by the defence minister": a title, not a person named "minister".
    if (auto role = role_at(i + 1, last)) {
        add_filter(std::move(*role), i, last);
        return true;
    }
    auto m = speaker_at(i + 1, last);
    if (!m) return false;
    add_filter(understood_speaker(*m), i, last);
    return true;
}

bool Reading::speaker_of_question(std::size_t i, std::size_t& last) {
    // "what did Trump say (anything) about tariffs", "what has Kettunen said on drought".
    const std::string& w = p_[i].word;
    const char* verb = w == "did" || w == "does" || w == "do" ? "say" : w == "has" || w == "have" ? "said" : nullptr;
    if (!verb) return false;
    std::size_t say = i + 2;
    while (say < p_.size() && say <= i + 5 && p_[say].word != verb) ++say;
    if (!usable(say) || p_[say].word != verb) return false;
    // The question around the name: "what" before it, "anything about" after.
    const std::size_t first =
        i > 0 && usable(i - 1) && (p_[i - 1].word == "what" || p_[i - 1].word == "how") ? i - 1 : i;
    std::size_t end = say;
    if (usable(end + 1) && (p_[end + 1].word == "anything" || p_[end + 1].word == "something")) ++end;
    if (usable(end + 1) && is_topic_link(p_[end + 1].word)) ++end;
    std::size_t name_end = 0;
    if (auto role = role_at(i + 1, name_end); role && name_end + 1 == say) {
        add_filter(std::move(*role), first, end);
    } else if (auto m = speaker_at(i + 1, name_end); m && name_end + 1 == say) {
        add_filter(understood_speaker(*m), first, end);
    } else {
        // Nobody the database knows by that name: still a question about
        // statements, and the name stays words to search.
        add_filter(type_filter(schema::TYPE_STATEMENT), say, end);
    }
    last = end;
    return true;
}

bool Reading::speaker_before_said(std::size_t i) {
    // "Zelenskyy said drones", "the Kremlin says".
    const std::string& w = p_[i].word;
    if ((w != "said" && w != "says" && w != "say") || i == 0) return false;
    const bool link = usable(i + 1) && (is_topic_link(p_[i + 1].word) || p_[i + 1].word == "that");
    for (std::size_t n = std::min<std::size_t>(4, i); n >= 1; --n) {
        std::size_t first = i - n, last = 0;
        // "the defence minister said": a title before a name ending in it.
        if (auto role = role_at(first, last); role && last + 1 == i) {
            add_filter(std::move(*role), first, link ? i + 1 : i);
            return true;
        }
        auto m = speaker_at(first, last);
        if (!m || last + 1 != i) continue;
        add_filter(understood_speaker(*m), first, link ? i + 1 : i);
        return true;
    }
    return false;
}

bool Reading::speaker_before_noun(std::size_t i) {
    // "Kettunen's statements", "ZELENSKIY statements", "Kremlin remarks".
    if (i == 0 || !is_statement_noun(p_[i].word)) return false;
    const bool possessive = ends_with(p_[i - 1].word, "'s");
    for (std::size_t n = std::min<std::size_t>(4, i); n >= 1; --n) {
        std::size_t first = i - n, last = 0;
        auto m = speaker_at(first, last);
        if (!m || last + 1 != i) continue;
        // Without "'s" a lower-case word before the noun is more often the
        // kind of statement than who made it ("bank statements").
        if (!possessive && !looks_like_a_name(first, i - 1)) return false;
        add_filter(understood_speaker(*m), first, i - 1);
        return true;
    }
    return false;
}

bool Reading::speaker_on_topic(std::size_t i, std::size_t& last) {
    // "Zelenskyy on drones", "the Kremlin on the plant": only at the start,
    // and only when "on" follows a name-sized start, so ordinary queries do
    // not pay for speaker lookups.
    if (i != 0 || p_.size() < 3) return false;
    std::size_t on = 1;
    while (on < p_.size() && on <= 4 && p_[on].word != "on") ++on;
    if (!usable(on) || p_[on].word != "on") return false;
    std::size_t name_end = 0;
    auto m = speaker_at(0, name_end);
    if (!m || name_end + 1 != on) return false;
    add_filter(understood_speaker(*m), 0, on);
    last = on;
    return true;
}

void Reading::bare_speaker() {
    // 4. A name with no cue ("Baker dollar", "Zelenskiy in Helsinki") is
    //    the speaker when it is plainly the subject (understand.h gives the
    //    rule): a person's name, not what the query is about.
    if (out_.find(Filter::Kind::SPEAKER)) return;
    for (const auto& piece : p_)
        if (piece.locked && ascii_lower(piece.raw).find("speaker:") != std::string::npos) return;
    std::optional<std::pair<std::size_t, std::size_t>> span;
    std::optional<QueryUnderstanding::SpeakerMatch> found;
    std::size_t names = 0;
    for (std::size_t i = 0; i < p_.size() && names < 2; ++i) {
        if (!usable(i) || is_glue(p_[i].word)) continue;
        std::size_t end = i;
        if (p_[i].cap) {
            // Capitalised words in a row are one name: "Baker Hughes" is not Baker.
            while (end + 1 < p_.size() && usable(end + 1) && p_[end + 1].cap && !is_glue(p_[end + 1].word)) ++end;
        } else {
            // In lower case, only a whole name of two or three words the
            // database has as it is ("james baker").
            end = lower_case_name_at(i);
            if (end == i) continue;
        }
        const std::size_t first = i;
        i = end;
        if (end - first >= 3 || ends_with(p_[end].word, "'s")) continue;
        if (first > 0 && makes_a_topic(p_[first - 1].word)) continue;
        if (auto m = person_named(first, end)) {
            ++names;
            span = std::make_pair(first, end);
            found = std::move(m);
        }
    }
    // Two names: which of them speaks is anybody's guess, so neither does.
    // A name alone ("Bush") asks for anything about them, not only their words.
    if (names == 1 && span->second - span->first + 1 < p_.size())
        add_filter(understood_speaker(*found), span->first, span->second);
}

std::size_t Reading::lower_case_name_at(std::size_t first) const {
    for (std::size_t n = 3; n >= 2; --n) {
        const std::size_t end = first + n - 1;
        if (!plain_run(first, end)) continue;
        const std::string key = fold_key(span_text(first, end));
        if (db_.term_exists(schema::bounded_term(schema::PREFIX_SPEAKER, key))) return end;
    }
    return first;
}

std::optional<QueryUnderstanding::SpeakerMatch> Reading::person_named(std::size_t first, std::size_t last) const {
    auto m = understanding_.match_speaker(span_text(first, last));
    // Organisation names are topics too often ("Treasury bonds", "OPEC
    // output") to be read as the speaker without a cue.
    if (!m || !m->spoke || m->kind != "person") return std::nullopt;
    if (first == last) {
        // One word that articles use as an ordinary word more often than
        // as this name ("Rice exports", "Gold prices") is the topic.
        Xapian::doccount as_name = 0;
        for (const auto& key : m->keys)
            as_name = std::max(as_name, db_.get_termfreq(schema::bounded_term(schema::PREFIX_PERSON, key)));
        if (2 * as_name < db_.get_termfreq(p_[first].word)) return std::nullopt;
    }
    return m;
}

void Reading::places() {
    // 3. Places: "in Y", "at Y", "from Y" for a known place.
    for (std::size_t i = 0; i + 1 < p_.size(); ++i) {
        if (!usable(i)) continue;
        const std::string& w = p_[i].word;
        if (w != "in" && w != "at" && w != "from") continue;
        std::size_t last = 0;
        if (const Place* place = place_at(i + 1, last)) {
            add_filter(place_filter(*place), i, last);
            i = last;
        }
    }
}

void Reading::types() {
    // 4. Types: "statements", "quotes", "said" → statements; "articles", "stories" → articles.
    // A question already said statements ("what did Nobody say"): no second type.
    std::optional<std::string> type;
    if (const Filter* f = out_.find(Filter::Kind::TYPE)) type = f->values.front();
    for (std::size_t i = 0; i < p_.size(); ++i) {
        if (!usable(i)) continue;
        const std::string& w = p_[i].word;
        const char* t = nullptr;
        if (w == "statements" || w == "statement" || w == "quotes" || w == "quote" || w == "remarks" || w == "said" ||
            w == "quotations")
            t = schema::TYPE_STATEMENT;
        if (w == "articles" || w == "article" || w == "stories" || w == "story") t = schema::TYPE_ARTICLE;
        if (!t) continue;
        if (type && *type != t) continue;  // "articles with statements": keep the first word's reading
        std::size_t last = i;
        // "articles about drought", "quotes on tariffs": the linking word goes too.
        if (usable(i + 1) && (p_[i + 1].word == "about" || p_[i + 1].word == "on" || p_[i + 1].word == "regarding" ||
                              p_[i + 1].word == "concerning" || p_[i + 1].word == "mentioning"))
            last = i + 1;
        if (!type) {
            add_filter(type_filter(t), i, last);
            type = t;
        } else {
            p_[i].used = true;  // a second "quotes" adds nothing
        }
    }
    if (!type && !out_.explicit_type &&
        (out_.find(Filter::Kind::SPEAKER) || out_.find(Filter::Kind::LOCATION) || out_.find(Filter::Kind::ROLE))) {
        Filter f = type_filter(schema::TYPE_STATEMENT);
        f.note =
            out_.find(Filter::Kind::ROLE) && !out_.find(Filter::Kind::SPEAKER) && !out_.find(Filter::Kind::LOCATION)
                ? "default: a speaker's title was understood"
                : "default: a speaker or place was understood";
        out_.filters.push_back(std::move(f));
    }
}

Interpretation Reading::finish() {
    // 5. What is left is text. Beside filters, a text of function words
    //    only ("statements by Kettunen on it") only linked them: it goes,
    //    where the query parser would search it for want of other words.
    bool only_stopwords = !out_.filters.empty();
    for (const auto& piece : p_)
        if (!piece.used) only_stopwords = only_stopwords && !piece.locked && is_stopword(piece.word);
    for (const auto& piece : p_) {
        if (piece.used) continue;
        if (only_stopwords) {
            if (std::find(out_.stopwords.begin(), out_.stopwords.end(), piece.word) == out_.stopwords.end())
                out_.stopwords.push_back(piece.word);
            continue;
        }
        out_.text += (out_.text.empty() ? "" : " ") + piece.raw;
    }
    std::stable_sort(out_.filters.begin(), out_.filters.end(), [](const Filter& a, const Filter& b) {
        return a.source.empty() ? false : b.source.empty() || a.start < b.start;
    });
    return std::move(out_);
}

}  // namespace

const Filter* Interpretation::find(Filter::Kind kind) const {
    for (const auto& f : filters)
        if (f.kind == kind) return &f;
    return nullptr;
}

QueryUnderstanding::QueryUnderstanding(const Xapian::Database& db, CivilDate today) : db_(db), today_(today) {}

Interpretation QueryUnderstanding::understand(const std::string& query, bool type_given) const {
    Reading reading(*this, db_, today_, query, type_given);
    reading.dates();
    reading.speakers();
    reading.places();
    reading.bare_speaker();
    reading.types();
    return reading.finish();
}

}  // namespace saywho
