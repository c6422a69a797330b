#include "models/services/personexport.h"

#include "models/storage/leadcontacts.h"
#include "models/storage/livefiles.h"

#include "models/domain/dates.h"
#include "models/io/vcard.h"
#include "models/services/exporter.h"
#include "models/storage/repositories.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

namespace mikomi::services {
namespace {

QJsonValue timeValue(const QDateTime &t) {
    return t.isValid() ? QJsonValue(dates::toIsoDateTime(t)) : QJsonValue(QJsonValue::Null);
}

QJsonObject leadJson(const Lead &l, int minor, const QString &sourceCategory) {
    QJsonObject o{{QStringLiteral("id"), l.id}};
    for (io::LeadField f : exportFields())
        o.insert(io::leadFieldKey(f),
                 f == io::LeadField::SourceCategory ? sourceCategory : leadFieldText(l, f, minor));
    // The CSV leaves these out (they are derived or internal), a person may still ask for them.
    o.insert(QStringLiteral("created_at"), timeValue(l.createdAt));
    o.insert(QStringLiteral("updated_at"), timeValue(l.updatedAt));
    o.insert(QStringLiteral("honorific"), l.honorific);
    o.insert(QStringLiteral("furthest_stage"), stageKey(l.furthestStage));
    o.insert(QStringLiteral("lost"), l.lost);
    o.insert(QStringLiteral("anonymous"), l.anonymous);
    o.insert(QStringLiteral("score"), l.score);
    // The further emails and numbers, in the lead's order.
    QJsonArray extra;
    for (const ContactPoint &c : l.extraContacts)
        extra.append(QJsonObject{{QStringLiteral("kind"), storage::contactKindKey(c.kind)},
                                 {QStringLiteral("value"), c.value},
                                 {QStringLiteral("label"), c.label}});
    o.insert(QStringLiteral("extra_contacts"), extra);
    // The custom fields, in the lead's order.
    QJsonArray custom;
    for (const CustomField &f : l.customFields)
        custom.append(
            QJsonObject{{QStringLiteral("name"), f.name}, {QStringLiteral("value"), f.value}});
    o.insert(QStringLiteral("custom_fields"), custom);
    o.insert(QStringLiteral("temperature_override"),
             l.temperatureOverride ? QJsonValue(temperatureKey(*l.temperatureOverride))
                                   : QJsonValue(QJsonValue::Null));
    return o;
}

QJsonObject personObject(const storage::PersonRecord &r, int minor, const QString &sourceCategory) {
    const Lead &l = r.data.lead;
    QJsonArray history;
    for (const StageChange &c : r.data.history)
        history.append(
            QJsonObject{{QStringLiteral("from"), c.fromStage ? QJsonValue(stageKey(*c.fromStage))
                                                             : QJsonValue(QJsonValue::Null)},
                        {QStringLiteral("to"), stageKey(c.toStage)},
                        {QStringLiteral("lost"), c.lost},
                        {QStringLiteral("recycled"), c.recycled},
                        {QStringLiteral("changed_at"), timeValue(c.changedAt)},
                        {QStringLiteral("user"), c.user},
                        {QStringLiteral("note"), c.note}});
    QJsonArray touchpoints;
    for (const Touchpoint &t : r.data.touchpoints)
        touchpoints.append(QJsonObject{{QStringLiteral("occurred_at"), timeValue(t.occurredAt)},
                                       {QStringLiteral("source"), t.source},
                                       {QStringLiteral("medium"), t.medium},
                                       {QStringLiteral("campaign"), t.campaign},
                                       {QStringLiteral("content"), t.content},
                                       {QStringLiteral("url"), t.url}});
    QJsonArray activities;
    for (const Activity &a : r.data.activities)
        activities.append(QJsonObject{{QStringLiteral("kind"), activityKindKey(a.kind)},
                                      {QStringLiteral("occurred_at"), timeValue(a.occurredAt)},
                                      {QStringLiteral("user"), a.user},
                                      {QStringLiteral("notes"), a.notes}});
    QJsonArray tasks;
    for (const storage::PersonTask &t : r.tasks)
        tasks.append(
            QJsonObject{{QStringLiteral("title"), t.title},
                        {QStringLiteral("owner"), t.owner},
                        {QStringLiteral("due_at"), timeValue(t.dueAt)},
                        {QStringLiteral("done_at"), t.doneAt ? timeValue(*t.doneAt) : QJsonValue()},
                        {QStringLiteral("created_at"), timeValue(t.createdAt)}});
    // The business-card images as they are kept, in base64 with their format and media type.
    QJsonArray images;
    for (const storage::LeadImage &i : r.data.images)
        images.append(QJsonObject{
            {QStringLiteral("side"), i.side},
            {QStringLiteral("format"), i.format},
            {QStringLiteral("media_type"), QString(QStringLiteral("image/") + i.format)},
            {QStringLiteral("created_at"), timeValue(i.createdAt)},
            {QStringLiteral("bytes"), qint64(i.data.size())},
            {QStringLiteral("data_base64"), QString::fromLatin1(i.data.toBase64())}});
    return QJsonObject{
        {QStringLiteral("lead"), leadJson(l, minor, sourceCategory)},
        {QStringLiteral("consent"),
         QJsonObject{{QStringLiteral("date"), l.consentAt
                                                  ? QJsonValue(dates::toIsoDate(*l.consentAt))
                                                  : QJsonValue(QJsonValue::Null)},
                     {QStringLiteral("basis"), consentBasisKey(l.consentBasis)},
                     {QStringLiteral("opt_out"), l.optOut}}},
        {QStringLiteral("stage_history"), history},
        {QStringLiteral("touchpoints"), touchpoints},
        {QStringLiteral("activities"), activities},
        {QStringLiteral("tasks"), tasks},
        {QStringLiteral("card_images"), images},
    };
}

} // namespace

PersonExportFormat personExportFormatFor(const QString &path) {
    return path.endsWith(QLatin1String(".vcf"), Qt::CaseInsensitive) ? PersonExportFormat::VCard
                                                                     : PersonExportFormat::Json;
}

QByteArray personJson(const QList<storage::PersonRecord> &people, const QDateTime &exportedAt,
                      int minorUnitsPerMajor, const QHash<QString, QString> &sourceCategories) {
    QJsonArray arr;
    for (const storage::PersonRecord &r : people)
        arr.append(personObject(r, minorUnitsPerMajor, sourceCategories.value(r.data.lead.source)));
    return QJsonDocument(QJsonObject{{QStringLiteral("exported_at"), timeValue(exportedAt)},
                                     {QStringLiteral("people"), arr}})
        .toJson(QJsonDocument::Indented);
}

Result<QByteArray> exportPerson(storage::Database &db, const QList<qint64> &ids,
                                PersonExportFormat format, int minorUnitsPerMajor) {
    auto people = storage::personRecords(db, ids);
    if (!people)
        return Error{people.error()};
    if (format == PersonExportFormat::Json) {
        auto sources =
            storage::SourceRepository(db).list(storage::SourceRepository::LeadCounts::NotCounted);
        if (!sources)
            return Error{sources.error()};
        QHash<QString, QString> categories;
        for (const Source &src : std::as_const(*sources))
            categories.insert(src.name, categoryKey(src.category));
        return personJson(*people, QDateTime::currentDateTime(), minorUnitsPerMajor, categories);
    }
    QList<Lead> leads;
    for (const storage::PersonRecord &r : *people)
        leads << r.data.lead;
    return io::writeVCards(leads, io::VCardVersion::V40);
}

Status writePersonExport(storage::Database &db, const QList<qint64> &ids, const QString &path,
                         int minorUnitsPerMajor) {
    // Never over the open database (or its -wal/-shm): QSaveFile would replace it.
    if (Status live = storage::LiveFiles::refuseLiveDatabase(path); !live)
        return live;
    auto bytes = exportPerson(db, ids, personExportFormatFor(path), minorUnitsPerMajor);
    if (!bytes)
        return Error{bytes.error()};
    const auto cannotWrite = [&path](const QString &why) {
        return Error{
            QCoreApplication::translate("mikomi::services::PersonExport", "Cannot write \"%1\": %2")
                .arg(path, why)};
    };
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return cannotWrite(file.errorString());
    if (file.write(*bytes) != bytes->size()) {
        const QString why = file.errorString();
        file.cancelWriting();
        return cannotWrite(why);
    }
    if (!file.commit())
        return cannotWrite(file.errorString());
    return {};
}

QStringList eraseContentLines(const storage::EraseSummary &s) {
    const auto line = [](const char *label, qint64 n) {
        return QCoreApplication::translate("mikomi::services::PersonExport", label).arg(n);
    };
    return {
        line(QT_TRANSLATE_NOOP("mikomi::services::PersonExport", "Leads: %1"), s.leads),
        line(QT_TRANSLATE_NOOP("mikomi::services::PersonExport", "Stage history entries: %1"),
             s.stageChanges),
        line(QT_TRANSLATE_NOOP("mikomi::services::PersonExport", "Touchpoints: %1"), s.touchpoints),
        line(QT_TRANSLATE_NOOP("mikomi::services::PersonExport", "Activities: %1"), s.activities),
        line(QT_TRANSLATE_NOOP("mikomi::services::PersonExport", "Follow-up tasks: %1"), s.tasks),
        line(QT_TRANSLATE_NOOP("mikomi::services::PersonExport", "Business card images: %1"),
             s.cardImages)};
}

} // namespace mikomi::services
