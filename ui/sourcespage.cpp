#include "ui/sourcespage.h"

#include "models/commands/sourcecommands.h"
#include "models/domain/sourcedictionary.h"
#include "models/sourcelistmodel.h"
#include "models/storage/database.h"
#include "models/storage/repositories.h"
#include "models/unknownleadmodel.h"
#include "ui/backgroundreader.h"
#include "ui/messagebox.h"
#include "ui/pages.h"
#include "ui/pipelinerulesdialog.h"
#include "ui/scoringdialog.h"
#include "ui/sourcedelegate.h"

#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTreeWidget>
#include <QUndoStack>
#include <QVBoxLayout>

namespace mikomi::ui {

Page *createSourcesPage(QWidget *parent) {
    return new SourcesPage(parent);
}

SourcesPage::SourcesPage(QWidget *parent)
    : Page(parent) {
    m_reader = new BackgroundReader(this);
    connect(m_reader, &BackgroundReader::busyChanged, this, &SourcesPage::setLoading);
    m_sources = new SourceListModel(this);
    m_unknown = new UnknownLeadModel(this);
    connect(m_sources, &SourceListModel::errorOccurred, this, &SourcesPage::showError);
    connect(m_sources, &SourceListModel::valueEdited, this, &SourcesPage::onValueEdited);

    auto *layout = new QVBoxLayout(this);
    m_heading = makeHeading(this);
    layout->addWidget(m_heading);
    m_audit = new QLabel(this);
    m_audit->setObjectName(QStringLiteral("unknownAudit"));
    m_audit->setWordWrap(true);
    layout->addWidget(m_audit);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    auto *top = new QWidget(splitter);
    auto *topLayout = new QHBoxLayout(top);
    topLayout->setContentsMargins(0, 0, 0, 0);
    m_table = new QTableView(top);
    m_table->setObjectName(QStringLiteral("sourceTable"));
    m_table->setModel(m_sources);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::SelectedClicked |
                             QAbstractItemView::EditKeyPressed);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    // A few dozen sources: columns fit their contents (labels change length with the language).
    for (int c = 0; c + 1 < m_sources->columnCount(); ++c)
        m_table->horizontalHeader()->setSectionResizeMode(c, QHeaderView::ResizeToContents);
    m_table->setItemDelegateForColumn(
        SourceListModel::Category,
        new SourceEnumDelegate(
            SourceCategoryCount, [](int i) { return categoryLabel(SourceCategory(i)); }, this));
    m_table->setItemDelegateForColumn(
        SourceListModel::Tier, new SourceEnumDelegate(
                                   TierCount, [](int i) { return tierLabel(Tier(i)); }, this));
    connect(m_table, &QTableView::doubleClicked, this, [this](const QModelIndex &i) {
        if (i.column() == SourceListModel::Suggested)
            acceptSuggestion();
    });
    topLayout->addWidget(m_table, 1);
    auto *buttons = new QVBoxLayout;
    m_add = new QPushButton(top);
    m_alias = new QPushButton(top);
    m_mergeInto = new QPushButton(top);
    m_accept = new QPushButton(top);
    m_scoring = new QPushButton(top);
    m_response = new QPushButton(top);
    for (QPushButton *b : {m_add, m_alias, m_mergeInto, m_accept})
        buttons->addWidget(b);
    buttons->addSpacing(12);
    buttons->addWidget(m_scoring);
    buttons->addWidget(m_response);
    buttons->addStretch();
    topLayout->addLayout(buttons);
    connect(m_add, &QPushButton::clicked, this, &SourcesPage::addSource);
    connect(m_alias, &QPushButton::clicked, this, &SourcesPage::addAlias);
    connect(m_mergeInto, &QPushButton::clicked, this, &SourcesPage::mergeSelectedInto);
    connect(m_accept, &QPushButton::clicked, this, &SourcesPage::acceptSuggestion);
    connect(m_scoring, &QPushButton::clicked, this, &SourcesPage::openScoring);
    connect(m_response, &QPushButton::clicked, this, &SourcesPage::openResponseRules);

