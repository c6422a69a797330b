#pragma once

#include "models/domain/result.h"
#include "models/storage/database.h"
#include "models/storage/leadsnapshot.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

// A person's rights over their data (product.md §Privacy, APPI/GDPR): what is held about them,
// and erasing it completely. One person may be several leads (the same email address twice).
namespace mikomi::storage {

// Everything held about one lead: its fields (consent included), stage history, touchpoints,
// activities and follow-up tasks.
struct PersonTask {
    qint64 id = 0;
    QString title;
    QString owner;
    QDateTime dueAt;
    std::optional<QDateTime> doneAt;
    QDateTime createdAt;
};

struct PersonRecord {
    LeadSnapshot data;
    QList<PersonTask> tasks;
};

// The leads of the person with this email address, their own or one of their extra emails
// (compared normalised: case, width and spaces do not matter), lowest id first. Empty when
// nobody has it.
Result<QList<qint64>> leadsWithEmail(Database &db, const QString &email);

// Reads the records of the given leads (an Error when one does not exist).
Result<QList<PersonRecord>> personRecords(Database &db, const QList<qint64> &ids);

// Copies the app made of the database file that may still hold erased people: the backups
// written before a migration ("F.v6.bak", "F.v6-20260401-093000-123.bak" beside the file).
QStringList databaseCopies(const QString &databasePath);

struct EraseSummary {
    qint64 leads = 0;
    qint64 stageChanges = 0;
    qint64 touchpoints = 0;
    qint64 activities = 0;
    qint64 tasks = 0;
    qint64 cardImages = 0; // business-card images (lead_images)
    // The file was rewritten (VACUUM), so no free page or free space holds old bytes.
    bool compacted = false;
    QString compactError; // why not, when not
    // The write-ahead log was emptied (false when another connection was still reading).
    bool walEmptied = false;
    QStringList copies; // databaseCopies(): to be deleted by the user (or by deleteCopies)
};

// Counts what erase() would remove, without changing anything.
Result<EraseSummary> eraseCount(Database &db, const QList<qint64> &ids);

// Erases the leads and everything linked to them so that no byte of theirs stays in the file:
// secure_delete on, the rows deleted (cascading to history, touchpoints, activities, tasks,
// extra emails and numbers and custom fields), the search index's segments merged into one without
// them
// ('optimize': FTS5 only tombstones a deleted row until its segments are merged), the file
// rewritten (VACUUM: earlier free pages and free space) and the write-ahead log checkpointed and
// truncated. The deletion is one transaction; it cannot be undone. Compacting or emptying the log
// can fail (another program reading the file): the summary says so, the person is still erased from
// the tables and index.
Result<EraseSummary> erase(Database &db, const QList<qint64> &ids);

// Deletes the given copies; returns the ones that could not be deleted.
QStringList deleteCopies(const QStringList &copies);

} // namespace mikomi::storage
