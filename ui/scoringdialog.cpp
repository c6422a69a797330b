#include "ui/scoringdialog.h"

#include "models/storage/database.h"
#include "models/storage/scoringstore.h"
#include "ui/messagebox.h"
#include "ui/scorerecomputer.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QEvent>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QProgressDialog>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>

namespace mikomi::ui {
namespace {

QSpinBox *spin(QWidget *parent, int min, int max) {
    auto *s = new QSpinBox(parent);
    s->setRange(min, max);
    return s;
}

template <typename T> T *cell(const QTableWidget *t, int row, int col) {
    return qobject_cast<T *>(t->cellWidget(row, col));
}

} // namespace

ScoringDialog::ScoringDialog(storage::Database &db, QWidget *parent)
    : QDialog(parent)
    , m_db(db) {
    auto *layout = new QVBoxLayout(this);

    m_attrBox = new QGroupBox(this);
    auto *attrLayout = new QVBoxLayout(m_attrBox);
    m_attributes = new QTableWidget(0, 4, m_attrBox);
    m_attributes->setObjectName(QStringLiteral("attributeRules"));
    m_attributes->verticalHeader()->hide();
    m_attributes->horizontalHeader()->setSectionResizeMode(2, QHeaderView::Stretch);
    attrLayout->addWidget(m_attributes);
    auto *attrButtons = new QHBoxLayout;
    m_addAttr = new QPushButton(m_attrBox);
    m_removeAttr = new QPushButton(m_attrBox);
    attrButtons->addWidget(m_addAttr);
    attrButtons->addWidget(m_removeAttr);
    attrButtons->addStretch();
    attrLayout->addLayout(attrButtons);
    layout->addWidget(m_attrBox, 1);
    connect(m_addAttr, &QPushButton::clicked, this, [this] {
        addAttributeRow({QStringLiteral("title"), scoring::AttributeRule::Op::Contains, {}, 10});
    });
    connect(m_removeAttr, &QPushButton::clicked, this, [this] {
        if (m_attributes->currentRow() >= 0)
            m_attributes->removeRow(m_attributes->currentRow());
    });

    m_behBox = new QGroupBox(this);
    auto *behLayout = new QVBoxLayout(m_behBox);
    m_behaviours = new QTableWidget(0, 3, m_behBox);
    m_behaviours->setObjectName(QStringLiteral("behaviourRules"));
    m_behaviours->verticalHeader()->hide();
    m_behaviours->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    behLayout->addWidget(m_behaviours);
    auto *behButtons = new QHBoxLayout;
    m_addBeh = new QPushButton(m_behBox);
    m_removeBeh = new QPushButton(m_behBox);
    behButtons->addWidget(m_addBeh);
    behButtons->addWidget(m_removeBeh);
    behButtons->addStretch();
    behLayout->addLayout(behButtons);
    layout->addWidget(m_behBox, 1);
    connect(m_addBeh, &QPushButton::clicked, this, [this] {
        addBehaviourRow({ActivityKind::DocumentDownload, 10, 0});
    });
    connect(m_removeBeh, &QPushButton::clicked, this, [this] {
        if (m_behaviours->currentRow() >= 0)
            m_behaviours->removeRow(m_behaviours->currentRow());
    });

    m_thrBox = new QGroupBox(this);
    auto *grid = new QGridLayout(m_thrBox);
    m_mql = spin(m_thrBox, 0, 10000);
    m_sql = spin(m_thrBox, 0, 10000);
    m_hotScore = spin(m_thrBox, 0, 10000);
    m_hotDays = spin(m_thrBox, 0, 3650);
    m_warmScore = spin(m_thrBox, 0, 10000);
    m_warmDays = spin(m_thrBox, 0, 3650);
    const QList<QSpinBox *> boxes{m_mql, m_sql, m_hotScore, m_hotDays, m_warmScore, m_warmDays};
    for (int i = 0; i < boxes.size(); ++i) {
        auto *label = new QLabel(m_thrBox);
        m_thrLabels.append(label);
        grid->addWidget(label, i / 2, (i % 2) * 2);
        grid->addWidget(boxes.at(i), i / 2, (i % 2) * 2 + 1);
    }
    layout->addWidget(m_thrBox);

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("recomputeStatus"));
    m_status->setWordWrap(true);
    m_status->hide();
    layout->addWidget(m_status);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &ScoringDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &ScoringDialog::reject);
    layout->addWidget(m_buttons);

    m_recomputer = new ScoreRecomputer(this);
    connect(m_recomputer, &ScoreRecomputer::progress, this, [this](qint64 done, qint64 total) {
        if (m_progress && !m_progress->wasCanceled() && total > 0)
            m_progress->setValue(int(std::min<qint64>(1000, done * 1000 / total)));
    });
    connect(m_recomputer, &ScoreRecomputer::finished, this, &ScoringDialog::recomputeFinished);

    auto loaded = storage::ScoringStore(m_db).load();
    setRules(loaded ? *loaded : scoring::Rules::defaults());
    retranslate();
    resize(780, 760);
}

