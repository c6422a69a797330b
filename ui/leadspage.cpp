#include "ui/leadspage.h"

#include "models/appsettings.h"
#include "models/commands/leadcommands.h"
#include "models/commands/pipelinecommands.h"
#include "models/commands/stagecommands.h"
#include "models/leadtablemodel.h"
#include "models/storage/duplicates.h"
#include "models/storage/repositories.h"
#include "ui/cardentrydialog.h"
#include "ui/duplicatesdialog.h"
#include "ui/flowlayout.h"
#include "ui/leadconflictdialog.h"
#include "ui/leadeditor.h"
#include "ui/messagebox.h"
#include "ui/ownerdialog.h"
#include "ui/pages.h"
#include "ui/privacyactions.h"
#include "ui/readingsdialog.h"
#include "ui/wondialog.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDateEdit>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QItemSelectionModel>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QSet>
#include <QShortcut>
#include <QTableView>
#include <QTimer>
#include <QUndoStack>
#include <QVBoxLayout>

namespace mikomi::ui {

Page *createLeadsPage(QWidget *parent) {
    return new LeadsPage(parent);
}

namespace {
const QDate kAnyDate(2000, 1, 1);
}

LeadsPage::LeadsPage(QWidget *parent)
    : Page(parent) {
    auto *layout = new QVBoxLayout(this);
    auto *top = new QHBoxLayout;
    m_search = new QLineEdit(this);
    m_search->setClearButtonEnabled(true);
    m_search->setMinimumWidth(220);
    top->addWidget(m_search, 1);
    m_new = new QPushButton(this);
    m_cards = new QPushButton(this);
    m_duplicates = new QPushButton(this);
    m_readings = new QPushButton(this);
    m_readings->setObjectName(QStringLiteral("suggestReadings"));
    m_delete = new QPushButton(this);
    top->addWidget(m_new);
    top->addWidget(m_cards);
    top->addWidget(m_duplicates);
    top->addWidget(m_readings);
    top->addWidget(m_delete);
    m_count = new QLabel(this);
    m_count->setObjectName(QStringLiteral("leadsCount"));
    top->addWidget(m_count);
    layout->addLayout(top);

    // The filters wrap to a second line in a narrow window (1024 px) instead of holding the
    // window wide.
    auto *filters = new FlowLayout;
    m_stage = new QComboBox(this);
    m_temperature = new QComboBox(this);
    m_category = new QComboBox(this);
    m_source = new QComboBox(this);
    m_owner = new QComboBox(this);
    m_source->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_owner->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_fromLabel = new QLabel(this);
    m_toLabel = new QLabel(this);
    m_from = new QDateEdit(this);
    m_to = new QDateEdit(this);
    for (QDateEdit *d : {m_from, m_to}) {
        d->setCalendarPopup(true);
        d->setMinimumDate(kAnyDate);
        d->setDate(kAnyDate);
    }
    for (QWidget *w :
         std::initializer_list<QWidget *>{m_stage, m_temperature, m_category, m_source, m_owner})
        filters->addWidget(w);
    // The date range stays on one line: "Created from [date] to [date]".
    auto *range = new QWidget(this);
    auto *rangeLayout = new QHBoxLayout(range);
    rangeLayout->setContentsMargins(0, 0, 0, 0);
    for (QWidget *w : std::initializer_list<QWidget *>{m_fromLabel, m_from, m_toLabel, m_to}) {
        w->setParent(range);
        rangeLayout->addWidget(w);
    }
    filters->addWidget(range);
    layout->addLayout(filters);

    // The leads a report asked for (the Dashboard's drill-down), until cleared.
    m_drillBar = new QWidget(this);
    m_drillBar->setObjectName(QStringLiteral("leadsDrillDown"));
    auto *drill = new QHBoxLayout(m_drillBar);
    drill->setContentsMargins(0, 0, 0, 0);
    m_drillText = new QLabel(m_drillBar);
    m_drillText->setWordWrap(true);
    m_drillText->setStyleSheet(QStringLiteral("font-weight: bold;"));
    m_drillClear = new QPushButton(m_drillBar);
    drill->addWidget(m_drillText, 1);
    drill->addWidget(m_drillClear);
    m_drillBar->hide();
    layout->addWidget(m_drillBar);
    connect(m_drillClear, &QPushButton::clicked, this, [this] {
        m_drill.reset();
        m_drillBar->hide();
        applyFilters();
    });

    m_model = new LeadTableModel(this);
    m_view = new QTableView(this);
    m_view->setModel(m_model);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(LeadTableModel::Created, Qt::DescendingOrder);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setAlternatingRowColors(true);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 8);
    m_view->horizontalHeader()->setStretchLastSection(true);
    // Company names are the longest text of a row; give them room (fixed widths: resizing to
    // contents would read every row of a million).
    const int em = m_view->fontMetrics().horizontalAdvance(QStringLiteral("会"));
    m_view->setColumnWidth(LeadTableModel::Company, em * 14);
    m_view->setColumnWidth(LeadTableModel::Person, em * 10); // "Matthew Harris" in full
    m_view->setColumnWidth(LeadTableModel::Reading, em * 9);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    layout->addWidget(m_view, 1);

