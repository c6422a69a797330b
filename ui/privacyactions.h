#pragma once

#include "models/domain/result.h"
#include "models/storage/privacy.h"

#include <QDialog>
#include <QList>

class QCheckBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QUndoStack;
class QWidget;

namespace mikomi::storage {
class Database;
}

// The window's side of product.md §Privacy: "Export this person's data…" and "Erase person…",
// from the Leads page's context menu and the lead editor. The CLI (`mikomi person`) does the same
// through the same library functions.
namespace mikomi::ui {

// The leads of the person lead `leadId` is: it and every lead with the same email address.
Result<QList<qint64>> personLeads(storage::Database &db, qint64 leadId);

// Asks for a file (JSON, or vCard when it ends in .vcf) and writes everything held about the
// person there; tells the user how it went.
void exportPersonData(QWidget *parent, storage::Database &db, qint64 leadId);

// The confirmation of an erase: names the person, lists what goes, says it cannot be undone
// (unlike Delete), lists the backup copies that still hold the person and offers to delete them.
class ErasePersonDialog final : public QDialog {
    Q_OBJECT
public:
    ErasePersonDialog(storage::Database &db, const QList<qint64> &ids, QWidget *parent = nullptr);
    // False when the leads could not be read (the error is in error()).
    bool ok() const { return m_error.isEmpty(); }
    QString error() const { return m_error; }
    QString personName() const { return m_name; }
    bool deleteBackups() const;
    const storage::EraseSummary &summary() const { return m_summary; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    QList<qint64> m_ids;
    QStringList m_leads; // one line per lead
    QString m_name;
    QString m_error;
    storage::EraseSummary m_summary;
    QLabel *m_heading = nullptr;
    QLabel *m_body = nullptr;
    QLabel *m_warning = nullptr;
    QLabel *m_copiesLabel = nullptr;
    QPlainTextEdit *m_copies = nullptr;
    QCheckBox *m_deleteCopies = nullptr;
    QPushButton *m_erase = nullptr;
    QPushButton *m_cancel = nullptr;
};

// Erases the leads (after the dialog said yes), deletes the backups when asked, clears `undo`
// (its steps may hold the person's data) and reports what happened in a message box (`quiet`:
// not, for tests). Returns the summary, or an Error already shown to the user.
Result<storage::EraseSummary> eraseConfirmed(QWidget *parent, storage::Database &db,
                                             const QList<qint64> &ids, bool deleteBackups,
                                             QUndoStack *undo, bool quiet = false);

// The whole action: the dialog, then eraseConfirmed(). True when the person was erased.
bool erasePerson(QWidget *parent, storage::Database &db, qint64 leadId, QUndoStack *undo);

} // namespace mikomi::ui
