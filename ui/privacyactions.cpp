#include "ui/privacyactions.h"

#include "models/appsettings.h"
#include "models/domain/money.h"
#include "models/services/personexport.h"
#include "models/storage/repositories.h"
#include "ui/filedialogs.h"
#include "ui/messagebox.h"

#include <QApplication>
#include <QCheckBox>
#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFileDialog>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QUndoStack>
#include <QVBoxLayout>

namespace mikomi::ui {
namespace {

bool japanese() {
    return QLocale().language() == QLocale::Japanese;
}

// "山田 太郎 (株式会社サンプル)", or the company, or the email, or "#12".
QString personLabel(const Lead &l) {
    // Names written in Japanese script stay family-first in the English UI too (as the list).
    const bool cjk = !l.familyName.isEmpty() && l.familyName.at(0).unicode() >= 0x3000;
    const QString name = l.displayName(japanese() || cjk).trimmed();
    if (!name.isEmpty() && !l.company.isEmpty())
        return QCoreApplication::translate("mikomi::ui::PrivacyActions", "%1 (%2)",
                                           "person (company)")
            .arg(name, l.company);
    if (!name.isEmpty())
        return name;
    if (!l.company.isEmpty())
        return l.company;
    if (!l.email.isEmpty())
        return l.email;
    return QStringLiteral("#%1").arg(l.id);
}

} // namespace

Result<QList<qint64>> personLeads(storage::Database &db, qint64 leadId) {
    auto lead = storage::LeadRepository(db).get(leadId);
    if (!lead)
        return Error{lead.error()};
    auto same = storage::leadsWithEmail(db, lead->email);
    if (!same)
        return Error{same.error()};
    QList<qint64> ids{leadId};
    for (qint64 id : std::as_const(*same))
        if (id != leadId)
            ids << id;
    return ids;
}

void exportPersonData(QWidget *parent, storage::Database &db, qint64 leadId) {
    const QString title =
        QCoreApplication::translate("mikomi::ui::PrivacyActions", "Export this person's data");
    auto ids = personLeads(db, leadId);
    if (!ids) {
        MessageBox::warning(parent, title, ids.error());
        return;
    }
    QString path = getSaveFileName(
        parent, title, QStringLiteral("person-%1.json").arg(leadId),
        QCoreApplication::translate("mikomi::ui::PrivacyActions",
                                    "Everything, as JSON (*.json);;Contact card, as "
                                    "vCard (*.vcf)"));
    if (path.isEmpty())
        return;
    if (Status s =
            services::writePersonExport(db, *ids, path, minorUnits(AppSettings().currency()));
        !s) {
        MessageBox::warning(parent, title, s.error());
        return;
    }
    MessageBox::information(
        parent, title,
        QCoreApplication::translate("mikomi::ui::PrivacyActions",
                                    "Saved everything held about this person (%n "
                                    "lead(s)) to %1.",
                                    nullptr, int(ids->size()))
            .arg(path));
}

ErasePersonDialog::ErasePersonDialog(storage::Database &db, const QList<qint64> &ids,
                                     QWidget *parent)
    : QDialog(parent)
    , m_ids(ids) {
    setObjectName(QStringLiteral("erasePersonDialog"));
    storage::LeadRepository repo(db);
    for (qint64 id : ids) {
        auto l = repo.get(id);
        if (!l) {
            m_error = l.error();
            break;
        }
        if (m_name.isEmpty())
            m_name = personLabel(*l);
        QStringList parts{QStringLiteral("#%1").arg(id), personLabel(*l)};
        if (!l->email.isEmpty())
            parts << QStringLiteral("<%1>").arg(l->email);
        m_leads << parts.join(QLatin1Char(' '));
    }
    if (m_error.isEmpty()) {
        if (auto s = storage::eraseCount(db, ids))
            m_summary = *s;
        else
            m_error = s.error();
    }

    auto *layout = new QVBoxLayout(this);
    m_heading = new QLabel(this);
    QFont f = m_heading->font();
    f.setBold(true);
    f.setPointSizeF(f.pointSizeF() * 1.15);
    m_heading->setFont(f);
    m_heading->setWordWrap(true);
    m_heading->setTextFormat(Qt::PlainText);
    layout->addWidget(m_heading);
    m_body = new QLabel(this);
    m_body->setWordWrap(true);
    m_body->setTextFormat(Qt::RichText);
    m_body->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_body);
    m_warning = new QLabel(this);
    m_warning->setWordWrap(true);
    m_warning->setStyleSheet(QStringLiteral("color: #b00020;"));
    layout->addWidget(m_warning);
    m_copiesLabel = new QLabel(this);
    m_copiesLabel->setWordWrap(true);
    layout->addWidget(m_copiesLabel);
    m_copies = new QPlainTextEdit(this);
    m_copies->setReadOnly(true);
    m_copies->setPlainText(m_summary.copies.join(QLatin1Char('\n')));
    m_copies->setMaximumHeight(m_copies->fontMetrics().lineSpacing() * 4 + 12);
    layout->addWidget(m_copies);
    m_deleteCopies = new QCheckBox(this);
    m_deleteCopies->setObjectName(QStringLiteral("deleteBackups"));
    layout->addWidget(m_deleteCopies);
    const bool copies = !m_summary.copies.isEmpty();
    m_copiesLabel->setVisible(copies);
    m_copies->setVisible(copies);
    m_deleteCopies->setVisible(copies);

