/** @file speaker_page.cc
 *  @brief The page of one speaker: names, kind, roles over time, timeline,
 *         places, distinctive words (Xapian's ESet) and latest statements.
 */
#include "searcher/speaker_page.h"

#include <algorithm>
#include <map>
#include <set>

#include "common/schema.h"
#include "common/text.h"
#include "searcher/stopwords.h"
#include "searcher/understand.h"

namespace saywho {

namespace {

/// The display forms (SLOT_SPEAKER) of each canonical speaker among the
/// statements holding any of @p keys as a speaker key, by that speaker's
/// key (fold_key() of the form), with their statement counts.
using SpeakerForms = std::map<std::string, std::vector<SpeakerCount>>;

SpeakerForms speakers_with_keys(const Xapian::Database& db, const std::vector<std::string>& keys) {
    std::vector<Xapian::Query> terms;
    for (const auto& k : keys) terms.emplace_back(schema::bounded_term(schema::PREFIX_SPEAKER, k));
    Xapian::Enquire enquire(db);
    enquire.set_query(Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end()));
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    // Xapian's own spy, so shards served by xapian-tcpsrv count too.
    Xapian::ValueCountMatchSpy names(schema::SLOT_SPEAKER);
    enquire.add_matchspy(&names);
    enquire.get_mset(0, 0, db.get_doccount());
    SpeakerForms forms;
    for (auto it = names.values_begin(); it != names.values_end(); ++it) {
        const std::string name = *it;
        const std::string key = fold_key(name);
        // A statement's SLOT_SPEAKER holds one name; an article's (which
        // has no XSPEAKER: term) a list, never counted here.
        if (key.empty() || name.find(schema::LIST_SEPARATOR) != std::string::npos) continue;
        forms[key].push_back({name, it.get_termfreq()});
    }
    return forms;
}

Xapian::doccount total(const std::vector<SpeakerCount>& counts) {
    Xapian::doccount n = 0;
    for (const auto& c : counts) n += c.count;
    return n;
}

/// The form most statements give; ties to the first in byte order.
std::string most_common(const std::vector<SpeakerCount>& counts) {
    const SpeakerCount* best = nullptr;
    for (const auto& c : counts)
        if (!best || c.count > best->count || (c.count == best->count && c.value < best->value)) best = &c;
    return best ? best->value : std::string();
}

/// The statements of the speaker @p key: its key term, and a display form
/// of its own (not that of a longer name ending the same way).
Xapian::Query statements_query(const std::string& key, const std::vector<SpeakerCount>& forms) {
    std::vector<Xapian::Query> names;
    for (const auto& f : forms)
        names.emplace_back(Xapian::Query::OP_VALUE_RANGE, schema::SLOT_SPEAKER, f.value, f.value);
    return Xapian::Query(Xapian::Query::OP_FILTER, Xapian::Query(schema::bounded_term(schema::PREFIX_SPEAKER, key)),
                         Xapian::Query(Xapian::Query::OP_OR, names.begin(), names.end()));
}

/// Counts of forms grouped by fold_key(): the most common form of each
/// group shows it.
class FoldedCounts {
  public:
    void add(const std::string& form) {
        if (form.empty()) return;
        Group& g = groups_[fold_key(form)];
        ++g.forms[form];
        ++g.count;
    }
    std::vector<SpeakerCount> sorted() const {
        std::vector<SpeakerCount> out;
        for (const auto& [key, g] : groups_) {
            std::vector<SpeakerCount> forms;
            for (const auto& [form, n] : g.forms) forms.push_back({form, n});
            out.push_back({most_common(forms), g.count});
        }
        std::sort(out.begin(), out.end(), [](const SpeakerCount& a, const SpeakerCount& b) {
            return a.count != b.count ? a.count > b.count : a.value < b.value;
        });
        return out;
    }

  private:
    struct Group {
        std::map<std::string, Xapian::doccount> forms;
        Xapian::doccount count = 0;
    };
    std::map<std::string, Group> groups_;
};

/// Whether @p mention, the words at a statement's cue, is another name of
/// its speaker ("Baker" for James Baker, "IBM"), not "he", "the company"
/// or the name with its title ("Treasury Secretary James Baker"): a tail
/// of the speaker's name or of the article's own name for them, or an
/// acronym.
bool is_name_mention(const std::string& mention, const Statement& st) {
    if (mention.empty()) return false;
    if (all_capitals(mention)) return true;
    const std::string key = fold_key(mention);
    for (const std::string* name : {&st.speaker, &st.speaker_in_article})
        for (const auto& tail : schema::person_keys(*name))
            if (tail == key) return true;
    return false;
}

/// Keeps the terms of a statement's words (Z + a stem of letters), but not
/// stems of function words, of the speaker's own name (every statement
/// holds it after its words) nor of fewer than three letters.
class WordDecider : public Xapian::ExpandDecider {
  public:
    explicit WordDecider(std::set<std::string> name_stems) : name_stems_(std::move(name_stems)) {}
    bool operator()(const std::string& term) const override {
        const std::size_t prefix = sizeof schema::PREFIX_STATEMENT_WORD - 1;
        if (term.compare(0, prefix, schema::PREFIX_STATEMENT_WORD) != 0 || term.size() < prefix + 3) return false;
        const std::string stem = term.substr(prefix);
        for (char c : stem)
            if (c < 'a' || c > 'z') return false;
        return !is_stopword(stem) && name_stems_.count(stem) == 0;
    }

