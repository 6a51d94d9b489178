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

// The table loads (it throws when a class has no word or a row names an
// unknown class), and the classes of the context rules keep their words
// apart: the enum and the table's class names are in the same order.
TEST(ExtractWordLists, ContextClassesHoldTheirOwnWords) {
    EXPECT_NO_THROW(has_class("said", WordClass::PRONOUN));
    EXPECT_TRUE(has_class("whether", WordClass::OPEN_QUESTION_WORD));
    EXPECT_FALSE(has_class("if", WordClass::OPEN_QUESTION_WORD));
    EXPECT_TRUE(has_class("if", WordClass::OBJECT_QUESTION_WORD));
    EXPECT_TRUE(has_class("weekend", WordClass::TIME_PERIOD));
    EXPECT_FALSE(has_class("weekend", WordClass::BETWEEN_TIME_UNIT));
    EXPECT_TRUE(has_class("then", WordClass::CONJUNCTION));
    EXPECT_FALSE(has_class("then", WordClass::COORDINATOR));
    EXPECT_TRUE(has_class("another", WordClass::PHRASE_DETERMINER));
    EXPECT_FALSE(has_class("another", WordClass::DESCRIPTION_START));
    EXPECT_TRUE(has_class("whose", WordClass::POSTMODIFIER_RELATIVE));
    EXPECT_FALSE(has_class("whose", WordClass::RELATIVE_SUBJECT));
    EXPECT_FALSE(has_class("Whether", WordClass::OPEN_QUESTION_WORD)) << "tokens hold lower-case words";
}

}  // namespace
TEST(ExtractWordLists, ThePluralOfASpeakerNounIsOne) {
    EXPECT_TRUE(is_speaker_noun("group"));
    EXPECT_TRUE(is_speaker_noun("groups"));
    EXPECT_TRUE(is_speaker_noun("agencies"));
    EXPECT_FALSE(is_speaker_noun("news"));
    EXPECT_FALSE(is_speaker_noun("access"));
    EXPECT_FALSE(is_speaker_noun("is"));
}

}  // namespace saywho::extraction
