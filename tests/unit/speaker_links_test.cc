/** @file speaker_links_test.cc
 *  @brief The same speaker across articles: short names get the one fuller
 *         name the archive knows, and lose it when that changes.
 */
#include "indexer/speaker_links.h"

#include <map>
#include <string>

#include <gtest/gtest.h>
#include <xapian.h>

#include "common/record_codec.h"
#include "common/schema.h"
#include "indexer/document_builder.h"

namespace saywho {
namespace {

/// An in-memory database of one-statement articles, added and removed by id.
class Archive {
  public:
    /// Adds article @p id whose one statement is by @p speaker (of @p kind,
    /// with @p role), named at the cue as @p alias when not empty.
    void add(const std::string& id, const std::string& speaker, const std::string& kind, const std::string& role = "",
             const std::string& alias = "") {
        Article a;
        a.id = id;
        a.date = *CivilDate::make(1987, 3, 2);
        a.title = "Story " + id;
        a.body = "The budget will be cut, the speaker said.";
        a.path = "/archive/" + id + ".txt";
        Statement st;
        st.speaker = speaker;
        st.speaker_kind = kind;
        st.role = role;
        st.speaker_alias = alias;
        st.speaker_mention = alias.empty() ? speaker : alias;
        st.text = "The budget will be cut";
        st.start = 0;
        st.end = 22;
        st.quote = "none";
        st.cue = "said";
        st.date = a.date;
        st.date_basis = "article";
        ArticleFacts facts;
        Xapian::Document article = builder_.build_article(a, "hash", facts);
        article.add_value(schema::SLOT_SPEAKER, speaker);
        db_.replace_document(schema::article_id_term(id), article);
        Xapian::Document statement = builder_.build_statement(a, st, 0);
        changes_.note(statement);
        db_.add_document(statement);
    }

    void remove(const std::string& id) {
        db_.delete_document(schema::article_id_term(id));
        const std::string term = schema::statement_article_term(id);
        for (auto it = db_.postlist_begin(term); it != db_.postlist_end(term); ++it)
            changes_.note(db_.get_document(*it));
        db_.delete_document(term);
    }

    /// Links every short name.
    LinkCounts link() {
        changes_ = SpeakerChanges();
        return link_speakers(db_);
    }
    /// Links the short names that the statements added and removed since
    /// the last link touch.
    LinkCounts link_changed() {
        LinkCounts counts = link_speakers(db_, &changes_);
        changes_ = SpeakerChanges();
        return counts;
    }

    /// The statement of article @p id as a search shows it.
    Statement statement_of(const std::string& id) {
        const std::string term = schema::statement_article_term(id);
        return read_statement_record(db_.get_document(*db_.postlist_begin(term))).statement;
    }
    /// The speaker facet value of the statement of article @p id.
    std::string facet_value_of(const std::string& id) {
        const std::string term = schema::statement_article_term(id);
        return db_.get_document(*db_.postlist_begin(term)).get_value(schema::SLOT_SPEAKER);
    }
    /// The speaker list of article @p id.
    std::string article_speakers(const std::string& id) {
        return db_.get_document(*db_.postlist_begin(schema::article_id_term(id))).get_value(schema::SLOT_SPEAKER);
    }
    Xapian::doccount statements_by(const std::string& key) {
        return db_.get_termfreq(schema::bounded_term(schema::PREFIX_SPEAKER, key));
    }

