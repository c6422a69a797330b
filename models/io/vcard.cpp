#include "models/io/vcard.h"

#include "models/io/encoding.h"
#include "models/io/vcardlead.h"
#include "models/io/vcardlines.h"

#include <QCoreApplication>
#include <QFile>

#include <optional>

// Reading: a file's encoding, its lines unfolded (vcardlines.cpp), the cards between BEGIN and
// END with their warnings, each property's parameters and value, and each card's properties
// mapped to a Lead (vcardlead.cpp). Writing is in vcardwrite.cpp and vcardwrite21.cpp.
namespace mikomi::io {
namespace {

using vcard::CardBuilder;
using vcard::decodeQuotedPrintable;
using vcard::decodeValue;
using vcard::LogicalLine;
using vcard::Property;
using vcard::splitParams;
using vcard::valueColon;

QString warnMalformed() {
    return QCoreApplication::translate("Mikomi",
                                       "This line is not a vCard property and was skipped.");
}

} // namespace

VCardReadResult readVCards(QByteArrayView data) {
    VCardReadResult result;
    // A UTF-16 file is turned into UTF-8 first; otherwise the file's own encoding (UTF-8 or
    // Shift_JIS as a whole) is the default for values without a CHARSET.
    QByteArray utf8;
    std::optional<Encoding> fileEncoding;
    if (const auto e = detectEncoding(data)) {
        fileEncoding = *e;
        if (*e == Encoding::Utf16Le || *e == Encoding::Utf16Be) {
            if (const auto s = decode(data, *e)) {
                utf8 = s->toUtf8();
                data = utf8;
                fileEncoding = Encoding::Utf8;
            }
        } else if (*e == Encoding::Utf8Bom) {
            data = data.sliced(3);
            fileEncoding = Encoding::Utf8;
        }
    }

    // Unfold into logical lines.
    const QList<LogicalLine> logical = vcard::unfoldLines(data);

    std::optional<CardBuilder> card;
    int cardLine = 0;
    int nested = 0;
    const auto finishCard = [&] {
        VCardEntry entry;
        entry.version = card->version;
        entry.line = cardLine;
        entry.warnings = card->warnings;
        entry.errors = card->errors;
        entry.lines = card->lines;
        entry.lead = card->finish();
        result.cards.append(std::move(entry));
        card.reset();
    };
    for (const LogicalLine &l : logical) {
        QList<VCardWarning> &warnings = card ? card->warnings : result.warnings;
        const qsizetype colon = valueColon(l.bytes);
        if (colon <= 0) {
            warnings.append({l.line, warnMalformed()});
            continue;
        }
        const QList<QByteArray> head = splitParams(QByteArrayView(l.bytes).first(colon));
        QByteArray name = head.first().trimmed().toUpper();
        QByteArray group;
        if (const qsizetype dot = name.lastIndexOf('.'); dot >= 0) {
            group = name.left(dot);
            name = name.mid(dot + 1); // item1.EMAIL
        }
        const QByteArrayView rawValue = QByteArrayView(l.bytes).sliced(colon + 1);
        if (name == "BEGIN" || name == "END") {
            const bool isCard = rawValue.trimmed().toByteArray().toUpper() == "VCARD";
            if (!isCard) {
                warnings.append({l.line, warnMalformed()});
                continue;
            }
            if (name == "BEGIN") {
                if (card) {
                    ++nested;
                    warnings.append({l.line, QCoreApplication::translate(
                                                 "Mikomi", "A card nested inside another card "
                                                           "was skipped.")});
                } else {
                    card.emplace();
                    cardLine = l.line;
                }
            } else if (nested > 0) {
                --nested;
            } else if (card) {
                finishCard();
            } else {
                warnings.append({l.line, QCoreApplication::translate(
                                             "Mikomi", "END:VCARD without BEGIN:VCARD.")});
            }
            continue;
        }
        if (nested > 0)
            continue;
        if (!card) {
            warnings.append({l.line, QCoreApplication::translate(
                                         "Mikomi", "This line is outside any card and was "
                                                   "skipped.")});
            continue;
        }
        if (l.base64)
            continue; // photos, logos, keys: not kept
        Property p;
        p.line = l.line;
        p.name = name;
        p.group = group;
        QByteArray charset;
        for (qsizetype i = 1; i < head.size(); ++i) {
            const QByteArray param = head.at(i).trimmed();
            const qsizetype eq = param.indexOf('=');
            const QByteArray key = (eq < 0 ? param : param.left(eq)).trimmed().toUpper();
            QByteArray value = eq < 0 ? QByteArray() : param.mid(eq + 1).trimmed();
            if (value.size() >= 2 && value.startsWith('"') && value.endsWith('"'))
                value = value.mid(1, value.size() - 2);
            if (eq < 0) {
                p.types.append(key); // 2.1: TEL;CELL;VOICE
            } else if (key == "TYPE") {
                for (const QByteArray &t : value.split(','))
                    p.types.append(t.trimmed().toUpper());
            } else if (key == "CHARSET") {
                charset = value;
            } else if (key == "SORT-AS") {
                p.sortAs = decodeValue(value, QByteArray(), fileEncoding, l.line, card->errors);
            }
        }
        QByteArray bytes = rawValue.toByteArray();
        if (l.qp)
            bytes = decodeQuotedPrintable(bytes);
        p.value = decodeValue(bytes, charset, fileEncoding, l.line, card->errors);
        if (l.qp) {
            // A line break in quoted-printable is CRLF (=0D=0A); the lead keeps "\n".
            p.value.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
            p.value.replace(u'\r', u'\n');
        }
        if (name == "VERSION") {
            card->version = p.value.trimmed();
            continue;
        }
        card->add(p);
    }
    if (card) {
        card->warnings.append({cardLine, QCoreApplication::translate(
                                             "Mikomi", "The card that starts on this line has no "
                                                       "END:VCARD.")});
        finishCard();
    }
    return result;
}

Result<VCardReadResult> readVCardFile(const QString &path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return Error{QCoreApplication::translate("Mikomi", "Cannot open the file %1: %2")
                         .arg(path, f.errorString())};
    return readVCards(f.readAll());
}

} // namespace mikomi::io
