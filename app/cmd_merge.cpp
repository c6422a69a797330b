#include "app/commands.h"

#include "models/appsettings.h"
#include "models/storage/databasemerge.h"
#include "models/storage/dialect.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

// `mikomi merge SOURCE [--dry-run] [--prefer source|target] [--format table|json]` (cli.md;
// docs/team.md).
namespace mikomi::cli {
namespace {

QString reasonKey(storage::DuplicateReason r) {
    switch (r) {
    case storage::DuplicateReason::Email:
        return QStringLiteral("email");
    case storage::DuplicateReason::Phone:
        return QStringLiteral("phone");
    case storage::DuplicateReason::CompanyPerson:
        return QStringLiteral("company_person");
    case storage::DuplicateReason::Suggestion:
        return QStringLiteral("suggestion");
    }
    return QString();
}

QJsonValue resolvedJson(const storage::MergeConflict &c) {
    if (!c.resolved)
        return QJsonValue();
    return *c.resolved == storage::MergeSide::Source ? QStringLiteral("source")
                                                     : QStringLiteral("target");
}

QJsonObject summaryJson(const storage::MergeSummary &s) {
    QJsonArray conflicts;
    for (const storage::MergeConflict &c : s.conflicts) {
        if (c.deletedInTarget) {
            // Deleted in the target, changed in the source since the last merge.
            conflicts.append(QJsonObject{
                {QStringLiteral("uuid"), c.uuid},
                {QStringLiteral("lead_id"), QJsonValue()},
                {QStringLiteral("name"), c.name},
                {QStringLiteral("field"), QJsonValue()},
                {QStringLiteral("task_uuid"), QJsonValue()},
                {QStringLiteral("task_title"), QJsonValue()},
                {QStringLiteral("deleted_in_source"), false},
                {QStringLiteral("deleted_in_target"), true},
                {QStringLiteral("resolved"), resolvedJson(c)},
            });
            continue;
        }
        if (c.deletedInSource) {
            // Deleted in the source, changed in the target since the last merge (the lead, or
            // one of its follow-up tasks).
            conflicts.append(QJsonObject{
                {QStringLiteral("uuid"), c.uuid},
                {QStringLiteral("lead_id"), c.targetId},
                {QStringLiteral("name"), c.name},
                {QStringLiteral("field"), QJsonValue()},
                {QStringLiteral("task_uuid"), c.taskUuid.isEmpty() ? QJsonValue() : c.taskUuid},
                {QStringLiteral("task_title"), c.taskUuid.isEmpty() ? QJsonValue() : c.taskTitle},
                {QStringLiteral("deleted_in_source"), true},
                {QStringLiteral("deleted_in_target"), false},
                {QStringLiteral("resolved"), resolvedJson(c)},
            });
            continue;
        }
        conflicts.append(QJsonObject{
            {QStringLiteral("uuid"), c.uuid},
            {QStringLiteral("lead_id"), c.targetId},
            {QStringLiteral("name"), c.name},
            {QStringLiteral("field"), c.field},
            {QStringLiteral("task_uuid"), c.taskUuid.isEmpty() ? QJsonValue() : c.taskUuid},
            {QStringLiteral("task_title"), c.taskUuid.isEmpty() ? QJsonValue() : c.taskTitle},
            {QStringLiteral("before"), c.hasBefore ? QJsonValue(c.before) : QJsonValue()},
            {QStringLiteral("source"), c.source},
            {QStringLiteral("target"), c.target},
            {QStringLiteral("deleted_in_source"), false},
            {QStringLiteral("deleted_in_target"), false},
            {QStringLiteral("resolved"), resolvedJson(c)},
        });
    }
    QJsonArray duplicates;
    for (const storage::MergeDuplicate &d : s.duplicates) {
        duplicates.append(QJsonObject{
            {QStringLiteral("uuid"), d.uuid},
            {QStringLiteral("lead_id"), d.addedId > 0 ? QJsonValue(d.addedId) : QJsonValue()},
            {QStringLiteral("name"), d.name},
            {QStringLiteral("existing_id"), d.existingId},
            {QStringLiteral("existing_name"), d.existingName},
            {QStringLiteral("reason"), reasonKey(d.reason)},
        });
    }
    return QJsonObject{{QStringLiteral("added"), s.added},
                       {QStringLiteral("updated"), s.updated},
                       {QStringLiteral("unchanged"), s.unchanged},
                       {QStringLiteral("rows_added"), s.rowsAdded},
                       {QStringLiteral("rows_updated"), s.rowsUpdated},
                       {QStringLiteral("deleted"), s.deleted},
                       {QStringLiteral("deleted_here"), s.deletedHere},
                       {QStringLiteral("rows_deleted"), s.rowsDeleted},
                       {QStringLiteral("resolved"), s.resolved},
                       {QStringLiteral("conflicts"), conflicts},
                       {QStringLiteral("possible_duplicates"), duplicates}};
}

void printTable(const storage::MergeSummary &s, bool dryRun) {
    out() << (dryRun ? tr("Dry run: nothing was changed.") + QLatin1Char('\n') : QString())
          << tr("Leads added: %1").arg(s.added) << '\n'
          << tr("Leads updated: %1").arg(s.updated) << '\n'
          << tr("Leads unchanged: %1").arg(s.unchanged) << '\n'
          << tr("History, touchpoint, activity and task rows added: %1").arg(s.rowsAdded) << '\n'
          << tr("Tasks done, reopened or rescheduled as in the source: %1").arg(s.rowsUpdated)
          << '\n'
          << tr("Leads deleted (deleted in the source database): %1").arg(s.deleted) << '\n'
          << tr("Leads deleted in the target database, not added back: %1").arg(s.deletedHere)
          << '\n'
          << tr("History, touchpoint, activity and task rows deleted: %1").arg(s.rowsDeleted)
          << '\n';
    if (!s.conflicts.isEmpty()) {
        out() << (s.resolved > 0 ? tr("Changed on both sides (the last column says how each was "
                                      "settled; unsettled ones keep the target's value):")
                                 : tr("Changed on both sides (kept as they are in the target; "
                                      "decide with --prefer source|target, in the window, or by "
                                      "editing the lead):"))
              << '\n';
        out() << tr("Lead") << '\t' << tr("Field") << '\t' << tr("Before") << '\t'
              << tr("Source database") << '\t' << tr("Target database") << '\t' << tr("Settled")
              << '\n';
        const auto settled = [](const storage::MergeConflict &c) {
            if (!c.resolved)
                return tr("no");
            if (c.deletedInTarget)
                return *c.resolved == storage::MergeSide::Source ? tr("restored from the source")
                                                                 : tr("left deleted");
            if (c.deletedInSource)
                return *c.resolved == storage::MergeSide::Source ? tr("deleted as in the source")
                                                                 : tr("kept in the target");
            return *c.resolved == storage::MergeSide::Source ? tr("source's value taken")
                                                             : tr("target's value kept");
        };
        for (const storage::MergeConflict &c : s.conflicts) {
            if (c.deletedInTarget) {
                out() << c.name << '\t'
                      << tr("(deleted in the target; changed in the source since the last merge)")
                      << "\t\t\t\t" << settled(c) << '\n';
                continue;
            }
            if (c.deletedInSource) {
                out() << QStringLiteral("#%1 %2").arg(c.targetId).arg(c.name) << '\t'
                      << (c.taskUuid.isEmpty()
                              ? tr("(deleted in the source; changed in the target since the last "
                                   "merge)")
                              : tr("(task “%1” deleted in the source; changed in the target "
                                   "since the last merge)")
                                    .arg(c.taskTitle))
                      << "\t\t\t\t" << settled(c) << '\n';
                continue;
            }
            const QString field =
                c.taskUuid.isEmpty() ? c.field : tr("task “%1”: %2").arg(c.taskTitle, c.field);
            out() << QStringLiteral("#%1 %2").arg(c.targetId).arg(c.name) << '\t' << field << '\t'
                  << c.before << '\t' << c.source << '\t' << c.target << '\t' << settled(c) << '\n';
        }
    }
    if (!s.duplicates.isEmpty()) {
        out() << tr("Possible duplicates (added as separate leads; merge them in the window if "
                    "they are the same person):")
              << '\n';
        for (const storage::MergeDuplicate &d : s.duplicates) {
            out() << (d.addedId > 0 ? QStringLiteral("#%1 ").arg(d.addedId) : QString()) << d.name
                  << '\t' << QStringLiteral("#%1 %2").arg(d.existingId).arg(d.existingName) << '\t'
                  << storage::duplicateReasonLabel(d.reason) << '\n';
        }
    }
    out().flush();
}

} // namespace

int runMerge(const QStringList &args) {
    QCommandLineParser p;
    p.addOption({QStringLiteral("format"), tr("Output format: table or json."),
                 QStringLiteral("FORMAT"), QStringLiteral("table")});
    p.addOption({QStringLiteral("dry-run"), tr("Show what would change; change nothing.")});
    p.addOption({QStringLiteral("prefer"),
                 tr("Settle every conflict one way: source (take the source's values, delete "
                    "what the source deleted although the target changed it, restore what the "
                    "target deleted although the source changed it) or target (keep the "
                    "target's values and leads, and leave deleted what the target deleted)."),
                 QStringLiteral("SIDE")});
    p.addOption({{QStringLiteral("h"), QStringLiteral("help")}, tr("Show this help.")});
    const QString usage = tr("Usage: mikomi merge SOURCE [--dry-run] [--prefer source|target] "
                             "[--format table|json] --db TARGET");
    QString error;
    if (!parseStrict(p, args, &error))
        return fail(UsageError, error);
    if (p.isSet(QStringLiteral("help"))) {
        // Qt's help text without its own usage line (which knows no subcommand).
        const QString options = p.helpText();
        const qsizetype blank = options.indexOf(QStringLiteral("\n\n"));
        out() << usage << Qt::endl
              << tr("Merges the leads of SOURCE (a booth laptop's file, or a postgresql:// "
                    "server) into --db, matched by UUID: new leads and rows are added, a field "
                    "changed on one side since the last merge is taken or kept, and a field "
                    "changed on both sides is a conflict. Conflicts are listed and left (the "
                    "target keeps its value) unless --prefer settles them all; merging again "
                    "adds and changes nothing.")
              << Qt::endl
              << (blank < 0 ? options : options.mid(blank + 1)) << Qt::flush;
        return Ok;
    }
    const QStringList pos = p.positionalArguments(); // "merge", SOURCE
    if (pos.size() != 2)
        return fail(UsageError, usage);
    const QString format = p.value(QStringLiteral("format"));
    if (format != QLatin1String("table") && format != QLatin1String("json"))
        return fail(UsageError, tr("--format must be table or json."));
    std::optional<storage::MergeSide> prefer;
    if (p.isSet(QStringLiteral("prefer"))) {
        const QString side = p.value(QStringLiteral("prefer"));
        if (side == QLatin1String("source"))
            prefer = storage::MergeSide::Source;
        else if (side == QLatin1String("target"))
            prefer = storage::MergeSide::Target;
        else
            return fail(UsageError, tr("--prefer must be source or target."));
    }
    const QString sourcePath = pos.at(1);
    // Opening a missing file would create an empty database: say so instead.
    if (!storage::isServerUrl(sourcePath) && !QFileInfo(sourcePath).isFile())
        return fail(DataError, tr("%1 does not exist.").arg(sourcePath));

    auto target = openDatabase(args);
    if (!target)
        return fail(DataError, target.error());
    auto source = storage::Database::open(sourcePath);
    if (!source)
        return fail(DataError, source.error());
    storage::MergeOptions options;
    options.dryRun = p.isSet(QStringLiteral("dry-run"));
    options.user = AppSettings().ownerName();
    options.prefer = prefer;
    auto summary = storage::mergeDatabases(**source, **target, options);
    if (!summary)
        return fail(DataError, summary.error());
    if (format == QLatin1String("json"))
        out() << QJsonDocument(summaryJson(*summary)).toJson(QJsonDocument::Indented);
    else
        printTable(*summary, options.dryRun);
    return Ok;
}

} // namespace mikomi::cli
