#include "models/io/csv.h"

#include <QCoreApplication>
#include <QFile>
#include <QIODevice>
#include <QStringDecoder>

#include <deque>

namespace mikomi::io {

// ---------------------------------------------------------------------------------------------
// Parser

CsvParser::CsvParser(QChar delimiter)
    : m_delimiter(delimiter) {}

// Most fields are read in one piece: made at their size at once (QString::append on an empty
// string works out a growth first; measured, a tenth of the reading thread of an import).
void CsvParser::appendToField(const QChar *from, const QChar *to) {
    if (m_field.isEmpty())
        m_field = QString(from, to - from);
    else
        m_field.append(from, to - from);
}

void CsvParser::endField() {
    m_fields.append(std::move(m_field));
    m_field = QString();
    m_fieldQuoted = false;
}

void CsvParser::endRecord(const Sink &sink) {
    const qsizetype fields = m_fields.size();
    CsvRecord r{m_recordLine, std::move(m_fields)};
    m_fields = QStringList();
    m_fields.reserve(fields); // records have as many fields as the last one, as a rule: no growing
    sink(std::move(r));
}

void CsvParser::feed(QStringView chunk, const Sink &sink) {
    const char16_t delim = m_delimiter.unicode();
    const QChar *p = chunk.data();
    const QChar *const end = p + chunk.size();
    while (p < end) {
        switch (m_state) {
        case State::AfterCr:
            if (*p == u'\n')
                ++p;
            m_state = State::RecordStart;
            break;
        case State::RecordStart:
            // Blank lines between records are skipped.
            if (*p == u'\n') {
                ++m_line;
                ++p;
                break;
            }
            if (*p == u'\r') {
                ++m_line;
                ++p;
                m_state = State::AfterCr;
                break;
            }
            m_recordLine = m_line;
            m_state = State::FieldStart;
            break;
        case State::FieldStart:
            if (*p == u'"') {
                m_fieldQuoted = true;
                m_quoteLine = m_line;
                m_pendingCr = false;
                m_state = State::Quoted;
                ++p;
            } else {
                m_state = State::Unquoted;
            }
            break;
        case State::Unquoted: {
            const QChar *q = p;
            while (q < end) {
                const char16_t c = q->unicode();
                if (c == delim || c == u'\n' || c == u'\r')
                    break;
                ++q;
            }
            if (q > p)
                appendToField(p, q);
            p = q;
            if (p == end)
                break;
            const char16_t c = p->unicode();
            ++p;
            endField();
            if (c == delim) {
                m_state = State::FieldStart;
            } else {
                endRecord(sink);
                ++m_line;
                m_state = c == u'\r' ? State::AfterCr : State::RecordStart;
            }
            break;
        }
        case State::Quoted: {
            const QChar *q = p;
            while (q < end) {
                const char16_t c = q->unicode();
                if (c == u'"')
                    break;
                if (c == u'\r') {
                    ++m_line;
                    m_pendingCr = true;
                } else {
                    if (c == u'\n' && !m_pendingCr)
                        ++m_line;
                    m_pendingCr = false;
                }
                ++q;
            }
            if (q > p)
                appendToField(p, q);
            p = q;
            if (p < end) {
                ++p; // the quote
                m_pendingCr = false;
                m_state = State::QuoteInQuoted;
            }
            break;
        }
        case State::QuoteInQuoted: {
            const char16_t c = p->unicode();
            if (c == u'"') {
                m_field.append(u'"');
                m_state = State::Quoted;
                ++p;
            } else if (c == delim) {
                endField();
                m_state = State::FieldStart;
                ++p;
            } else if (c == u'\n' || c == u'\r') {
                endField();
                endRecord(sink);
                ++m_line;
                m_state = c == u'\r' ? State::AfterCr : State::RecordStart;
                ++p;
            } else {
                // Text after the closing quote ("ab"cd): kept literally, as spreadsheets do.
                m_state = State::Unquoted;
            }
            break;
        }
        }
    }
}

Status CsvParser::finish(const Sink &sink) {
    const State state = m_state;
    m_state = State::RecordStart;
    switch (state) {
    case State::Quoted: {
        m_field = QString();
        m_fields = QStringList();
        return Error{QCoreApplication::translate("mikomi::io::Csv",
                                                 "The quoted field that starts on line %1 is "
                                                 "never closed: a closing quote (\") is missing.")
                         .arg(m_quoteLine)};
    }
    case State::FieldStart:
    case State::Unquoted:
    case State::QuoteInQuoted:
        endField();
        endRecord(sink);
        break;
    case State::RecordStart:
    case State::AfterCr:
        break;
    }
    return Status::success();
}

Result<QList<CsvRecord>> parseCsv(QStringView text, QChar delimiter) {
    QList<CsvRecord> out;
    CsvParser parser(delimiter);
    const auto sink = [&out](CsvRecord &&r) { out.append(std::move(r)); };
    parser.feed(text, sink);
    const Status s = parser.finish(sink);
    if (!s)
        return Error{s.error()};
    return out;
}

QChar detectDelimiter(QStringView sample) {
    constexpr qsizetype kMaxSample = 64 * 1024;
    constexpr int kMaxRecords = 20;
    if (sample.size() > kMaxSample) {
        sample = sample.first(kMaxSample);
        const qsizetype nl = sample.lastIndexOf(u'\n');
        if (nl > 0)
            sample = sample.first(nl + 1);
    }
    QChar best = u',';
    qsizetype bestFields = 1;
    bool bestConsistent = false;
    for (const QChar candidate : {QChar(u','), QChar(u'\t'), QChar(u';')}) {
        QList<qsizetype> counts;
        CsvParser parser(candidate);
        const auto sink = [&counts](CsvRecord &&r) {
            if (counts.size() < kMaxRecords)
                counts.append(r.fields.size());
        };
        parser.feed(sample, sink);
        if (counts.isEmpty())
            (void)parser.finish(sink);
        if (counts.isEmpty())
            continue;
        const qsizetype first = counts.first();
        if (first <= 1)
            continue;
        const bool consistent = std::all_of(counts.cbegin(), counts.cend(),
                                            [first](qsizetype n) { return n == first; });
        if ((consistent && !bestConsistent) ||
            (consistent == bestConsistent && first > bestFields)) {
            best = candidate;
            bestFields = first;
            bestConsistent = consistent;
        }
    }
    return best;
}

// ---------------------------------------------------------------------------------------------
// Reader

namespace {

constexpr qint64 kChunk = 1 << 20;
constexpr qint64 kFirstChunk = 16 * 1024;

Error openError(const QString &path, const QString &reason) {
    return Error{QCoreApplication::translate("mikomi::io::Csv", "Cannot open the file %1: %2")
                     .arg(path, reason)};
}

// Detects the encoding of a seekable device by validating all of it, then seeks back.
Result<Encoding> detectOnDevice(QIODevice *device) {
    const qint64 start = device->pos();
    const QByteArray head = device->peek(4);
    if (head.startsWith("\xEF\xBB\xBF"))
        return Encoding::Utf8Bom;
    if (head.startsWith("\xFF\xFE"))
        return Encoding::Utf16Le;
    if (head.startsWith("\xFE\xFF"))
        return Encoding::Utf16Be;
    const auto validates = [&](QStringDecoder dec) {
        device->seek(start);
        while (!device->atEnd()) {
            const QByteArray chunk = device->read(kChunk);
            if (chunk.isEmpty())
                break;
            (void)QString(dec.decode(chunk));
            if (dec.hasError())
                return false;
        }
        return true;
    };
    if (validates(QStringDecoder(QStringConverter::Utf8))) {
        device->seek(start);
        return Encoding::Utf8;
    }
    if (validates(QStringDecoder("windows-31j"))) {
        device->seek(start);
        return Encoding::Cp932;
    }
    device->seek(start);
    const QByteArray all = device->readAll();
    device->seek(start);
    return detectEncoding(all, true);
}

} // namespace

struct CsvReader::Private {
    QIODevice *device = nullptr;
    CsvReadOptions options;
    bool initialised = false;
    bool done = false;
    QString error;
    Encoding encoding = Encoding::Utf8;
    QChar delimiter = u',';
    std::unique_ptr<StreamDecoder> decoder;
    std::unique_ptr<CsvParser> parser;
    std::deque<CsvRecord> queue;
    qint64 bytesRead = 0;

