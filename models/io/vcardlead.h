#pragma once

#include "models/domain/lead.h"
#include "models/io/vcard.h"
#include "models/io/vcardlines.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <initializer_list>

// From the properties of one card to a Lead (the mapping vcard.h describes): names and their
// readings from the many places phones and address books put them, the first or preferred
// phone, mobile, email and address on the lead and every other number and email as an extra
// contact, labelled with its types or its item group's X-ABLabel. Internal to the vCard reader.
namespace mikomi::io::vcard {

// One card: add() each of its properties in the file's order, then finish() gives the lead.
class CardBuilder {
public:
    QString version;
    QList<VCardWarning> warnings;
    QList<VCardWarning> errors;
    QHash<QString, int> lines; // Lead member name → line of the property it came from

    bool v21() const { return version.isEmpty() || version == u"2.1"; }

    void add(const Property &p);
    Lead finish();

    Lead lead;

private:
    void mark(std::initializer_list<const char *> keys, int line);
    static QStringList splitSortAs(const QString &s);

    QString m_family, m_given, m_fn;
    bool m_showAsCompany = false;
    QString m_phoneticFamily, m_phoneticGiven, m_phoneticOrg;
    QString m_msFamily, m_msGiven, m_msOrg; // Outlook's X-MS-N-YOMI, X-MS-ORG-YOMI
    QString m_phoneLabel, m_mobileLabel, m_emailLabel;
    QString m_irmcFamily, m_irmcGiven;
    QString m_sortFamily, m_sortGiven, m_sortString, m_orgSort;
    bool m_phonePref = false, m_mobilePref = false, m_emailPref = false;
    bool m_adrSet = false, m_adrPref = false, m_orgSet = false;
    QHash<QByteArray, QString> m_groupLabels, m_groupValues; // item group → X-ABLabel, value
};

} // namespace mikomi::io::vcard
