#include "ui/chartbuilder.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QCoreApplication>
#include <QCursor>
#include <QLineSeries>
#include <QLocale>
#include <QPieSeries>
#include <QPieSlice>
#include <QStackedBarSeries>
#include <QToolTip>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace mikomi::ui::charts {
namespace {

QString rowName(const analytics::SourceRow &r) {
    return r.isUnknown ? QCoreApplication::translate("mikomi::ui::charts::ChartBuilder", "Unknown")
                       : r.name;
}

// A count that may be fractional (attribution credit).
QString countText(double v) {
    if (std::abs(v - std::round(v)) < 1e-9)
        return QLocale().toString(qint64(std::llround(v)));
    return QLocale().toString(v, 'f', 2);
}

QChart *newChart(const QString &title) {
    auto *chart = new QChart;
    chart->setLocalizeNumbers(true); // axis labels in the locale's number format
    chart->setTitle(title);
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->legend()->setVisible(true);
    chart->legend()->setAlignment(Qt::AlignBottom);
    return chart;
}

// Shows `format(value)` as a tooltip while a bar of `set` is hovered.
template <typename F> void tooltips(QBarSet *set, QStringList categories, F format) {
    QObject::connect(
        set, &QBarSet::hovered, set, [set, categories, format](bool status, int index) {
            if (status && index >= 0 && index < categories.size())
                QToolTip::showText(QCursor::pos(), categories.at(index) + QStringLiteral(": ") +
                                                       set->label() + QStringLiteral(" ") +
                                                       format(set->at(index)));
            else
                QToolTip::hideText();
        });
}

void addAxes(QChart *chart, QAbstractSeries *series, const QStringList &categories,
             const QString &xTitle, const QString &yTitle, double maxValue) {
    auto *x = new QBarCategoryAxis;
    x->append(categories);
    x->setTitleText(xTitle);
    // Many labels: slant them (upright when there are very many, e.g. months) and use a smaller
    // font so they are shown, not elided.
    x->setLabelsAngle(categories.size() > 10 ? -90 : categories.size() > 4 ? -45 : 0);
    if (categories.size() > 4) {
        QFont f = x->labelsFont();
        f.setPointSizeF(f.pointSizeF() * 0.85);
        x->setLabelsFont(f);
    }
    auto *y = new QValueAxis;
    y->setTitleText(yTitle);
    y->setRange(0, maxValue > 0 ? maxValue * 1.1 : 1);
    y->setLabelFormat(QStringLiteral("%.0f"));
    y->applyNiceNumbers();
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    series->attachAxis(x);
    series->attachAxis(y);
}

} // namespace

QChart *leadsAndCustomers(const analytics::SourceReport &report) {
    QChart *chart = newChart(QCoreApplication::translate("mikomi::ui::charts::ChartBuilder",
                                                         "Leads and customers by source"));
    auto *leads =
        new QBarSet(QCoreApplication::translate("mikomi::ui::charts::ChartBuilder", "Leads"));
    auto *customers =
        new QBarSet(QCoreApplication::translate("mikomi::ui::charts::ChartBuilder", "Customers"));
    QStringList categories;
    double maxValue = 0;
    for (const auto &r : report.sources) {
        categories << rowName(r);
        leads->append(double(r.funnel.leads));
        customers->append(r.funnel.customer);
        maxValue = std::max(maxValue, double(r.funnel.leads));
    }
    const auto number = [](double v) {
        return QLocale().toString(v, 'f', v == std::floor(v) ? 0 : 2);
    };
    tooltips(leads, categories, number);
    tooltips(customers, categories, number);
    auto *series = new QBarSeries;
    series->append(leads);
    series->append(customers);
    chart->addSeries(series);
    addAxes(chart, series, categories,
            QCoreApplication::translate("mikomi::ui::charts::ChartBuilder", "Source"),
            QCoreApplication::translate("mikomi::ui::charts::ChartBuilder", "Number of leads"),
            maxValue);
    return chart;
}

QChart *costPerSource(const analytics::SourceReport &report, Currency currency) {
    QChart *chart = newChart(
        QCoreApplication::translate("mikomi::ui::charts::ChartBuilder", "CPL and CAC by source"));
    auto *cpl = new QBarSet(QCoreApplication::translate("mikomi::ui::charts::ChartBuilder", "CPL"));
    auto *cac = new QBarSet(QCoreApplication::translate("mikomi::ui::charts::ChartBuilder", "CAC"));
    QStringList categories;
    double maxValue = 0;
    const double major = minorUnits(currency);
    for (const auto &r : report.sources) {
        if (r.isUnknown)
            continue;
        categories << rowName(r);
        const double a = r.metrics.cpl.value_or(0) / major;
        const double b = r.metrics.cac.value_or(0) / major;
        cpl->append(a);
        cac->append(b);
        maxValue = std::max({maxValue, a, b});
    }
    const auto money = [currency, major](double v) {
        return formatMoney(Money(std::llround(v * major)), currency);
    };
    tooltips(cpl, categories, money);
    tooltips(cac, categories, money);
    auto *series = new QBarSeries;
    series->append(cpl);
    series->append(cac);
    chart->addSeries(series);
    addAxes(chart, series, categories,
            QCoreApplication::translate("mikomi::ui::charts::ChartBuilder", "Source"),
            QCoreApplication::translate("mikomi::ui::charts::ChartBuilder", "Amount (%1)")
                .arg(currencyKey(currency)),
            maxValue);
    return chart;
}

