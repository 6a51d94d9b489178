/** @file extract_word_lists_test.cc
 *  @brief Extraction: the word classes the stages test words against.
 */
#include <gtest/gtest.h>

#include "extract/text_model.h"

namespace saywho::extraction {
namespace {

TEST(ExtractWordLists, Classes) {
    EXPECT_TRUE(is_pronoun("she"));
    EXPECT_FALSE(is_pronoun("her"));
    EXPECT_TRUE(is_determiner("the"));
    EXPECT_TRUE(is_speaker_noun("spokeswoman"));
    EXPECT_FALSE(is_speaker_noun("bridge"));
    EXPECT_TRUE(is_function_word("however"));
    EXPECT_TRUE(is_abbreviation("sen"));
    EXPECT_TRUE(is_weekday("friday"));
    EXPECT_FALSE(is_weekday("fri"));
}

TEST(ExtractWordLists, OrganisationsAndVerbs) {
    EXPECT_TRUE(looks_like_organization({"Harbour", "Authority"}));
    EXPECT_TRUE(looks_like_organization({"NATO"}));
    EXPECT_FALSE(looks_like_organization({"Ruth", "Okafor"}));
    EXPECT_TRUE(looks_like_verb("posted"));
    EXPECT_TRUE(looks_like_verb("wrote"));
    EXPECT_FALSE(looks_like_verb("the"));
}

TEST(ExtractWordLists, PossessivesCliticsAndTitles) {
    EXPECT_EQ(strip_possessive("Okafor's"), "Okafor");
    EXPECT_EQ(strip_possessive("Okafor\u2019s"), "Okafor");
    EXPECT_EQ(without_clitic("she'll"), "she");
    EXPECT_EQ(gender_of_title("Mrs."), Gender::FEMALE);
    EXPECT_EQ(gender_of_title("spokesman"), Gender::MALE);
    EXPECT_EQ(gender_of_title("Minister"), Gender::UNKNOWN);
    EXPECT_TRUE(is_honorific("Mr."));
    EXPECT_FALSE(is_honorific("Senator"));
}

}  // namespace
}  // namespace saywho::extraction
