#pragma once

#include "models/domain/result.h"
#include "models/io/encoding.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>
#include <QStringView>

#include <functional>
#include <memory>
#include <optional>

class QIODevice;

// CSV after RFC 4180, with what real files need on top: CRLF, LF or CR line ends, comma, tab or
// semicolon delimiters (detected or given), a quote inside an unquoted field taken literally, and
// the physical line on which every record starts so errors can point at it.
namespace mikomi::io {

struct CsvRecord {
    int line = 0; // 1-based physical line where the record starts
    QStringList fields;
    bool operator==(const CsvRecord &) const = default;
};

// Guesses the delimiter from the first lines of `sample` (quotes respected): the candidate
// (comma, tab, semicolon) that splits the lines into the same number (> 1) of fields, the most
// fields winning; comma when nothing splits.
QChar detectDelimiter(QStringView sample);

// Incremental (push) parser: feed decoded text in chunks of any size (a CRLF or a quoted field may
// be split between chunks), then finish(). Each complete record is handed to the sink as soon as
// it is known. Blank lines between records are skipped.
class CsvParser final {
public:
    using Sink = std::function<void(CsvRecord &&)>;
    explicit CsvParser(QChar delimiter = u',');

    void feed(QStringView chunk, const Sink &sink);
    // Emits the last record. An unterminated quoted field is an error naming the line where the
    // field started.
    Status finish(const Sink &sink);

    QChar delimiter() const { return m_delimiter; }

private:
    enum class State { RecordStart, FieldStart, Unquoted, Quoted, QuoteInQuoted, AfterCr };
    void endField();
    void appendToField(const QChar *from, const QChar *to);
    void endRecord(const Sink &sink);

    QChar m_delimiter;
    State m_state = State::RecordStart;
    int m_line = 1;           // current physical line
    int m_recordLine = 1;     // line of the record being read
    int m_quoteLine = 1;      // line of the open quote
    bool m_pendingCr = false; // last chunk ended with CR inside a quoted field
    bool m_fieldQuoted = false;
    QString m_field;
    QStringList m_fields;
};

// Parses a whole decoded text.
Result<QList<CsvRecord>> parseCsv(QStringView text, QChar delimiter = u',');

struct CsvReadOptions {
    std::optional<Encoding> encoding; // none = detect
    std::optional<QChar> delimiter;   // none = detect
};

// Pull reader over a device (a file of any size): detects the encoding (on the whole file when the
// device can seek, else on the first megabyte) and the delimiter, decodes strictly and parses in
// chunks of 1 MiB.
class CsvReader final {
public:
    explicit CsvReader(QIODevice *device, CsvReadOptions options = {});
    ~CsvReader();
    CsvReader(const CsvReader &) = delete;
    CsvReader &operator=(const CsvReader &) = delete;

    // Reads the next record. Returns false at the end of the input or on an error; then error()
    // says which (empty at a clean end).
    bool next(CsvRecord &record);
    QString error() const;

    // Known after the first call to next().
    Encoding encoding() const;
    QChar delimiter() const;
    // Bytes consumed so far (for progress).
    qint64 bytesRead() const;

private:
    struct Private;
    std::unique_ptr<Private> d;
};

// Reads a whole file in memory: encoding and delimiter detected unless given.
struct CsvTable {
    Encoding encoding = Encoding::Utf8;
    QChar delimiter = u',';
    QList<CsvRecord> records;
};
Result<CsvTable> readCsv(QByteArrayView data, const CsvReadOptions &options = {});
Result<CsvTable> readCsvFile(const QString &path, const CsvReadOptions &options = {});

// Writing. Fields are quoted when they contain the delimiter, a quote, CR or LF, or leading or
// trailing spaces. Formula injection: when `neutralizeFormulas` is on (the default), a field that
// starts like a formula (startsLikeFormula: = + - @ TAB CR, their full-width forms, or one after
// white space or a BOM) gets a leading apostrophe ' so that a spreadsheet shows it as text
// instead of running it (OWASP "CSV injection"). A field that is exactly a plain number
// (-5, +3.25, -1200; optional sign, digits, optional decimal part, nothing else) is left alone:
// spreadsheets read it as a number, not a formula, and adding ' would turn numeric columns into
// text. Anything longer ("-5+cmd|' /C calc'!A0", "+81 3-1234-5678") is neutralised.
struct CsvWriteOptions {
    QChar delimiter = u',';
    QString lineEnd = QStringLiteral("\r\n");
    bool neutralizeFormulas = true;
    Encoding encoding = Encoding::Utf8Bom; // Excel opens UTF-8 only with a BOM
};

// True when a spreadsheet could run `value` as a formula: it starts with = + - @ TAB or CR, or
// with = + - @ in full-width or small form (＝ ＋ － ＠), or with one of them after white space
// (spaces, TAB, LF, CR, U+3000, no-break space) or a U+FEFF.
bool startsLikeFormula(const QString &value);
// One field, quoted and neutralised as needed.
QString csvField(const QString &value, const CsvWriteOptions &options = {});
// One record with its line end.
QString csvLine(const QStringList &fields, const CsvWriteOptions &options = {});
// The whole text, encoded strictly (a character CP932 lacks is an error, see encode()).
Result<QByteArray> writeCsv(const QList<QStringList> &rows, const CsvWriteOptions &options = {});

// Streaming writer for large exports.
class CsvWriter final {
public:
    CsvWriter(QIODevice *device, CsvWriteOptions options = {});
    Status writeRow(const QStringList &fields);

private:
    QIODevice *m_device;
    CsvWriteOptions m_options;
    bool m_started = false;
    int m_rows = 0;
};

} // namespace mikomi::io