    m_searchTimer = new QTimer(this);
    m_searchTimer->setSingleShot(true);
    m_searchTimer->setInterval(60);
    connect(m_search, &QLineEdit::textChanged, m_searchTimer, qOverload<>(&QTimer::start));
    connect(m_searchTimer, &QTimer::timeout, this, &LeadsPage::applyFilters);
    for (QComboBox *c : {m_stage, m_temperature, m_category, m_source, m_owner})
        connect(c, &QComboBox::activated, this, &LeadsPage::applyFilters);
    for (QDateEdit *d : {m_from, m_to})
        connect(d, &QDateEdit::dateChanged, this, &LeadsPage::applyFilters);
    connect(m_new, &QPushButton::clicked, this, &LeadsPage::newLead);
    connect(m_cards, &QPushButton::clicked, this, &LeadsPage::openCardEntry);
    connect(m_duplicates, &QPushButton::clicked, this, &LeadsPage::findDuplicates);
    connect(m_readings, &QPushButton::clicked, this, &LeadsPage::suggestReadings);
    connect(m_delete, &QPushButton::clicked, this, &LeadsPage::deleteSelected);
    connect(m_view, &QTableView::doubleClicked, this,
            [this](const QModelIndex &index) { openLead(m_model->leadId(index.row())); });
    connect(m_view, &QTableView::customContextMenuRequested, this, &LeadsPage::showContextMenu);
    connect(m_model, &LeadTableModel::errorOccurred, this, &LeadsPage::showError);

    auto *cards = new QShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_B), this);
    connect(cards, &QShortcut::activated, this, &LeadsPage::openCardEntry);
    // Ctrl+N (a new lead) is the window's File > New Lead, so it works from every page.
    // The search box lets the window's Ctrl+E (Export) through (see eventFilter).
    m_search->installEventFilter(this);
    auto *copy = new QShortcut(QKeySequence::Copy, m_view);
    copy->setContext(Qt::WidgetShortcut);
    connect(copy, &QShortcut::activated, this, &LeadsPage::copySelected);
    auto *del = new QShortcut(QKeySequence::Delete, m_view);
    del->setContext(Qt::WidgetShortcut);
    connect(del, &QShortcut::activated, this, &LeadsPage::deleteSelected);
    auto *find = new QShortcut(QKeySequence::Find, this);
    connect(find, &QShortcut::activated, m_search, [this] {
        m_search->setFocus();
        m_search->selectAll();
    });

    retranslate();
    setDatabase(nullptr);
}

QString LeadsPage::title() const {
    return QCoreApplication::translate("mikomi::ui::LeadsPage", "Leads");
}

void LeadsPage::setDatabase(storage::Database *db) {
    m_db = db;
    m_drill.reset(); // a report's leads are of the database it was read from
    m_drillBar->hide();
    for (QWidget *w : std::initializer_list<QWidget *>{m_new, m_cards, m_duplicates, m_readings,
                                                       m_delete, m_search})
        w->setEnabled(db != nullptr);
    fillCombos();
    m_model->setDatabase(db);
    applyFilters();
}

