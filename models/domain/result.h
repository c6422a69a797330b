#pragma once

#include <QString>

#include <optional>
#include <utility>
#include <variant>

namespace mikomi {

// What kind of failure an Error is, so callers can react (retry when Locked, offer a backup when
// Corrupt, ...) without comparing translated text. Storage sets it from SQLite's result codes.
enum class ErrorKind {
    Other,
    Locked,      // another program (or connection) holds the database; try again later
    Corrupt,     // the database file is damaged
    NotMikomi,   // the file is not a Mikomi database (another program's file, not SQLite)
    NewerSchema, // made by a newer Mikomi
    ReadOnly,    // the file or its folder cannot be written
    Io,          // the operating system failed to read or write
    Constraint,  // the data broke a rule of the schema (unique, check, foreign key)
    DiskFull,    // no space left for the database
    Changed,     // someone else changed the row after it was read (a lead's version moved)
};

// An error the caller must look at: a translated, user-facing message.
struct Error {
    QString message;
    ErrorKind kind = ErrorKind::Other;
};

// A value or an Error (std::expected is C++23; this is the part we need).
template <typename T> class [[nodiscard]] Result {
public:
    Result(T value)
        : m_v(std::move(value)) {}
    Result(Error error)
        : m_v(std::move(error)) {}

    bool ok() const { return std::holds_alternative<T>(m_v); }
    explicit operator bool() const { return ok(); }
    const T &value() const & { return std::get<T>(m_v); }
    T &value() & { return std::get<T>(m_v); }
    T &&value() && { return std::get<T>(std::move(m_v)); }
    const T &operator*() const & { return value(); }
    const T *operator->() const { return &value(); }
    T *operator->() { return &value(); }
    const QString &error() const { return std::get<Error>(m_v).message; }
    ErrorKind errorKind() const { return std::get<Error>(m_v).kind; }
    // The Error itself, to pass it on with its kind.
    const Error &failure() const { return std::get<Error>(m_v); }

private:
    std::variant<T, Error> m_v;
};

// For operations that return nothing but can fail.
class [[nodiscard]] Status {
public:
    Status() = default;
    Status(Error error)
        : m_error(std::move(error.message))
        , m_kind(error.kind) {}
    static Status success() { return {}; }
    bool ok() const { return !m_error.has_value(); }
    explicit operator bool() const { return ok(); }
    QString error() const { return m_error.value_or(QString()); }
    ErrorKind errorKind() const { return m_kind; }
    // The Error itself, to pass it on with its kind.
    Error failure() const { return Error{error(), m_kind}; }

private:
    std::optional<QString> m_error;
    ErrorKind m_kind = ErrorKind::Other;
};

} // namespace mikomi
