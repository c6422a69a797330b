#pragma once

#include "models/domain/lead.h"
#include "models/storage/duplicates.h"

#include <QDialog>

#include <functional>
#include <optional>

class QCheckBox;
class QAction;
class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTabWidget;
class QTableWidget;
class QTreeWidget;
class QUndoStack;

namespace mikomi::storage {
class Database;
}

namespace mikomi::ui {

class ConsentWidget;
// Field-level check of a lead: translated messages for a malformed email or an impossible phone
// or mobile number, keyed by field ("email", "phone", "mobile"; "extraContacts" for the further
// emails and numbers, naming the row; "customFields" for the custom fields). Empty = valid.
// `phoneRegion`: the region of numbers without a country code (the database's country,
// storage::phoneRegion).
QList<std::pair<QString, QString>> validateLead(const Lead &lead, const QString &phoneRegion);
// The database's phone region, or "" (only numbers with + are then valid) when it cannot be read.
QString phoneRegionOf(const storage::Database &db);

// What the user chose when the lead looks like one already stored.
enum class DuplicateChoice { Cancel, OpenExisting, Merge, SaveAnyway };

// Edits every field of one lead (new when id is 0), shows its stage history, touchpoints and
// activities as a timeline, logs an activity and changes the stage (undoable, on `undo`).
// accept() happens only for valid input, after the duplicate question.
class LeadEditor final : public QDialog {
    Q_OBJECT
public:
    LeadEditor(storage::Database &db, const Lead &lead, QUndoStack *undo,
               QWidget *parent = nullptr);

    // The lead as edited (id kept).
    Lead lead() const;
    DuplicateChoice duplicateChoice() const { return m_choice; }
    // The stored lead the choice refers to (open / merge into).
    qint64 duplicateId() const { return m_duplicateId; }
    // Replaces the question dialog (tests).
    void setDuplicateChooser(
        std::function<DuplicateChoice(const QList<storage::DuplicateMatch> &)> chooser) {
        m_chooser = std::move(chooser);
    }
    // The messages currently shown at the fields ("" = none), for tests.
    QString emailMessage() const;
    QString phoneMessage() const;
    QString contactsMessage() const;
    // Adds a row to the further emails and numbers (the Add button), for tests too.
    void addContactRow(const ContactPoint &contact = {ContactKind::Phone, {}, {}});
    // Adds a row to the custom fields (the Add button), for tests too.
    void addCustomFieldRow(const CustomField &field = {});
    QString customFieldsMessage() const;
    // "Suggest readings" (issue 16): the empty reading fields of this lead filled from the
    // dictionaries (MeCab and KAKASI) from the company and names as typed; a reading the two
    // disagree on is marked to check, with the other one in its tooltip. Returns how many
    // fields were filled (0: nothing to fill or nothing readable; the user was told).
    int suggestReadings();

    void accept() override;

signals:
    // The lead's stage or activities changed while the editor was open.
    void leadChanged();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    bool validate();
    void loadTimeline();
    void logActivity();
    void stageAction(int kind);
    DuplicateChoice askDuplicates(const QList<storage::DuplicateMatch> &matches);
    QLineEdit *addLine(QFormLayout *form, const QString &key, const QString &value);

    storage::Database &m_db;
    Lead m_lead;
    QUndoStack *m_undo;
    QTabWidget *m_tabs = nullptr;
    QHash<QString, QLineEdit *> m_lines;
    QHash<QString, QLabel *> m_labels;
    QLabel *m_emailError = nullptr;
    QLabel *m_phoneError = nullptr;
    QLabel *m_mobileError = nullptr;
    // Further emails and numbers (Lead::extraContacts): a row each of kind, value, label, remove.
    QLabel *m_contactsLabel = nullptr;
    QTableWidget *m_contacts = nullptr;
    QPushButton *m_addContact = nullptr;
    QLabel *m_contactsError = nullptr;
    // Custom fields (Lead::customFields): a row each of name, value, remove.
    QLabel *m_customLabel = nullptr;
    QTableWidget *m_custom = nullptr;
    QPushButton *m_addCustom = nullptr;
    QLabel *m_customError = nullptr;
    QCheckBox *m_optOut = nullptr;
    ConsentWidget *m_consent = nullptr;
    QPushButton *m_privacy = nullptr;   // menu: export this person's data, erase person
    QPushButton *m_cardImage = nullptr; // the scanned business card, when kept
    QPushButton *m_suggestReadings = nullptr;
    QAction *m_exportPerson = nullptr;
    QAction *m_erasePerson = nullptr;
    QLabel *m_temperatureLabel = nullptr;
    QComboBox *m_temperature = nullptr;   // Automatic / Hot / Warm / Cold (override)
    std::optional<Temperature> m_derived; // what Automatic gives now (stored leads)
    QPlainTextEdit *m_notes = nullptr;
    QTreeWidget *m_timeline = nullptr;
    QComboBox *m_activityKind = nullptr;
    QLineEdit *m_activityNotes = nullptr;
    QPushButton *m_logButton = nullptr;
    QComboBox *m_stage = nullptr;
    QPushButton *m_moveButton = nullptr;
    QPushButton *m_lostButton = nullptr;
    QPushButton *m_recycleButton = nullptr;
    QLabel *m_stageLabel = nullptr;
    DuplicateChoice m_choice = DuplicateChoice::SaveAnyway;
    qint64 m_duplicateId = 0;
    std::function<DuplicateChoice(const QList<storage::DuplicateMatch> &)> m_chooser;
};

} // namespace mikomi::ui
