#pragma once

#include "models/domain/lead.h"
#include "models/domain/result.h"
#include "models/io/encoding.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QHash>
#include <QList>
#include <QString>

#include <optional>

// vCard 2.1, 3.0 and 4.0 in and out, with Japanese readings (product.md §Capabilities 9).
//
// Reading is forgiving: a malformed line becomes a warning with its line number and the rest of
// the card is kept. Handled: folded lines (space/tab), 2.1 quoted-printable soft line breaks,
// ENCODING=QUOTED-PRINTABLE, CHARSET=SHIFT_JIS/UTF-8 (and a whole file in Shift_JIS), BASE64
// photos (skipped), nested cards (skipped with a warning), item1.-style groups.
// Mapping: N (family;given;…) with SORT-AS (4.0) → readings; FN when N has no name;
// X-PHONETIC-LAST-NAME / X-PHONETIC-FIRST-NAME / X-PHONETIC-ORG; SOUND;X-IRMC-N (2.1: family;given
// readings, or DoCoMo's whole reading in the first field, split at its first space); SORT-STRING
// (3.0, split like a full name when nothing better is present); ORG (company;department…, SORT-AS →
// company reading); TITLE; TEL (CELL → mobile, the first other non-fax, non-pager number → phone,
// PREF wins; the others extra contacts labelled with their types, or with the X-ABLabel of their
// item group); EMAIL (first, PREF wins; likewise); ADR
// (po;extended;street;city;prefecture;postal;country, first or PREF; the extended part is the
// building, or the street when the street is empty); URL; NOTE. Readings are NFKC-normalised, so
// half-width ｱﾝﾄﾞｳ becomes アンドウ. Everything else (PHOTO, X-ANDROID-CUSTOM, BDAY…) is ignored.
namespace mikomi::io {

struct VCardWarning {
    int line = 0; // 1-based physical line
    QString message;
};

struct VCardEntry {
    Lead lead;
    QString version; // "2.1", "3.0", "4.0" as written (empty when the card had no VERSION)
    int line = 0;    // line of BEGIN:VCARD
    QList<VCardWarning> warnings;
    // Text that is not valid in its character set (read as Latin-1 only to show it): the card
    // must not be imported.
    QList<VCardWarning> errors;
    QHash<QString, int> lines; // Lead member name ("email", "phone"…) → line of its property
};

struct VCardReadResult {
    QList<VCardEntry> cards;
    QList<VCardWarning> warnings; // lines outside any card
};

VCardReadResult readVCards(QByteArrayView data);
Result<VCardReadResult> readVCardFile(const QString &path);

enum class VCardVersion { V21, V30, V40 };

// "2.1", "3.0", "4.0"; and back from what a user types ("2.1", "21", "2", "3.0", "4"…).
QString vcardVersionKey(VCardVersion version);
std::optional<VCardVersion> vcardVersionFromName(const QString &name);

// 3.0 and 4.0: UTF-8, CRLF, lines folded at 75 octets without splitting a UTF-8 sequence;
// comma, semicolon, backslash and newlines escaped. Readings: 3.0 writes
// X-PHONETIC-LAST-NAME/FIRST-NAME, SORT-STRING and X-PHONETIC-ORG; 4.0 writes N;SORT-AS,
// ORG;SORT-AS and the X-PHONETIC-* names too (what phones read). A further email or number with
// a label is written in an item group with Apple's X-ABLabel ("item1.TEL;TYPE=WORK,VOICE:…",
// "item1.X-ABLabel:直通"), which reading gives back. `charset` is not used.
//
// 2.1 (what older Japanese phones read): `charset` Cp932 writes Shift_JIS, CHARSET=SHIFT_JIS on
// each value that is not ASCII, and a character CP932 lacks as 〓 (kMissingCharMark: check the
// lead first with findUnrepresentable() to report it); Utf8 writes the same card with
// CHARSET=UTF-8, losing nothing. The reading goes in SOUND;X-IRMC-N in DoCoMo's form ("ヤマダ
// タロウ;;;;") and in X-PHONETIC-LAST-NAME/FIRST-NAME; phones as TEL;WORK;VOICE, TEL;CELL,
// TEL;FAX; EMAIL;INTERNET; ADR;WORK; values with line breaks in QUOTED-PRINTABLE; CRLF; plain
// lines are not folded; no item groups, so no labels. The sources of this layout are cited in
// vcardwrite21.cpp.
QByteArray writeVCard(const Lead &lead, VCardVersion version, Encoding charset = Encoding::Cp932);
QByteArray writeVCards(const QList<Lead> &leads, VCardVersion version,
                       Encoding charset = Encoding::Cp932);

// Folds one content line (without its CRLF) into CRLF-separated lines of at most 75 octets.
QByteArray foldVCardLine(const QByteArray &line);

} // namespace mikomi::io
