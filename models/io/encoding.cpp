#include "models/io/encoding.h"

#include "models/text/normalize.h"

#include <QCoreApplication>
#include <QStringDecoder>
#include <QStringEncoder>

namespace mikomi::io {
namespace {

// QStringView::count(u'\n') as a plain loop the compiler unrolls (Qt's own was 1.5% of an
// import's reading thread: it runs over every decoded character).
qsizetype countNewlines(QStringView s) {
    qsizetype n = 0;
    for (const QChar c : s)
        n += c.unicode() == u'\n' ? 1 : 0;
    return n;
}

// ICU's windows-31j converter: CP932 with the NEC row 13 (①) and IBM extensions (髙).
constexpr const char *kCp932Name = "windows-31j";

QStringDecoder makeDecoder(Encoding e,
                           QStringConverter::Flags flags = QStringConverter::Flag::Default) {
    switch (e) {
    case Encoding::Utf8:
    case Encoding::Utf8Bom:
        return QStringDecoder(QStringConverter::Utf8, flags);
    case Encoding::Utf16Le:
        return QStringDecoder(QStringConverter::Utf16LE, flags);
    case Encoding::Utf16Be:
        return QStringDecoder(QStringConverter::Utf16BE, flags);
    case Encoding::Cp932:
        return QStringDecoder(kCp932Name, flags);
    }
    return QStringDecoder(QStringConverter::Utf8, flags);
}

QStringEncoder makeEncoder(Encoding e) {
    switch (e) {
    case Encoding::Utf8:
        return QStringEncoder(QStringConverter::Utf8);
    case Encoding::Utf8Bom:
        return QStringEncoder(QStringConverter::Utf8, QStringConverter::Flag::WriteBom);
    case Encoding::Utf16Le:
        return QStringEncoder(QStringConverter::Utf16LE, QStringConverter::Flag::WriteBom);
    case Encoding::Utf16Be:
        return QStringEncoder(QStringConverter::Utf16BE, QStringConverter::Flag::WriteBom);
    case Encoding::Cp932:
        return QStringEncoder(kCp932Name);
    }
    return QStringEncoder(QStringConverter::Utf8);
}

bool isByteLineSafe(Encoding e) {
    // In UTF-8 and CP932 the byte 0x0A only ever means LF, so lines can be decoded one by one.
    return e == Encoding::Utf8 || e == Encoding::Utf8Bom || e == Encoding::Cp932;
}

Error unavailableError(Encoding e) {
    return Error{QCoreApplication::translate("mikomi::io::Encoding",
                                             "The text encoding %1 is not available on this "
                                             "system.")
                     .arg(encodingLabel(e))};
}

Error badLineError(Encoding e, qsizetype line) {
    return Error{QCoreApplication::translate("mikomi::io::Encoding",
                                             "Line %1 contains bytes that are not valid %2 "
                                             "text.")
                     .arg(line)
                     .arg(encodingLabel(e))};
}

// 1-based line of the first undecodable byte of `data` (which holds whole characters), or 0 when
// all of it decodes. `firstLine` is the number of the line `data` starts on.
qsizetype firstBadLine(QByteArrayView data, Encoding e, qsizetype firstLine = 1) {
    if (isByteLineSafe(e)) {
        qsizetype line = firstLine;
        qsizetype start = 0;
        while (start <= data.size()) {
            qsizetype end = data.indexOf('\n', start);
            if (end < 0)
                end = data.size();
            QStringDecoder dec = makeDecoder(e, QStringConverter::Flag::Stateless);
            (void)QString(dec.decode(data.sliced(start, end - start)));
            if (dec.hasError())
                return line;
            ++line;
            start = end + 1;
        }
        return 0;
    }
    // UTF-16: decode with replacement and find the first U+FFFD.
    QStringDecoder dec = makeDecoder(e, QStringConverter::Flag::Stateless);
    const QString s = dec.decode(data);
    if (!dec.hasError())
        return 0;
    const qsizetype bad = s.indexOf(QChar::ReplacementCharacter);
    return firstLine + (bad < 0 ? s.count(u'\n') : QStringView(s).left(bad).count(u'\n'));
}

// Drops a possibly incomplete last line (for detection on a prefix of a file).
QByteArrayView completeLines(QByteArrayView data) {
    const qsizetype nl = data.lastIndexOf('\n');
    return nl < 0 ? QByteArrayView() : data.first(nl + 1);
}

char32_t cp932Variant(char32_t c) {
    switch (c) {
    case 0x301C:
        return 0xFF5E; // WAVE DASH → FULLWIDTH TILDE
    case 0x2016:
        return 0x2225; // DOUBLE VERTICAL LINE → PARALLEL TO
    case 0x2212:
        return 0xFF0D; // MINUS SIGN → FULLWIDTH HYPHEN-MINUS
    case 0x00A2:
        return 0xFFE0; // CENT SIGN
    case 0x00A3:
        return 0xFFE1; // POUND SIGN
    case 0x00AC:
        return 0xFFE2; // NOT SIGN
    case 0x2014:
        return 0x2015; // EM DASH → HORIZONTAL BAR
    default:
        return c;
    }
}

QString toCp932Variants(QStringView text) {
    QString out;
    out.reserve(text.size());
    for (const QChar c : text) {
        const char32_t v = cp932Variant(c.unicode());
        out.append(QChar(char16_t(v)));
    }
    return out;
}

} // namespace

QString encodingKey(Encoding e) {
    switch (e) {
    case Encoding::Utf8:
        return QStringLiteral("utf-8");
    case Encoding::Utf8Bom:
        return QStringLiteral("utf-8-bom");
    case Encoding::Utf16Le:
        return QStringLiteral("utf-16le");
    case Encoding::Utf16Be:
        return QStringLiteral("utf-16be");
    case Encoding::Cp932:
        return QStringLiteral("cp932");
    }
    return {};
}

std::optional<Encoding> encodingFromName(const QString &name) {
    QString k = text::foldKey(name);
    k.remove(u'-');
    k.remove(u'_');
    k.remove(u' ');
    if (k == u"utf8")
        return Encoding::Utf8;
    if (k == u"utf8bom" || k == u"utf8sig")
        return Encoding::Utf8Bom;
    if (k == u"utf16le" || k == u"utf16")
        return Encoding::Utf16Le;
    if (k == u"utf16be")
        return Encoding::Utf16Be;
    if (k == u"cp932" || k == u"sjis" || k == u"shiftjis" || k == u"windows31j" || k == u"ms932" ||
        k == u"windows932" || k == u"mskanji")
        return Encoding::Cp932;
    return std::nullopt;
}

QString encodingLabel(Encoding e) {
    switch (e) {
    case Encoding::Utf8:
        return QCoreApplication::translate("mikomi::io::Encoding", "UTF-8");
    case Encoding::Utf8Bom:
        return QCoreApplication::translate("mikomi::io::Encoding", "UTF-8 with BOM");
    case Encoding::Utf16Le:
        return QCoreApplication::translate("mikomi::io::Encoding", "UTF-16 (little endian)");
    case Encoding::Utf16Be:
        return QCoreApplication::translate("mikomi::io::Encoding", "UTF-16 (big endian)");
    case Encoding::Cp932:
        return QCoreApplication::translate("mikomi::io::Encoding", "Shift_JIS (CP932)");
    }
    return {};
}

qsizetype bomLength(Encoding e) {
    switch (e) {
    case Encoding::Utf8Bom:
        return 3;
    case Encoding::Utf16Le:
    case Encoding::Utf16Be:
        return 2;
    case Encoding::Utf8:
    case Encoding::Cp932:
        return 0;
    }
    return 0;
}

Result<Encoding> detectEncoding(QByteArrayView data, bool complete) {
    if (data.startsWith("\xEF\xBB\xBF"))
        return Encoding::Utf8Bom;
    if (data.startsWith("\xFF\xFE"))
        return Encoding::Utf16Le;
    if (data.startsWith("\xFE\xFF"))
        return Encoding::Utf16Be;
    const QByteArrayView body = complete ? data : completeLines(data);
    {
        QStringDecoder utf8(QStringConverter::Utf8, QStringConverter::Flag::Stateless);
        (void)QString(utf8.decode(body));
        if (!utf8.hasError())
            return Encoding::Utf8;
    }
    QStringDecoder sjis(kCp932Name, QStringConverter::Flag::Stateless);
    if (!sjis.isValid())
        return unavailableError(Encoding::Cp932);
    (void)QString(sjis.decode(body));
    if (!sjis.hasError())
        return Encoding::Cp932;
    const qsizetype utf8Line = firstBadLine(body, Encoding::Utf8);
    const qsizetype sjisLine = firstBadLine(body, Encoding::Cp932);
    return Error{QCoreApplication::translate("mikomi::io::Encoding",
                                             "The file is neither UTF-8 nor Shift_JIS (CP932) "
                                             "text: line %1 contains bytes that are not valid in "
                                             "either.")
                     .arg(std::max(utf8Line, sjisLine))};
}

Result<QString> decode(QByteArrayView data, Encoding e) {
    // Stateless: a character cut off at the end is an error too.
    QStringDecoder dec = makeDecoder(e, QStringConverter::Flag::Stateless);
    if (!dec.isValid())
        return unavailableError(e);
    const qsizetype bom = bomLength(e);
    if (bom > 0 && data.size() >= bom) {
        const bool hasBom = e == Encoding::Utf8Bom   ? data.startsWith("\xEF\xBB\xBF")
                            : e == Encoding::Utf16Le ? data.startsWith("\xFF\xFE")
                                                     : data.startsWith("\xFE\xFF");
        if (hasBom)
            data = data.sliced(bom);
    }
    QString s = dec.decode(data);
    if (dec.hasError()) {
        const qsizetype line = firstBadLine(data, e);
        return badLineError(e, line > 0 ? line : 1);
    }
    return s;
}

struct StreamDecoder::Private {
    Encoding encoding;
    QStringDecoder decoder;
    QByteArray pending;   // bytes after the last LF (byte-line-safe encodings)
    qsizetype line = 1;   // line number at the start of `pending`
    bool started = false; // BOM check done
    bool failed = false;
    bool oddBytes = false; // UTF-16: an odd number of bytes so far
};

StreamDecoder::StreamDecoder(Encoding e)
    : d(new Private{e, makeDecoder(e), {}, 1, false, false, false}) {}

StreamDecoder::~StreamDecoder() {
    delete d;
}

Result<QString> StreamDecoder::feed(QByteArrayView chunk) {
    if (!d->decoder.isValid())
        return unavailableError(d->encoding);
    if (d->failed)
        return badLineError(d->encoding, d->line);
    if (!d->started) {
        // Wait for enough bytes to see the BOM.
        d->pending.append(chunk);
        if (d->pending.size() < 3 && !chunk.isEmpty())
            return QString();
        d->started = true;
        const qsizetype bom = bomLength(d->encoding);
        if (bom > 0) {
            const QByteArrayView p(d->pending);
            const bool hasBom = d->encoding == Encoding::Utf8Bom   ? p.startsWith("\xEF\xBB\xBF")
                                : d->encoding == Encoding::Utf16Le ? p.startsWith("\xFF\xFE")
                                                                   : p.startsWith("\xFE\xFF");
            if (hasBom)
                d->pending.remove(0, bom);
        }
        chunk = {};
    }
    if (!isByteLineSafe(d->encoding)) {
        QByteArray all = d->pending + chunk.toByteArray();
        d->pending.clear();
        if (all.size() % 2 != 0)
            d->oddBytes = !d->oddBytes;
        const QString s = d->decoder.decode(all);
        if (d->decoder.hasError()) {
            d->failed = true;
            const qsizetype bad = s.indexOf(QChar::ReplacementCharacter);
            d->line += bad < 0 ? 0 : QStringView(s).left(bad).count(u'\n');
            return badLineError(d->encoding, d->line);
        }
        d->line += countNewlines(s);
        return s;
    }
    // Decode whole lines only, so an error can be pinned to its line.
    d->pending.append(chunk);
    const qsizetype nl = d->pending.lastIndexOf('\n');
    if (nl < 0)
        return QString();
    const QByteArrayView lines = QByteArrayView(d->pending).first(nl + 1);
    QString s = d->decoder.decode(lines);
    if (d->decoder.hasError()) {
        d->failed = true;
        d->line = firstBadLine(lines, d->encoding, d->line);
        return badLineError(d->encoding, d->line);
    }
    d->line += countNewlines(s);
    d->pending.remove(0, nl + 1);
    return s;
}

Result<QString> StreamDecoder::finish() {
    if (d->failed)
        return badLineError(d->encoding, d->line);
    QString head;
    if (!d->started) {
        auto r = feed(QByteArrayView());
        if (!r)
            return r;
        head = std::move(r).value();
    }
    if (!isByteLineSafe(d->encoding)) {
        if (d->oddBytes)
            return badLineError(d->encoding, d->line);
        return head;
    }
    // The BOM was handled at the start: a U+FEFF starting the last, unterminated line is text
    // (decode() would strip it as a BOM).
    QStringDecoder dec = makeDecoder(d->encoding, QStringConverter::Flag::Stateless |
                                                      QStringConverter::Flag::ConvertInitialBom);
    const QString rest = dec.decode(d->pending);
    if (dec.hasError()) {
        d->failed = true;
        d->line = firstBadLine(d->pending, d->encoding, d->line);
        d->pending.clear();
        return badLineError(d->encoding, d->line);
    }
    d->pending.clear();
    return QString(head + rest);
}

QList<Unrepresentable> findUnrepresentable(QStringView text, Encoding e) {
    QList<Unrepresentable> out;
    if (e != Encoding::Cp932)
        return out;
    const QString mapped = toCp932Variants(text);
    {
        QStringEncoder all = makeEncoder(e);
        (void)QByteArray(all.encode(mapped));
        if (!all.hasError())
            return out;
    }
    int line = 1;
    int column = 0;
    for (qsizetype i = 0; i < mapped.size(); ++i) {
        const QChar c = mapped.at(i);
        ++column;
        if (c == u'\n') {
            ++line;
            column = 0;
            continue;
        }
        if (c.unicode() < 0x80)
            continue;
        qsizetype len = 1;
        char32_t cp = c.unicode();
        if (c.isHighSurrogate() && i + 1 < mapped.size() && mapped.at(i + 1).isLowSurrogate()) {
            len = 2;
            cp = QChar::surrogateToUcs4(c, mapped.at(i + 1));
        }
        QStringEncoder one = makeEncoder(e);
        (void)QByteArray(one.encode(QStringView(mapped).sliced(i, len)));
        if (one.hasError())
            out.append(Unrepresentable{line, column, cp});
        i += len - 1;
    }
    return out;
}

QString replaceUnrepresentable(QStringView text, Encoding e, QList<char32_t> *replaced) {
    if (e != Encoding::Cp932)
        return text.toString();
    {
        QStringEncoder all = makeEncoder(e);
        (void)QByteArray(all.encode(toCp932Variants(text)));
        if (!all.hasError())
            return text.toString();
    }
    QString out;
    out.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c.unicode() < 0x80) {
            out.append(c);
            continue;
        }
        qsizetype len = 1;
        char32_t cp = c.unicode();
        if (c.isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate()) {
            len = 2;
            cp = QChar::surrogateToUcs4(c, text.at(i + 1));
        }
        const QStringView one = text.sliced(i, len);
        QStringEncoder enc = makeEncoder(e);
        (void)QByteArray(enc.encode(toCp932Variants(one)));
        if (enc.hasError()) {
            out.append(QChar(kMissingCharMark));
            if (replaced)
                replaced->append(cp);
        } else {
            out.append(one);
        }
        i += len - 1;
    }
    return out;
}

