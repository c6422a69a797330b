#include "models/domain/leadfields.h"

#include "models/domain/dates.h"

#include <QCoreApplication>

namespace mikomi {
namespace {

QString money(const std::optional<Money> &m) {
    return m ? QString::number(*m) : QString();
}
std::optional<Money> moneyFrom(const QString &s) {
    return s.isEmpty() ? std::nullopt : std::optional<Money>(s.toLongLong());
}
QString date(const std::optional<QDate> &d) {
    return d ? dates::toIsoDate(*d) : QString();
}
std::optional<QDate> dateFrom(const QString &s) {
    return s.isEmpty() ? std::nullopt : dates::fromIsoDate(s);
}
QString flag(bool b) {
    return b ? QStringLiteral("1") : QStringLiteral("0");
}

#define MIKOMI_TEXT_FIELD(column, label, member)                                                   \
    LeadField {                                                                                    \
        QStringLiteral(column), label, [](const Lead &l) { return l.member; },                     \
            [](Lead &l, const QString &v) { l.member = v; }                                        \
    }

} // namespace

const QList<LeadField> &leadFields() {
    using Field = LeadField;
    static const QList<Field> all{
        MIKOMI_TEXT_FIELD("company", QT_TRANSLATE_NOOP("mikomi::LeadFields", "Company"), company),
        MIKOMI_TEXT_FIELD("company_reading",
                          QT_TRANSLATE_NOOP("mikomi::LeadFields", "Company reading"),
                          companyReading),
        MIKOMI_TEXT_FIELD("department", QT_TRANSLATE_NOOP("mikomi::LeadFields", "Department"),
                          department),
        MIKOMI_TEXT_FIELD("title", QT_TRANSLATE_NOOP("mikomi::LeadFields", "Title"), title),
        MIKOMI_TEXT_FIELD("family_name", QT_TRANSLATE_NOOP("mikomi::LeadFields", "Family name"),
                          familyName),
        MIKOMI_TEXT_FIELD("given_name", QT_TRANSLATE_NOOP("mikomi::LeadFields", "Given name"),
                          givenName),
        MIKOMI_TEXT_FIELD("family_reading",
                          QT_TRANSLATE_NOOP("mikomi::LeadFields", "Family name reading"),
                          familyReading),
        MIKOMI_TEXT_FIELD("given_reading",
                          QT_TRANSLATE_NOOP("mikomi::LeadFields", "Given name reading"),
                          givenReading),
        MIKOMI_TEXT_FIELD("honorific", QT_TRANSLATE_NOOP("mikomi::LeadFields", "Honorific"),
                          honorific),
        MIKOMI_TEXT_FIELD("email", QT_TRANSLATE_NOOP("mikomi::LeadFields", "Email"), email),
        MIKOMI_TEXT_FIELD("phone", QT_TRANSLATE_NOOP("mikomi::LeadFields", "Phone"), phone),
        MIKOMI_TEXT_FIELD("mobile", QT_TRANSLATE_NOOP("mikomi::LeadFields", "Mobile"), mobile),
        MIKOMI_TEXT_FIELD("postal_code", QT_TRANSLATE_NOOP("mikomi::LeadFields", "Postal code"),
                          postalCode),
        MIKOMI_TEXT_FIELD("prefecture", QT_TRANSLATE_NOOP("mikomi::LeadFields", "Prefecture"),
                          prefecture),
        MIKOMI_TEXT_FIELD("city", QT_TRANSLATE_NOOP("mikomi::LeadFields", "City"), city),
        MIKOMI_TEXT_FIELD("street", QT_TRANSLATE_NOOP("mikomi::LeadFields", "Street"), street),
        MIKOMI_TEXT_FIELD("building", QT_TRANSLATE_NOOP("mikomi::LeadFields", "Building"),
                          building),
        MIKOMI_TEXT_FIELD("country", QT_TRANSLATE_NOOP("mikomi::LeadFields", "Country"), country),
        MIKOMI_TEXT_FIELD("website", QT_TRANSLATE_NOOP("mikomi::LeadFields", "Website"), website),
        MIKOMI_TEXT_FIELD("owner", QT_TRANSLATE_NOOP("mikomi::LeadFields", "Owner"), owner),
        MIKOMI_TEXT_FIELD("source", QT_TRANSLATE_NOOP("mikomi::LeadFields", "Lead source"), source),
        MIKOMI_TEXT_FIELD("notes", QT_TRANSLATE_NOOP("mikomi::LeadFields", "Notes"), notes),
        MIKOMI_TEXT_FIELD("lost_reason", QT_TRANSLATE_NOOP("mikomi::LeadFields", "Lost reason"),
                          lostReason),
        Field{QStringLiteral("stage"), QT_TRANSLATE_NOOP("mikomi::LeadFields", "Stage"),
              [](const Lead &l) { return stageKey(l.stage); },
              [](Lead &l, const QString &v) { l.stage = stageFromKey(v).value_or(l.stage); }},
        Field{QStringLiteral("sql_kind"), QT_TRANSLATE_NOOP("mikomi::LeadFields", "SAL/SGL"),
              [](const Lead &l) { return sqlKindKey(l.sqlKind); },
              [](Lead &l, const QString &v) { l.sqlKind = sqlKindFromKey(v).value_or(l.sqlKind); }},
        Field{QStringLiteral("lost"), QT_TRANSLATE_NOOP("mikomi::LeadFields", "Lost"),
              [](const Lead &l) { return flag(l.lost); },
              [](Lead &l, const QString &v) { l.lost = v == QLatin1String("1"); }},
        Field{QStringLiteral("opt_out"), QT_TRANSLATE_NOOP("mikomi::LeadFields", "Opted out"),
              [](const Lead &l) { return flag(l.optOut); },
              [](Lead &l, const QString &v) { l.optOut = v == QLatin1String("1"); }},
        Field{QStringLiteral("temperature_override"),
              QT_TRANSLATE_NOOP("mikomi::LeadFields", "Temperature"),
              [](const Lead &l) {
                  return l.temperatureOverride ? temperatureKey(*l.temperatureOverride) : QString();
              },
              [](Lead &l, const QString &v) {
                  l.temperatureOverride = v.isEmpty() ? std::nullopt : temperatureFromKey(v);
              }},
        Field{QStringLiteral("deal_value"), QT_TRANSLATE_NOOP("mikomi::LeadFields", "Deal value"),
              [](const Lead &l) { return money(l.dealValue); },
              [](Lead &l, const QString &v) { l.dealValue = moneyFrom(v); }},
        Field{QStringLiteral("lifetime_value"),
              QT_TRANSLATE_NOOP("mikomi::LeadFields", "Lifetime value"),
              [](const Lead &l) { return money(l.lifetimeValue); },
              [](Lead &l, const QString &v) { l.lifetimeValue = moneyFrom(v); }},
        Field{QStringLiteral("won_at"), QT_TRANSLATE_NOOP("mikomi::LeadFields", "Won on"),
              [](const Lead &l) { return date(l.wonAt); },
              [](Lead &l, const QString &v) { l.wonAt = dateFrom(v); }},
        Field{QStringLiteral("lost_at"), QT_TRANSLATE_NOOP("mikomi::LeadFields", "Lost on"),
              [](const Lead &l) { return date(l.lostAt); },
              [](Lead &l, const QString &v) { l.lostAt = dateFrom(v); }},
        Field{QStringLiteral("consent_at"), QT_TRANSLATE_NOOP("mikomi::LeadFields", "Consent date"),
              [](const Lead &l) { return date(l.consentAt); },
              [](Lead &l, const QString &v) { l.consentAt = dateFrom(v); }},
        Field{QStringLiteral("consent_basis"),
              QT_TRANSLATE_NOOP("mikomi::LeadFields", "Consent basis"),
              [](const Lead &l) { return consentBasisKey(l.consentBasis); },
              [](Lead &l, const QString &v) {
                  l.consentBasis = consentBasisFromKey(v).value_or(l.consentBasis);
              }},
    };
    return all;
}

#undef MIKOMI_TEXT_FIELD

QString LeadField::labelText() const {
    return QCoreApplication::translate("mikomi::LeadFields", label);
}

} // namespace mikomi