QChart *ltvCac(const analytics::SourceReport &report) {
    QChart *chart = newChart(QCoreApplication::translate("mikomi::ui::charts::ChartBuilder",
                                                         "LTV:CAC by source (target 3:1)"));
    auto *set =
        new QBarSet(QCoreApplication::translate("mikomi::ui::charts::ChartBuilder", "LTV:CAC"));
    QStringList categories;
    double maxValue = 3;
    for (const auto &r : report.sources) {
        if (r.isUnknown || !r.metrics.ltvCac)
            continue;
        categories << rowName(r);
        set->append(*r.metrics.ltvCac);
        maxValue = std::max(maxValue, *r.metrics.ltvCac);
    }
    tooltips(set, categories, [](double v) { return QLocale().toString(v, 'f', 2); });
    auto *series = new QBarSeries;
    series->append(set);
    chart->addSeries(series);
    addAxes(chart, series, categories,
            QCoreApplication::translate("mikomi::ui::charts::ChartBuilder", "Source"),
            QCoreApplication::translate("mikomi::ui::charts::ChartBuilder", "LTV:CAC"), maxValue);
    // The 3:1 reference line across the categories.
    auto *line = new QLineSeries;
    line->setName(QCoreApplication::translate("mikomi::ui::charts::ChartBuilder", "3:1 reference"));
    line->append(-0.5, 3);
    line->append(std::max<qsizetype>(categories.size(), 1) - 0.5, 3);
    QPen pen(Qt::red);
    pen.setStyle(Qt::DashLine);
    pen.setWidth(2);
    line->setPen(pen);
    chart->addSeries(line);
    auto *hidden = new QValueAxis;
    hidden->setRange(-0.5, std::max<qsizetype>(categories.size(), 1) - 0.5);
    hidden->setVisible(false);
    chart->addAxis(hidden, Qt::AlignTop);
    line->attachAxis(hidden);
    line->attachAxis(chart->axes(Qt::Vertical).constFirst());
    return chart;
}

QChart *shareOfLeads(const analytics::SourceReport &report) {
    QChart *chart = newChart(QCoreApplication::translate("mikomi::ui::charts::ChartBuilder",
                                                         "Share of leads by source"));
    chart->legend()->setAlignment(Qt::AlignRight);
    auto *series = new QPieSeries;
    series->setHoleSize(0.45);
    for (const auto &r : report.sources) {
        if (r.funnel.leads == 0)
            continue;
        QPieSlice *slice = series->append(rowName(r), double(r.funnel.leads));
        const QString text =
            QCoreApplication::translate("mikomi::ui::charts::ChartBuilder", "%1: %2 leads (%3%)")
                .arg(rowName(r), QLocale().toString(r.funnel.leads),
                     QLocale().toString(r.metrics.share.value_or(0) * 100, 'f', 1));
        QObject::connect(slice, &QPieSlice::hovered, slice, [slice, text](bool state) {
            slice->setExploded(state);
            if (state)
                QToolTip::showText(QCursor::pos(), text);
            else
                QToolTip::hideText();
        });
    }
    chart->addSeries(series);
    return chart;
}