void ScoringDialog::addAttributeRow(const scoring::AttributeRule &r) {
    const int row = m_attributes->rowCount();
    m_attributes->insertRow(row);
    auto *field = new QComboBox(m_attributes);
    for (const QString &f : scoring::attributeFields())
        field->addItem(scoring::attributeFieldLabel(f), f);
    field->setCurrentIndex(std::max(0, field->findData(r.field)));
    auto *op = new QComboBox(m_attributes);
    for (auto o : {scoring::AttributeRule::Op::Contains, scoring::AttributeRule::Op::Equals,
                   scoring::AttributeRule::Op::InList})
        op->addItem(scoring::opLabel(o), int(o));
    op->setCurrentIndex(op->findData(int(r.op)));
    auto *value = new QLineEdit(r.value, m_attributes);
    auto *points = spin(m_attributes, -1000, 1000);
    points->setValue(r.points);
    m_attributes->setCellWidget(row, 0, field);
    m_attributes->setCellWidget(row, 1, op);
    m_attributes->setCellWidget(row, 2, value);
    m_attributes->setCellWidget(row, 3, points);
}

void ScoringDialog::addBehaviourRow(const scoring::BehaviourRule &r) {
    const int row = m_behaviours->rowCount();
    m_behaviours->insertRow(row);
    auto *kind = new QComboBox(m_behaviours);
    for (int k = 0; k < ActivityKindCount; ++k)
        kind->addItem(activityKindLabel(ActivityKind(k)), k);
    kind->setCurrentIndex(kind->findData(int(r.kind)));
    auto *points = spin(m_behaviours, -1000, 1000);
    points->setValue(r.points);
    auto *half = spin(m_behaviours, 0, 3650);
    half->setValue(r.halfLifeDays);
    m_behaviours->setCellWidget(row, 0, kind);
    m_behaviours->setCellWidget(row, 1, points);
    m_behaviours->setCellWidget(row, 2, half);
}

void ScoringDialog::setRules(const scoring::Rules &rules) {
    m_attributes->setRowCount(0);
    m_behaviours->setRowCount(0);
    for (const auto &a : rules.attributes)
        addAttributeRow(a);
    for (const auto &b : rules.behaviours)
        addBehaviourRow(b);
    m_mql->setValue(rules.thresholds.mqlScore);
    m_sql->setValue(rules.thresholds.sqlScore);
    m_hotScore->setValue(rules.thresholds.hotScore);
    m_hotDays->setValue(rules.thresholds.hotDays);
    m_warmScore->setValue(rules.thresholds.warmScore);
    m_warmDays->setValue(rules.thresholds.warmDays);
}

scoring::Rules ScoringDialog::rules() const {
    scoring::Rules r;
    for (int row = 0; row < m_attributes->rowCount(); ++row) {
        scoring::AttributeRule a;
        a.field = cell<QComboBox>(m_attributes, row, 0)->currentData().toString();
        a.op = scoring::AttributeRule::Op(
            cell<QComboBox>(m_attributes, row, 1)->currentData().toInt());
        a.value = cell<QLineEdit>(m_attributes, row, 2)->text().trimmed();
        a.points = cell<QSpinBox>(m_attributes, row, 3)->value();
        if (!a.value.isEmpty())
            r.attributes.append(a);
    }
    for (int row = 0; row < m_behaviours->rowCount(); ++row) {
        scoring::BehaviourRule b;
        b.kind = ActivityKind(cell<QComboBox>(m_behaviours, row, 0)->currentData().toInt());
        b.points = cell<QSpinBox>(m_behaviours, row, 1)->value();
        b.halfLifeDays = cell<QSpinBox>(m_behaviours, row, 2)->value();
        r.behaviours.append(b);
    }
    r.thresholds.mqlScore = m_mql->value();
    r.thresholds.sqlScore = m_sql->value();
    r.thresholds.hotScore = m_hotScore->value();
    r.thresholds.hotDays = m_hotDays->value();
    r.thresholds.warmScore = m_warmScore->value();
    r.thresholds.warmDays = m_warmDays->value();
    return r;
}

