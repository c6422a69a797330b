#include "ui/budgetchart.h"

#include "models/budgetmodel.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QColor>
#include <QCoreApplication>
#include <QCursor>
#include <QLocale>
#include <QToolTip>
#include <QValueAxis>

namespace mikomi::ui::budgetcharts {
namespace {

QString percent(double v) {
    return QLocale().toString(v, 'f', 1) + QStringLiteral("%");
}

} // namespace

QChart *tierSplit(const QAbstractItemModel &tiers) {
    auto *chart = new QChart;
    chart->setTitle(QCoreApplication::translate("mikomi::ui::budgetcharts::BudgetChart",
                                                "Spend by tier against 70-20-10"));
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->setLocalizeNumbers(true);
    chart->setLocale(QLocale());
    chart->legend()->setVisible(true);
    chart->legend()->setAlignment(Qt::AlignBottom);

    auto *target = new QBarSet(
        QCoreApplication::translate("mikomi::ui::budgetcharts::BudgetChart", "Target share"));
    auto *actual = new QBarSet(
        QCoreApplication::translate("mikomi::ui::budgetcharts::BudgetChart", "Actual share"));
    QStringList categories;
    bool anySpend = false;
    for (int r = 0; r < tiers.rowCount(); ++r) {
        categories << tiers.index(r, BudgetTierModel::Tier).data().toString();
        target->append(tiers.index(r, BudgetTierModel::TargetShare)
                           .data(BudgetTierModel::ValueRole)
                           .toDouble() *
                       100);
        const QVariant share =
            tiers.index(r, BudgetTierModel::ActualShare).data(BudgetTierModel::ValueRole);
        anySpend = anySpend || share.isValid();
        actual->append(share.isValid() ? share.toDouble() * 100 : 0.0);
    }
    if (!anySpend)
        actual->setLabel(QCoreApplication::translate("mikomi::ui::budgetcharts::BudgetChart",
                                                     "Actual share (no spend in the window)"));
    for (QBarSet *set : {target, actual}) {
        QObject::connect(set, &QBarSet::hovered, set, [set, categories](bool on, int index) {
            if (on && index >= 0 && index < categories.size())
                QToolTip::showText(
                    QCursor::pos(),
                    QCoreApplication::translate("mikomi::ui::budgetcharts::BudgetChart",
                                                "%1 — %2: %3")
                        .arg(categories.at(index), set->label(), percent(set->at(index))));
            else
                QToolTip::hideText();
        });
    }
    target->setColor(QColor(0x94, 0xa3, 0xb8));
    actual->setColor(QColor(0x25, 0x63, 0xeb));

    auto *series = new QBarSeries;
    series->append(target);
    series->append(actual);
    chart->addSeries(series);

    // "実証済みコア 70%" whole on two lines, the share under the name (in a 320 px panel it was
    // cut to "実証済...").
    QStringList labels;
    for (const QString &c : std::as_const(categories)) {
        const qsizetype space = c.lastIndexOf(QLatin1Char(' '));
        labels << (space > 0 ? c.left(space).toHtmlEscaped() + QStringLiteral("<br>") +
                                   c.mid(space + 1).toHtmlEscaped()
                             : c.toHtmlEscaped());
    }
    auto *x = new QBarCategoryAxis;
    x->append(labels);
    x->setTruncateLabels(false);
    x->setTitleText(QCoreApplication::translate("mikomi::ui::budgetcharts::BudgetChart", "Tier"));
    QFont small = x->labelsFont();
    small.setPointSizeF(small.pointSizeF() * 0.9);
    x->setLabelsFont(small);
    auto *y = new QValueAxis;
    y->setTitleText(
        QCoreApplication::translate("mikomi::ui::budgetcharts::BudgetChart", "Share of spend (%)"));
    y->setRange(0, 100);
    y->setTickCount(6);
    y->setLabelFormat(QStringLiteral("%.0f"));
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    series->attachAxis(x);
    series->attachAxis(y);
    return chart;
}

} // namespace mikomi::ui::budgetcharts
