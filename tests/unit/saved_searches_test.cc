/** @file saved_searches_test.cc
 *  @brief Unit tests of searcher/saved_searches.h: the expansion of saved:NAME, as a table, and the store.
 */
#include "searcher/saved_searches.h"

#include <gtest/gtest.h>

#include "common/errors.h"
#include "common/schema.h"
#include "tests/unit/temp_dir.h"

namespace saywho {
namespace {

Xapian::WritableDatabase in_memory() { return Xapian::WritableDatabase(std::string(), Xapian::DB_BACKEND_INMEMORY); }

TEST(SavedSearches, ExpansionTable) {
    Xapian::WritableDatabase db = in_memory();
    save_search(db, "e", "energy OR oil");
    save_search(db, "nordic", "saved:e location:Oslo");
    const struct {
        const char* query;
        const char* expanded;
    } cases[] = {
        {"drought", "drought"},
        {"saved:e", "energy OR oil"},  // alone: as if typed
        {" saved:e ", "energy OR oil"},
        {"saved:e talks", "( energy OR oil ) talks"},
        {"(saved:e) -saved:e +saved:e", "(( energy OR oil )) -( energy OR oil ) +( energy OR oil )"},
        {"saved:nordic", "( energy OR oil ) location:Oslo"},
        {"\"saved:e\" saved:e", "\"saved:e\" ( energy OR oil )"},  // a phrase is words
        {"unsaved:e", "unsaved:e"},                                // not a field of its own
        {"saved:e.", "saved:e."},                                  // no such name: see below
    };
    for (const auto& c : cases) {
        if (std::string(c.query) == "saved:e.") {
            EXPECT_THROW(expand_saved_searches(db, c.query), QueryError);
            continue;
        }
        EXPECT_EQ(expand_saved_searches(db, c.query), c.expanded) << c.query;
    }
    EXPECT_THROW(expand_saved_searches(db, "saved: x"), QueryError);
}

TEST(SavedSearches, LoopsAreRefusedWhenSaved) {
    Xapian::WritableDatabase db = in_memory();
    EXPECT_THROW(save_search(db, "a", "saved:a"), QueryError);
    save_search(db, "a", "energy");
    save_search(db, "b", "saved:a");
    EXPECT_THROW(save_search(db, "a", "saved:b"), QueryError);
    EXPECT_EQ(expand_saved_searches(db, "saved:b"), "energy");
    EXPECT_THROW(save_search(db, "bad name", "x"), UsageError);
    EXPECT_THROW(save_search(db, std::string(MAX_SAVED_NAME_LENGTH + 1, 'n'), "x"), UsageError);
    EXPECT_THROW(save_search(db, "empty", "  "), UsageError);
}

TEST(SavedSearches, NewSearchStartsAtTheCurrentSequenceAndResavingKeepsItsMark) {
    // On disk: the in-memory backend cannot list metadata keys.
    test::TempDir dir;
    Xapian::WritableDatabase db((dir.path() / "db").string(), Xapian::DB_CREATE);
    db.set_metadata(schema::METADATA_INDEX_SEQUENCE, "41");
    save_search(db, "a", "energy");
    set_alert_mark(db, "a", 45);
    save_search(db, "b", "oil");
    save_search(db, "a", "energy OR oil");
    const auto saved = list_saved_searches(db);
    ASSERT_EQ(saved.size(), 2u);
    EXPECT_EQ(saved[0].name, "a");
    EXPECT_EQ(saved[0].query, "energy OR oil");
    EXPECT_EQ(saved[0].alerted, 45u);
    EXPECT_EQ(saved[1].alerted, 41u);
    EXPECT_TRUE(unsave_search(db, "a"));
    EXPECT_FALSE(unsave_search(db, "a"));
    EXPECT_TRUE(db.get_metadata(schema::METADATA_ALERTED_PREFIX + std::string("a")).empty());
    EXPECT_EQ(list_saved_searches(db).size(), 1u);
}

TEST(SavedSearches, LastIndexSequenceIsTheLargerOfCounterAndSlot) {
    Xapian::WritableDatabase db = in_memory();
    EXPECT_EQ(schema::last_index_sequence(db), 0u);
    Xapian::Document doc;
    doc.add_value(schema::SLOT_INDEX_SEQUENCE, schema::index_sequence_value(7));
    db.add_document(doc);
    EXPECT_EQ(schema::last_index_sequence(db), 7u);  // a merged parallel build: no counter of its own
    db.set_metadata(schema::METADATA_INDEX_SEQUENCE, "12");
    EXPECT_EQ(schema::last_index_sequence(db), 12u);  // documents since deleted still count
}

}  // namespace
}  // namespace saywho