void LeadsPage::reload() {
    // The same leads stay selected (by id, among the rows loaded), whatever moved around them.
    QSet<qint64> selected;
    for (int row : selectedRows())
        selected.insert(m_model->leadId(row));
    const QModelIndex current = m_view->currentIndex();
    const qint64 currentId = current.isValid() ? m_model->leadId(current.row()) : 0;
    fillCombos();
    m_model->refresh();
    applyFilters();
    if (selected.isEmpty() && currentId == 0)
        return;
    QItemSelection selection;
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const qint64 id = m_model->leadId(row);
        if (selected.contains(id))
            selection.select(m_model->index(row, 0),
                             m_model->index(row, m_model->columnCount() - 1));
        if (id == currentId)
            m_view->selectionModel()->setCurrentIndex(
                m_model->index(row, std::max(0, current.column())), QItemSelectionModel::NoUpdate);
    }
    m_view->selectionModel()->select(selection, QItemSelectionModel::ClearAndSelect);
}

storage::DataKinds LeadsPage::shownKinds() const {
    return storage::DataKind::Leads | storage::DataKind::Sources | storage::DataKind::Users |
           storage::DataKind::Rules;
}

void LeadsPage::changeEvent(QEvent *event) {
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    Page::changeEvent(event);
}

void LeadsPage::retranslate() {
    m_drillClear->setText(tr("Show all leads"));
    m_search->setPlaceholderText(tr("Search company, name, reading, email or phone (Ctrl+F)"));
    m_new->setText(tr("New lead"));
    m_cards->setText(tr("Business cards"));
    m_cards->setToolTip(tr("Enter business cards quickly (Ctrl+Shift+B)"));
    m_duplicates->setText(tr("Find duplicates"));
    m_readings->setText(tr("Suggest readings…"));
    m_readings->setToolTip(tr("Readings of names and companies from the dictionaries, for the "
                              "selected leads (all leads when none is selected)"));
    m_delete->setText(tr("Delete"));
    m_fromLabel->setText(tr("Created from"));
    m_toLabel->setText(tr("to"));
    for (QDateEdit *d : {m_from, m_to})
        d->setSpecialValueText(tr("any"));
    fillCombos();
    applyFilters();
}

void LeadsPage::fillCombos() {
    const auto keep = [](QComboBox *c) { return c->currentData(); };
    const auto restore = [](QComboBox *c, const QVariant &v) {
        const int i = c->findData(v);
        c->setCurrentIndex(i < 0 ? 0 : i);
    };
    const QVariant stage = keep(m_stage), temp = keep(m_temperature), cat = keep(m_category),
                   src = keep(m_source), own = keep(m_owner);
    m_stage->clear();
    m_stage->addItem(tr("All stages"), QString());
    for (int s = 0; s < StageCount; ++s)
        m_stage->addItem(stageLabel(Stage(s)), stageKey(Stage(s)));
    m_stage->addItem(lostLabel(), QStringLiteral("lost"));
    m_temperature->clear();
    m_temperature->addItem(tr("All temperatures"), QString());
    for (Temperature t : {Temperature::Hot, Temperature::Warm, Temperature::Cold})
        m_temperature->addItem(temperatureLabel(t), temperatureKey(t));
    m_category->clear();
    m_category->addItem(tr("All categories"), QString());
    for (int c = 0; c < SourceCategoryCount; ++c)
        m_category->addItem(categoryLabel(SourceCategory(c)), categoryKey(SourceCategory(c)));
    m_source->clear();
    m_source->addItem(tr("All sources"), qint64(0));
    m_owner->clear();
    m_owner->addItem(tr("All owners"), qint64(0));
    if (m_db) {
        if (auto sources = storage::SourceRepository(*m_db).list(
                storage::SourceRepository::LeadCounts::NotCounted)) {
            for (const Source &s : *sources)
                m_source->addItem(s.name, s.id);
        }
        if (auto users = storage::UserRepository(*m_db).list()) {
            for (const User &u : *users)
                m_owner->addItem(u.name, u.id);
        }
    }
    restore(m_stage, stage);
    restore(m_temperature, temp);
    restore(m_category, cat);
    restore(m_source, src);
    restore(m_owner, own);
}

bool LeadsPage::showLeads(const storage::LeadFilter &filter, const QString &description) {
    m_searchTimer->stop();
    {
        const QSignalBlocker a(m_search);
        m_search->clear();
        for (QComboBox *c : {m_stage, m_temperature, m_category, m_source, m_owner})
            c->setCurrentIndex(0); // any
        for (QDateEdit *d : {m_from, m_to}) {
            const QSignalBlocker b(d);
            d->setDate(kAnyDate);
        }
    }
    m_drill = filter;
    m_drillText->setText(description);
    m_drillBar->show();
    applyFilters();
    return true;
}