    m_tabs = new QTabWidget(splitter);
    auto *dupPage = new QWidget(m_tabs);
    auto *dupLayout = new QVBoxLayout(dupPage);
    m_duplicateHint = new QLabel(dupPage);
    m_duplicateHint->setWordWrap(true);
    dupLayout->addWidget(m_duplicateHint);
    m_duplicates = new QTreeWidget(dupPage);
    m_duplicates->setObjectName(QStringLiteral("duplicates"));
    m_duplicates->setRootIsDecorated(false);
    m_duplicates->setColumnCount(3);
    dupLayout->addWidget(m_duplicates);
    m_mergeDuplicate = new QPushButton(dupPage);
    auto *dupButtons = new QHBoxLayout;
    dupButtons->addStretch();
    dupButtons->addWidget(m_mergeDuplicate);
    dupLayout->addLayout(dupButtons);
    connect(m_mergeDuplicate, &QPushButton::clicked, this, &SourcesPage::mergeSelectedDuplicate);
    m_tabs->addTab(dupPage, QString());

    auto *unknownPage = new QWidget(m_tabs);
    auto *unknownLayout = new QVBoxLayout(unknownPage);
    m_unknownTable = new QTableView(unknownPage);
    m_unknownTable->setObjectName(QStringLiteral("unknownLeads"));
    m_unknownTable->setModel(m_unknown);
    m_unknownTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_unknownTable->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_unknownTable->verticalHeader()->hide();
    m_unknownTable->horizontalHeader()->setStretchLastSection(true);
    unknownLayout->addWidget(m_unknownTable);
    auto *assignRow = new QHBoxLayout;
    m_assignLabel = new QLabel(unknownPage);
    m_assignSource = new QComboBox(unknownPage);
    m_assignSource->setMinimumContentsLength(18);
    m_assign = new QPushButton(unknownPage);
    assignRow->addStretch();
    assignRow->addWidget(m_assignLabel);
    assignRow->addWidget(m_assignSource);
    assignRow->addWidget(m_assign);
    unknownLayout->addLayout(assignRow);
    connect(m_assign, &QPushButton::clicked, this, &SourcesPage::assignToSelected);
    m_tabs->addTab(unknownPage, QString());

    splitter->addWidget(top);
    splitter->addWidget(m_tabs);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    layout->addWidget(splitter, 1);
    retranslate();
}

QString SourcesPage::title() const {
    return tr("Sources");
}

void SourcesPage::setDatabase(storage::Database *db) {
    m_db = db;
    m_reader->cancel(); // a read of the previous database never reaches the page
    m_sources->setDatabase(db);
    m_unknown->setDatabase(db);
    refreshDuplicates(); // nothing of the previous database stays on screen
    refreshAudit();
    refreshSourceCombo();
    reloadWhenShown();
}

storage::DataKinds SourcesPage::shownKinds() const {
    // Lead counts, the unknown-source audit and the duplicates come from the leads.
    return storage::DataKind::Leads | storage::DataKind::Sources;
}

// What the page shows, read together on the reader's thread.
struct SourcesPage::Read {
    QList<Source> sources;
    UnknownLeadModel::Rows unknown;
};

void SourcesPage::reload() {
    if (!m_db) {
        m_reader->cancel();
        showRead(Read());
        return;
    }
    const int limit = m_unknown->limit();
    m_reader->read<Read>(
        *m_db,
        [limit](storage::Database &db) -> Result<Read> {
            auto sources = SourceListModel::read(db);
            if (!sources)
                return sources.failure();
            auto unknown = UnknownLeadModel::read(db, limit);
            if (!unknown)
                return unknown.failure();
            return Read{std::move(*sources), std::move(*unknown)};
        },
        [this](Result<Read> read) { showRead(std::move(read)); });
}

void SourcesPage::showRead(Result<Read> read) {
    if (!read)
        showError(read.error());
    Read rows = read ? std::move(read).value() : Read();
    m_sources->setSources(std::move(rows.sources));
    m_unknown->setRows(std::move(rows.unknown));
    m_table->resizeColumnsToContents();
    m_unknownTable->resizeColumnsToContents();
    refreshDuplicates();
    refreshAudit();
    refreshSourceCombo();
    for (QPushButton *b :
         {m_add, m_alias, m_mergeInto, m_accept, m_scoring, m_response, m_assign, m_mergeDuplicate})
        b->setEnabled(m_db != nullptr);
}

void SourcesPage::changeEvent(QEvent *event) {
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    Page::changeEvent(event);
}