    bool init();
    void fill();
};

bool CsvReader::Private::init() {
    initialised = true;
    if (!device || !device->isReadable()) {
        error = QCoreApplication::translate("mikomi::io::Csv", "The file is not open for reading.");
        return false;
    }
    if (options.encoding) {
        encoding = *options.encoding;
    } else {
        const auto enc = device->isSequential() ? detectEncoding(device->peek(kChunk), false)
                                                : detectOnDevice(device);
        if (!enc) {
            error = enc.error();
            return false;
        }
        encoding = *enc;
    }
    if (options.delimiter) {
        delimiter = *options.delimiter;
    } else {
        // Lenient decoding is fine here: the sample only counts delimiters.
        QByteArray sample = device->peek(64 * 1024);
        QStringDecoder dec =
            encoding == Encoding::Cp932     ? QStringDecoder("windows-31j")
            : encoding == Encoding::Utf16Le ? QStringDecoder(QStringConverter::Utf16LE)
            : encoding == Encoding::Utf16Be ? QStringDecoder(QStringConverter::Utf16BE)
                                            : QStringDecoder(QStringConverter::Utf8);
        delimiter = detectDelimiter(QString(dec.decode(sample)));
    }
    decoder = std::make_unique<StreamDecoder>(encoding);
    parser = std::make_unique<CsvParser>(delimiter);
    return true;
}

void CsvReader::Private::fill() {
    const auto sink = [this](CsvRecord &&r) { queue.push_back(std::move(r)); };
    while (queue.empty() && !done) {
        // A small first read: the header row is often read on one thread and the rest on
        // another (the importer), which should do the parsing.
        const QByteArray chunk = device->read(bytesRead == 0 ? kFirstChunk : kChunk);
        bytesRead += chunk.size();
        if (chunk.isEmpty()) {
            done = true;
            auto rest = decoder->finish();
            if (!rest) {
                error = rest.error();
                return;
            }
            parser->feed(*rest, sink);
            const Status s = parser->finish(sink);
            if (!s)
                error = s.error();
            return;
        }
        auto text = decoder->feed(chunk);
        if (!text) {
            done = true;
            error = text.error();
            return;
        }
        parser->feed(*text, sink);
    }
}

CsvReader::CsvReader(QIODevice *device, CsvReadOptions options)
    : d(std::make_unique<Private>()) {
    d->device = device;
    d->options = std::move(options);
}

CsvReader::~CsvReader() = default;

bool CsvReader::next(CsvRecord &record) {
    if (!d->initialised && !d->init()) {
        d->done = true;
        return false;
    }
    if (d->queue.empty()) {
        if (!d->error.isEmpty())
            return false;
        d->fill();
    }
    // Records parsed before an error are still delivered; the error comes after them.
    if (d->queue.empty())
        return false;
    record = std::move(d->queue.front());
    d->queue.pop_front();
    return true;
}

QString CsvReader::error() const {
    return d->queue.empty() ? d->error : QString();
}

Encoding CsvReader::encoding() const {
    return d->encoding;
}

QChar CsvReader::delimiter() const {
    return d->delimiter;
}

qint64 CsvReader::bytesRead() const {
    return d->bytesRead;
}

Result<CsvTable> readCsv(QByteArrayView data, const CsvReadOptions &options) {
    CsvTable table;
    if (options.encoding) {
        table.encoding = *options.encoding;
    } else {
        const auto enc = detectEncoding(data, true);
        if (!enc)
            return Error{enc.error()};
        table.encoding = *enc;
    }
    const auto text = decode(data, table.encoding);
    if (!text)
        return Error{text.error()};
    table.delimiter = options.delimiter ? *options.delimiter : detectDelimiter(*text);
    auto records = parseCsv(*text, table.delimiter);
    if (!records)
        return Error{records.error()};
    table.records = std::move(records).value();
    return table;
}

Result<CsvTable> readCsvFile(const QString &path, const CsvReadOptions &options) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return openError(path, f.errorString());
    return readCsv(f.readAll(), options);
}

