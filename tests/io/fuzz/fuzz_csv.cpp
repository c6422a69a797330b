// libFuzzer target for the CSV reader (how to run: see CMakeLists.txt in this folder).
#include "models/io/csv.h"

#include <QBuffer>

#include <cstdlib>

using namespace mikomi::io;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    // Whole-buffer path: detection, strict decoding, delimiter guess, parsing.
    const auto table = readCsv(bytes);

    // Streaming path over a device must agree with the whole-buffer path.
    QByteArray copy = bytes;
    QBuffer buf(&copy);
    buf.open(QIODevice::ReadOnly);
    CsvReader reader(&buf);
    QList<CsvRecord> streamed;
    CsvRecord rec;
    while (reader.next(rec))
        streamed.append(rec);
    if (table.ok() && reader.error().isEmpty() && streamed != table->records)
        std::abort();

    // Any split of the decoded text gives the same records.
    const QString text = QString::fromUtf8(bytes);
    const qsizetype cut = size > 0 ? qsizetype(data[0]) % (text.size() + 1) : 0;
    QList<CsvRecord> whole, split;
    CsvParser a, b;
    a.feed(text, [&](CsvRecord &&r) { whole.append(std::move(r)); });
    const bool okA = a.finish([&](CsvRecord &&r) { whole.append(std::move(r)); }).ok();
    b.feed(QStringView(text).first(cut), [&](CsvRecord &&r) { split.append(std::move(r)); });
    b.feed(QStringView(text).sliced(cut), [&](CsvRecord &&r) { split.append(std::move(r)); });
    const bool okB = b.finish([&](CsvRecord &&r) { split.append(std::move(r)); }).ok();
    if (okA != okB || whole != split)
        std::abort();

    // Writing then reading gives the fields back (formula neutralisation off).
    if (okA && !whole.isEmpty()) {
        QList<QStringList> rows;
        for (const CsvRecord &r : whole)
            rows.append(r.fields);
        CsvWriteOptions o;
        o.neutralizeFormulas = false;
        o.encoding = Encoding::Utf8;
        const auto out = writeCsv(rows, o);
        if (out.ok()) {
            const auto back = parseCsv(QString::fromUtf8(*out));
            if (!back.ok())
                std::abort();
            // Blank single-field records are skipped on reading, so compare non-blank rows.
            QList<QStringList> got, want;
            for (const CsvRecord &r : *back)
                got.append(r.fields);
            for (const QStringList &r : rows)
                if (!(r.size() == 1 && r.first().isEmpty()))
                    want.append(r);
            if (got != want)
                std::abort();
        }
    }
    return 0;
}
