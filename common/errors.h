/** @file errors.h
 *  @brief Typed exceptions thrown by saywho's libraries and caught in main().
 */
#ifndef SAYWHO_COMMON_ERRORS_H
#define SAYWHO_COMMON_ERRORS_H

#include <stdexcept>
#include <string>
#include <utility>

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

/// A database another process (saywho-index) holds the write lock of.
class DatabaseLockedError : public DatabaseError {
  public:
    using DatabaseError::DatabaseError;
};

/// A database this process may read but not write: a read-only file
/// system, or a directory of another user (the saywho-http service).
class DatabaseReadOnlyError : public DatabaseError {
  public:
    using DatabaseError::DatabaseError;
};

/// A stored record (common/record_codec.h) that does not hold what the
/// schema says: a damaged database, or one written by other software.
/// what() names the document and the member.
class RecordError : public DatabaseError {
  public:
    RecordError(std::string document, std::string member, const std::string& message)
        : DatabaseError(message), document_(std::move(document)), member_(std::move(member)) {}
    /// "document 12 ('2025-03-19-helsinki#0')": the Xapian document id, and the record's id when readable.
    const std::string& document() const { return document_; }
    /// The schema::DATA_ member at fault; empty when the record is not a JSON object at all.
    const std::string& member() const { return member_; }

  private:
    std::string document_;
    std::string member_;
};

/// A query that cannot be parsed; the message names the bad part.
class QueryError : public Error {
  public:
    using Error::Error;
};

/// A delivery (a webhook POST) that failed after its last attempt.
class DeliveryError : public Error {
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
