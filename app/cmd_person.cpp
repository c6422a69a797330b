#include "app/commands.h"
#include "models/appsettings.h"
#include "models/domain/money.h"
#include "models/services/personexport.h"
#include "models/storage/privacy.h"
#include "models/storage/repositories.h"

#include <QFileInfo>
#include <QLocale>

// `person export` and `person erase` (cli.md; product.md §Privacy).
namespace mikomi::cli {
namespace {

QString personUsage() {
    return tr("Usage: mikomi person export EMAIL|--id N [--output FILE]\n"
              "       mikomi person erase EMAIL|--id N --yes [--delete-backups]");
}

// The leads the arguments name: every lead with the email address, or the one with --id.
// Returns an exit code other than Ok when they name none.
int resolvePerson(storage::Database &db, const QCommandLineParser &p, const QStringList &pos,
                  QList<qint64> *ids, QString *who) {
    if (p.isSet(QStringLiteral("id"))) {
        bool ok = false;
        const qint64 id = p.value(QStringLiteral("id")).toLongLong(&ok);
        if (!ok || id <= 0)
            return fail(UsageError, tr("--id needs a lead number."));
        auto lead = storage::LeadRepository(db).get(id);
        if (!lead)
            return fail(DataError, tr("There is no lead with id %1.").arg(id));
        *ids = {id};
        *who = tr("lead #%1").arg(id);
        return Ok;
    }
    const QString email = pos.at(2);
    auto found = storage::leadsWithEmail(db, email);
    if (!found)
        return fail(DataError, found.error());
    if (found->isEmpty())
        return fail(DataError, tr("No lead has the email address \"%1\".").arg(email));
    *ids = *found;
    *who = email;
    return Ok;
}

// "#12 株式会社サンプル 山田 太郎 <yamada@example.jp>" per lead.
Result<QStringList> describeLeads(storage::Database &db, const QList<qint64> &ids) {
    QStringList out;
    storage::LeadRepository repo(db);
    for (qint64 id : ids) {
        auto l = repo.get(id);
        if (!l)
            return Error{l.error()};
        QStringList parts{QStringLiteral("#%1").arg(id)};
        if (!l->company.isEmpty())
            parts << l->company;
        // Family name first in Japanese, and for names in Japanese script.
        const bool cjk = !l->familyName.isEmpty() && l->familyName.at(0).unicode() >= 0x3000;
        const bool ja = QLocale().language() == QLocale::Japanese;
        if (const QString name = l->displayName(ja || cjk); !name.trimmed().isEmpty())
            parts << name;
        if (!l->email.isEmpty())
            parts << QStringLiteral("<%1>").arg(l->email);
        out << parts.join(QLatin1Char(' '));
    }
    return out;
}

} // namespace

int runPerson(const QStringList &args) {
    QCommandLineParser p;
    p.addOption({QStringLiteral("id"), tr("The lead's number instead of an email address."),
                 QStringLiteral("N")});
    p.addOption({QStringLiteral("output"),
                 tr("Write to FILE instead of the standard output (.vcf: vCard, else JSON)."),
                 QStringLiteral("FILE")});
    p.addOption({QStringLiteral("yes"), tr("Really erase (it cannot be undone).")});
    p.addOption({QStringLiteral("delete-backups"),
                 tr("Also delete the backup copies of the database Mikomi made.")});
    QString error;
    if (!parseStrict(p, args, &error))
        return fail(UsageError, error);
    const QStringList pos = p.positionalArguments(); // "person", action, [EMAIL]
    const QString action = pos.size() > 1 ? pos.at(1) : QString();
    const bool byId = p.isSet(QStringLiteral("id"));
    if ((action != QLatin1String("export") && action != QLatin1String("erase")) ||
        pos.size() != (byId ? 2 : 3))
        return fail(UsageError, personUsage());
    if (action == QLatin1String("erase") && p.isSet(QStringLiteral("output")))
        return fail(UsageError, personUsage());

    auto db = openDatabase(args);
    if (!db)
        return fail(DataError, db.error());
    QList<qint64> ids;
    QString who;
    if (int code = resolvePerson(**db, p, pos, &ids, &who); code != Ok)
        return code;

    if (action == QLatin1String("export")) {
        const int minor = minorUnits(AppSettings().currency());
        if (p.isSet(QStringLiteral("output"))) {
            const QString path = p.value(QStringLiteral("output"));
            if (Status s = services::writePersonExport(**db, ids, path, minor); !s)
                return fail(DataError, s.error());
            err() << QCoreApplication::translate(
                         "mikomi::cli", "Wrote everything held about %1 (%n lead(s)) to %2.",
                         nullptr, int(ids.size()))
                         .arg(who, path)
                  << Qt::endl;
            return Ok;
        }
        auto bytes = services::exportPerson(**db, ids, services::PersonExportFormat::Json, minor);
        if (!bytes)
            return fail(DataError, bytes.error());
        out() << QString::fromUtf8(*bytes) << Qt::flush;
        return Ok;
    }

    auto leads = describeLeads(**db, ids);
    if (!leads)
        return fail(DataError, leads.error());
    const bool yes = p.isSet(QStringLiteral("yes"));
    if (!yes) {
        auto count = storage::eraseCount(**db, ids);
        if (!count)
            return fail(DataError, count.error());
        QStringList lines{tr("This would erase, for good, everything held about %1:").arg(who)};
        for (const QString &l : *leads)
            lines << QStringLiteral("  ") + l;
        for (const QString &l : services::eraseContentLines(*count))
            lines << QStringLiteral("  ") + l;
        if (!count->copies.isEmpty()) {
            lines << tr("Backup copies of the database that may still hold this person:");
            for (const QString &c : std::as_const(count->copies))
                lines << QStringLiteral("  ") + c;
        }
        lines << tr("Nothing was changed. It cannot be undone: run again with --yes to erase.");
        return fail(UsageError, lines.join(QLatin1Char('\n')));
    }

    auto erased = storage::erase(**db, ids);
    if (!erased)
        return fail(DataError, erased.error());
    out() << tr("Erased everything held about %1:").arg(who) << Qt::endl;
    for (const QString &l : *leads)
        out() << "  " << l << Qt::endl;
    for (const QString &l : services::eraseContentLines(*erased))
        out() << "  " << l << Qt::endl;
    int code = Ok;
    if (!erased->compacted) {
        err() << tr("The file could not be compacted, so old copies of deleted rows may remain in "
                    "its free space: %1")
                     .arg(erased->compactError)
              << Qt::endl;
        code = DataError;
    }
    if (!erased->walEmptied) {
        err() << tr("Another program is reading the database, so its write-ahead log (%1-wal) "
                    "could not be emptied yet; close it and run any mikomi command on the file.")
                     .arg((*db)->path())
              << Qt::endl;
        code = DataError;
    }
    if (!erased->copies.isEmpty()) {
        if (p.isSet(QStringLiteral("delete-backups"))) {
            const QStringList failed = storage::deleteCopies(erased->copies);
            for (const QString &c : std::as_const(erased->copies))
                if (!failed.contains(c))
                    out() << tr("Deleted backup copy %1").arg(c) << Qt::endl;
            for (const QString &c : failed) {
                err() << tr("Could not delete backup copy %1").arg(c) << Qt::endl;
                code = DataError;
            }
        } else {
            out() << tr("These backup copies of the database still hold this person; delete them "
                        "(or run the erase with --delete-backups):")
                  << Qt::endl;
            for (const QString &c : std::as_const(erased->copies))
                out() << "  " << c << Qt::endl;
        }
    }
    return code;
}

} // namespace mikomi::cli
