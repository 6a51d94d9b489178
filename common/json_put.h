/** @file json_put.h
 *  @brief The small helpers every JSON writer of saywho uses to put a
 *         string member, or null for an empty one (RapidJSON writers).
 */
#ifndef SAYWHO_COMMON_JSON_PUT_H
#define SAYWHO_COMMON_JSON_PUT_H

#include <string>

#include <rapidjson/rapidjson.h>

namespace saywho {

/// Writes @p value as a JSON string (its bytes, NULs included).
template <typename Writer>
void put_string(Writer& w, const std::string& value) {
    w.String(value.data(), static_cast<rapidjson::SizeType>(value.size()));
}

/// Writes the member @p key: @p value into the open object of @p w.
template <typename Writer>
void put(Writer& w, const char* key, const std::string& value) {
    w.Key(key);
    put_string(w, value);
}

/// put(), but null for an empty @p value: what extraction did not find.
template <typename Writer>
void put_or_null(Writer& w, const char* key, const std::string& value) {
    w.Key(key);
    if (value.empty())
        w.Null();
    else
        put_string(w, value);
}

}  // namespace saywho

#endif  // SAYWHO_COMMON_JSON_PUT_H