  private:
    DocumentBuilder builder_;
    Xapian::WritableDatabase db_{std::string(), Xapian::DB_BACKEND_INMEMORY};
    SpeakerChanges changes_;
};

TEST(ShortSpeakerKey, OneWordPeopleAndAcronymsAreShort) {
    Statement st;
    st.speaker = "Baker";
    st.speaker_kind = "person";
    EXPECT_EQ(short_speaker_key(st), "baker");
    st.speaker = "James Baker";
    EXPECT_EQ(short_speaker_key(st), "");
    st.speaker = "USDA";
    st.speaker_kind = "organization";
    EXPECT_EQ(short_speaker_key(st), "usda");
    st.speaker = "Bundesbank";
    EXPECT_EQ(short_speaker_key(st), "") << "a one-word organisation is its own full name";
    st.speaker = "analysts";
    st.speaker_kind = "anonymous";
    EXPECT_EQ(short_speaker_key(st), "");
}

TEST(SpeakerLinks, ATitleTellsWhichOfTwoPeopleASurnameIs) {
    Archive archive;
    archive.add("a1", "James Baker", "person", "Treasury Secretary");
    archive.add("a2", "Howard Baker", "person", "White House Chief of Staff");
    archive.add("a3", "Baker", "person", "Treasury Secretary");
    archive.add("a4", "Baker", "person");
    archive.add("a5", "Baker", "person", "Chief of Staff");
    EXPECT_EQ(archive.link().changed, 2u);
    EXPECT_EQ(archive.statement_of("a3").speaker, "James Baker");
    EXPECT_EQ(archive.statement_of("a3").speaker_in_article, "Baker");
    EXPECT_EQ(archive.facet_value_of("a3"), "James Baker");
    EXPECT_EQ(archive.article_speakers("a3"), "James Baker");
    EXPECT_EQ(archive.statement_of("a4").speaker, "Baker") << "no title, two Bakers: either";
    EXPECT_EQ(archive.statement_of("a4").speaker_in_article, "");
    EXPECT_EQ(archive.statement_of("a5").speaker, "Howard Baker");
    EXPECT_EQ(archive.statements_by("james baker"), 2u);
    EXPECT_EQ(archive.statements_by("baker"), 5u) << "the surname still finds every Baker";
}

TEST(SpeakerLinks, ABareSurnameMayBeACompanysAndIsLeftAlone) {
    Archive archive;
    archive.add("a1", "James Baker", "person", "Treasury Secretary");
    archive.add("a2", "Baker Hughes Inc", "organization");
    archive.add("a3", "Baker", "person");
    archive.add("a4", "Baker", "person", "Secretary");
    archive.link();
    EXPECT_EQ(archive.statement_of("a3").speaker, "Baker");
    EXPECT_EQ(archive.statement_of("a4").speaker, "James Baker") << "a title says it is no company";
}

TEST(SpeakerLinks, LinksFollowTheArchiveAsArticlesComeAndGo) {
    Archive archive;
    archive.add("a3", "Reagan", "person", "President");
    EXPECT_EQ(archive.link().changed, 0u);
    EXPECT_EQ(archive.statement_of("a3").speaker, "Reagan");

    archive.add("a1", "Ronald Reagan", "person", "President");
    EXPECT_EQ(archive.link().changed, 1u) << "a later article names him in full";
    EXPECT_EQ(archive.statement_of("a3").speaker, "Ronald Reagan");
    EXPECT_EQ(archive.link().changed, 0u) << "a second pass changes nothing";

    archive.add("a2", "Nancy Reagan", "person", "First Lady");
    archive.link();
    EXPECT_EQ(archive.statement_of("a3").speaker, "Ronald Reagan") << "her title is not his";

    archive.remove("a1");
    EXPECT_EQ(archive.link().changed, 1u) << "the only full mention is gone";
    EXPECT_EQ(archive.statement_of("a3").speaker, "Reagan");
    EXPECT_EQ(archive.statement_of("a3").speaker_in_article, "");
    EXPECT_EQ(archive.statements_by("ronald reagan"), 0u);
    EXPECT_EQ(archive.article_speakers("a3"), "Reagan");
}

TEST(SpeakerLinks, OnlyTheShortNamesAChangeTouchesAreLinkedAgainToTheSameEnd) {
    Archive archive;
    archive.add("b1", "Baker", "person");
    archive.add("r1", "Reagan", "person", "President");
    EXPECT_EQ(archive.link().short_names, 2u);

    archive.add("r2", "Ronald Reagan", "person", "President");
    LinkCounts counts = archive.link_changed();
    EXPECT_EQ(counts.short_names, 1u) << "a full name touches its surname only";
    EXPECT_EQ(counts.changed, 1u);
    EXPECT_EQ(archive.statement_of("r1").speaker, "Ronald Reagan");

    archive.add("b2", "James Baker", "person", "Treasury Secretary");
    EXPECT_EQ(archive.link_changed().short_names, 1u);
    EXPECT_EQ(archive.statement_of("b1").speaker, "James Baker");

    // An organisation whose name starts with the surname touches it too.
    archive.add("b3", "Baker Hughes Inc", "organization");
    counts = archive.link_changed();
    EXPECT_EQ(counts.short_names, 1u);
    EXPECT_EQ(archive.statement_of("b1").speaker, "Baker") << "a bare surname may be the company's";

    archive.remove("b3");
    archive.link_changed();
    EXPECT_EQ(archive.statement_of("b1").speaker, "James Baker");
    archive.remove("r2");
    counts = archive.link_changed();
    EXPECT_EQ(counts.short_names, 1u);
    EXPECT_EQ(archive.statement_of("r1").speaker, "Reagan") << "the only full mention is gone";

    EXPECT_EQ(archive.link_changed().short_names, 0u) << "nothing changed, nothing to redo";
    EXPECT_EQ(archive.link().changed, 0u) << "a full pass finds nothing left to do";
}

TEST(SpeakerLinks, AnAcronymLinksToTheOrganisationWhoseInitialsItIs) {
    Archive archive;
    archive.add("a1", "Northern Lantern Shipping Corp", "organization", "", "NLS");
    archive.add("a2", "NLS", "organization");
    archive.add("a3", "GATT Council", "organization", "", "GATT");
    archive.add("a4", "GATT", "organization");
    archive.add("a5", "U.S. Agriculture Department", "organization", "", "USDA");
    archive.add("a6", "USDA", "organization");
    archive.link();
    EXPECT_EQ(archive.statement_of("a2").speaker, "Northern Lantern Shipping Corp");
    EXPECT_EQ(archive.statement_of("a4").speaker, "GATT") << "GATT Council is not what GATT stands for";
    EXPECT_EQ(archive.statement_of("a6").speaker, "U.S. Agriculture Department");
    EXPECT_EQ(archive.statements_by("nls"), 2u) << "the acronym finds the company where an article used it";
}

}  // namespace
}  // namespace saywho
