/** @file statement_clusters.cc
 *  @brief The cluster pass: near copies of a statement joined under one key.
 */
#include "indexer/statement_clusters.h"

#include <algorithm>
#include <functional>
#include <numeric>
#include <optional>
#include <tuple>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "common/civil_date.h"
#include "common/schema.h"
#include "common/text.h"
#include "indexer/statement_signature.h"

namespace saywho {

namespace {

/// How many earlier texts of a band bucket a text is compared with: enough
/// for every true copy in practice, and a bound on the work that a bucket
/// of boilerplate ("said in a statement") could otherwise make quadratic.
constexpr std::size_t MAX_COMPARISONS_PER_BUCKET = 8;
/// Near copies said further apart than this are one speaker repeating
/// themselves (a central bank's daily market forecast), not one statement
/// reported twice. Copies word for word share their key whenever said.
constexpr int MAX_DAYS_APART = 7;

/// One distinct text (text key) and the statements that have it.
struct Text {
    StatementSignature signature;
    std::vector<Xapian::docid> statements;
    std::string speaker;            ///< fold_key() of its named speaker (SLOT_SPEAKER); "" when unnamed
    std::optional<long> first_day;  ///< the earliest day one of its statements was said (days since 1970)
};

/// Two named speakers who may be one: the same, or one the surname (a
/// tail) of the other ("volcker", "paul volcker"); an unnamed one may be anyone.
bool same_speaker(const std::string& a, const std::string& b) {
    if (a.empty() || b.empty() || a == b) return true;
    const auto is_tail = [](const std::string& whole, const std::string& part) {
        return whole.size() > part.size() && ends_with(whole, part) && whole[whole.size() - part.size() - 1] == ' ';
    };
    return is_tail(a, b) || is_tail(b, a);
}

/// Union-find over texts, by index. A cluster never holds two named
/// speakers that cannot be one, even through a text that names nobody, nor
/// days further apart than MAX_DAYS_APART, even through a chain of near
/// copies each close to the next.
class Components {
  public:
    explicit Components(const std::vector<Text>& texts) : parent_(texts.size()) {
        std::iota(parent_.begin(), parent_.end(), std::size_t{0});
        for (const Text& text : texts) cluster_.push_back({text.speaker, text.first_day, text.first_day});
    }
    std::size_t find(std::size_t i) {
        while (parent_[i] != i) i = parent_[i] = parent_[parent_[i]];
        return i;
    }
    /// Joins the clusters of @p a and @p b unless their speakers or days forbid it.
    void join(std::size_t a, std::size_t b) {
        a = find(a);
        b = find(b);
        if (a == b) return;
        Cluster& x = cluster_[std::min(a, b)];
        const Cluster& y = cluster_[std::max(a, b)];
        if (!same_speaker(x.speaker, y.speaker)) return;
        const auto earliest = earlier(x.earliest, y.earliest, std::less<long>());
        const auto latest = earlier(x.latest, y.latest, std::greater<long>());
        if (earliest && latest && *latest - *earliest > MAX_DAYS_APART) return;
        parent_[std::max(a, b)] = std::min(a, b);
        // The fuller name speaks for the cluster.
        if (y.speaker.size() > x.speaker.size()) x.speaker = y.speaker;
        x.earliest = earliest;
        x.latest = latest;
    }