void SourcesPage::retranslate() {
    m_heading->setText(tr("Lead sources"));
    m_add->setText(tr("Add source…"));
    m_alias->setText(tr("Add alias…"));
    m_mergeInto->setText(tr("Merge into…"));
    m_accept->setText(tr("Accept suggested category"));
    m_scoring->setText(tr("Scoring rules…"));
    m_response->setText(tr("Follow-up and assignment rules…"));
    m_tabs->setTabText(0, tr("Likely duplicates"));
    m_tabs->setTabText(1, tr("Unknown sources"));
    m_duplicateHint->setText(
        tr("Sources that are probably the same. Merging moves every lead, touchpoint, spend row "
           "and campaign to the kept source, adds spend of the same month together, and keeps "
           "the merged name as an alias. Edit > Undo reverts it."));
    m_duplicates->setHeaderLabels({tr("Merge"), tr("Into"), tr("Why")});
    m_mergeDuplicate->setText(tr("Merge selected"));
    m_assignLabel->setText(tr("Source for the selected leads:"));
    m_assign->setText(tr("Assign"));
    m_sources->retranslate();
    m_unknown->retranslate();
    refreshDuplicates();
    refreshAudit();
}

void SourcesPage::refreshDuplicates() {
    m_duplicates->clear();
    const auto list = sources::suggestDuplicates(m_sources->sources());
    for (const auto &d : list) {
        auto *item =
            new QTreeWidgetItem(m_duplicates, {d.from, d.into, sources::reasonLabel(d.reason)});
        item->setData(0, Qt::UserRole, d.fromId);
        item->setData(1, Qt::UserRole, d.intoId);
    }
    m_duplicates->resizeColumnToContents(0);
    m_duplicates->resizeColumnToContents(1);
    m_tabs->setTabText(0, list.isEmpty() ? tr("Likely duplicates")
                                         : tr("Likely duplicates (%1)").arg(list.size()));
}

void SourcesPage::refreshAudit() {
    const storage::UnknownAudit a = m_unknown->audit();
    if (!m_db || a.total == 0) {
        m_audit->setText(QString());
        m_audit->setStyleSheet(QString());
        return;
    }
    const QString share = QLocale().toString(a.share() * 100.0, 'f', 1);
    if (a.warning()) {
        m_audit->setText(
            tr("%1% of leads (%2 of %3) have no known source — above the 10% "
               "warning line. Fix them on the Unknown sources tab.")
                .arg(share, QLocale().toString(a.unknown), QLocale().toString(a.total)));
        m_audit->setStyleSheet(QStringLiteral("QLabel { background: #fdecea; color: #8a1c1c; "
                                              "padding: 6px; border-radius: 4px; }"));
    } else {
        m_audit->setText(
            tr("%1% of leads (%2 of %3) have no known source.")
                .arg(share, QLocale().toString(a.unknown), QLocale().toString(a.total)));
        m_audit->setStyleSheet(QString());
    }
    m_tabs->setTabText(1, tr("Unknown sources (%1)").arg(QLocale().toString(a.unknown)));
}

void SourcesPage::refreshSourceCombo() {
    const QString current = m_assignSource->currentText();
    m_assignSource->clear();
    for (const Source &s : m_sources->sources())
        m_assignSource->addItem(s.name, s.id);
    const int i = m_assignSource->findText(current);
    if (i >= 0)
        m_assignSource->setCurrentIndex(i);
}

qint64 SourcesPage::selectedSourceId() const {
    const QModelIndex i = m_table->currentIndex();
    return i.isValid() ? m_sources->data(i, SourceListModel::IdRole).toLongLong() : 0;
}

QString SourcesPage::selectedSourceName() const {
    const QModelIndex i = m_table->currentIndex();
    return i.isValid() ? m_sources->sources().at(i.row()).name : QString();
}

void SourcesPage::showError(const QString &message) {
    MessageBox::warning(this, tr("Sources"), message);
}

void SourcesPage::addSource() {
    if (!m_db)
        return;
    bool ok = false;
    const QString name = QInputDialog::getText(this, tr("Add source"), tr("Source name:"),
                                               QLineEdit::Normal, QString(), &ok)
                             .trimmed();
    if (!ok || name.isEmpty())
        return;
    storage::SourceRepository repo(*m_db);
    auto existing = repo.canonicalName(name);
    if (!existing) {
        showError(existing.error());
        return;
    }
    if (*existing) {
        showError(tr("\"%1\" is already known as the source \"%2\".").arg(name, **existing));
        return;
    }
    // The dictionary suggests, the user confirms.
    const SourceCategory suggested =
        sources::suggestCategory(name).value_or(SourceCategory::Unknown);
    QStringList labels;
    for (int c = 0; c < SourceCategoryCount; ++c)
        labels.append(categoryLabel(SourceCategory(c)));
    const QString chosen = QInputDialog::getItem(
        this, tr("Add source"),
        tr("Category of \"%1\" (suggested: %2):").arg(name, categoryLabel(suggested)), labels,
        int(suggested), false, &ok);
    if (!ok)
        return;
    const auto category = SourceCategory(labels.indexOf(chosen));
    auto id = repo.resolve(name, true, category);
    if (!id) {
        showError(id.error());
        return;
    }
    reload();
    emit dataChanged();
}

