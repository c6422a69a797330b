#include "app/commands.h"

#include "models/storage/repositories.h"
#include "models/storage/sourceadmin.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace mikomi::cli {
namespace {

QJsonObject sourceJson(const Source &s) {
    QJsonArray aliases;
    for (const QString &a : s.aliases)
        aliases.append(a);
    return QJsonObject{{QStringLiteral("name"), s.name},
                       {QStringLiteral("category"), categoryKey(s.category)},
                       {QStringLiteral("tier"), tierKey(s.tier)},
                       {QStringLiteral("suggested"), s.suggested},
                       {QStringLiteral("aliases"), aliases},
                       {QStringLiteral("leads"), s.leadCount}};
}

} // namespace

int runSources(const QStringList &args) {
    QCommandLineParser p;
    p.addOption({QStringLiteral("format"), tr("Output format: table or json."),
                 QStringLiteral("FORMAT"), QStringLiteral("table")});
    p.addOption({QStringLiteral("category"), tr("Source category."), QStringLiteral("C")});
    p.addOption(
        {QStringLiteral("tier"), tr("Tier: core, growth or experiment."), QStringLiteral("T")});
    QString error;
    if (!parseStrict(p, args, &error))
        return fail(UsageError, error);
    const QStringList pos = p.positionalArguments(); // "sources", action, names…
    const QString action = pos.size() > 1 ? pos.at(1) : QStringLiteral("list");
    const QString format = p.value(QStringLiteral("format"));
    if (format != QLatin1String("table") && format != QLatin1String("json"))
        return fail(UsageError, tr("--format must be table or json."));

    auto db = openDatabase(args);
    if (!db)
        return fail(DataError, db.error());
    storage::SourceRepository sources(**db);

    if (action == QLatin1String("list")) {
        auto list = sources.list();
        if (!list)
            return fail(DataError, list.error());
        if (format == QLatin1String("json")) {
            QJsonArray arr;
            for (const Source &s : *list)
                arr.append(sourceJson(s));
            out() << QJsonDocument(QJsonObject{{QStringLiteral("sources"), arr}})
                         .toJson(QJsonDocument::Indented);
        } else {
            out() << tr("Source") << '\t' << tr("Category") << '\t' << tr("Tier") << '\t'
                  << tr("Leads") << '\t' << tr("Aliases") << Qt::endl;
            for (const Source &s : *list)
                out() << s.name << '\t'
                      << (s.suggested ? tr("%1 (suggested)").arg(categoryLabel(s.category))
                                      : categoryLabel(s.category))
                      << '\t' << tierLabel(s.tier) << '\t' << s.leadCount << '\t'
                      << s.aliases.join(QStringLiteral(", ")) << Qt::endl;
        }
        return Ok;
    }
    if (action == QLatin1String("set")) {
        if (pos.size() != 3)
            return fail(UsageError, tr("Usage: mikomi sources set NAME [--category C] [--tier T]"));
        auto id = sources.resolve(pos.at(2), false);
        if (!id)
            return fail(DataError, id.error());
        if (*id == 0)
            return fail(DataError, tr("There is no source named \"%1\".").arg(pos.at(2)));
        if (!p.isSet(QStringLiteral("category")) && !p.isSet(QStringLiteral("tier"))) {
            // "sources set NAME" alone confirms a suggested category as it is.
            if (Status s = sources.confirm(*id); !s)
                return fail(DataError, s.error());
        }
        if (p.isSet(QStringLiteral("category"))) {
            const auto c = categoryFromKey(p.value(QStringLiteral("category")));
            if (!c)
                return fail(UsageError, tr("Unknown category \"%1\": use inbound, outbound, "
                                           "paid, partnership, event or unknown.")
                                            .arg(p.value(QStringLiteral("category"))));
            if (Status s = sources.setCategory(*id, *c); !s)
                return fail(DataError, s.error());
        }
        if (p.isSet(QStringLiteral("tier"))) {
            const auto t = tierFromKey(p.value(QStringLiteral("tier")));
            if (!t)
                return fail(UsageError, tr("Unknown tier \"%1\": use core, growth or experiment.")
                                            .arg(p.value(QStringLiteral("tier"))));
            if (Status s = sources.setTier(*id, *t); !s)
                return fail(DataError, s.error());
        }
        return Ok;
    }
    if (action == QLatin1String("alias")) {
        if (pos.size() != 4)
            return fail(UsageError, tr("Usage: mikomi sources alias ALIAS NAME"));
        auto id = sources.resolve(pos.at(3), false);
        if (!id)
            return fail(DataError, id.error());
        if (*id == 0)
            return fail(DataError, tr("There is no source named \"%1\".").arg(pos.at(3)));
        if (Status s = sources.addAlias(pos.at(2), *id); !s)
            return fail(DataError, s.error());
        return Ok;
    }
    if (action == QLatin1String("merge")) {
        if (pos.size() != 4)
            return fail(UsageError, tr("Usage: mikomi sources merge FROM INTO"));
        // One transaction: leads, touchpoints, campaigns and spend move to INTO (spend of the
        // same month is added up), FROM's name and aliases become aliases of INTO.
        auto r = storage::SourceAdmin(**db).mergeByName(pos.at(2), pos.at(3));
        if (!r)
            return fail(DataError, r.error());
        const auto kept = sources.canonicalName(pos.at(3));
        if (!kept)
            return fail(DataError,
                        tr("\"%1\" was merged, but the name of the source it went into cannot be "
                           "read: %2")
                            .arg(r->fromName, kept.error()));
        const QString into = kept->value_or(pos.at(3));
        if (format == QLatin1String("json")) {
            out() << QJsonDocument(
                         QJsonObject{
                             {QStringLiteral("merged"), r->fromName},
                             {QStringLiteral("into"), into},
                             {QStringLiteral("leads"), qint64(r->leadIds.size())},
                             {QStringLiteral("touchpoints"), qint64(r->touchpointIds.size())},
                             {QStringLiteral("campaigns"), qint64(r->campaignIds.size())},
                             {QStringLiteral("spend_rows"), qint64(r->spend.size())}})
                         .toJson(QJsonDocument::Indented);
        } else {
            out() << tr("Merged \"%1\" into \"%2\": %3 leads, %4 touchpoints, %5 spend rows, %6 "
                        "campaigns moved.")
                         .arg(r->fromName, into)
                         .arg(r->leadIds.size())
                         .arg(r->touchpointIds.size())
                         .arg(r->spend.size())
                         .arg(r->campaignIds.size())
                  << Qt::endl;
        }
        return Ok;
    }
    return fail(UsageError,
                tr("Unknown sources action \"%1\": use list, set, alias or merge.").arg(action));
}

} // namespace mikomi::cli