// ---------------------------------------------------------------------------------------------
// Writer

namespace {

// Optional sign, ASCII digits, optional decimal part: a spreadsheet reads it as a number.
bool isPlainNumber(const QString &s) {
    qsizetype i = 0;
    if (i < s.size() && (s.at(i) == u'-' || s.at(i) == u'+'))
        ++i;
    const qsizetype digitsStart = i;
    while (i < s.size() && s.at(i) >= u'0' && s.at(i) <= u'9')
        ++i;
    if (i == digitsStart)
        return false;
    if (i < s.size() && s.at(i) == u'.') {
        ++i;
        const qsizetype fracStart = i;
        while (i < s.size() && s.at(i) >= u'0' && s.at(i) <= u'9')
            ++i;
        if (i == fracStart)
            return false;
    }
    return i == s.size();
}

} // namespace

bool startsLikeFormula(const QString &s) {
    if (s.isEmpty())
        return false;
    if (s.at(0) == u'\t' || s.at(0) == u'\r')
        return true;
    // Spreadsheets skip (or are told to trim) white space and a BOM before a formula, and read
    // the full-width and small forms of = + - @ as the ASCII ones.
    for (const QChar c : s) {
        switch (c.unicode()) {
        case u' ':
        case u'\t':
        case u'\n':
        case u'\r':
        case 0x00A0: // no-break space
        case 0x3000: // ideographic space
        case 0xFEFF: // BOM / zero-width no-break space
        case 0x200B: // zero-width space
            continue;
        case u'=':
        case u'+':
        case u'-':
        case u'@':
        case 0xFF1D: // ＝
        case 0xFF0B: // ＋
        case 0xFF0D: // －
        case 0xFF20: // ＠
        case 0xFE66: // small =
        case 0xFE62: // small +
        case 0xFE63: // small -
        case 0xFE6B: // small @
        case 0x2212: // minus sign
            return true;
        default:
            return false;
        }
    }
    return false;
}

