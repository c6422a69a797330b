#pragma once

#include "models/japan/postalcodes.h"

#include <QHash>
#include <QObject>
#include <QPointer>

class QLineEdit;
class QMenu;

namespace mikomi::ui {

// Japanese postal codes in a form, offline (models/japan/postalcodes.h): typing 〒1000005 or
// 100-0005 in the postal code fills 東京都 / 千代田区 / 丸の内 into the prefecture, city and
// street; a code that covers several towns offers them in a menu under the field. The other way,
// leaving the street (or city) with the postal code empty fills the code when the address has
// exactly one, and offers the codes when it has several. A field the user typed is not
// overwritten: only empty ones, or ones this helper filled, are written. Only for an address in
// Japan: the form's country field names Japan, or it is empty (or absent) and the database's
// country is Japan; a US ZIP code such as 10001 is never read as a Japanese code.
class PostalFill final : public QObject {
    Q_OBJECT
public:
    // Parented to `postal`; the address and country fields may be null. `databaseCountry`: the
    // country of the database (storage::phoneRegion, "JP" by default).
    PostalFill(QLineEdit *postal, QLineEdit *prefecture, QLineEdit *city, QLineEdit *street,
               QLineEdit *country, const QString &databaseCountry);
    // Whether the address being typed is in Japan (see above).
    bool inJapan() const;

    // What the menu offers now (several towns for a code, several codes for an address).
    const QList<japan::PostalAddress> &choices() const { return m_choices; }
    // Takes one of choices() as if picked from the menu.
    void choose(qsizetype index);
    QMenu *menu() const { return m_menu; }

private:
    void codeEdited(const QString &text);
    void addressLeft();
    void fillAddress(const japan::PostalAddress &a);
    void offer(const QList<japan::PostalAddress> &choices, bool codes);
    // Writes `value` when the field is empty or still holds what this helper put there.
    void put(QLineEdit *field, const QString &value);

    QPointer<QLineEdit> m_postal;
    QPointer<QLineEdit> m_prefecture;
    QPointer<QLineEdit> m_city;
    QPointer<QLineEdit> m_street;
    QPointer<QLineEdit> m_country;
    QString m_databaseCountry;
    QMenu *m_menu = nullptr;
    QList<japan::PostalAddress> m_choices;
    bool m_choosingCodes = false;
    QHash<QLineEdit *, QString> m_filled; // field → what this helper wrote in it
};

} // namespace mikomi::ui
