// The import's report: the summary lines, the field-by-field changes, row errors as sentences and
// the rejected rows as a CSV to fix (importer.h).

#include "models/services/importer.h"

#include "models/storage/livefiles.h"

#include <QCoreApplication>
#include <QHash>
#include <QSaveFile>

namespace mikomi::services {

Status writeRejectedReport(const ImportSummary &s, const QString &path) {
    if (Status live = storage::LiveFiles::refuseLiveDatabase(path); !live)
        return live;
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Error{
            QCoreApplication::translate("mikomi::services::Importer", "Cannot write \"%1\": %2")
                .arg(path, file.errorString())};
    io::CsvWriteOptions wo;
    wo.neutralizeFormulas = false; // the rows go back into Mikomi as they were
    io::CsvWriter writer(&file, wo);
    QStringList header = s.headers;
    header << QStringLiteral("import_line") << QStringLiteral("import_column")
           << QStringLiteral("import_error");
    if (Status st = writer.writeRow(header); !st)
        return st;
    for (const RejectedRow &r : s.rejectedRows) {
        QStringList row = r.fields;
        while (row.size() < s.headers.size())
            row << QString();
        QStringList columns, reasons;
        for (const io::RowError &e : r.errors) {
            columns << e.column;
            reasons << e.reason;
        }
        row << QString::number(r.line) << columns.join(QStringLiteral("; "))
            << reasons.join(QStringLiteral("; "));
        if (Status st = writer.writeRow(row); !st)
            return st;
    }
    if (!file.commit())
        return Error{
            QCoreApplication::translate("mikomi::services::Importer", "Cannot write \"%1\": %2")
                .arg(path, file.errorString())};
    return {};
}

QString describeRowError(const io::RowError &e) {
    if (e.line > 0 && !e.column.isEmpty())
        return QCoreApplication::translate("mikomi::services::Importer",
                                           "Line %1, column \"%2\": %3")
            .arg(e.line)
            .arg(e.column, e.reason);
    if (e.line > 0)
        return QCoreApplication::translate("mikomi::services::Importer", "Line %1: %2")
            .arg(e.line)
            .arg(e.reason);
    return e.reason;
}

QStringList changeLines(const QList<FieldChange> &changes) {
    // Per field, in the order fields are first changed: how many leads, and the first example.
    QStringList order;
    QHash<QString, QList<FieldChange>> byField;
    for (const FieldChange &c : changes) {
        if (!byField.contains(c.field))
            order << c.field;
        byField[c.field].append(c);
    }
    QStringList out;
    if (order.isEmpty())
        return out;
    out << QCoreApplication::translate("mikomi::services::Importer",
                                       "Changed in existing leads, field by field:");
    for (const QString &field : std::as_const(order)) {
        const QList<FieldChange> &list = byField.value(field);
        const auto f = io::leadFieldFromKey(field);
        const QString label = f ? io::leadFieldLabel(*f) : field;
        const FieldChange &first = list.first();
        const QString empty = QCoreApplication::translate("mikomi::services::Importer", "(empty)");
        out << QCoreApplication::translate("mikomi::services::Importer",
                                           "  %1: %Ln lead(s), e.g. line %2: \"%3\" → \"%4\"",
                                           nullptr, int(list.size()))
                   .arg(label)
                   .arg(first.line)
                   .arg(first.before.isEmpty() ? empty : first.before,
                        first.after.isEmpty() ? empty : first.after);
    }
    return out;
}

QStringList summaryLines(const ImportSummary &s) {
    QStringList out;
    if (s.dryRun)
        out << QCoreApplication::translate("mikomi::services::Importer",
                                           "Dry run: nothing was changed.");
    if (s.cancelled)
        out << QCoreApplication::translate("mikomi::services::Importer",
                                           "Cancelled: nothing was changed.");
    out << QCoreApplication::translate("mikomi::services::Importer", "Rows read: %L1")
               .arg(s.rowsRead);
    if (s.kind == ImportKind::Spend) {
        out << QCoreApplication::translate("mikomi::services::Importer", "Spend months added: %L1")
                   .arg(s.created);
        out << QCoreApplication::translate("mikomi::services::Importer",
                                           "Spend months changed: %L1")
                   .arg(s.updated);
        out << QCoreApplication::translate("mikomi::services::Importer", "Unchanged: %L1")
                   .arg(s.skipped);
    } else if (s.kind == ImportKind::Touchpoints) {
        out << QCoreApplication::translate("mikomi::services::Importer", "Touchpoints added: %L1")
                   .arg(s.created);
        out << QCoreApplication::translate("mikomi::services::Importer", "Already present: %L1")
                   .arg(s.skipped);
    } else {
        out << QCoreApplication::translate("mikomi::services::Importer", "Leads created: %L1")
                   .arg(s.created);
        out << QCoreApplication::translate("mikomi::services::Importer",
                                           "Merged into existing leads: %L1")
                   .arg(s.merged);
        out << QCoreApplication::translate("mikomi::services::Importer",
                                           "Existing leads updated: %L1")
                   .arg(s.updated);
        out << QCoreApplication::translate("mikomi::services::Importer",
                                           "Skipped (already present): %L1")
                   .arg(s.skipped);
        if (s.followUps > 0)
            out << QCoreApplication::translate("mikomi::services::Importer",
                                               "First follow-ups created: %L1")
                       .arg(s.followUps);
        out << changeLines(s.changes);
    }
    out << QCoreApplication::translate("mikomi::services::Importer", "Rejected rows: %L1")
               .arg(s.rejected);
    if (!s.warnings.isEmpty())
        out << QCoreApplication::translate("mikomi::services::Importer", "Warnings: %L1")
                   .arg(s.warnings.size());
    QStringList emptyColumns;
    for (const ImportSummary::Column &c : s.notImported)
        if (c.values == 0)
            emptyColumns << c.header;
    if (!emptyColumns.isEmpty())
        out << QCoreApplication::translate("mikomi::services::Importer",
                                           "Columns not imported, all empty in this file: %1")
                   .arg(emptyColumns.join(QStringLiteral(", ")));
    for (const ImportSummary::Column &c : s.notImported)
        if (c.values > 0)
            out << QCoreApplication::translate(
                       "mikomi::services::Importer",
                       "Column \"%1\" was not imported (%n value(s) left out); map it with --map "
                       "\"%1=FIELD\" or keep it in the notes with --map \"%1=notes\".",
                       nullptr, int(c.values))
                       .arg(c.header);
    for (const ImportSummary::Column &c : s.keptInNotes)
        if (c.values > 0)
            out << QCoreApplication::translate("mikomi::services::Importer",
                                               "Column \"%1\" was kept in the notes (%n value(s)).",
                                               nullptr, int(c.values))
                       .arg(c.header);
    for (const auto &[name, c] : s.keptInCustom)
        if (c.values > 0)
            out << QCoreApplication::translate(
                       "mikomi::services::Importer",
                       "Column \"%1\" was kept in the custom field \"%2\" (%n value(s)).", nullptr,
                       int(c.values))
                       .arg(c.header, name);
    if (s.footerLines > 0)
        out << QCoreApplication::translate(
                   "mikomi::services::Importer",
                   "The report footer from line %1 (\"%2\", %n line(s)) is not data and was "
                   "left out.",
                   nullptr, s.footerLines)
                   .arg(s.footerLine)
                   .arg(s.footerText);
    if (s.dateOrderDetected && s.dateOrder)
        out << QCoreApplication::translate(
                   "mikomi::services::Importer",
                   "Dates were read as %1: \"%2\" on line %3 can only be read so.")
                   .arg(dates::dateOrderKey(*s.dateOrder), s.dateOrderValue)
                   .arg(s.dateOrderLine);
    if (!s.ownerEmails.isEmpty())
        out << QCoreApplication::translate(
                   "mikomi::services::Importer",
                   "Owners given as email addresses that no user has were kept as written (set "
                   "a user's email address under Settings to assign them): %1")
                   .arg(s.ownerEmails.join(QStringLiteral(", ")));
    return out;
}

} // namespace mikomi::services
