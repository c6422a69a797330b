#pragma once

#include "models/domain/lead.h"
#include "models/domain/result.h"
#include "models/storage/database.h"

#include <QHash>
#include <QList>
#include <QString>

#include <array>
#include <optional>

// A lead's further emails and numbers (Lead::extraContacts), kept in lead_contacts
// (migration_v9.cpp) beside the lead's own email, phone and mobile columns.
namespace mikomi::storage {

// The stored name of a kind ("email", "phone", "mobile", "fax"): the lead_contacts.kind column,
// and the word the CSV export's columns are named after.
QString contactKindKey(ContactKind kind);
std::optional<ContactKind> contactKindFromKey(const QString &key);

// The form duplicates are matched on: text::normalizeEmail for an email, text::phoneKey (E.164 in
// the database's country `phoneRegion`) for the other kinds; a number libphonenumber cannot read
// keeps a key of its own ("raw:" and the text), so it is never taken for empty. Empty for an
// empty value.
QString contactKey(const ContactPoint &contact, const QString &phoneRegion);
// The value as stored: tidyEmail or tidyPhone (the same form as the lead's own columns).
ContactPoint tidiedContact(const ContactPoint &contact);

// Appends to lead.extraContacts each of `more` whose key is neither one of the lead's own
// (email, phone, mobile) nor already among its extras, nor empty; the order is kept. Returns how
// many were added. Used wherever two records of one person meet (import merge, duplicate merge).
int addContacts(Lead &lead, const QList<ContactPoint> &more, const QString &phoneRegion);

// The first extra contact with a forbidden character, as a translated reason; empty when none.
QString contactTextProblem(const Lead &lead);

// The most extra contacts of each kind (indexed by int(ContactKind)) any one lead has: how many
// columns of each kind the CSV export writes.
Result<std::array<int, 4>> mostContactsPerKind(const Database &db);

// --- internal to models/storage (and the importer, which reads matching keys) ---

// Replaces the stored extra contacts of lead `leadId` with `contacts` (part of the caller's
// transaction).
Status writeContacts(Database &db, qint64 leadId, const QList<ContactPoint> &contacts);
// The stored extra contacts of one lead, in order.
Result<QList<ContactPoint>> readContacts(const Database &db, qint64 leadId);
// Of several leads (all leads when `ids` is empty), by lead id; leads without any are absent.
Result<QHash<qint64, QList<ContactPoint>>> readContacts(const Database &db,
                                                        const QList<qint64> &ids);

} // namespace mikomi::storage
