#pragma once

#include "models/domain/lead.h"

#include <QList>
#include <QString>

// What a stored text value may hold, and how contact values are stored: the same rules for every
// way a lead comes in (editor, business-card mode, CSV and vCard import).
namespace mikomi {

// Index of the first character a stored text may not hold, or -1: C0 control characters
// (U+0000–U+001F, NUL included), DEL and the C1 controls (U+0080–U+009F). TAB, LF and CR are
// allowed when `multiLine` (notes). NUL hides a lead from search and export tools cut at it.
qsizetype forbiddenCharacter(const QString &text, bool multiLine);
// "contains a control character (U+0000) at position 4": the translated reason for a refusal.
QString forbiddenCharacterMessage(const QString &text, qsizetype index);

// One text field of a lead: its key (the Lead member's name: "company", "email", …), its value
// and whether it may span lines.
struct LeadTextField {
    const char *key;
    QString value;
    bool multiLine;
};
QList<LeadTextField> leadTextFields(const Lead &lead);
// The first field with a forbidden character, as {key, reason}; empty key when there is none.
std::pair<QString, QString> leadTextProblem(const Lead &lead);

// How email and phone numbers are stored: full-width letters, digits and signs folded to ASCII
// (ａ＠ｂ．ｃｏｍ → a@b.com, ０３－６４５５－１２１２ → 03-6455-1212), dash variants to '-',
// surrounding space removed. An email also loses inner spaces and its domain is lower-cased.
QString tidyEmail(const QString &email);
QString tidyPhone(const QString &phone);
// Applies tidyEmail/tidyPhone to the lead's email, phone and mobile.
void tidyContact(Lead &lead);

} // namespace mikomi