void LeadsPage::applyFilters() {
    m_searchTimer->stop();
    // The page's own filters narrow the leads a report asked for.
    storage::LeadFilter f = m_drill.value_or(storage::LeadFilter());
    f.search = m_search->text();
    const QString stage = m_stage->currentData().toString();
    if (stage == QLatin1String("lost"))
        f.lostOnly = true;
    else if (!stage.isEmpty())
        f.stage = stageFromKey(stage);
    if (const QString t = m_temperature->currentData().toString(); !t.isEmpty())
        f.temperature = temperatureFromKey(t);
    if (const QString c = m_category->currentData().toString(); !c.isEmpty())
        f.category = categoryFromKey(c);
    if (const qint64 id = m_source->currentData().toLongLong(); id > 0)
        f.sourceId = id;
    if (const qint64 id = m_owner->currentData().toLongLong(); id > 0)
        f.ownerId = id;
    if (m_from->date() > kAnyDate)
        f.createdFrom = m_from->date();
    if (m_to->date() > kAnyDate)
        f.createdTo = m_to->date();
    m_model->setFilter(f);
    if (!m_db) {
        m_count->clear();
        return;
    }
    // The count is exact when it is cheap (no search, or an indexed one); a short search (one or
    // two characters) would scan every lead, so the label then says how many are loaded.
    if (storage::LeadQuery::planSearch(f.search).likes.isEmpty()) {
        auto n = m_model->matchingCount();
        m_count->setText(n ? tr("%n lead(s)", nullptr, int(*n)) : n.error());
    } else {
        m_count->setText(m_model->canFetchMore(QModelIndex())
                             ? tr("%n+ leads", nullptr, m_model->rowCount())
                             : tr("%n lead(s)", nullptr, m_model->rowCount()));
    }
}

void LeadsPage::showError(const QString &message) {
    MessageBox::warning(this, title(), message);
}

QList<int> LeadsPage::selectedRows() const {
    QList<int> rows;
    for (const QModelIndex &i : m_view->selectionModel()->selectedRows())
        rows << i.row();
    std::sort(rows.begin(), rows.end());
    return rows;
}

void LeadsPage::newLead() {
    if (!m_db)
        return;
    Lead l;
    l.owner = AppSettings().ownerName();
    l.createdAt = QDateTime::currentDateTime();
    editLead(l, true);
}

bool LeadsPage::openLeadEditor(qint64 leadId) {
    if (leadId == 0)
        newLead();
    else
        openLead(leadId);
    return true;
}

bool LeadsPage::eventFilter(QObject *watched, QEvent *event) {
    // QLineEdit claims Ctrl+E (end of line, which End does too) before window shortcuts see it;
    // filtering the override out lets File > Export run while the search box has focus.
    if (watched == m_search && event->type() == QEvent::ShortcutOverride) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if (key->keyCombination() == QKeyCombination(Qt::ControlModifier, Qt::Key_E))
            return true;
    }
    return Page::eventFilter(watched, event);
}

void LeadsPage::openLead(qint64 id) {
    if (!m_db || id <= 0)
        return;
    auto lead = storage::LeadRepository(*m_db).get(id);
    if (!lead) {
        showError(lead.error());
        return;
    }
    editLead(*lead, false);
}

