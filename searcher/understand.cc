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
    /// The longest run of 1-3 usable words at [first, ...] naming a place.
    const Place* place_at(std::size_t first, std::size_t& last) const;

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
    for (std::size_t n = 3; n >= 1; --n) {
        std::size_t end = first + n - 1;
        if (!plain_run(first, end)) continue;
        std::string name = span_text(first, end);
        if (name.size() > 2 && (name.compare(name.size() - 2, 2, "'s") == 0)) name.resize(name.size() - 2);
        if (auto m = understanding_.match_speaker(name)) {
            last = end;
            return m;
        }
    }
    return std::nullopt;
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
    // 2. Speakers: "by X", "from X", "quotes of X", "X said", "did X say",
    //    "X's statements", "X on <topic>" (at the start).
    for (std::size_t i = 0; i < p_.size(); ++i) {
        if (!usable(i)) continue;
        const std::string& w = p_[i].word;
        std::size_t last = 0;
        if (w == "by" || w == "from" ||
            (w == "of" && i > 0 &&
             (p_[i - 1].word == "quotes" || p_[i - 1].word == "statements" || p_[i - 1].word == "remarks" ||
              p_[i - 1].word == "words"))) {
            if (auto m = speaker_at(i + 1, last)) {
                add_filter(understood_speaker(*m), i, last);
                i = last;
            }
            continue;
        }
        if (w == "did" || w == "does") {
            // "what did Trump say about tariffs"
            std::size_t say = i + 1;
            while (say < p_.size() && say <= i + 4 && p_[say].word != "say") ++say;
            if (say < p_.size() && p_[say].word == "say" && say > i + 1) {
                if (auto m = speaker_at(i + 1, last); m && last + 1 == say) {
                    std::size_t first =
                        i > 0 && usable(i - 1) && (p_[i - 1].word == "what" || p_[i - 1].word == "how") ? i - 1 : i;
                    std::size_t end = say + 1 < p_.size() && usable(say + 1) &&
                                              (p_[say + 1].word == "about" || p_[say + 1].word == "on")
                                          ? say + 1
                                          : say;
                    add_filter(understood_speaker(*m), first, end);
                    i = end;
                }
            }
            continue;
        }
        if ((w == "said" || w == "says" || w == "say") && i > 0) {
            for (std::size_t n = std::min<std::size_t>(3, i); n >= 1; --n) {
                std::size_t first = i - n;
                if (auto m = speaker_at(first, last); m && last + 1 == i) {
                    std::size_t end =
                        i + 1 < p_.size() && usable(i + 1) &&
                                (p_[i + 1].word == "about" || p_[i + 1].word == "on" || p_[i + 1].word == "that")
                            ? i + 1
                            : i;
                    add_filter(understood_speaker(*m), first, end);
                    break;
                }
            }
            continue;
        }
        if (p_[i].raw.size() > 2 &&
            (p_[i].word.size() > 2 && p_[i].word.compare(p_[i].word.size() - 2, 2, "'s") == 0) && i + 1 < p_.size() &&
            usable(i + 1) &&
            (p_[i + 1].word == "statements" || p_[i + 1].word == "quotes" || p_[i + 1].word == "remarks" ||
             p_[i + 1].word == "words")) {
            for (std::size_t n = std::min<std::size_t>(3, i + 1); n >= 1; --n) {
                std::size_t first = i + 1 - n;
                if (auto m = speaker_at(first, last); m && last == i) {
                    add_filter(understood_speaker(*m), first, i);
                    break;
                }
            }
            continue;
        }
        // "Zelenskyy on drones": only when "on" follows a name-sized start,
        // so ordinary queries do not pay for speaker lookups.
        bool on_follows = false;
        for (std::size_t k = 1; k <= 3 && k < p_.size(); ++k) on_follows = on_follows || p_[k].word == "on";
        if (i == 0 && p_.size() >= 3 && on_follows) {
            if (auto m = speaker_at(0, last);
                m && last + 1 < p_.size() && usable(last + 1) && p_[last + 1].word == "on") {
                add_filter(understood_speaker(*m), 0, last + 1);
                i = last + 1;
            }
        }
    }
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
    std::optional<std::string> type;
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
    if (!type && !out_.explicit_type && (out_.find(Filter::Kind::SPEAKER) || out_.find(Filter::Kind::LOCATION))) {
        Filter f = type_filter(schema::TYPE_STATEMENT);
        f.note = "default: a speaker or place was understood";
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
    reading.types();
    return reading.finish();
}

}  // namespace saywho