void ScoringDialog::accept() {
    if (m_recomputer->running())
        return;
    // The rules are saved together with the new scores, on a worker thread with its own
    // connection: at a million leads that takes seconds, and the window must not freeze.
    if (!m_recomputer->start(m_db.location(), rules(), QDateTime::currentDateTime()))
        return;
    m_status->hide();
    m_buttons->setEnabled(false);
    m_progress = new QProgressDialog(this);
    m_progress->setObjectName(QStringLiteral("recomputeProgress"));
    m_progress->setWindowTitle(windowTitle());
    m_progress->setLabelText(tr("Recomputing the score of every lead…"));
    m_progress->setRange(0, 1000);
    m_progress->setAutoClose(false);
    m_progress->setAutoReset(false);
    m_progress->setWindowModality(Qt::WindowModal);
    m_progress->setMinimumDuration(300); // small databases are done before it would show
    m_progress->setValue(0);
    connect(m_progress, &QProgressDialog::canceled, this, [this] {
        m_recomputer->cancel();
        m_progress->setLabelText(tr("Cancelling…"));
    });
}

void ScoringDialog::reject() {
    if (m_recomputer->running()) {
        m_closeWhenDone = true;
        m_recomputer->cancel();
        return;
    }
    QDialog::reject();
}

void ScoringDialog::recomputeFinished(qint64 changed, bool cancelled, const QString &error) {
    if (m_progress) {
        m_progress->hide();
        m_progress->deleteLater();
        m_progress = nullptr;
    }
    m_buttons->setEnabled(true);
    if (m_closeWhenDone && (cancelled || !error.isEmpty())) {
        QDialog::reject(); // nothing was changed
        return;
    }
    if (!error.isEmpty()) {
        MessageBox::warning(this, windowTitle(),
                            tr("The scores could not be recomputed, so the rules were not "
                               "changed: %1")
                                .arg(error));
        return;
    }
    if (cancelled) {
        m_status->setText(
            tr("Cancelled: the rules and the scores were not changed. Press OK to try again."));
        m_status->show();
        return;
    }
    m_changed = changed;
    // The worker wrote through its own connection: announce the new rules and scores on this
    // window's change feed, so every page reads them again.
    m_db.changes().publish(
        {changed > 0 ? storage::DataKinds(storage::DataKind::Rules) | storage::DataKind::Leads
                     : storage::DataKinds(storage::DataKind::Rules),
         {}});
    QDialog::accept();
}

void ScoringDialog::changeEvent(QEvent *event) {
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QDialog::changeEvent(event);
}

void ScoringDialog::retranslate() {
    setWindowTitle(tr("Scoring rules"));
    m_attrBox->setTitle(tr("Attributes (who the lead is)"));
    m_behBox->setTitle(tr("Behaviour (what the lead did)"));
    m_thrBox->setTitle(tr("Thresholds"));
    m_attributes->setHorizontalHeaderLabels(
        {tr("Field"), tr("Condition"), tr("Value"), tr("Points")});
    m_behaviours->setHorizontalHeaderLabels({tr("Activity"), tr("Points"), tr("Half-life (days)")});
    m_behaviours->horizontalHeaderItem(2)->setToolTip(
        tr("Points halve every this many days after the activity; 0 = they never decay."));
    m_behaviours->horizontalHeader()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_behaviours->horizontalHeader()->setSectionResizeMode(2, QHeaderView::ResizeToContents);
    m_addAttr->setText(tr("Add rule"));
    m_removeAttr->setText(tr("Remove rule"));
    m_addBeh->setText(tr("Add rule"));
    m_removeBeh->setText(tr("Remove rule"));
    const QStringList labels{tr("Suggest MQL at score"), tr("Suggest SQL at score"),
                             tr("Hot: score at least"),  tr("Hot: last activity within (days)"),
                             tr("Warm: score at least"), tr("Warm: last activity within (days)")};
    for (int i = 0; i < m_thrLabels.size(); ++i)
        m_thrLabels.at(i)->setText(labels.at(i));
    m_attributes->resizeColumnsToContents();
    m_attributes->horizontalHeader()->setSectionResizeMode(2, QHeaderView::Stretch);
}

} // namespace mikomi::ui