Result<QByteArray> encode(QStringView text, Encoding e) {
    QStringEncoder enc = makeEncoder(e);
    if (!enc.isValid())
        return unavailableError(e);
    if (e != Encoding::Cp932) {
        QByteArray out = enc.encode(text);
        if (enc.hasError())
            return Error{QCoreApplication::translate(
                "mikomi::io::Encoding",
                "The text contains a broken character (an unpaired surrogate).")};
        return out;
    }
    const QString mapped = toCp932Variants(text);
    QByteArray out = enc.encode(mapped);
    if (!enc.hasError())
        return out;
    const auto bad = findUnrepresentable(text, e);
    QStringList shown;
    for (qsizetype i = 0; i < bad.size() && i < 5; ++i) {
        shown.append(QCoreApplication::translate("mikomi::io::Encoding", "\"%1\" (U+%2) on line %3")
                         .arg(QString::fromUcs4(&bad[i].codePoint, 1))
                         .arg(uint(bad[i].codePoint), 4, 16, QLatin1Char('0'))
                         .arg(bad[i].line));
    }
    return Error{QCoreApplication::translate("mikomi::io::Encoding",
                                             "%n character(s) cannot be written in Shift_JIS "
                                             "(CP932): %1. Export as UTF-8 instead.",
                                             nullptr, int(bad.size()))
                     .arg(shown.join(QStringLiteral(", ")))};
}

} // namespace mikomi::io
