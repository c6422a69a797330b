#include "ui/duplicatesdialog.h"

#include "models/domain/lead.h"
#include "models/storage/duplicates.h"
#include "ui/leadcommands.h"
#include "ui/messagebox.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QTreeWidget>
#include <QUndoStack>
#include <QVBoxLayout>

#include <memory>

namespace mikomi::ui {

DuplicatesDialog::DuplicatesDialog(storage::Database &db, QUndoStack *undo, QWidget *parent)
    : QDialog(parent)
    , m_db(db)
    , m_undo(undo) {
    auto *layout = new QVBoxLayout(this);
    m_info = new QLabel(this);
    m_info->setWordWrap(true);
    layout->addWidget(m_info);
    m_tree = new QTreeWidget(this);
    m_tree->setColumnCount(3);
    layout->addWidget(m_tree);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch();
    m_merge = new QPushButton(this);
    m_close = new QPushButton(this);
    buttons->addWidget(m_merge);
    buttons->addWidget(m_close);
    layout->addLayout(buttons);
    connect(m_merge, &QPushButton::clicked, this, &DuplicatesDialog::mergeSelected);
    connect(m_close, &QPushButton::clicked, this, &DuplicatesDialog::accept);
    retranslate();
    reload();
    resize(760, 480);
}

int DuplicatesDialog::groupCount() const {
    return m_tree->topLevelItemCount();
}

void DuplicatesDialog::changeEvent(QEvent *event) {
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        reload();
    }
    QDialog::changeEvent(event);
}

void DuplicatesDialog::retranslate() {
    setWindowTitle(tr("Find duplicates"));
    m_info->setText(tr("Leads that share an email, a phone number or the same person at the same "
                       "company. Merging keeps the oldest lead, fills its empty fields from the "
                       "others and joins their histories. It can be undone."));
    m_tree->setHeaderLabels({tr("Company"), tr("Person"), tr("Email")});
    m_merge->setText(tr("Merge group"));
    m_close->setText(tr("Close"));
}

void DuplicatesDialog::reload() {
    m_tree->clear();
    auto groups = storage::duplicateGroups(m_db);
    if (!groups) {
        MessageBox::warning(this, windowTitle(), groups.error());
        return;
    }
    const bool ja = QLocale().language() == QLocale::Japanese;
    for (const storage::DuplicateGroup &g : *groups) {
        auto *top =
            new QTreeWidgetItem(m_tree, {tr("%1 (%n lead(s))", nullptr, int(g.leads.size()))
                                             .arg(storage::duplicateReasonLabel(g.reason))});
        top->setFirstColumnSpanned(true);
        QList<QVariant> ids;
        for (const storage::DuplicateMatch &m : g.leads) {
            Lead l;
            l.familyName = m.familyName;
            l.givenName = m.givenName;
            auto *item = new QTreeWidgetItem(top, {m.company, l.displayName(ja), m.email});
            item->setData(0, Qt::UserRole, m.id);
            ids << m.id;
        }
        top->setData(0, Qt::UserRole + 1, ids);
        top->setExpanded(true);
    }
    m_merge->setEnabled(m_tree->topLevelItemCount() > 0);
}

void DuplicatesDialog::mergeSelected() {
    QTreeWidgetItem *item = m_tree->currentItem();
    if (!item)
        item = m_tree->topLevelItem(0);
    if (!item)
        return;
    if (item->parent())
        item = item->parent();
    const QList<QVariant> ids = item->data(0, Qt::UserRole + 1).toList();
    if (ids.size() < 2)
        return;
    auto error = std::make_shared<QString>(); // the commands outlive this function
    const auto onError = [error](const QString &m) { *error = m; };
    const qint64 keep = ids.first().toLongLong();
    if (m_undo)
        m_undo->beginMacro(tr("Merge duplicate leads"));
    for (qsizetype i = 1; i < ids.size() && error->isEmpty(); ++i) {
        auto *cmd = new MergeLeadsCommand(m_db, keep, ids.at(i).toLongLong(), {}, onError);
        if (m_undo) {
            m_undo->push(cmd);
        } else {
            cmd->redo();
            delete cmd;
        }
    }
    if (m_undo)
        m_undo->endMacro();
    if (!error->isEmpty())
        MessageBox::warning(this, windowTitle(), *error);
    reload();
    emit merged();
}

} // namespace mikomi::ui