  private:
    std::set<std::string> name_stems_;
};

/// Lower-case runs of ASCII letters in @p text (the words whose stems the decider keeps).
std::vector<std::string> letter_words(const std::string& text) {
    std::vector<std::string> words;
    std::string word;
    for (char c : text) {
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
            word += ascii_lower(c);
        } else if (!word.empty()) {
            words.push_back(std::move(word));
            word.clear();
        }
    }
    if (!word.empty()) words.push_back(std::move(word));
    return words;
}

/// The distinctive words of @p rset, the speaker's latest statements, in
/// @p db: Xapian's ESet with exact term frequencies, so one database and
/// its shards weigh alike. Each stem is shown as the word @p records use
/// most for it.
std::vector<DistinctiveWord> distinctive_words(const Xapian::Database& db, const Xapian::Query& query,
                                               const Xapian::RSet& rset, const std::vector<StatementRecord>& records,
                                               const std::vector<SpeakerCount>& names, std::size_t wanted) {
    if (rset.empty() || wanted == 0) return {};
    const Xapian::Stem stemmer("english");
    std::set<std::string> name_stems;
    for (const auto& n : names)
        for (const auto& w : letter_words(n.value)) name_stems.insert(stemmer(w));
    const WordDecider decider(std::move(name_stems));
    Xapian::Enquire enquire(db);
    enquire.set_query(query);
    const Xapian::ESet eset =
        enquire.get_eset(static_cast<Xapian::termcount>(wanted), rset, Xapian::Enquire::USE_EXACT_TERMFREQ, &decider);
    std::vector<DistinctiveWord> words;
    std::map<std::string, std::map<std::string, std::size_t>> forms;  // stem -> word -> uses
    for (auto it = eset.begin(); it != eset.end(); ++it) {
        const std::string stem = (*it).substr(sizeof schema::PREFIX_STATEMENT_WORD - 1);
        words.push_back({stem, stem, it.get_weight()});
        forms[stem];
    }
    for (const auto& r : records)
        for (const auto& w : letter_words(r.statement.text)) {
            auto f = forms.find(stemmer(w));
            if (f != forms.end()) ++f->second[w];
        }
    for (auto& word : words) {
        std::size_t best = 0;
        for (const auto& [form, uses] : forms[word.stem])
            if (uses > best) {  // ties: the first in byte order
                best = uses;
                word.word = form;
            }
    }
    return words;
}

/// The page of @p key, whose statements have the display @p forms.
SpeakerPage build_page(const Xapian::Database& db, const std::string& key, const std::vector<SpeakerCount>& forms,
                       const SpeakerPageOptions& options) {
    SpeakerPage page;
    page.key = key;
    page.name = most_common(forms);
    const Xapian::Query query = statements_query(key, forms);

    Xapian::Enquire enquire(db);
    enquire.set_query(query);
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    enquire.set_sort_by_value(schema::SLOT_NEWEST_FIRST, false);  // the stored order: the same in shards
    Xapian::ValueCountMatchSpy days(schema::SLOT_DATE), places(schema::SLOT_LOCATION), kinds(schema::SLOT_SPEAKER_KIND);
    enquire.add_matchspy(&days);
    enquire.add_matchspy(&places);
    enquire.add_matchspy(&kinds);
    const std::size_t read = std::max({options.record_sample, options.word_sample, options.latest});
    Xapian::MSet mset = enquire.get_mset(0, static_cast<Xapian::doccount>(read), db.get_doccount());
    page.statements = mset.get_matches_estimated();

    DayCounts day_counts;
    for (auto it = days.values_begin(); it != days.values_end(); ++it) day_counts[*it] = it.get_termfreq();
    page.timeline = make_timeline(day_counts, options.timeline_interval);
    if (!day_counts.empty()) {
        // SLOT_DATE values are YYYYMMDD.
        auto day = [](const std::string& v) {
            return CivilDate::parse_iso(v.substr(0, 4) + "-" + v.substr(4, 2) + "-" + v.substr(6, 2))
                .value_or(CivilDate{});
        };
        page.first = day(day_counts.begin()->first);
        page.last = day(day_counts.rbegin()->first);
    }
    for (auto it = places.values_begin(); it != places.values_end(); ++it) {
        page.places.push_back({*it, it.get_termfreq()});
        page.placed += it.get_termfreq();
    }
    page.distinct_places = page.places.size();
    std::sort(page.places.begin(), page.places.end(), [](const SpeakerCount& a, const SpeakerCount& b) {
        return a.count != b.count ? a.count > b.count : a.value < b.value;
    });
    if (page.places.size() > options.places) page.places.resize(options.places);
    if (auto it = kinds.top_values_begin(1); it != kinds.top_values_end(1)) page.kind = *it;

    // The records, newest first: roles, variants, the latest statements
    // and the words of the ESet's statements.
    mset.fetch();
    std::vector<StatementRecord> records;
    Xapian::RSet rset;
    FoldedCounts variants;
    struct RoleSeen {
        std::map<std::string, Xapian::doccount> forms;
        CivilDate first, last;
        Xapian::doccount count = 0;
    };
    std::map<std::string, RoleSeen> roles;
    for (auto it = mset.begin(); it != mset.end(); ++it) {
        StatementRecord record = read_statement_record(it.get_document());
        const Statement& st = record.statement;
        if (records.size() < options.word_sample) rset.add_document(*it);
        variants.add(st.speaker);
        if (!st.speaker_in_article.empty() && fold_key(st.speaker_in_article) != fold_key(st.speaker))
            variants.add(st.speaker_in_article);
        if (is_name_mention(st.speaker_mention, st) && fold_key(st.speaker_mention) != fold_key(st.speaker) &&
            fold_key(st.speaker_mention) != fold_key(st.speaker_in_article))
            variants.add(st.speaker_mention);
        if (!st.role.empty()) {
            RoleSeen& r = roles[fold_key(st.role)];
            ++r.forms[st.role];
            if (r.count == 0 || st.date < r.first) r.first = st.date;
            if (r.count == 0 || r.last < st.date) r.last = st.date;
            ++r.count;
        }
        records.push_back(std::move(record));
    }
    page.record_sample = records.size();
    page.word_sample = std::min(records.size(), options.word_sample);
    page.variants = variants.sorted();
    for (const auto& [folded, r] : roles) {
        std::vector<SpeakerCount> role_forms;
        for (const auto& [form, n] : r.forms) role_forms.push_back({form, n});
        page.roles.push_back({most_common(role_forms), r.first, r.last, r.count});
    }
    std::sort(page.roles.begin(), page.roles.end(), [](const SpeakerRole& a, const SpeakerRole& b) {
        if (!(a.first == b.first)) return a.first < b.first;
        return a.count != b.count ? a.count > b.count : a.role < b.role;
    });
    page.words = distinctive_words(db, query, rset, records, page.variants, options.words);
    if (records.size() > options.latest) records.resize(options.latest);
    page.latest = std::move(records);
    return page;
}

}  // namespace