void LeadsPage::editLead(const Lead &lead, bool isNew) {
    // What the editor and the commands write reaches this page through the change feed.
    LeadEditor editor(*m_db, lead, undoStack(), this);
    if (editor.exec() != QDialog::Accepted)
        return;
    const Lead after = editor.lead();
    const auto applied = [] {};
    const auto error = [this](const QString &m) { showError(m); };
    const auto push = [this](QUndoCommand *cmd) { commands::push(undoStack(), cmd); };
    switch (editor.duplicateChoice()) {
    case DuplicateChoice::Cancel:
        return;
    case DuplicateChoice::OpenExisting:
        openLead(editor.duplicateId());
        return;
    case DuplicateChoice::Merge: {
        auto existing = storage::LeadRepository(*m_db).get(editor.duplicateId());
        if (!existing) {
            showError(existing.error());
            return;
        }
        if (isNew) {
            push(new commands::SaveLeadCommand(
                *m_db, storage::mergedLead(*existing, after, phoneRegionOf(*m_db)), *existing,
                AppSettings().ownerName(), applied, error));
        } else {
            if (undoStack())
                undoStack()->beginMacro(tr("Merge duplicate leads"));
            push(new commands::SaveLeadCommand(*m_db, after, lead, AppSettings().ownerName(),
                                               applied, error));
            push(new commands::MergeLeadsCommand(*m_db, editor.duplicateId(), after.id, applied,
                                                 error));
            if (undoStack())
                undoStack()->endMacro();
        }
        return;
    }
    case DuplicateChoice::SaveAnyway: {
        Lead toSave = after;
        Lead before = lead;
        // Someone else saved the lead while it was open (team mode): mine / theirs / before,
        // field by field, then saved over their version. (Saved meanwhile after this check:
        // the save is refused by storage and the error shown.)
        if (!isNew && after.version > 0) {
            auto stored = storage::LeadRepository(*m_db).get(after.id);
            if (!stored) {
                showError(stored.error());
                return;
            }
            if (stored->version != after.version) {
                LeadConflictDialog resolve(lead, after, *stored, this);
                if (resolve.exec() != QDialog::Accepted)
                    return;
                toSave = resolve.resolved();
                before = *stored;
            }
        }
        push(new commands::SaveLeadCommand(*m_db, toSave,
                                           isNew ? std::nullopt : std::optional<Lead>(before),
                                           AppSettings().ownerName(), applied, error));
        return;
    }
    }
}

void LeadsPage::openCardEntry() {
    if (!m_db)
        return;
    CardEntryDialog dialog(*m_db, undoStack(), this);
    connect(&dialog, &CardEntryDialog::leadActivated, this, &LeadsPage::openLead);
    dialog.exec();
}

void LeadsPage::suggestReadings() {
    if (!m_db)
        return;
    QList<qint64> ids;
    for (int row : selectedRows())
        ids << m_model->leadId(row);
    ReadingsDialog dialog(*m_db, undoStack(), ids, this);
    dialog.exec();
}

void LeadsPage::findDuplicates() {
    if (!m_db)
        return;
    DuplicatesDialog dialog(*m_db, undoStack(), this);
    dialog.exec();
}

void LeadsPage::deleteSelected() {
    if (!m_db)
        return;
    QList<qint64> ids;
    for (int row : selectedRows())
        ids << m_model->leadId(row);
    if (ids.isEmpty())
        return;
    if (MessageBox::question(this, tr("Delete leads"),
                             tr("Delete %n lead(s) with their history? You can undo this.", nullptr,
                                int(ids.size()))) != QMessageBox::Yes)
        return;
    auto *cmd = new commands::DeleteLeadsCommand(
        *m_db, ids, [] {}, [this](const QString &m) { showError(m); });
    commands::push(undoStack(), cmd);
}

void LeadsPage::copySelected() {
    const QList<int> rows = selectedRows();
    if (!rows.isEmpty())
        QApplication::clipboard()->setText(m_model->toTsv(rows));
}

void LeadsPage::stageCommand(int kind, int stage) {
    const QList<int> rows = selectedRows();
    if (!m_db || rows.isEmpty())
        return;
    QString reason;
    if (kind == int(commands::StageCommand::Kind::Lost)) {
        // Asked once for all selected leads.
        bool ok = false;
        reason = QInputDialog::getText(this, tr("Mark lost"), tr("Reason the lead was lost:"),
                                       QLineEdit::Normal, QString(), &ok);
        if (!ok)
            return;
    }
    // Becoming a customer is winning a deal: its value and day are asked, as on the Pipeline.
    QList<WonDeal> deals;
    if (kind == int(commands::StageCommand::Kind::Move) && Stage(stage) == Stage::Customer) {
        QList<qint64> ids;
        for (int row : rows)
            ids << m_model->leadId(row);
        QString error;
        const auto asked = askWonDeals(*m_db, ids, AppSettings().currency(), this, &error);
        if (!asked) {
            if (!error.isEmpty())
                showError(error);
            return;
        }
        deals = *asked;
    }
    if (undoStack() && rows.size() > 1)
        undoStack()->beginMacro(tr("Change stage of %n lead(s)", nullptr, int(rows.size())));
    for (qsizetype i = 0; i < rows.size(); ++i) {
        const bool won = i < deals.size();
        auto *cmd = new commands::StageCommand(
            *m_db, m_model->leadId(rows.at(i)),
            won ? commands::StageCommand::Kind::Won : commands::StageCommand::Kind(kind),
            Stage(stage), SqlKind::None, reason, AppSettings().ownerName(), [] {},
            [this](const QString &m) { showError(m); });
        if (won)
            cmd->setWonDeal(deals.at(i).value, deals.at(i).wonAt);
        commands::push(undoStack(), cmd);
    }
    if (undoStack() && rows.size() > 1)
        undoStack()->endMacro();
}

