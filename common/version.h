/** @file version.h
 *  @brief What --version says: the release, the checkout it was built
 *         from, and the database schema and extractor it writes and reads.
 */
#ifndef SAYWHO_COMMON_VERSION_H
#define SAYWHO_COMMON_VERSION_H

#include <string>

namespace saywho {

/// The project's release number, from project(VERSION) in CMakeLists.txt ("0.1.0").
const char* release_version();

/// `git describe --always --dirty` of the checkout built, taken at build
/// time ("e8be360-dirty"); empty when built from a tarball or without git.
const char* git_description();

/// The whole --version text of @p program, three lines with no newline
/// after the last (CLI11 adds it): the release (and git description), the schema version a
/// database must have, and the extractor version. Both binaries print it,
/// so a bug report names all three whichever was run.
std::string version_text(const std::string& program);

}  // namespace saywho

#endif  // SAYWHO_COMMON_VERSION_H
