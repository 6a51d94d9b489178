/** @file version.cc
 *  @brief The --version text of both binaries.
 */
#include "common/version.h"

#include "common/schema.h"
#include "common/version_git.h"
#include "extract/extract.h"

namespace saywho {

const char* release_version() { return SAYWHO_RELEASE_VERSION; }

const char* git_description() { return SAYWHO_GIT_DESCRIPTION; }

std::string version_text(const std::string& program) {
    std::string text = program + " " + release_version();
    // A release tarball has no git description; a checkout names its
    // commit, which is what a bug report about a development build needs.
    if (*git_description() != '\0') text += std::string(" (git ") + git_description() + ")";
    text += "\ndatabase schema " + std::to_string(schema::SCHEMA_VERSION) + "\n";
    text += "extractor " + std::to_string(EXTRACTOR_VERSION);
    return text;
}

}  // namespace saywho
