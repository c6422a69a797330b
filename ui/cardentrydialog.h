#pragma once

#include "models/domain/lead.h"
#include "models/ocr/cardfields.h"
#include "models/storage/boothstore.h"
#include "models/storage/duplicates.h"
#include "ui/leadeditor.h"

#include <QDialog>

#include <functional>
#include <optional>

class QComboBox;
class QFrame;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QTimer;
class QUndoStack;

namespace mikomi::storage {
class Database;
}

namespace mikomi::ui {

class CardScanPanel;

// Business-card mode for trade-show staff: the event (a campaign or a source) and the owner are
// chosen once and remembered per database and workstation; then a compact keyboard-only form
// (company, department, title, names, readings, phone, mobile, email, address, building, notes).
// Ctrl+Enter or the Save button saves the card (committed at once) and clears the form.
//
// Nothing typed is lost: every field is kept as a draft in the database while it is typed (300 ms
// after the last key) and offered back when the dialog opens again, also after a crash; Esc or
// closing with unsaved text asks first. A card that matches a stored lead (email, phone, or the
// same person at the same company) says so when the field is left and, on save, asks whether to
// update that lead instead; the default opens it in the editor with the card's details filled in.
class CardEntryDialog final : public QDialog {
    Q_OBJECT
public:
    enum class CloseChoice { Save, Discard, KeepTyping };

    CardEntryDialog(storage::Database &db, QUndoStack *undo, QWidget *parent = nullptr);
    ~CardEntryDialog() override;

    // The session: the event (a source name), the campaign ("" = none) and the owner.
    void setSource(const QString &source);
    void setCampaign(const QString &campaign);
    void setOwner(const QString &owner);
    QString source() const;
    QString campaign() const;
    QString owner() const;
    // Cards saved today for the session's event, and all leads entered today (from the database).
    int cardsToday() const { return m_today; }
    int cardsTodayTotal() const { return m_todayTotal; }
    // The message under the form (last save, error or duplicate note).
    QString statusText() const;
    // The warning about a stored lead that matches the card ("" = none).
    QString duplicateText() const;
    // True when any card field holds text.
    bool hasUnsavedText() const;
    // The card images beside the form (issue 16): what was read prefills the form, each field
    // marked confident, to check, or empty; the cursor goes to the first field to check.
    CardScanPanel *scanPanel() const { return m_scan; }

    // Replace the questions (tests): closing with unsaved text, restoring a draft (true =
    // restore), a card matching stored leads, and the editor opened to update a stored lead
    // (returns the edited lead, nullopt = cancelled).
    void setCloseChooser(std::function<CloseChoice()> chooser) {
        m_closeChooser = std::move(chooser);
    }
    void setDraftChooser(std::function<bool(const storage::CardDraft &)> chooser) {
        m_draftChooser = std::move(chooser);
    }
    void setDuplicateChooser(
        std::function<DuplicateChoice(const QList<storage::DuplicateMatch> &)> chooser) {
        m_duplicateChooser = std::move(chooser);
    }
    void setEditor(std::function<std::optional<Lead>(const Lead &proposed)> editor) {
        m_editor = std::move(editor);
    }

public slots:
    // Saves the card and clears the form; false (with a message) when it is invalid, or when the
    // user chose to keep typing at the duplicate question.
    bool saveCard();
    // Asks whether to restore the stored draft (done once when the dialog is first shown); true
    // when the fields were filled from it.
    bool offerDraft();
    // Looks the card up among stored leads and shows the warning (done when a field is left).
    void checkDuplicates();
    // The warning's actions: open the matching lead to update it with this card, or fill its
    // empty fields from the card at once. Both clear the form.
    bool openDuplicate();
    bool mergeIntoDuplicate();
    // Esc and the window's close button: asks first when a card is half typed.
    void reject() override;

signals:
    void cardSaved(qint64 leadId);
    void leadActivated(qint64 leadId);

protected:
    void changeEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    bool focusNextPrevChild(bool next) override;

private:
    void retranslate();
    void fillEvents();
    void eventChosen(int index);
    void saveSession();
    void updateCounter();
    void writeDraft();
    void clearForm();
    void finishCard(qint64 id, const Lead &shown, const QString &message);
    bool updateExisting(qint64 id, bool edit);
    Lead cardLead() const;
    QList<storage::DuplicateMatch> importantMatches(const Lead &card, QString *error) const;
    DuplicateChoice askDuplicates(const QList<storage::DuplicateMatch> &matches);
    CloseChoice askClose();
    QString matchLine(const storage::DuplicateMatch &m) const;
    void showError(const QString &message);
    QLineEdit *line(const QString &key) const;
    void applyScan(const ocr::CardFields &fields, bool back);
    void keepImages(qint64 id);
    void clearCertainty();

    storage::Database &m_db;
    QUndoStack *m_undo;
    storage::BoothStore m_store;
    QComboBox *m_source = nullptr;
    QLineEdit *m_owner = nullptr;
    QList<std::pair<QString, QLineEdit *>> m_fields;
    QHash<QString, QLabel *> m_labels;
    QLabel *m_sourceLabel = nullptr;
    QLabel *m_ownerLabel = nullptr;
    QLabel *m_sessionHint = nullptr;
    QLabel *m_counter = nullptr;
    QLabel *m_total = nullptr;
    QLabel *m_status = nullptr;
    QLabel *m_recentLabel = nullptr;
    QLabel *m_hint = nullptr;
    QFrame *m_dupFrame = nullptr;
    QLabel *m_dupText = nullptr;
    QPushButton *m_dupOpen = nullptr;
    QPushButton *m_dupMerge = nullptr;
    QPushButton *m_save = nullptr;
    QPushButton *m_close = nullptr;
    QListWidget *m_recent = nullptr;
    CardScanPanel *m_scan = nullptr;
    QTimer *m_draftTimer = nullptr;
    QList<storage::DuplicateMatch> m_matches; // shown in the warning
    int m_lastEvent = 0;
    int m_today = 0;
    int m_todayTotal = 0;
    bool m_offered = false;
    bool m_loading = true;
    std::function<CloseChoice()> m_closeChooser;
    std::function<bool(const storage::CardDraft &)> m_draftChooser;
    std::function<DuplicateChoice(const QList<storage::DuplicateMatch> &)> m_duplicateChooser;
    std::function<std::optional<Lead>(const Lead &)> m_editor;
};

} // namespace mikomi::ui