  private:
    struct Cluster {
        std::string speaker;
        std::optional<long> earliest, latest;  ///< days, when known
    };
    /// Of two days that may be unknown, the one @p before puts first.
    template <typename Before>
    static std::optional<long> earlier(std::optional<long> a, std::optional<long> b, Before before) {
        if (!a) return b;
        if (!b) return a;
        return before(*a, *b) ? a : b;
    }
    std::vector<std::size_t> parent_;
    std::vector<Cluster> cluster_;  ///< meaningful at roots
};

/// The day SLOT_DATE's YYYYMMDD @p compact is, in days since 1970; nullopt when malformed.
std::optional<long> day_number(const std::string& compact) {
    if (compact.size() != 8 || !all_digits(compact)) return std::nullopt;
    const auto date =
        CivilDate::make(std::stoi(compact.substr(0, 4)), std::stoi(compact.substr(4, 2)), std::stoi(compact.substr(6)));
    if (!date) return std::nullopt;
    return date->days_since_epoch();
}

/// Every statement with a signature, grouped by text, with its speaker and day.
std::vector<Text> read_texts(const Xapian::Database& db) {
    std::vector<Text> texts;
    std::unordered_map<std::uint64_t, std::size_t> by_key;
    auto speaker = db.valuestream_begin(schema::SLOT_SPEAKER);
    auto day = db.valuestream_begin(schema::SLOT_DATE);
    const auto no_speaker = db.valuestream_end(schema::SLOT_SPEAKER);
    const auto no_day = db.valuestream_end(schema::SLOT_DATE);
    for (auto it = db.valuestream_begin(schema::SLOT_SIGNATURE); it != db.valuestream_end(schema::SLOT_SIGNATURE);
         ++it) {
        const auto signature = decode_signature(*it);
        if (!signature) continue;  // not ours to join; it keeps its key
        const Xapian::docid docid = it.get_docid();
        auto [place, added] = by_key.emplace(signature->text_key, texts.size());
        if (added) {
            Text text{*signature, {}, "", std::nullopt};
            if (speaker != no_speaker) speaker.skip_to(docid);
            if (speaker != no_speaker && speaker.get_docid() == docid) text.speaker = fold_key(*speaker);
            texts.push_back(std::move(text));
        }
        Text& text = texts[place->second];
        text.statements.push_back(docid);
        if (day != no_day) day.skip_to(docid);
        if (day != no_day && day.get_docid() == docid) {
            const auto n = day_number(*day);
            if (n && (!text.first_day || *n < *text.first_day)) text.first_day = n;
        }
    }
    return texts;
}

/// Whether texts @p a and @p b are near copies of one statement.
bool near_copies(const Text& a, const Text& b) {
    return a.signature.numbers_key == b.signature.numbers_key && same_speaker(a.speaker, b.speaker) &&
           signature_containment(a.signature, b.signature) >= NEAR_COPY_CONTAINMENT;
}

/// Joins the texts that are near copies, meeting them band by band (one
/// band's hashes in memory at a time).
void join_near_copies(const std::vector<Text>& texts, Components& components) {
    std::vector<std::pair<std::uint64_t, std::size_t>> bucket_of;
    bucket_of.reserve(texts.size());
    for (std::size_t band = 0; band < SIGNATURE_BANDS; ++band) {
        bucket_of.clear();
        for (std::size_t i = 0; i < texts.size(); ++i) bucket_of.emplace_back(band_hash(texts[i].signature, band), i);
        std::sort(bucket_of.begin(), bucket_of.end());
        for (std::size_t start = 0; start < bucket_of.size();) {
            std::size_t end = start + 1;
            while (end < bucket_of.size() && bucket_of[end].first == bucket_of[start].first) ++end;
            for (std::size_t i = start + 1; i < end; ++i) {
                const std::size_t from = i - std::min(i - start, MAX_COMPARISONS_PER_BUCKET);
                for (std::size_t j = from; j < i; ++j) {
                    const std::size_t a = bucket_of[i].second, b = bucket_of[j].second;
                    if (components.find(a) != components.find(b) && near_copies(texts[a], texts[b])) {
                        components.join(a, b);
                        break;
                    }
                }
            }
            start = end;
        }
    }
}

/// For each text, the key its cluster takes: that of its fullest text (the
/// most shingles), then of the one most statements have, then the smallest.
/// The fullest is the one copies are cut from, so a shard holding the full
/// text and a cut copy keeps the key another shard gives the full text alone.
std::vector<std::uint64_t> cluster_keys(const std::vector<Text>& texts, Components& components) {
    const auto rank = [&](std::size_t t) {
        return std::make_tuple(texts[t].signature.shingles, texts[t].statements.size(), ~texts[t].signature.text_key);
    };
    std::vector<std::size_t> best(texts.size());
    std::iota(best.begin(), best.end(), std::size_t{0});
    for (std::size_t i = 0; i < texts.size(); ++i) {
        std::size_t& b = best[components.find(i)];
        if (rank(i) > rank(b)) b = i;
    }
    std::vector<std::uint64_t> keys(texts.size());
    for (std::size_t i = 0; i < texts.size(); ++i) keys[i] = texts[best[components.find(i)]].signature.text_key;
    return keys;
}

/// The statements whose stored key (SLOT_CLUSTER) is not the one @p keys
/// gives them, with the key they are to have, in docid order.
std::vector<std::pair<Xapian::docid, std::string>> keys_to_change(const Xapian::Database& db,
                                                                  const std::vector<Text>& texts,
                                                                  const std::vector<std::uint64_t>& keys) {
    std::vector<std::pair<Xapian::docid, std::uint64_t>> wanted;
    for (std::size_t i = 0; i < texts.size(); ++i)
        for (Xapian::docid docid : texts[i].statements) wanted.emplace_back(docid, keys[i]);
    std::sort(wanted.begin(), wanted.end());
    std::vector<std::pair<Xapian::docid, std::string>> changes;
    auto stored = db.valuestream_begin(schema::SLOT_CLUSTER);
    const auto end = db.valuestream_end(schema::SLOT_CLUSTER);
    for (const auto& [docid, key] : wanted) {
        std::string text = cluster_key_text(key);
        if (stored != end) stored.skip_to(docid);
        if (stored == end || stored.get_docid() != docid || *stored != text)
            changes.emplace_back(docid, std::move(text));
    }
    return changes;
}

/// Gives statement @p docid the cluster key @p key in place of the one it has.
void set_cluster_key(Xapian::WritableDatabase& db, Xapian::docid docid, const std::string& key) {
    Xapian::Document doc = db.get_document(docid);
    const std::string old = doc.get_value(schema::SLOT_CLUSTER);
    if (!old.empty()) {
        try {
            doc.remove_term(schema::cluster_term(old));
        } catch (const Xapian::InvalidArgumentError&) {
            // Not there: nothing to remove.
        }
    }
    doc.add_boolean_term(schema::cluster_term(key));
    doc.add_value(schema::SLOT_CLUSTER, key);
    db.replace_document(docid, doc);
}

}  // namespace

ClusterCounts cluster_statements(Xapian::WritableDatabase& db) {
    const std::vector<Text> texts = read_texts(db);
    Components components(texts);
    join_near_copies(texts, components);
    const std::vector<std::uint64_t> keys = cluster_keys(texts, components);

    ClusterCounts counts;
    std::unordered_map<std::uint64_t, std::size_t> cluster_sizes;
    for (std::size_t i = 0; i < texts.size(); ++i) cluster_sizes[keys[i]] += texts[i].statements.size();
    for (const auto& [key, size] : cluster_sizes) {
        if (size < 2) continue;
        ++counts.clusters;
        counts.copies += size - 1;
    }
    // Found first, then written: a value stream is not read while it changes.
    const auto changes = keys_to_change(db, texts, keys);
    for (const auto& [docid, key] : changes) set_cluster_key(db, docid, key);
    counts.changed = changes.size();
    return counts;
}

}  // namespace saywho
