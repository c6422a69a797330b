#pragma once

#include "models/domain/result.h"
#include "models/storage/duplicates.h"

#include <QHash>
#include <QList>
#include <QString>

#include <optional>

namespace mikomi::storage {

class Database;

// Which side's value settles a conflict: the database merged from (the booth laptop's file:
// "theirs" in the window) or the one merged into (this database: "mine").
enum class MergeSide { Source, Target };

// A field a lead (or one of its follow-up tasks) has different on both sides since the last
// merge (docs/team.md): listed, not overwritten; the target keeps its value until someone
// decides.
struct MergeConflict {
    QString uuid;
    qint64 targetId = 0; // the lead in the target database
    QString name;        // who it is ("株式会社サンプル 山田 太郎")
    QString field;       // column name (company, email, notes, stage…; a task's due_at, done_at)
    // A follow-up task of the lead changed on both sides (rescheduled, done or reopened): its
    // uuid and title; empty for a field of the lead itself.
    QString taskUuid;
    QString taskTitle;
    QString before; // the value both sides last agreed on (empty when never merged)
    bool hasBefore = false;
    QString source; // the value in the database merged from (times as stored, ISO 8601)
    QString target; // the value in the database merged into
    // The source deleted the lead (or, with taskUuid set, that follow-up task of it), and the
    // target changed it since the last merge: kept here, listed (field, before, source and
    // target are empty). Settled Target: kept, and added back in the source at the next merge
    // the other way; Source: deleted as there.
    bool deletedInSource = false;
    // The target deleted the lead, and the source changed it since the last merge (or the two
    // never merged it): not added back, listed (targetId 0; field and values empty). Settled
    // Source: restored here, with the source's values and history; Target: stays deleted, and
    // the deletion travels to the source at the next merge the other way without asking again.
    bool deletedInTarget = false;
    // Settled in this merge (MergeOptions::prefer or a choice); unset: listed and left, the
    // target keeping its value, and listed again at the next merge.
    std::optional<MergeSide> resolved;

    // Names the conflict across a dry run and the merge (lead uuid, task uuid, field).
    QString key() const;
};

// The user's decision on one conflict seen in a dry run. It holds the two values the user saw:
// should either side have changed the field since, the choice is not applied (the conflict is
// listed again with the new values).
struct MergeChoice {
    MergeSide side = MergeSide::Target;
    QString source;
    QString target;
    static MergeChoice of(const MergeConflict &c, MergeSide side) {
        return {side, c.source, c.target};
    }
};

// A lead of the source that is new to the target (its UUID is unknown there) but looks like a
// lead the target has: added as it is, and offered to the user, never merged silently.
struct MergeDuplicate {
    QString uuid;
    qint64 addedId = 0; // the new lead in the target (0 in a dry run)
    QString name;
    qint64 existingId = 0;
    QString existingName;
    DuplicateReason reason = DuplicateReason::Email;
};

struct MergeSummary {
    int added = 0;       // leads new to the target
    int updated = 0;     // leads of the target that took a field, or history rows, from the source
    int unchanged = 0;   // leads already as in the source (or in conflict only)
    int rowsAdded = 0;   // stage history, touchpoints, activities and tasks added
    int rowsUpdated = 0; // tasks of the target that took a due or done time from the source
    int deleted = 0;     // leads of the target deleted because the source deleted them
    int deletedHere = 0; // leads of the source the target deleted: not added back
    int rowsDeleted = 0; // history, touchpoint, activity and task rows deleted likewise
    int resolved = 0;    // conflicts settled in this merge (they are in `conflicts`, resolved set)
    QList<MergeConflict> conflicts;
    QList<MergeDuplicate> duplicates;
};

struct MergeOptions {
    bool dryRun = false; // everything is computed, then rolled back on both sides
    QString user;        // recorded as updated_by of the leads a merge changes, and as who
                         // settled a conflict
    // Every conflict settled this way (`mikomi merge --prefer source|target`).
    std::optional<MergeSide> prefer;
    // Conflicts settled one by one (the window), by MergeConflict::key(); before `prefer`.
    QHash<QString, MergeChoice> choices;
};

// Merges the leads of `source` (and their stage history, touchpoints, activities and tasks)
// into `target`, matched by UUID: a lead new to the target is added; for a lead both have, a
// field changed on one side only since the last merge of these two databases is taken (or kept),
// a field changed on both sides is a conflict; a follow-up task both have is compared the same
// way (its due and done times). Rows are added by UUID, so merging again adds nothing. Deletions
// travel (schema 15's tombstones): a lead or row the source deleted is deleted in the target (a
// lead or task the target changed since the last merge is a conflict instead, an erased lead
// always goes), and what the target deleted is not added back (a lead the source changed since
// is a conflict; one kept against a deletion in an earlier merge the other way comes back).
// One transaction on each side; what both sides
// agree on afterwards is recorded in each (merge_base) for the next merge. The source's leads are
// not changed.
// A conflict settled by `options` (prefer, choices) is applied in the same transaction: the
// source's value taken, or the target's kept, and the base moved on so that the next merge is
// quiet about it (keeping the target's value, the base becomes the source's value: the target's
// is then the newer change, and travels to the source at the next merge the other way). Each
// lead with settled conflicts gets a note in its history (an activity of kind Note by
// options.user) saying what was chosen.
Result<MergeSummary> mergeDatabases(Database &source, Database &target,
                                    const MergeOptions &options = {});

// For tests: how many merges looked duplicates up on a second connection (a server whose leads
// the merge had not changed before adding its own), and a switch making that connection fail
// (the lookup then runs on the merge's own connection, after the cards are written).
qint64 mergeLookupsApart();
void setMergeSecondConnectionFails(bool fails);

// The lead fields a merge compares, by column name, in display order.
const QStringList &mergeFields();

// The fields of a follow-up task a merge compares (both can change after the task was made:
// rescheduled, done or reopened): "due_at", "done_at".
const QStringList &mergeTaskFields();

// What a conflict is about, for people: the lead field's label, or the task and which of its
// times ("Follow-up “Send the quote”: due"), translated.
QString mergeConflictFieldLabel(const MergeConflict &c);
// A value of a conflict as people read it: a stage's name, Yes/No, a task's time in the local
// time zone, "(empty)"; otherwise the value.
QString mergeConflictValueText(const MergeConflict &c, const QString &value);

} // namespace mikomi::storage
