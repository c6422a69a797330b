#pragma once

#include <QObject>
#include <QPointer>
#include <QString>

class QLineEdit;

namespace mikomi::ui {

// Fills a reading field (フリガナ) from what the input method saw while a name was typed, as
// Japanese business software does: typing やまだ and converting it to 山田 in the name field puts
// ヤマダ in the reading. The kana comes from the composition (the last all-kana preedit string
// of QInputMethodEvent before conversion, or the commit string when kana was committed as is).
// Readings are stored in katakana (as the demo data and imports keep them).
//   - A reading typed or changed by hand is left alone from then on (until it is emptied).
//   - Clearing the name clears the reading it filled.
//   - Latin input (no input method, or a commit without kana) leaves the reading alone.
//   - For a company, the legal form (株式会社…) adds nothing to the reading.
// A reading that was there when the capture was installed counts as typed by hand.
class ReadingCapture final : public QObject {
    Q_OBJECT
public:
    enum class Kind { Person, Company };
    // Watches `name` (an event filter on it) and writes to `reading`; parented to `name`.
    ReadingCapture(QLineEdit *name, QLineEdit *reading, Kind kind = Kind::Person);

    // True while the reading is still filled from the name (not taken over by hand).
    bool isFilling() const { return !m_manual; }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void committed(const QString &commit);
    void nameChanged(const QString &text);
    void readingEdited(const QString &text);
    void write(const QString &reading);

    QPointer<QLineEdit> m_name;
    QPointer<QLineEdit> m_reading;
    Kind m_kind;
    QString m_kana;     // the kana of the current composition (last all-kana preedit)
    QString m_captured; // the reading of what was committed so far, katakana
    QString m_written;  // what this object last put in the reading field
    bool m_manual = false;
};

// Installs the helpers of Japanese entry on the line edits of a form, found by object name:
// ReadingCapture on "familyName" → "familyReading", "givenName" → "givenReading" and "company" →
// "companyReading", and PostalFill on "postalCode", "prefecture", "city", "street" and "country"
// (`databaseCountry`: the database's country, storage::phoneRegion). Fields the form does not
// have are skipped.
void installJapaneseEntry(QWidget *form, const QString &databaseCountry);

} // namespace mikomi::ui
