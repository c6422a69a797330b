#include "ui/matrixview.h"

#include "models/matrixmodel.h"

#include <QCheckBox>
#include <QEvent>
#include <QHeaderView>
#include <QLabel>
#include <QTableView>
#include <QTableWidget>
#include <QVBoxLayout>

namespace mikomi::ui {

MatrixView::MatrixView(QWidget *parent)
    : QWidget(parent) {
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_intro = new QLabel(this);
    m_intro->setWordWrap(true);
    layout->addWidget(m_intro);
    m_showSources = new QCheckBox(this);
    m_showSources->setObjectName(QStringLiteral("matrixShowSources"));
    layout->addWidget(m_showSources);

    m_model = new MatrixModel(this);
    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("sourceMatrixTable"));
    m_table->setModel(m_model);
    m_table->verticalHeader()->hide();
    m_table->setMinimumHeight(220);
    m_table->setWordWrap(false);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    layout->addWidget(m_table, 1);

    m_seedTitle = new QLabel(this);
    QFont f = m_seedTitle->font();
    f.setBold(true);
    m_seedTitle->setFont(f);
    layout->addWidget(m_seedTitle);
    m_seed = new QTableWidget(int(analytics::seedMatrix().size()), 7, this);
    m_seed->setObjectName(QStringLiteral("seedMatrixTable"));
    m_seed->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_seed->verticalHeader()->hide();
    m_seed->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_seed->setMinimumHeight(300);
    layout->addWidget(m_seed);

    connect(m_showSources, &QCheckBox::toggled, m_model, &MatrixModel::setShowSources);
    retranslate();
}

void MatrixView::setMatrix(const analytics::SourceMatrix &matrix, Currency currency) {
    m_model->setMatrix(matrix, currency);
}

void MatrixView::fillSeedTable() {
    m_seed->setHorizontalHeaderLabels(
        {tr("Source type"), tr("Category"), analytics::dimensionLabel(analytics::Dimension::Volume),
         analytics::dimensionLabel(analytics::Dimension::Quality),
         analytics::dimensionLabel(analytics::Dimension::Speed),
         analytics::dimensionLabel(analytics::Dimension::Cost), tr("Best for")});
    int row = 0;
    for (const analytics::SeedMatrixRow &r : analytics::seedMatrix()) {
        const QStringList cells{
            analytics::seedText(r.name),          categoryLabel(r.category),
            analytics::levelRangeLabel(r.volume), analytics::levelRangeLabel(r.quality),
            analytics::seedText(r.speedDetail),   analytics::levelRangeLabel(r.cost),
            analytics::seedText(r.bestFor)};
        for (int c = 0; c < cells.size(); ++c) {
            auto *item = new QTableWidgetItem(cells.at(c));
            if (c == 0)
                item->setToolTip(QString::fromUtf8(r.seedJa));
            m_seed->setItem(row, c, item);
        }
        ++row;
    }
}

void MatrixView::changeEvent(QEvent *event) {
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void MatrixView::retranslate() {
    m_intro->setText(
        tr("Each category is measured over the period and compared with the whole period: volume "
           "by its share of leads, quality by lead → customer, speed by the median days to close, "
           "cost level by CPL. Beside each measurement is the level that the lead-source guide "
           "expects; ≠ marks a measurement that differs from it (hover for details)."));
    m_showSources->setText(tr("Show each source under its category"));
    m_seedTitle->setText(tr("The lead-source guide's comparison matrix"));
    m_model->retranslate();
    fillSeedTable();
}

} // namespace mikomi::ui
