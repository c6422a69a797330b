#include "models/io/vcardlines.h"

#include <QCoreApplication>
#include <QStringDecoder>

namespace mikomi::io::vcard {
namespace {

struct PhysicalLine {
    int number;
    QByteArrayView bytes;
};

QList<PhysicalLine> splitLines(QByteArrayView data) {
    QList<PhysicalLine> lines;
    int number = 1;
    qsizetype start = 0;
    for (qsizetype i = 0; i < data.size(); ++i) {
        const char c = data[i];
        if (c != '\n' && c != '\r')
            continue;
        lines.append({number++, data.sliced(start, i - start)});
        if (c == '\r' && i + 1 < data.size() && data[i + 1] == '\n')
            ++i;
        start = i + 1;
    }
    if (start < data.size())
        lines.append({number, data.sliced(start)});
    return lines;
}

bool headSays(QByteArrayView line, const char *what) {
    const qsizetype colon = valueColon(line);
    const QByteArray head = (colon < 0 ? line : line.first(colon)).toByteArray().toUpper();
    return head.contains(what);
}

bool isQuotedPrintable(QByteArrayView line) {
    return headSays(line, "QUOTED-PRINTABLE");
}

bool isBase64(QByteArrayView line) {
    if (headSays(line, "BASE64"))
        return true;
    const qsizetype colon = valueColon(line);
    const QByteArray head = (colon < 0 ? line : line.first(colon)).toByteArray().toUpper();
    return head.contains("ENCODING=B;") || head.endsWith("ENCODING=B");
}

bool looksLikeBase64(QByteArrayView line) {
    for (const char c : line) {
        const bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
                        (c >= '0' && c <= '9') || c == '+' || c == '/' || c == '=' || c == ' ' ||
                        c == '\t';
        if (!ok)
            return false;
    }
    return true;
}

} // namespace

// Index of the first ':' that is not inside double quotes, or -1.
qsizetype valueColon(QByteArrayView line) {
    bool quoted = false;
    for (qsizetype i = 0; i < line.size(); ++i) {
        if (line[i] == '"')
            quoted = !quoted;
        else if (line[i] == ':' && !quoted)
            return i;
    }
    return -1;
}

QList<QByteArray> splitParams(QByteArrayView head) {
    QList<QByteArray> parts;
    bool quoted = false;
    qsizetype start = 0;
    for (qsizetype i = 0; i < head.size(); ++i) {
        if (head[i] == '"')
            quoted = !quoted;
        else if (head[i] == ';' && !quoted) {
            parts.append(head.sliced(start, i - start).toByteArray());
            start = i + 1;
        }
    }
    parts.append(head.sliced(start).toByteArray());
    return parts;
}

QList<LogicalLine> unfoldLines(QByteArrayView data) {
    QList<LogicalLine> logical;
    for (const PhysicalLine &pl : splitLines(data)) {
        const QByteArrayView b = pl.bytes;
        LogicalLine *last = logical.isEmpty() ? nullptr : &logical.last();
        if (b.isEmpty()) {
            if (last)
                last->base64 = false; // a blank line ends 2.1 base64 data
            continue;
        }
        if (last && (b[0] == ' ' || b[0] == '\t')) {
            last->bytes.append(b.sliced(1));
            continue;
        }
        if (last && last->qp && last->bytes.endsWith('=')) {
            last->bytes.chop(1); // soft line break
            last->bytes.append(b);
            continue;
        }
        if (last && last->base64 && valueColon(b) < 0 && looksLikeBase64(b)) {
            last->bytes.append(b); // 2.1 base64 continued without indentation
            continue;
        }
        logical.append({pl.number, b.toByteArray(), isQuotedPrintable(b), isBase64(b)});
    }
    return logical;
}

QByteArray decodeQuotedPrintable(QByteArrayView in) {
    QByteArray out;
    out.reserve(in.size());
    const auto hex = [](char c) -> int {
        if (c >= '0' && c <= '9')
            return c - '0';
        if (c >= 'A' && c <= 'F')
            return c - 'A' + 10;
        if (c >= 'a' && c <= 'f')
            return c - 'a' + 10;
        return -1;
    };
    for (qsizetype i = 0; i < in.size(); ++i) {
        const char c = in[i];
        if (c == '=' && i + 2 < in.size()) {
            const int hi = hex(in[i + 1]);
            const int lo = hex(in[i + 2]);
            if (hi >= 0 && lo >= 0) {
                out.append(char(hi * 16 + lo));
                i += 2;
                continue;
            }
        }
        if (c == '=' && i == in.size() - 1)
            break; // dangling soft break
        out.append(c);
    }
    return out;
}

// Decodes a property value: the CHARSET parameter, else the file's encoding, else UTF-8 or CP932,
// whichever is valid; Latin-1 as the last resort (with a warning).
QString decodeValue(const QByteArray &bytes, const QByteArray &charset,
                    std::optional<Encoding> fileEncoding, int line, QList<VCardWarning> &errors) {
    if (!charset.isEmpty()) {
        const auto known = encodingFromName(QString::fromLatin1(charset));
        if (known) {
            if (auto s = decode(bytes, *known))
                return *s;
        } else {
            QStringDecoder dec(charset.constData(), QStringConverter::Flag::Stateless);
            if (dec.isValid()) {
                QString s = dec.decode(bytes);
                if (!dec.hasError())
                    return s;
            }
        }
    }
    if (fileEncoding) {
        if (auto s = decode(bytes, *fileEncoding))
            return *s;
    }
    for (const Encoding e : {Encoding::Utf8, Encoding::Cp932}) {
        if (auto s = decode(bytes, e))
            return *s;
    }
    errors.append(
        {line, QCoreApplication::translate(
                   "Mikomi", "The text of this line is not valid UTF-8, Shift_JIS or "
                             "its CHARSET; save the file as UTF-8 and import it again.")});
    return QString::fromLatin1(bytes);
}

} // namespace mikomi::io::vcard
