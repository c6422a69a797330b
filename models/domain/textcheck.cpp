#include "models/domain/textcheck.h"

#include "models/text/normalize.h"

#include <QCoreApplication>

namespace mikomi {

qsizetype forbiddenCharacter(const QString &text, bool multiLine) {
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char16_t c = text.at(i).unicode();
        if (multiLine && (c == u'\t' || c == u'\n' || c == u'\r'))
            continue;
        if (c < 0x20 || (c >= 0x7F && c <= 0x9F))
            return i;
    }
    return -1;
}

QString forbiddenCharacterMessage(const QString &text, qsizetype index) {
    const char16_t c = index >= 0 && index < text.size() ? text.at(index).unicode() : 0;
    const QString code = QStringLiteral("U+%1").arg(uint(c), 4, 16, QLatin1Char('0')).toUpper();
    return QCoreApplication::translate(
               "mikomi::TextCheck",
               "The value contains a control character (%1) at position %2; remove it.")
        .arg(code)
        .arg(index + 1);
}

QList<LeadTextField> leadTextFields(const Lead &l) {
    return {
        {"company", l.company, false},
        {"companyReading", l.companyReading, false},
        {"department", l.department, false},
        {"title", l.title, false},
        {"familyName", l.familyName, false},
        {"givenName", l.givenName, false},
        {"familyReading", l.familyReading, false},
        {"givenReading", l.givenReading, false},
        {"honorific", l.honorific, false},
        {"email", l.email, false},
        {"phone", l.phone, false},
        {"mobile", l.mobile, false},
        {"postalCode", l.postalCode, false},
        {"prefecture", l.prefecture, false},
        {"city", l.city, false},
        {"street", l.street, false},
        {"building", l.building, false},
        {"country", l.country, false},
        {"website", l.website, false},
        {"owner", l.owner, false},
        {"source", l.source, false},
        {"notes", l.notes, true},
        {"lostReason", l.lostReason, true},
    };
}

std::pair<QString, QString> leadTextProblem(const Lead &lead) {
    for (const LeadTextField &f : leadTextFields(lead)) {
        const qsizetype i = forbiddenCharacter(f.value, f.multiLine);
        if (i >= 0)
            return {QString::fromLatin1(f.key), forbiddenCharacterMessage(f.value, i)};
    }
    return {};
}

QString tidyEmail(const QString &email) {
    // Already tidy (most addresses of a file): ASCII (NFKC leaves it as it is), no space, no
    // capital after the last '@'. Checked in one pass, without the copies below.
    bool tidy = true;
    const qsizetype lastAt = email.lastIndexOf(u'@');
    for (qsizetype i = 0; i < email.size() && tidy; ++i) {
        const char16_t c = email.at(i).unicode();
        const bool domain = lastAt >= 0 && i > lastAt;
        tidy = c > u' ' && c < 0x7F && !(domain && c >= u'A' && c <= u'Z');
    }
    if (tidy)
        return email;
    QString e = email.normalized(QString::NormalizationForm_KC).trimmed();
    if (e.isEmpty())
        return e;
    e.remove(u' ');
    const qsizetype at = e.lastIndexOf(u'@');
    if (at >= 0)
        e = e.left(at + 1) + e.mid(at + 1).toLower();
    return e;
}

QString tidyPhone(const QString &phone) {
    return text::foldPhoneText(phone);
}

void tidyContact(Lead &lead) {
    lead.email = tidyEmail(lead.email);
    lead.phone = tidyPhone(lead.phone);
    lead.mobile = tidyPhone(lead.mobile);
}

} // namespace mikomi
