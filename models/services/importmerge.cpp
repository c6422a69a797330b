#include "models/services/importmerge.h"

#include "models/io/leadrow.h"
#include "models/storage/leadcontacts.h"
#include "models/storage/leadcustomfields.h"

namespace mikomi::services::detail {

Lead combine(const Lead &existing, const Lead &row, OnMatch mode, const QString &phoneRegion) {
    Lead out = existing;
    const bool overwrite = mode == OnMatch::Update;
    const auto take = [&](QString &dst, const QString &src) {
        if (!src.isEmpty() && (overwrite || dst.isEmpty()))
            dst = src;
    };
    take(out.company, row.company);
    take(out.companyReading, row.companyReading);
    take(out.department, row.department);
    take(out.title, row.title);
    take(out.familyName, row.familyName);
    take(out.givenName, row.givenName);
    take(out.familyReading, row.familyReading);
    take(out.givenReading, row.givenReading);
    take(out.email, row.email);
    take(out.phone, row.phone);
    take(out.mobile, row.mobile);
    take(out.postalCode, row.postalCode);
    take(out.prefecture, row.prefecture);
    take(out.city, row.city);
    take(out.street, row.street);
    take(out.building, row.building);
    take(out.country, row.country);
    take(out.website, row.website);
    take(out.owner, row.owner);
    take(out.source, row.source);
    take(out.notes, row.notes);
    take(out.lostReason, row.lostReason);
    const auto takeOpt = [&](auto &dst, const auto &src) {
        if (src && (overwrite || !dst))
            dst = src;
    };
    takeOpt(out.dealValue, row.dealValue);
    takeOpt(out.lifetimeValue, row.lifetimeValue);
    takeOpt(out.wonAt, row.wonAt);
    takeOpt(out.lostAt, row.lostAt);
    // Consent: date and basis travel together (a new opt-in date with its basis).
    if (row.consentBasis != ConsentBasis::None &&
        (overwrite || out.consentBasis == ConsentBasis::None))
        out.consentBasis = row.consentBasis;
    takeOpt(out.consentAt, row.consentAt);
    // Nothing the row says about reaching the person is dropped, in every mode: its email and
    // numbers that did not land in a field (the lead has others), and its extras, join the lead's
    // extras; so do the lead's own ones an update replaced. Each once, compared by normalised key
    // (storage::addContacts), never replaced.
    QList<ContactPoint> more;
    const auto keep = [&more](ContactKind kind, const QString &value) {
        if (!value.isEmpty())
            more << ContactPoint{kind, value, QString()};
    };
    keep(ContactKind::Email, row.email);
    keep(ContactKind::Phone, row.phone);
    keep(ContactKind::Mobile, row.mobile);
    more << row.extraContacts;
    if (overwrite) {
        keep(ContactKind::Email, existing.email);
        keep(ContactKind::Phone, existing.phone);
        keep(ContactKind::Mobile, existing.mobile);
    }
    storage::addContacts(out, more, phoneRegion);
    storage::addCustomFields(out, row.customFields,
                             overwrite ? storage::CustomFieldMerge::Overwrite
                                       : storage::CustomFieldMerge::Keep);
    if (row.optOut)
        out.optOut = true; // an opt-out is never undone by an import
    out.anonymous = out.familyName.isEmpty() && out.givenName.isEmpty() && out.email.isEmpty() &&
                    out.phone.isEmpty() && out.mobile.isEmpty();
    return out;
}

QDateTime atStartOfDay(const std::optional<QDate> &d, const QDateTime &fallback) {
    return d ? d->startOfDay() : fallback;
}

void diffLeads(const Lead &before, const Lead &after, int line, qint64 id,
               QList<FieldChange> &out) {
    using F = io::LeadField;
    const auto cmp = [&](F f, const QString &a, const QString &b) {
        if (a != b)
            out.append({line, id, io::leadFieldKey(f), a, b});
    };
    const auto money = [](const std::optional<Money> &m) {
        return m ? QString::number(*m) : QString();
    };
    const auto day = [](const std::optional<QDate> &d) {
        return d ? d->toString(Qt::ISODate) : QString();
    };
    cmp(F::Company, before.company, after.company);
    cmp(F::CompanyReading, before.companyReading, after.companyReading);
    cmp(F::Department, before.department, after.department);
    cmp(F::Title, before.title, after.title);
    cmp(F::FamilyName, before.familyName, after.familyName);
    cmp(F::GivenName, before.givenName, after.givenName);
    cmp(F::FamilyReading, before.familyReading, after.familyReading);
    cmp(F::GivenReading, before.givenReading, after.givenReading);
    cmp(F::Email, before.email, after.email);
    cmp(F::Phone, before.phone, after.phone);
    cmp(F::Mobile, before.mobile, after.mobile);
    cmp(F::PostalCode, before.postalCode, after.postalCode);
    cmp(F::Prefecture, before.prefecture, after.prefecture);
    cmp(F::City, before.city, after.city);
    cmp(F::Street, before.street, after.street);
    cmp(F::Building, before.building, after.building);
    cmp(F::Country, before.country, after.country);
    cmp(F::Website, before.website, after.website);
    cmp(F::Owner, before.owner, after.owner);
    cmp(F::Source, before.source, after.source);
    cmp(F::Notes, before.notes, after.notes);
    cmp(F::LostReason, before.lostReason, after.lostReason);
    cmp(F::DealValue, money(before.dealValue), money(after.dealValue));
    cmp(F::LifetimeValue, money(before.lifetimeValue), money(after.lifetimeValue));
    cmp(F::WonAt, day(before.wonAt), day(after.wonAt));
    cmp(F::LostAt, day(before.lostAt), day(after.lostAt));
    cmp(F::OptOut, before.optOut ? QStringLiteral("yes") : QStringLiteral("no"),
        after.optOut ? QStringLiteral("yes") : QStringLiteral("no"));
    cmp(F::ConsentDate, day(before.consentAt), day(after.consentAt));
    cmp(F::ConsentBasis, consentBasisKey(before.consentBasis), consentBasisKey(after.consentBasis));
    for (const CustomField &f : after.customFields) {
        QString was;
        for (const CustomField &b : before.customFields)
            if (b.name == f.name)
                was = b.value;
        if (was != f.value)
            out.append({line, id, io::customColumnHeader(f.name), was, f.value});
    }
}

} // namespace mikomi::services::detail
