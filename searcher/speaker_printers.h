/** @file speaker_printers.h
 *  @brief A speaker page (searcher/speaker_page.h) as text and as the JSON
 *         document "speaker" (docs/json.md), and the "ambiguous" error.
 */
#ifndef SAYWHO_SEARCHER_SPEAKER_PRINTERS_H
#define SAYWHO_SEARCHER_SPEAKER_PRINTERS_H

#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "searcher/speaker_page.h"

namespace saywho {

/// The page as text: the name, kind and key; statements and their days;
/// names; roles ("Treasury Secretary, Mar–Oct 1987"); places; distinctive
/// words; the timeline (print_timeline()); the latest statements.
void print_speaker_text(std::ostream& out, const SpeakerPage& page);

/// The candidates of an ambiguous name, one a line: name, statements and
/// the --speaker argument that picks each.
void print_speaker_candidates(std::ostream& out, const std::string& name,
                              const std::vector<SpeakerCandidate>& candidates);

/// The "speaker" document (docs/json.md) as one line (no newline), echoing @p id (--serve).
std::string speaker_json(const SpeakerPage& page, const std::optional<std::string>& id = std::nullopt);

/// The error document of code "ambiguous" with its candidates (docs/json.md), one line.
std::string ambiguous_speaker_json(const std::string& name, const std::vector<SpeakerCandidate>& candidates,
                                   const std::optional<std::string>& id = std::nullopt);

/// The message of that error: "'Baker' names 7 speakers: James Baker (455 statements), ...".
std::string ambiguous_speaker_message(const std::string& name, const std::vector<SpeakerCandidate>& candidates);

}  // namespace saywho

#endif  // SAYWHO_SEARCHER_SPEAKER_PRINTERS_H