QString csvField(const QString &value, const CsvWriteOptions &options) {
    QString v = value;
    if (options.neutralizeFormulas && startsLikeFormula(v) && !isPlainNumber(v))
        v.prepend(u'\'');
    const bool quote = v.contains(options.delimiter) || v.contains(u'"') || v.contains(u'\n') ||
                       v.contains(u'\r') ||
                       (!v.isEmpty() && (v.front().isSpace() || v.back().isSpace()));
    if (!quote)
        return v;
    v.replace(QStringLiteral("\""), QStringLiteral("\"\""));
    return u'"' + v + u'"';
}

QString csvLine(const QStringList &fields, const CsvWriteOptions &options) {
    QString line;
    for (qsizetype i = 0; i < fields.size(); ++i) {
        if (i > 0)
            line.append(options.delimiter);
        line.append(csvField(fields.at(i), options));
    }
    line.append(options.lineEnd);
    return line;
}

Result<QByteArray> writeCsv(const QList<QStringList> &rows, const CsvWriteOptions &options) {
    QString text;
    for (const QStringList &row : rows)
        text.append(csvLine(row, options));
    return encode(text, options.encoding);
}

CsvWriter::CsvWriter(QIODevice *device, CsvWriteOptions options)
    : m_device(device)
    , m_options(std::move(options)) {}

Status CsvWriter::writeRow(const QStringList &fields) {
    ++m_rows;
    Encoding e = m_options.encoding;
    // The BOM only once, at the start.
    if (m_started && e == Encoding::Utf8Bom)
        e = Encoding::Utf8;
    auto bytes = encode(csvLine(fields, m_options), e);
    if (!bytes)
        return Error{QCoreApplication::translate("mikomi::io::Csv", "Row %1 cannot be written: %2")
                         .arg(m_rows)
                         .arg(bytes.error())};
    QByteArray out = std::move(bytes).value();
    if (m_started && (e == Encoding::Utf16Le || e == Encoding::Utf16Be))
        out.remove(0, 2);
    m_started = true;
    if (m_device->write(out) != out.size())
        return Error{QCoreApplication::translate("mikomi::io::Csv", "Cannot write the file: %1")
                         .arg(m_device->errorString())};
    return Status::success();
}

} // namespace mikomi::io