void SourcesPage::addAlias() {
    const qint64 id = selectedSourceId();
    if (!m_db || id == 0) {
        showError(tr("Select the source the alias belongs to."));
        return;
    }
    bool ok = false;
    const QString alias = QInputDialog::getText(
        this, tr("Add alias"), tr("Another name for \"%1\":").arg(selectedSourceName()),
        QLineEdit::Normal, QString(), &ok);
    if (!ok || alias.trimmed().isEmpty())
        return;
    if (Status s = storage::SourceRepository(*m_db).addAlias(alias, id); !s) {
        showError(s.error());
        return;
    }
    reload();
}

void SourcesPage::merge(qint64 fromId, qint64 intoId, const QString &from, const QString &into) {
    if (!m_db || !undoStack())
        return;
    auto *cmd = new commands::SourceMergeCommand(
        *m_db, fromId, intoId, from, into,
        [this] {
            reload();
            emit dataChanged();
        },
        [this](const QString &m) { showError(m); });
    undoStack()->push(cmd);
}

void SourcesPage::mergeSelectedInto() {
    const qint64 fromId = selectedSourceId();
    if (!m_db || fromId == 0) {
        showError(tr("Select the source to merge."));
        return;
    }
    const QString from = selectedSourceName();
    QStringList names;
    for (const Source &s : m_sources->sources()) {
        if (s.id != fromId)
            names.append(s.name);
    }
    bool ok = false;
    const QString into = QInputDialog::getItem(
        this, tr("Merge source"), tr("Merge \"%1\" into:").arg(from), names, 0, false, &ok);
    if (!ok || into.isEmpty())
        return;
    for (const Source &s : m_sources->sources()) {
        if (s.name == into) {
            merge(fromId, s.id, from, into);
            return;
        }
    }
}

void SourcesPage::mergeSelectedDuplicate() {
    QTreeWidgetItem *item = m_duplicates->currentItem();
    if (!item)
        return;
    merge(item->data(0, Qt::UserRole).toLongLong(), item->data(1, Qt::UserRole).toLongLong(),
          item->text(0), item->text(1));
}

void SourcesPage::acceptSuggestion() {
    const QModelIndex i = m_table->currentIndex();
    if (!i.isValid())
        return;
    if (Status s = m_sources->acceptSuggestion(i.row()); !s)
        showError(s.error());
}

void SourcesPage::assignToSelected() {
    if (!m_db || !undoStack())
        return;
    QList<qint64> ids;
    for (const QModelIndex &i : m_unknownTable->selectionModel()->selectedRows())
        ids.append(m_unknown->leadId(i.row()));
    const qint64 sourceId = m_assignSource->currentData().toLongLong();
    if (ids.isEmpty() || sourceId == 0) {
        showError(tr("Select leads in the list and the source to give them."));
        return;
    }
    undoStack()->push(new commands::AssignSourceCommand(
        *m_db, ids, sourceId, m_assignSource->currentText(),
        [this] {
            reload();
            emit dataChanged();
        },
        [this](const QString &m) { showError(m); }));
}

void SourcesPage::onValueEdited(qint64 sourceId, const QString &source, int column, int before,
                                int after) {
    if (!m_db || !undoStack())
        return;
    // Already written by the table: the command's first redo does nothing.
    undoStack()->push(new commands::SourceFieldCommand(
        *m_db, sourceId, source,
        column == SourceListModel::Tier ? commands::SourceFieldCommand::Field::Tier
                                        : commands::SourceFieldCommand::Field::Category,
        before, after, true,
        [this] {
            reload();
            emit dataChanged();
        },
        [this](const QString &m) { showError(m); }));
}

void SourcesPage::openScoring() {
    if (!m_db)
        return;
    ScoringDialog dialog(*m_db, this);
    if (dialog.exec() == QDialog::Accepted)
        emit dataChanged();
}

void SourcesPage::openResponseRules() {
    if (!m_db)
        return;
    PipelineRulesDialog dialog(*m_db, this);
    dialog.exec();
}

} // namespace mikomi::ui
