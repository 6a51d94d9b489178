/** @file errors.h
 *  @brief Typed exceptions thrown by saywho's libraries and caught in main().
 */
#ifndef SAYWHO_COMMON_ERRORS_H
#define SAYWHO_COMMON_ERRORS_H

#include <stdexcept>
#include <string>

namespace saywho {

/// Base of every error saywho throws itself; what() is a complete sentence
/// fit to print after "saywho-index: " or "saywho-search: ".
class Error : public std::runtime_error {
  public:
    explicit Error(const std::string& message) : std::runtime_error(message) {}
};

/// The user asked for something that cannot work (bad option, bad path).
class UsageError : public Error {
  public:
    using Error::Error;
};

/// A database that is missing, locked, or of another schema version.
class DatabaseError : public Error {
  public:
    using Error::Error;
};

/// A query that cannot be parsed; the message names the bad part.
class QueryError : public Error {
  public:
    using Error::Error;
};

/// One input (file or JSON line) that cannot be indexed; the run goes on.
class InputError : public Error {
  public:
    using Error::Error;
};

}  // namespace saywho

#endif  // SAYWHO_COMMON_ERRORS_H