QChart *funnel(const analytics::SourceReport &report, const analytics::FunnelSelection &selection) {
    QString title = QCoreApplication::translate("mikomi::ui::charts::ChartBuilder",
                                                "Conversion funnel (all sources)");
    if (!selection.all) {
        const analytics::SourceRow *row = analytics::selectedRow(report, selection);
        const QString name =
            row ? rowName(*row)
            : selection.unknown
                ? QCoreApplication::translate("mikomi::ui::charts::ChartBuilder", "Unknown")
                : QString();
        title =
            QCoreApplication::translate("mikomi::ui::charts::ChartBuilder", "Conversion funnel: %1")
                .arg(name);
    }
    QChart *chart = newChart(title);
    auto *set = new QBarSet(QCoreApplication::translate("mikomi::ui::charts::ChartBuilder",
                                                        "Leads that reached the stage"));
    const analytics::StageFunnel f = analytics::stageFunnel(report, selection);
    const QStringList categories{
        QCoreApplication::translate("mikomi::ui::charts::ChartBuilder", "Leads"),
        stageLabel(Stage::Mql), stageLabel(Stage::Sql), stageLabel(Stage::Opportunity),
        stageLabel(Stage::Customer)};
    for (double v : f.stages)
        set->append(v);
    // Customers of one source are attribution credit: fractional under multi-touch models.
    const bool credit = !selection.all && report.attribution != analytics::Attribution::First;
    QObject::connect(
        set, &QBarSet::hovered, set,
        [set, categories, credit, leads = f.at(Stage::Inquiry)](bool status, int index) {
            if (!status || index < 0 || index >= categories.size()) {
                QToolTip::hideText();
                return;
            }
            const double v = set->at(index);
            QString text =
                QCoreApplication::translate("mikomi::ui::charts::ChartBuilder", "%1: %2 leads")
                    .arg(categories.at(index), countText(v));
            if (index > 0 && leads > 0)
                text += QStringLiteral(" (") +
                        QCoreApplication::translate("mikomi::ui::charts::ChartBuilder",
                                                    "%1% of the leads")
                            .arg(QLocale().toString(v / leads * 100, 'f', 1)) +
                        QStringLiteral(")");
            if (credit && index == int(Stage::Customer))
                text += QStringLiteral("\n") +
                        QCoreApplication::translate("mikomi::ui::charts::ChartBuilder",
                                                    "Customers are credited by the attribution "
                                                    "model.");
            QToolTip::showText(QCursor::pos(), text);
        });
    auto *series = new QBarSeries;
    series->append(set);
    chart->addSeries(series);
    addAxes(chart, series, categories,
            QCoreApplication::translate("mikomi::ui::charts::ChartBuilder", "Stage"),
            QCoreApplication::translate("mikomi::ui::charts::ChartBuilder", "Number of leads"),
            f.at(Stage::Inquiry));
    // Five short stage names fit upright.
    for (QAbstractAxis *x : chart->axes(Qt::Horizontal)) {
        x->setLabelsAngle(0);
        x->setLabelsFont(QFont());
    }
    return chart;
}

QColor categoryColor(SourceCategory c) {
    switch (c) {
    case SourceCategory::Inbound:
        return QColor(0x25, 0x63, 0xeb); // blue
    case SourceCategory::Outbound:
        return QColor(0xea, 0x58, 0x0c); // orange
    case SourceCategory::Paid:
        return QColor(0xdb, 0x27, 0x77); // pink
    case SourceCategory::Partnership:
        return QColor(0x16, 0xa3, 0x4a); // green
    case SourceCategory::Event:
        return QColor(0x93, 0x33, 0xea); // purple
    case SourceCategory::Unknown:
        return QColor(0x9c, 0xa3, 0xaf); // grey
    }
    return QColor(Qt::gray);
}

QChart *leadsPerMonth(const analytics::MonthlyByCategory &monthly) {
    QChart *chart = newChart(QCoreApplication::translate("mikomi::ui::charts::ChartBuilder",
                                                         "Leads per month by category"));
    QStringList months;
    for (qint32 m : monthly.months)
        months << analytics::monthKey(m);
    std::vector<qint64> totals;
    double maxValue = 0;
    for (std::size_t i = 0; i < monthly.months.size(); ++i) {
        totals.push_back(monthly.monthTotal(i));
        maxValue = std::max(maxValue, double(totals.back()));
    }
    auto *series = new QStackedBarSeries;
    for (SourceCategory c : monthly.categoriesWithLeads()) {
        auto *set = new QBarSet(categoryLabel(c));
        set->setColor(categoryColor(c));
        set->setBorderColor(categoryColor(c).darker(120));
        for (std::size_t i = 0; i < monthly.months.size(); ++i)
            set->append(double(monthly.count(c, i)));
        QObject::connect(
            set, &QBarSet::hovered, set, [set, months, totals](bool status, int index) {
                if (!status || index < 0 || index >= months.size()) {
                    QToolTip::hideText();
                    return;
                }
                const qint64 total = totals[std::size_t(index)];
                QToolTip::showText(QCursor::pos(),
                                   QCoreApplication::translate(
                                       "mikomi::ui::charts::ChartBuilder",
                                       "%1, %2: %3 of %n lead(s) this month", nullptr, int(total))
                                       .arg(months.at(index), set->label(),
                                            QLocale().toString(qint64(set->at(index)))));
            });
        series->append(set);
    }
    chart->addSeries(series);
    addAxes(chart, series, months,
            QCoreApplication::translate("mikomi::ui::charts::ChartBuilder", "Month created"),
            QCoreApplication::translate("mikomi::ui::charts::ChartBuilder", "Number of leads"),
            maxValue);
    return chart;
}

} // namespace mikomi::ui::charts
