#pragma once

#include "models/commands/storecommand.h"
#include "models/domain/result.h"
#include "models/japan/readingdictionary.h"

#include <QList>

namespace mikomi::storage {
class Database;
}

namespace mikomi::commands {

// Which reading of a lead.
enum class ReadingField { Company, Family, Given };

// A reading proposed for a lead that has a name (or company) but no reading of it: imported or
// scanned leads (issue 16). The user confirms each before it is written.
struct ReadingSuggestion {
    qint64 leadId = 0;
    ReadingField field = ReadingField::Family;
    QString leadName; // the person (family name first) or, without one, the company
    QString written;  // the name or company as stored
    japan::ReadingGuess guess;
};

// Readings for the leads `ids` (every lead when empty) whose company, family or given name has
// no reading yet; a field the dictionaries cannot read (Latin letters) is left out. In lead id
// order, company before family before given.
Result<QList<ReadingSuggestion>> suggestReadings(storage::Database &db, const QList<qint64> &ids,
                                                 const japan::ReadingDictionary &dictionary);

struct ReadingChange {
    qint64 leadId = 0;
    ReadingField field = ReadingField::Family;
    QString before; // what the lead held (empty for a suggestion)
    QString after;
};

// Writes readings to several leads as one undo step, in one transaction. A lead whose reading
// changed since the suggestion (it no longer holds `before`) stops the whole step with an error
// naming it: nothing is overwritten that the user did not see.
class SetReadingsCommand final : public StoreCommand {
public:
    SetReadingsCommand(storage::Database &db, QList<ReadingChange> changes, AppliedFn onApplied,
                       ErrorFn onError);

private:
    Status apply() override;
    Status revert() override;
    Status write(bool forward);

    storage::Database &m_db;
    QList<ReadingChange> m_changes;
};

} // namespace mikomi::commands