    auto *buttons = new QDialogButtonBox(this);
    m_erase = buttons->addButton(QString(), QDialogButtonBox::DestructiveRole);
    m_erase->setObjectName(QStringLiteral("erase"));
    m_cancel = buttons->addButton(QDialogButtonBox::Cancel);
    m_cancel->setDefault(true);
    m_erase->setAutoDefault(false);
    m_erase->setEnabled(m_error.isEmpty());
    connect(m_erase, &QPushButton::clicked, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    retranslate();
    resize(560, sizeHint().height());
}

bool ErasePersonDialog::deleteBackups() const {
    return !m_deleteCopies->isHidden() && m_deleteCopies->isChecked();
}

void ErasePersonDialog::changeEvent(QEvent *event) {
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QDialog::changeEvent(event);
}

void ErasePersonDialog::retranslate() {
    setWindowTitle(tr("Erase person"));
    m_heading->setText(tr("Erase %1 completely?").arg(m_name));
    if (!m_error.isEmpty()) {
        m_body->setText(m_error);
    } else {
        // Rich text: the lists indent the same in every font.
        const auto list = [](const QStringList &items) -> QString {
            QString html = QStringLiteral("<ul style=\"margin-top: 2px; margin-bottom: 2px;\">");
            for (const QString &i : items)
                html += QStringLiteral("<li>%1</li>").arg(i.toHtmlEscaped());
            return html + QStringLiteral("</ul>");
        };
        m_body->setText(
            QStringLiteral("<p>%1</p>")
                .arg(tr("Everything held about this person is removed from the database file, its "
                        "log and the search index, so that it cannot be recovered:")
                         .toHtmlEscaped()) +
            list(m_leads) + list(services::eraseContentLines(m_summary)));
    }
    m_warning->setText(tr("This cannot be undone, and the undo history is cleared. To remove a "
                          "lead you may want back, use Delete instead."));
    m_copiesLabel->setText(tr("Mikomi made these backup copies of the database before upgrading "
                              "it. They still hold this person (and everyone else as they were "
                              "then):"));
    m_deleteCopies->setText(tr("Delete these backup copies too"));
    m_erase->setText(tr("Erase for good"));
}

Result<storage::EraseSummary> eraseConfirmed(QWidget *parent, storage::Database &db,
                                             const QList<qint64> &ids, bool deleteBackups,
                                             QUndoStack *undo, bool quiet) {
    const QString title = QCoreApplication::translate("mikomi::ui::PrivacyActions", "Erase person");
    // The file is rewritten: seconds for a large one (7.6 s for 100,000 leads, 187 MB).
    QApplication::setOverrideCursor(Qt::WaitCursor);
    auto r = storage::erase(db, ids);
    QApplication::restoreOverrideCursor();
    if (!r) {
        if (!quiet)
            MessageBox::warning(parent, title, r.error());
        return r;
    }
    // Steps on the stack may hold the person's data (a delete's snapshot, an edit's old values)
    // and cannot be replayed on rows that are gone.
    if (undo)
        undo->clear();
    QStringList lines{
        QCoreApplication::translate("mikomi::ui::PrivacyActions", "The person was erased.")};
    if (!r->compacted)
        lines << QCoreApplication::translate("mikomi::ui::PrivacyActions",
                                             "The file could not be compacted, so old copies of "
                                             "deleted rows may remain in its free space: %1")
                     .arg(r->compactError);
    if (!r->walEmptied)
        lines << QCoreApplication::translate(
            "mikomi::ui::PrivacyActions",
            "Another program is reading the database, so its log could not be emptied "
            "yet; it is emptied when the last program closes the file.");
    QStringList left = r->copies;
    if (deleteBackups)
        left = storage::deleteCopies(r->copies);
    if (!left.isEmpty())
        lines << QCoreApplication::translate(
                     "mikomi::ui::PrivacyActions",
                     "These backup copies still hold the person; delete them yourself:")
              << left;
    if (!quiet) {
        if (r->compacted && r->walEmptied && left.isEmpty())
            MessageBox::information(parent, title, lines.join(QLatin1Char('\n')));
        else
            MessageBox::warning(parent, title, lines.join(QLatin1Char('\n')));
    }
    r->copies = left;
    return r;
}

bool erasePerson(QWidget *parent, storage::Database &db, qint64 leadId, QUndoStack *undo) {
    auto ids = personLeads(db, leadId);
    if (!ids) {
        MessageBox::warning(
            parent, QCoreApplication::translate("mikomi::ui::PrivacyActions", "Erase person"),
            ids.error());
        return false;
    }
    ErasePersonDialog dialog(db, *ids, parent);
    if (dialog.exec() != QDialog::Accepted)
        return false;
    return bool(eraseConfirmed(parent, db, *ids, dialog.deleteBackups(), undo));
}

} // namespace mikomi::ui
