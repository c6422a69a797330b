#include "models/commands/readingcommands.h"

#include "models/storage/database.h"
#include "models/storage/repositories.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QHash>

namespace mikomi::commands {
namespace {

QString &member(Lead &l, ReadingField f) {
    switch (f) {
    case ReadingField::Company:
        return l.companyReading;
    case ReadingField::Family:
        return l.familyReading;
    case ReadingField::Given:
        break;
    }
    return l.givenReading;
}

} // namespace

Result<QList<ReadingSuggestion>> suggestReadings(storage::Database &db, const QList<qint64> &ids,
                                                 const japan::ReadingDictionary &dictionary) {
    QList<ReadingSuggestion> out;
    const Status s = storage::LeadRepository(db).forEach(ids, [&](Lead &&l) {
        const std::tuple<ReadingField, const QString &, const QString &> fields[] = {
            {ReadingField::Company, l.company, l.companyReading},
            {ReadingField::Family, l.familyName, l.familyReading},
            {ReadingField::Given, l.givenName, l.givenReading}};
        QString name = l.displayName(true).trimmed();
        if (name.isEmpty())
            name = l.company;
        for (const auto &[field, written, reading] : fields) {
            if (written.trimmed().isEmpty() || !reading.trimmed().isEmpty())
                continue;
            const japan::ReadingGuess g = dictionary.guess(
                written, field == ReadingField::Company ? japan::ReadingKind::Company
                                                        : japan::ReadingKind::Person);
            if (!g.reading.isEmpty())
                out.append({l.id, field, name, written, g});
        }
        return true;
    });
    if (!s)
        return s.failure();
    return out;
}

SetReadingsCommand::SetReadingsCommand(storage::Database &db, QList<ReadingChange> changes,
                                       AppliedFn onApplied, ErrorFn onError)
    : StoreCommand(std::move(onApplied), std::move(onError))
    , m_db(db)
    , m_changes(std::move(changes)) {
    QSet<qint64> leads;
    for (const ReadingChange &c : m_changes)
        leads.insert(c.leadId);
    setText(QCoreApplication::translate("mikomi::commands::ReadingCommands",
                                        "Set readings of %n lead(s)", nullptr, int(leads.size())));
}

Status SetReadingsCommand::apply() {
    return write(true);
}

Status SetReadingsCommand::revert() {
    return write(false);
}

Status SetReadingsCommand::write(bool forward) {
    QHash<qint64, QList<const ReadingChange *>> byLead;
    QList<qint64> order;
    for (const ReadingChange &c : m_changes) {
        if (!byLead.contains(c.leadId))
            order.append(c.leadId);
        byLead[c.leadId].append(&c);
    }
    storage::Transaction t(m_db);
    if (!t.started())
        return t.failure();
    storage::LeadRepository repo(m_db);
    for (qint64 id : order) {
        auto lead = repo.get(id);
        if (!lead)
            return lead.failure();
        Lead l = std::move(lead).value();
        for (const ReadingChange *c : byLead.value(id)) {
            QString &value = member(l, c->field);
            const QString &expected = forward ? c->before : c->after;
            if (value != expected) {
                return Error{QCoreApplication::translate(
                                 "mikomi::commands::ReadingCommands",
                                 "The reading of lead %1 was changed meanwhile (it is \"%2\" "
                                 "now); nothing was written.")
                                 .arg(id)
                                 .arg(value)};
            }
            value = forward ? c->after : c->before;
        }
        l.updatedAt = QDateTime::currentDateTime();
        if (Status s = repo.update(l); !s)
            return s;
    }
    return t.commit();
}

} // namespace mikomi::commands
