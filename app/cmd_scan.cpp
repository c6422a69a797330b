#include "app/commands.h"
#include "models/ocr/cardscanner.h"
#include "models/services/leadcreation.h"
#include "models/storage/countrystore.h"
#include "models/storage/duplicates.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>

// `mikomi scan IMAGE… [--format table|json] [--import] [--source NAME]` (cli.md): business cards
// read offline, through the same scanner as card mode; --import creates the leads through
// services::LeadCreation, as card mode does.
namespace mikomi::cli {
namespace {

QString certaintyName(ocr::Certainty c) {
    switch (c) {
    case ocr::Certainty::Confident:
        return tr("confident");
    case ocr::Certainty::Check:
        return tr("check");
    case ocr::Certainty::Empty:
        break;
    }
    return tr("empty");
}

// The fields the user must look at (read with a confidence under 90%).
QStringList toCheck(const ocr::CardFields &f) {
    QStringList out;
    for (const QString &key : ocr::fieldNames())
        if (f.certainty(key) == ocr::Certainty::Check)
            out << key;
    return out;
}

QString reasonName(storage::DuplicateReason r) {
    switch (r) {
    case storage::DuplicateReason::Email:
        return tr("same email");
    case storage::DuplicateReason::Phone:
        return tr("same phone number");
    case storage::DuplicateReason::CompanyPerson:
        return tr("same person at the same company");
    case storage::DuplicateReason::Suggestion:
        break;
    }
    return tr("similar person");
}

} // namespace

int runScan(const QStringList &args) {
    QCommandLineParser p;
    p.addOption({QStringLiteral("format"), tr("Output format: table or json."),
                 QStringLiteral("FORMAT"), QStringLiteral("table")});
    p.addOption({QStringLiteral("import"), tr("Add the cards as leads.")});
    p.addOption({QStringLiteral("source"), tr("The lead source of the imported cards."),
                 QStringLiteral("NAME")});
    const QString usage =
        tr("Usage: mikomi scan IMAGE… [--format table|json] [--import] [--source NAME]");
    QString error;
    if (!parseStrict(p, args, &error))
        return fail(UsageError, error + QLatin1Char('\n') + usage);
    const QStringList pos = p.positionalArguments();
    if (pos.size() < 2)
        return fail(UsageError, usage);
    const QString format = p.value(QStringLiteral("format"));
    if (format != QLatin1String("table") && format != QLatin1String("json"))
        return fail(UsageError, tr("--format must be table or json, not \"%1\".").arg(format));
    const bool import = p.isSet(QStringLiteral("import"));
    if (p.isSet(QStringLiteral("source")) && !import)
        return fail(UsageError, tr("--source is for --import."));

    QStringList files;
    for (const QString &arg : pos.mid(1)) {
        const QStringList found = ocr::CardScanner::imageFiles(arg);
        if (found.isEmpty())
            err() << tr("%1: no images in this folder.").arg(arg) << Qt::endl;
        files << found;
    }
    if (files.isEmpty())
        return fail(DataError, tr("No images to read."));

    std::unique_ptr<storage::Database> db;
    std::unique_ptr<services::LeadCreation> creation;
    if (import) {
        auto opened = openDatabase(args);
        if (!opened)
            return fail(DataError, opened.error());
        db = std::move(opened.value());
        creation = std::make_unique<services::LeadCreation>(*db, services::LeadCreation::Options{});
    }

    ocr::CardScanner scanner;
    if (Status s = scanner.load(); !s)
        return fail(DataError, s.error());
    int failed = 0;
    int imported = 0;
    QJsonArray cards;
    for (const QString &file : std::as_const(files)) {
        auto scan = scanner.scanFile(file);
        if (!scan) {
            err() << scan.error() << Qt::endl;
            ++failed;
            continue;
        }
        const ocr::CardFields &f = scan->fields;
        QJsonObject card{{QStringLiteral("file"), file},
                         {QStringLiteral("seconds"), qRound(scan->seconds * 100) / 100.0}};
        QJsonObject fields;
        for (const QString &key : ocr::fieldNames()) {
            if (!f.has(key))
                continue;
            const ocr::Field &field = f.fields.value(key);
            fields.insert(key, QJsonObject{{QStringLiteral("value"), field.value},
                                           {QStringLiteral("confidence"),
                                            std::floor(field.confidence * 100) / 100.0}});
        }
        card.insert(QStringLiteral("fields"), fields);

        if (import) {
            // A foreign card's numbers with their country code, read in the card's country.
            const auto region = storage::phoneRegion(*db);
            if (!region)
                return fail(DataError, region.error());
            ocr::CardFields withCodes = f;
            withCodes.addCountryCodes(*region);
            Lead lead = ocr::leadFromCard(withCodes);
            lead.source = p.value(QStringLiteral("source")).trimmed();
            if (lead.familyName.isEmpty() && lead.givenName.isEmpty() && lead.company.isEmpty() &&
                lead.email.isEmpty()) {
                err() << tr("%1: no name, company or email was read; not imported.").arg(file)
                      << Qt::endl;
                ++failed;
            } else {
                auto dups = storage::findDuplicates(*db, lead);
                if (!dups)
                    return fail(DataError, dups.error());
                const auto strong = std::find_if(
                    dups->cbegin(), dups->cend(), [](const storage::DuplicateMatch &m) {
                        return m.reason != storage::DuplicateReason::Suggestion;
                    });
                if (strong != dups->cend()) {
                    err() << tr("%1: matches lead #%2 (%3); not imported.")
                                 .arg(file)
                                 .arg(strong->id)
                                 .arg(reasonName(strong->reason))
                          << Qt::endl;
                    card.insert(QStringLiteral("duplicate_of"), strong->id);
                } else {
                    auto id = creation->create(lead);
                    if (!id)
                        return fail(DataError, tr("%1: %2").arg(file, id.error()));
                    ++imported;
                    card.insert(QStringLiteral("lead_id"), *id);
                    const QStringList check = toCheck(f);
                    if (!check.isEmpty())
                        err() << tr("%1: imported as lead #%2; check: %3")
                                     .arg(file)
                                     .arg(*id)
                                     .arg(check.join(QStringLiteral(", ")))
                              << Qt::endl;
                }
            }
        }
        cards.append(card);

        if (format == QLatin1String("table")) {
            out() << tr("%1 (%2 s)").arg(file).arg(scan->seconds, 0, 'f', 2) << Qt::endl;
            for (const QString &key : ocr::fieldNames()) {
                if (!f.has(key))
                    continue;
                const ocr::Field &field = f.fields.value(key);
                out() << QStringLiteral("  %1  %2  %3%  %4")
                             .arg(key, -15)
                             .arg(certaintyName(f.certainty(key)), -10)
                             .arg(int(std::floor(field.confidence * 100)), 3)
                             .arg(field.value)
                      << Qt::endl;
            }
        }
    }
    if (format == QLatin1String("json"))
        out() << QJsonDocument(QJsonObject{{QStringLiteral("cards"), cards}})
                     .toJson(QJsonDocument::Indented);
    if (import)
        err() << QCoreApplication::translate("mikomi::cli", "Imported %n card(s).", nullptr,
                                             imported)
              << Qt::endl;
    return failed ? DataError : Ok;
}

} // namespace mikomi::cli