void LeadsPage::showContextMenu(const QPoint &pos) {
    const QModelIndex index = m_view->indexAt(pos);
    if (!m_db || !index.isValid())
        return;
    if (!m_view->selectionModel()->isRowSelected(index.row(), QModelIndex()))
        m_view->selectRow(index.row());
    QMenu menu(this);
    const qint64 id = m_model->leadId(index.row());
    menu.addAction(tr("Open…"), this, [this, id] { openLead(id); });
    QMenu *stages = menu.addMenu(tr("Change stage"));
    for (int s = 0; s < StageCount; ++s)
        stages->addAction(stageLabel(Stage(s)), this,
                          [this, s] { stageCommand(int(commands::StageCommand::Kind::Move), s); });
    menu.addAction(tr("Mark lost…"), this,
                   [this] { stageCommand(int(commands::StageCommand::Kind::Lost), 0); });
    menu.addAction(tr("Recycle to nurturing"), this,
                   [this] { stageCommand(int(commands::StageCommand::Kind::Recycle), 0); });
    menu.addSeparator();
    const auto selectedIds = [this] {
        QList<qint64> ids;
        for (int row : selectedRows())
            ids << m_model->leadId(row);
        return ids;
    };
    menu.addAction(tr("Reassign…"), this, [this, selectedIds] {
        const QList<qint64> ids = selectedIds();
        if (auto owner = askOwner(this, *m_db, int(ids.size())))
            reassignLeads(ids, *owner);
    });
    QMenu *temperature = menu.addMenu(tr("Temperature"));
    for (auto t : {std::optional<Temperature>(), std::optional(Temperature::Hot),
                   std::optional(Temperature::Warm), std::optional(Temperature::Cold)})
        temperature->addAction(commands::temperatureChoiceLabel(t), this,
                               [this, t, selectedIds] { setTemperature(selectedIds(), t); });
    menu.addSeparator();
    // Readings from the dictionaries for leads without them (imported, scanned), confirmed.
    menu.addAction(tr("Suggest readings…"), this, &LeadsPage::suggestReadings);
    menu.addSeparator();
    menu.addAction(tr("Copy"), this, &LeadsPage::copySelected);
    menu.addAction(tr("Delete…"), this, &LeadsPage::deleteSelected);
    // product.md §Privacy: the person of the clicked lead (and their other leads by email).
    menu.addSeparator();
    menu.addAction(tr("Export this person's data…"), this,
                   [this, id] { exportPersonData(this, *m_db, id); });
    // The erase is announced on the database's change feed: this page and the others read again.
    menu.addAction(tr("Erase person…"), this,
                   [this, id] { erasePerson(this, *m_db, id, undoStack()); });
    menu.exec(m_view->viewport()->mapToGlobal(pos));
}

void LeadsPage::reassignLeads(const QList<qint64> &ids, const QString &owner) {
    if (!m_db || ids.isEmpty())
        return;
    auto *cmd = new commands::ReassignCommand(
        *m_db, ids, owner, [] {}, [this](const QString &m) { showError(m); });
    commands::push(undoStack(), cmd);
}

void LeadsPage::setTemperature(const QList<qint64> &ids, std::optional<Temperature> temperature) {
    if (!m_db || ids.isEmpty())
        return;
    auto *cmd = new commands::TemperatureCommand(
        *m_db, ids, temperature, [] {}, [this](const QString &m) { showError(m); });
    commands::push(undoStack(), cmd);
}

} // namespace mikomi::ui
