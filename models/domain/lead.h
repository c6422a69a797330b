#pragma once

#include "models/domain/consent.h"
#include "models/domain/enums.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace mikomi {

// Money is an integer in the currency's minor unit (yen: 1, dollar: cent).
using Money = qint64;

// A further way to reach the person beyond the lead's own email, phone and mobile columns: a
// second email address, a direct line, a fax (issue 12: several per person, none dropped).
enum class ContactKind { Email = 0, Phone, Mobile, Fax };
struct ContactPoint {
    ContactKind kind = ContactKind::Email;
    QString value; // as written (validated by the caller that made it)
    QString label; // as the source named it ("Work", "直通", "TEL2"); may be empty
    bool operator==(const ContactPoint &) const = default;
};

// A value kept under a name the user chose (issue 12: a column Mikomi has no field for, imported
// with --map "HEADER=custom:Name" or the wizard's "Custom field…"). Names are unique per lead.
struct CustomField {
    QString name;
    QString value;
    bool operator==(const CustomField &) const = default;
};

// One lead: a person and their company (product.md §Capabilities 1). Plain value type.
struct Lead {
    qint64 id = 0; // 0 = not stored yet
    // Made where the lead was created (never changes, travels with it between databases:
    // `mikomi merge`); empty until stored.
    QString uuid;
    // Bumped by every change to the stored row; a save of an older version is refused (no lost
    // updates). 0 = not read from the database (such a save is not checked).
    qint64 version = 0;

    QString company;
    QString companyReading;
    QString department;
    QString title;
    QString familyName;
    QString givenName;
    QString familyReading;
    QString givenReading;
    QString honorific = QStringLiteral("様");
    QString email;
    QString phone;
    QString mobile;
    QString postalCode;
    QString prefecture;
    QString city;
    QString street;
    QString building;
    QString country;
    QString website;
    QString owner;  // user name; empty = unassigned
    QString source; // original source (canonical name); empty = unknown
    QString notes;
    // Emails and numbers beyond email/phone/mobile, in the order the source gave them.
    QList<ContactPoint> extraContacts;
    // Values under names of the user's own, in the order given (lead_custom_fields).
    QList<CustomField> customFields;

    Stage stage = Stage::Inquiry;
    SqlKind sqlKind = SqlKind::None;
    Stage furthestStage = Stage::Inquiry;
    bool lost = false;
    QString lostReason;
    bool anonymous = false;
    bool optOut = false;
    // When and on which basis the person agreed to be held and contacted (product.md §Privacy).
    std::optional<QDate> consentAt;
    ConsentBasis consentBasis = ConsentBasis::None;
    std::optional<Temperature> temperatureOverride;
    int score = 0;

    std::optional<Money> dealValue;
    std::optional<Money> lifetimeValue;

    QDateTime createdAt; // with offset
    QDateTime updatedAt;
    std::optional<QDate> wonAt;
    std::optional<QDate> lostAt;

    // Family-first in Japanese, given-first otherwise.
    QString displayName(bool japaneseOrder) const;
    QString displayReading() const;
    bool operator==(const Lead &) const = default;
};

struct Source {
    qint64 id = 0;
    QString name;
    SourceCategory category = SourceCategory::Unknown;
    Tier tier = Tier::Experiment;
    QStringList aliases;
    // The category (and spelling) came from the built-in dictionary when the source was first
    // stored (an import, a card) and no person has confirmed or changed it yet.
    bool suggested = false;
    qint64 leadCount = 0; // filled by queries that count
    bool operator==(const Source &) const = default;
};

struct StageChange {
    qint64 id = 0;
    QString uuid; // made where the row was created; empty until stored
    qint64 leadId = 0;
    std::optional<Stage> fromStage; // none for the first entry
    Stage toStage = Stage::Inquiry;
    bool lost = false;     // this change marked the lead lost
    bool recycled = false; // this change recycled the lead to nurturing
    QDateTime changedAt;
    QString user;
    QString note;
};

struct Touchpoint {
    qint64 id = 0;
    QString uuid; // made where the row was created; empty until stored
    qint64 leadId = 0;
    QDateTime occurredAt;
    QString source; // canonical source name
    QString medium;
    QString campaign;
    QString content;
    QString url;
};

struct Activity {
    qint64 id = 0;
    QString uuid; // made where the row was created; empty until stored
    qint64 leadId = 0;
    ActivityKind kind = ActivityKind::Note;
    QDateTime occurredAt;
    QString user;
    QString notes;
};

struct SpendRow {
    QString source;
    QString month; // YYYY-MM
    Money amount = 0;
};

struct Campaign {
    qint64 id = 0;
    QString name;
    QString source;
    std::optional<QDate> start;
    std::optional<QDate> end;
    Money budget = 0;
    Money actualCost = 0;
    QString notes;
};

struct User {
    qint64 id = 0;
    QString name;
    bool active = true;
    QString email; // as written; empty = none. Owners given as this address are this user.
};

} // namespace mikomi
