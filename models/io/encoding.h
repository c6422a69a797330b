#pragma once

#include "models/domain/result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>
#include <QStringView>

#include <optional>

// Text encodings of imported and exported files (product.md §Capabilities 9). Decoding is strict:
// a byte sequence that is not valid in the encoding is an error naming its line, never a silent
// U+FFFD. Encoding is strict too: a character the target cannot represent is reported.
namespace mikomi::io {

enum class Encoding {
    Utf8,    // UTF-8 without a byte order mark
    Utf8Bom, // UTF-8 with EF BB BF (what Excel writes for "CSV UTF-8")
    Utf16Le, // with FF FE (Excel "Unicode text")
    Utf16Be, // with FE FF
    Cp932,   // Windows-31J / Shift_JIS with the NEC and IBM extensions (①, 髙, ～)
};

// Stable key ("utf-8", "utf-8-bom", "utf-16le", "utf-16be", "cp932") and parse of a user's name
// for an encoding ("sjis", "shift_jis", "windows-31j", "utf8"…).
QString encodingKey(Encoding e);
std::optional<Encoding> encodingFromName(const QString &name);
// Label shown to the user (translated).
QString encodingLabel(Encoding e);

// Length of the byte order mark of `e` (0 for UTF-8 without BOM and CP932).
qsizetype bomLength(Encoding e);

// Detects the encoding of a whole file (or of a prefix: pass `complete = false` when `data` may
// end in the middle of a character). BOMs win; then valid UTF-8 (pure ASCII is UTF-8); then
// valid CP932. Neither: an error naming the first line that is not valid.
Result<Encoding> detectEncoding(QByteArrayView data, bool complete = true);

// Strict decoding; the BOM of `e`, if present, is skipped. Errors name the (1-based) line.
Result<QString> decode(QByteArrayView data, Encoding e);

// Incremental strict decoder for large files: feed chunks in order, then finish().
class StreamDecoder final {
public:
    explicit StreamDecoder(Encoding e);
    ~StreamDecoder();
    StreamDecoder(const StreamDecoder &) = delete;
    StreamDecoder &operator=(const StreamDecoder &) = delete;

    // Decodes a chunk (a BOM at the very start is skipped). On an undecodable byte: an error with
    // the line number; the decoder is then unusable.
    Result<QString> feed(QByteArrayView chunk);
    // Decodes what is left after the last chunk; an error if the input ended in the middle of a
    // character.
    Result<QString> finish();

private:
    struct Private;
    Private *d;
};

// A character that the target encoding cannot represent.
struct Unrepresentable {
    int line = 0;   // 1-based
    int column = 0; // 1-based, in characters (UTF-16 code units)
    char32_t codePoint = 0;
};

// Characters of `text` that `e` cannot encode (always empty for the Unicode encodings).
QList<Unrepresentable> findUnrepresentable(QStringView text, Encoding e);

// The mark written in place of a character the target encoding lacks: 〓 (U+3013 GETA MARK), the
// Japanese typesetters' sign for a missing glyph, which CP932 has (0x81AC). Never a silent '?'.
inline constexpr char16_t kMissingCharMark = u'\u3013';

// `text` with every character `e` cannot encode replaced by kMissingCharMark (one mark per
// character: a surrogate pair such as 𠮷 is one); the characters replaced are appended to
// `replaced` when given. The text itself when `e` holds all of it (always for Unicode encodings).
QString replaceUnrepresentable(QStringView text, Encoding e, QList<char32_t> *replaced = nullptr);

// Strict encoding; for CP932 the common JIS-vs-Microsoft variants (U+301C wave dash, U+2016,
// U+2212, U+00A2, U+00A3, U+00AC, U+2014) are written as their CP932 forms (U+FF5E, U+2225,
// U+FF0D, U+FFE0, U+FFE1, U+FFE2, U+2015), so text typed on a Mac still exports. Anything else
// CP932 lacks (emoji, most accented letters) is an error listing the first few characters and
// their lines. The BOM is written for Utf8Bom and UTF-16.
Result<QByteArray> encode(QStringView text, Encoding e);

} // namespace mikomi::io
