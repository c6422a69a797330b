#include "models/services/importrun.h"

#include "models/domain/textcheck.h"
#include "models/io/vcard.h"
#include "models/text/normalize.h"
#include "models/text/phone.h"

#include <QCoreApplication>
#include <QHash>

namespace mikomi::services::detail {
namespace {

io::RowError vcardWarning(const io::VCardWarning &w) {
    return io::RowError{w.line, QString(), w.message};
}

// The vCard property a lead field comes from, as the "column" of a card's error.
QString vcardProperty(const QString &key) {
    static const QHash<QString, QString> names{
        {QStringLiteral("company"), QStringLiteral("ORG")},
        {QStringLiteral("department"), QStringLiteral("ORG")},
        {QStringLiteral("title"), QStringLiteral("TITLE")},
        {QStringLiteral("familyName"), QStringLiteral("N")},
        {QStringLiteral("givenName"), QStringLiteral("N")},
        {QStringLiteral("email"), QStringLiteral("EMAIL")},
        {QStringLiteral("phone"), QStringLiteral("TEL")},
        {QStringLiteral("mobile"), QStringLiteral("TEL")},
        {QStringLiteral("street"), QStringLiteral("ADR")},
        {QStringLiteral("building"), QStringLiteral("ADR")},
        {QStringLiteral("city"), QStringLiteral("ADR")},
        {QStringLiteral("prefecture"), QStringLiteral("ADR")},
        {QStringLiteral("postalCode"), QStringLiteral("ADR")},
        {QStringLiteral("country"), QStringLiteral("ADR")},
        {QStringLiteral("website"), QStringLiteral("URL")},
        {QStringLiteral("notes"), QStringLiteral("NOTE")},
    };
    return names.value(key, key);
}

// The checks of io::leadFromRow for a card: text in a wrong character set, control characters,
// invalid email and phone numbers. Each error names the line and property it comes from.
QList<io::RowError> cardErrors(const io::VCardEntry &card, const QString &phoneRegion) {
    QList<io::RowError> out;
    for (const io::VCardWarning &e : card.errors)
        out.append(io::RowError{e.line, QString(), e.message});
    const auto add = [&](const QString &key, const QString &reason) {
        out.append(io::RowError{card.lines.value(key, card.line), vcardProperty(key), reason});
    };
    for (const LeadTextField &f : leadTextFields(card.lead)) {
        if (const qsizetype i = forbiddenCharacter(f.value, f.multiLine); i >= 0)
            add(QString::fromLatin1(f.key), forbiddenCharacterMessage(f.value, i));
    }
    const Lead &l = card.lead;
    if (!l.email.isEmpty() && !text::isValidEmail(l.email))
        add(QStringLiteral("email"),
            QCoreApplication::translate("mikomi::services::Importer",
                                        "\"%1\" is not a valid email address.")
                .arg(l.email));
    for (const auto &[key, value] : {std::pair{QStringLiteral("phone"), l.phone},
                                     std::pair{QStringLiteral("mobile"), l.mobile}}) {
        if (const QString e = text::phoneError(value, phoneRegion); !e.isEmpty())
            add(key, e);
    }
    return out;
}

} // namespace

Status Run::readVCard() {
    auto read = io::readVCardFile(m_o.path);
    if (!read)
        return Error{read.error()};
    m_s.kind = ImportKind::VCard;
    for (const io::VCardWarning &w : read->warnings)
        m_s.warnings.append(vcardWarning(w));
    const qint64 total = read->cards.size();
    for (const io::VCardEntry &card : read->cards) {
        if (cancelled())
            return {};
        ++m_s.rowsRead;
        for (const io::VCardWarning &w : card.warnings)
            m_s.warnings.append(vcardWarning(w));
        const Lead &l = card.lead;
        if (QList<io::RowError> errors = cardErrors(card, m_phoneRegion); !errors.isEmpty()) {
            reject(card.line, {}, std::move(errors));
            continue;
        }
        if (l.company.isEmpty() && l.familyName.isEmpty() && l.givenName.isEmpty() &&
            l.email.isEmpty() && l.phone.isEmpty() && l.mobile.isEmpty()) {
            reject(card.line, {},
                   {io::RowError{card.line, QString(),
                                 QCoreApplication::translate(
                                     "mikomi::services::Importer",
                                     "Card %1 has no name, company, email address or phone number.")
                                     .arg(m_s.rowsRead)}});
            continue;
        }
        io::LeadRow row;
        row.lead = l;
        row.lead.anonymous = l.familyName.isEmpty() && l.givenName.isEmpty() && l.email.isEmpty() &&
                             l.phone.isEmpty() && l.mobile.isEmpty();
        const storage::LeadKeys keys = storage::LeadKeys::of(row.lead, m_phoneRegion);
        if (Status st = importLead(std::move(row), 0, {}, false, keys, MatchKeys::of(keys)); !st)
            return st;
        tick(m_s.rowsRead, total);
    }
    tick(total, total, true);
    return {};
}

} // namespace mikomi::services::detail
