#pragma once

#include "models/io/encoding.h"
#include "models/io/vcard.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>

#include <optional>

// The lines of a vCard file, below the properties (readVCards, vcard.cpp): unfolding physical
// lines into logical ones (folded lines, 2.1 quoted-printable soft line breaks, 2.1 base64 data
// continued without indentation), the name and parameters of a line, quoted-printable, and the
// character set of a value. Internal to the vCard reader.
namespace mikomi::io::vcard {

// One content line after unfolding: `line` is the physical line it starts on (1-based).
struct LogicalLine {
    int line;
    QByteArray bytes;
    bool qp;     // ENCODING=QUOTED-PRINTABLE: its value is still encoded
    bool base64; // BASE64 data (photos, logos, keys): not kept
};

// A property as read from a logical line, its value decoded but still escaped.
struct Property {
    int line = 0;
    QByteArray name;         // upper case, group removed
    QByteArray group;        // upper case ("ITEM1" of item1.TEL), empty when none
    QList<QByteArray> types; // upper case: TYPE=… values and bare 2.1 parameters
    QString sortAs;
    QString value; // decoded text, still escaped
};

QList<LogicalLine> unfoldLines(QByteArrayView data);

// Index of the first ':' that is not inside double quotes, or -1.
qsizetype valueColon(QByteArrayView line);
// The name and the parameters before the value, split on ';' outside double quotes.
QList<QByteArray> splitParams(QByteArrayView head);

QByteArray decodeQuotedPrintable(QByteArrayView in);

// Decodes a property value: the CHARSET parameter, else the file's encoding, else UTF-8 or CP932,
// whichever is valid; Latin-1 as the last resort (with an error on `line` in `errors`).
QString decodeValue(const QByteArray &bytes, const QByteArray &charset,
                    std::optional<Encoding> fileEncoding, int line, QList<VCardWarning> &errors);

} // namespace mikomi::io::vcard