std::string month_span(const CivilDate& first, const CivilDate& last) {
    static const char* const MONTHS[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                         "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    auto month = [](const CivilDate& d) { return std::string(MONTHS[(d.month - 1) % 12]); };
    if (first.year == last.year && first.month == last.month) return month(first) + " " + std::to_string(first.year);
    if (first.year == last.year) return month(first) + "–" + month(last) + " " + std::to_string(last.year);
    return month(first) + " " + std::to_string(first.year) + "–" + month(last) + " " + std::to_string(last.year);
}

SpeakerLookup speaker_page_by_key(const Xapian::Database& db, const std::string& key_given,
                                  const SpeakerPageOptions& options) {
    SpeakerLookup lookup;
    const std::string key = fold_key(key_given);
    const SpeakerForms forms = key.empty() ? SpeakerForms{} : speakers_with_keys(db, {key});
    const auto it = forms.find(key);
    if (it == forms.end()) {
        lookup.why_nothing = "no speaker with the key '" + key_given + "'";
        return lookup;
    }
    lookup.page = build_page(db, key, it->second, options);
    return lookup;
}

SpeakerLookup speaker_page_by_name(const Xapian::Database& db, const std::string& name,
                                   const SpeakerPageOptions& options) {
    SpeakerLookup lookup;
    const QueryUnderstanding understanding(db, today_utc());
    const auto match = understanding.match_speaker(name);
    if (!match) {
        lookup.why_nothing = "no speaker named '" + name + "' (a surname or full name; any case or accents)";
        return lookup;
    }
    if (!match->spoke) {
        const Xapian::doccount articles =
            db.get_termfreq(schema::bounded_term(schema::PREFIX_PERSON, match->keys.front()));
        lookup.why_nothing = "no statements by " + match->names.front() + "; they are mentioned in " +
                             std::to_string(articles) + (articles == 1 ? " article" : " articles");
        return lookup;
    }
    const SpeakerForms forms = speakers_with_keys(db, match->keys);
    if (forms.empty()) {
        lookup.why_nothing = "'" + name + "' names only unnamed sources, which have no speaker page";
        return lookup;
    }
    auto chosen = forms.find(fold_key(name));
    if (chosen == forms.end() && forms.size() == 1) chosen = forms.begin();
    if (chosen != forms.end()) {
        lookup.page = build_page(db, chosen->first, chosen->second, options);
        return lookup;
    }
    for (const auto& [key, f] : forms) lookup.candidates.push_back({key, most_common(f), total(f)});
    std::sort(lookup.candidates.begin(), lookup.candidates.end(),
              [](const SpeakerCandidate& a, const SpeakerCandidate& b) {
                  return a.statements != b.statements ? a.statements > b.statements : a.key < b.key;
              });
    return lookup;
}

}  // namespace saywho
