#include "ui/chartbuilder.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QCategoryAxis>
#include <QChart>
#include <QCoreApplication>
#include <QCursor>
#include <QHorizontalBarSeries>
#include <QHorizontalStackedBarSeries>
#include <QLegendMarker>
#include <QLineSeries>
#include <QLocale>
#include <QPieSeries>
#include <QPieSlice>
#include <QStackedBarSeries>
#include <QToolTip>
#include <QValueAxis>

#include <algorithm>
#include <array>
#include <cmath>

namespace mikomi::ui::charts {
namespace {

// Okabe–Ito, without black (kept for text): blue, orange, bluish green, vermillion, sky blue,
// reddish purple, yellow, grey.
constexpr std::array<QRgb, 8> kPalette{0x0072B2, 0xE69F00, 0x009E73, 0xD55E00,
                                       0x56B4E9, 0xCC79A7, 0xF0E442, 0x999999};

// Up to this many bars, each carries its value.
constexpr int MaxLabelledBars = 36;
constexpr const char *kRowsProperty = "mikomiReportRows";
constexpr const char *kStageProperty = "mikomiStage";
constexpr const char *kCategoryProperty = "mikomiCategory";
constexpr const char *kSideProperty = "mikomiSide";
constexpr const char *kRowProperty = "mikomiReportRow";

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

QString percentText(double ratio) {
    return QCoreApplication::translate("mikomi::ui::charts::ChartBuilder", "%1%")
        .arg(QLocale().toString(ratio * 100, 'f', 1));
}

QChart *newChart(const QString &title) {
    auto *chart = new QChart;
    chart->setLocalizeNumbers(true); // axis labels in the locale's number format
    chart->setTitle(title);
    QFont f = chart->titleFont();
    f.setBold(true);
    chart->setTitleFont(f);
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->legend()->setVisible(true);
    chart->legend()->setAlignment(Qt::AlignBottom);
    return chart;
}

// Black or white, whichever reads better on `background`.
QColor textOn(const QColor &background) {
    const double l =
        0.299 * background.redF() + 0.587 * background.greenF() + 0.114 * background.blueF();
    return l > 0.55 ? QColor(Qt::black) : QColor(Qt::white);
}

void colour(QBarSet *set, const QColor &c) {
    set->setColor(c);
    set->setBorderColor(c.darker(120));
    set->setLabelColor(QColor(0x20, 0x20, 0x20)); // values are written beside the bar
}

// Which row of the report each bar of `set` shows (the Dashboard's drill-down).
void rememberRows(QBarSet *set, const QList<int> &rows) {
    QVariantList v;
    for (int r : rows)
        v << r;
    set->setProperty(kRowsProperty, v);
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

// Significant digits that print `maxValue` without an exponent and one decimal below 100.
int precisionFor(double maxValue) {
    const int digits = maxValue >= 1 ? int(std::floor(std::log10(maxValue))) + 1 : 1;
    return digits + (maxValue < 100 ? 1 : 0);
}

// Writes the values on the bars of `series` when `bars` bars leave room for them (upright
// above the bar when there are many).
void valueLabels(QAbstractBarSeries *series, int bars, double maxValue) {
    if (bars == 0 || bars > MaxLabelledBars)
        return;
    series->setLabelsVisible(true);
    series->setLabelsFormat(QStringLiteral("@value"));
    series->setLabelsPosition(QAbstractBarSeries::LabelsOutsideEnd);
    series->setLabelsPrecision(precisionFor(maxValue));
    if (bars > 10 && series->type() != QAbstractSeries::SeriesTypeHorizontalBar)
        series->setLabelsAngle(-90);
    if (bars > 12) { // thin bars: a smaller figure, so neighbours' labels do not touch
        for (QBarSet *set : series->barSets()) {
            QFont f = set->labelFont();
            f.setPointSizeF(f.pointSizeF() * (bars > 16 ? 0.65 : 0.75));
            set->setLabelFont(f);
        }
    }
}

// The sources on the left, one per line, written out in full and read top to bottom in the
// report's order (`categories` come bottom first, as a horizontal bar chart draws them).
QBarCategoryAxis *sourceAxis(const QStringList &categories, const QString &title) {
    auto *y = new QBarCategoryAxis;
    y->append(categories);
    y->setTitleText(title);
    y->setTitleVisible(!categories.isEmpty()); // an empty axis would leave its title adrift
    y->setTruncateLabels(false);
    y->setGridLineVisible(false);
    return y;
}

QValueAxis *valueAxis(const QString &title, double maxValue, bool labelled,
                      const QString &format = QStringLiteral("%.0f")) {
    auto *y = new QValueAxis;
    y->setTitleText(title);
    // Room above the highest bar for its label.
    y->setRange(0, maxValue > 0 ? maxValue * (labelled ? 1.25 : 1.1) : 1);
    y->setLabelFormat(format);
    y->applyNiceNumbers();
    // Whole numbers up to 10: a tick at each (not 0, 0.5, 1 … printed as 0, 1, 1).
    if (format == QLatin1String("%.0f") && y->max() <= 10) {
        const double top = std::max(1.0, std::ceil(y->max()));
        y->setRange(0, top);
        y->setTickCount(int(top) + 1);
    }
    return y;
}

void paintAxis(QAbstractAxis *axis, const QColor &c) {
    axis->setLabelsColor(c.darker(130));
    axis->setTitleBrush(c.darker(130));
    axis->setLinePenColor(c);
}

// Two quantities of different size per source, side by side, each on its own axis: `first`
// (upper bar of each source) on the bottom axis, `second` on the top one. Each series holds an
// empty set where the other's bar goes, so the bars stand side by side; the empty sets have no
// legend entry or labels.
void twoAxes(QChart *chart, QBarSet *first, QBarSet *second, int categories, QAbstractAxis *y,
             QValueAxis *xFirst, QValueAxis *xSecond, double firstMax, double secondMax) {
    auto *a = new QHorizontalBarSeries;
    auto *b = new QHorizontalBarSeries;
    auto *padA = new QBarSet(QString());
    auto *padB = new QBarSet(QString());
    for (int i = 0; i < categories; ++i) {
        padA->append(0);
        padB->append(0);
    }
    for (QBarSet *pad : {padA, padB}) {
        pad->setColor(Qt::transparent);
        pad->setBorderColor(Qt::transparent);
        pad->setLabelColor(Qt::transparent);
    }
    // In a horizontal series the first set is the lower bar.
    b->append(second);
    b->append(padB);
    a->append(padA);
    a->append(first);
    a->setBarWidth(0.95);
    b->setBarWidth(0.95);
    valueLabels(a, categories * 2, firstMax);
    valueLabels(b, categories * 2, secondMax);
    chart->addSeries(a);
    chart->addSeries(b);
    chart->addAxis(y, Qt::AlignLeft);
    chart->addAxis(xFirst, Qt::AlignBottom);
    chart->addAxis(xSecond, Qt::AlignTop);
    a->attachAxis(y);
    a->attachAxis(xFirst);
    b->attachAxis(y);
    b->attachAxis(xSecond);
    paintAxis(xFirst, first->color());
    paintAxis(xSecond, second->color());
    xSecond->setGridLineVisible(false);
    for (QLegendMarker *m : chart->legend()->markers(a))
        m->setVisible(m->label() == first->label());
    for (QLegendMarker *m : chart->legend()->markers(b))
        m->setVisible(m->label() == second->label());
}

} // namespace

int reportRow(const QBarSet *set, int index) {
    const QVariantList rows = set->property(kRowsProperty).toList();
    return index >= 0 && index < rows.size() ? rows.at(index).toInt() : -1;
}

Stage barStage(const QBarSet *set) {
    const QVariant v = set->property(kStageProperty);
    return v.isValid() ? Stage(v.toInt()) : Stage::Inquiry;
}

std::optional<SourceCategory> barCategory(const QBarSet *set) {
    const QVariant v = set->property(kCategoryProperty);
    return v.isValid() ? std::optional<SourceCategory>(SourceCategory(v.toInt())) : std::nullopt;
}

int comparisonSide(const QBarSet *set) {
    const QVariant v = set->property(kSideProperty);
    return v.isValid() ? v.toInt() : -1;
}

int sliceRow(const QPieSlice *slice) {
    const QVariant v = slice->property(kRowProperty);
    return v.isValid() ? v.toInt() : -1;
}

Stage funnelStage(int index) {
    return Stage(std::clamp(StageCount - 1 - index, 0, StageCount - 1));
}

QColor paletteColor(int i) {
    const int n = int(kPalette.size());
    const QColor base = QColor::fromRgb(kPalette[std::size_t(((i % n) + n) % n)]);
    const int round = i >= 0 ? i / n : 0;
    return round == 0 ? base : base.lighter(100 + 30 * round);
}

QColor categoryColor(SourceCategory c) {
    switch (c) {
    case SourceCategory::Inbound:
        return QColor::fromRgb(0x0072B2); // blue
    case SourceCategory::Outbound:
        return QColor::fromRgb(0xE69F00); // orange
    case SourceCategory::Paid:
        return QColor::fromRgb(0xD55E00); // vermillion
    case SourceCategory::Partnership:
        return QColor::fromRgb(0x009E73); // bluish green
    case SourceCategory::Event:
        return QColor::fromRgb(0xCC79A7); // reddish purple
    case SourceCategory::Unknown:
        return QColor::fromRgb(0x999999); // grey
    }
    return QColor(Qt::gray);
}

MoneyScale moneyScale(double maxMajor, Currency currency, const QLocale &locale) {
    MoneyScale s;
    const bool yen = currency == Currency::JPY;
    if (locale.language() == QLocale::Japanese) {
        const QString unit = yen ? QStringLiteral("円") : QStringLiteral("ドル");
        if (maxMajor >= 1e9) {
            s.divisor = 1e8;
            s.unit = QStringLiteral("億") + unit;
        } else if (maxMajor >= 1e4) { // "5.4 万円": five-digit labels collided on a 370 px panel
            s.divisor = 1e4;
            s.unit = QStringLiteral("万") + unit;
        } else {
            s.unit = unit;
        }
        return s;
    }
    const QString symbol = yen ? QStringLiteral("¥") : QStringLiteral("$");
    if (maxMajor >= 1e6) { // "3.7 ¥M": "1,000 2,000 …" ¥K collided on a 370 px panel
        s.divisor = 1e6;
        s.unit = symbol + QStringLiteral("M");
    } else if (maxMajor >= 1e4) {
        s.divisor = 1e3;
        s.unit = symbol + QStringLiteral("K");
    } else {
        s.unit = symbol;
    }
    return s;
}

QString monthLabel(qint32 month, bool withYear, const QLocale &locale) {
    const int year = month / 12;
    const int m = month % 12 + 1;
    if (locale.language() == QLocale::Japanese)
        return withYear ? QStringLiteral("%1年%2月").arg(year).arg(m)
                        : QStringLiteral("%1月").arg(m);
    const QString name = QLocale(QLocale::English).monthName(m, QLocale::ShortFormat);
    return withYear ? QStringLiteral("%1 %2").arg(name).arg(year) : name;
}

QString selectionName(const analytics::SourceReport &report,
                      const analytics::FunnelSelection &selection) {
    if (selection.all)
        return QCoreApplication::translate("mikomi::ui::charts::ChartBuilder", "All sources");
    if (selection.category)
        return categoryLabel(*selection.category);
    if (selection.unknown)
        return QCoreApplication::translate("mikomi::ui::charts::ChartBuilder", "Unknown");
    const analytics::SourceRow *row = analytics::selectedRow(report, selection);
    return row ? rowName(*row) : QString();
}

QChart *leadsAndCustomers(const analytics::SourceReport &report) {
    QChart *chart = newChart(QCoreApplication::translate("mikomi::ui::charts::ChartBuilder",
                                                         "Leads and customers by source"));
    auto *leads =
        new QBarSet(QCoreApplication::translate("mikomi::ui::charts::ChartBuilder", "Leads"));
    auto *customers =
        new QBarSet(QCoreApplication::translate("mikomi::ui::charts::ChartBuilder", "Customers"));
    colour(leads, paletteColor(0));
    colour(customers, paletteColor(3));
    QStringList categories;
    QList<int> rows;
    double maxLeads = 0;
    double maxCustomers = 0;
    for (int i = int(report.sources.size()) - 1; i >= 0; --i) {
        const analytics::SourceRow &r = report.sources[std::size_t(i)];
        categories << rowName(r);
        rows << i;
        leads->append(double(r.funnel.leads));
        customers->append(r.funnel.customer);
        maxLeads = std::max(maxLeads, double(r.funnel.leads));
        maxCustomers = std::max(maxCustomers, r.funnel.customer);
    }
    rememberRows(leads, rows);
    rememberRows(customers, rows);
    customers->setProperty(kStageProperty, int(Stage::Customer));
    const auto number = [](double v) { return countText(v); };
    tooltips(leads, categories, number);
    tooltips(customers, categories, number);
    const bool labelled = categories.size() * 2 <= MaxLabelledBars;
    const bool wholeCustomers = std::all_of(
        report.sources.begin(), report.sources.end(), [](const analytics::SourceRow &r) {
            return r.funnel.customer == std::floor(r.funnel.customer);
        });
    twoAxes(chart, leads, customers, int(categories.size()),
            sourceAxis(categories,
                       QCoreApplication::translate("mikomi::ui::charts::ChartBuilder", "Source")),
            valueAxis(QCoreApplication::translate("mikomi::ui::charts::ChartBuilder", "Leads"),
                      maxLeads, labelled),
            valueAxis(QCoreApplication::translate("mikomi::ui::charts::ChartBuilder", "Customers"),
                      std::max(maxCustomers, 1.0), labelled,
                      wholeCustomers || maxCustomers >= 10 ? QStringLiteral("%.0f")
                                                           : QStringLiteral("%.1f")),
            maxLeads, maxCustomers);
    return chart;
}

QChart *costPerSource(const analytics::SourceReport &report, Currency currency) {
    QChart *chart = newChart(
        QCoreApplication::translate("mikomi::ui::charts::ChartBuilder", "CPL and CAC by source"));
    auto *cpl = new QBarSet(QCoreApplication::translate("mikomi::ui::charts::ChartBuilder", "CPL"));
    auto *cac = new QBarSet(QCoreApplication::translate("mikomi::ui::charts::ChartBuilder", "CAC"));
    colour(cpl, paletteColor(4));
    colour(cac, paletteColor(1));
    QStringList categories;
    QList<int> rows;
    std::vector<double> cpls;
    std::vector<double> cacs;
    const double major = minorUnits(currency);
    for (int i = int(report.sources.size()) - 1; i >= 0; --i) {
        const analytics::SourceRow &r = report.sources[std::size_t(i)];
        if (r.isUnknown)
            continue;
        categories << rowName(r);
        rows << i;
        cpls.push_back(r.metrics.cpl.value_or(0) / major);
        cacs.push_back(r.metrics.cac.value_or(0) / major);
    }
    const double maxCpl = cpls.empty() ? 0 : *std::max_element(cpls.begin(), cpls.end());
    const double maxCac = cacs.empty() ? 0 : *std::max_element(cacs.begin(), cacs.end());
    // Each on its own axis, in its own unit (CPL in 万円 while CAC is in 億円).
    const MoneyScale cplScale = moneyScale(maxCpl, currency);
    const MoneyScale cacScale = moneyScale(maxCac, currency);
    // In the axis' unit, to the decimals its largest figure is labelled with (one below 100,
    // none above): a CPL of ¥9,870.2 beside ¥17,206 reads ¥9,870.
    const auto rounded = [](double v, double max) {
        return max < 100 ? std::round(v * 10) / 10 : std::round(v);
    };
    for (double v : cpls)
        cpl->append(rounded(v / cplScale.divisor, maxCpl / cplScale.divisor));
    for (double v : cacs)
        cac->append(rounded(v / cacScale.divisor, maxCac / cacScale.divisor));
    rememberRows(cpl, rows);
    rememberRows(cac, rows);
    const auto money = [currency, major](double divisor) {
        return [currency, major, divisor](double v) {
            return formatMoney(Money(std::llround(v * divisor * major)), currency);
        };
    };
    tooltips(cpl, categories, money(cplScale.divisor));
    tooltips(cac, categories, money(cacScale.divisor));
    const bool labelled = categories.size() * 2 <= MaxLabelledBars;
    const auto format = [](double max) {
        return max < 10 ? QStringLiteral("%.1f") : QStringLiteral("%.0f");
    };
    const double cplMax = maxCpl / cplScale.divisor;
    const double cacMax = maxCac / cacScale.divisor;
    twoAxes(chart, cpl, cac, int(categories.size()),
            sourceAxis(categories,
                       QCoreApplication::translate("mikomi::ui::charts::ChartBuilder", "Source")),
            valueAxis(QCoreApplication::translate("mikomi::ui::charts::ChartBuilder", "CPL (%1)")
                          .arg(cplScale.unit),
                      cplMax, labelled, format(cplMax)),
            valueAxis(QCoreApplication::translate("mikomi::ui::charts::ChartBuilder", "CAC (%1)")
                          .arg(cacScale.unit),
                      cacMax, labelled, format(cacMax)),
            cplMax, cacMax);
    return chart;
}

QChart *ltvCac(const analytics::SourceReport &report) {
    QChart *chart = newChart(QCoreApplication::translate("mikomi::ui::charts::ChartBuilder",
                                                         "LTV:CAC by source (target 3:1)"));
    auto *set =
        new QBarSet(QCoreApplication::translate("mikomi::ui::charts::ChartBuilder", "LTV:CAC"));
    colour(set, paletteColor(2));
    QStringList categories;
    QList<int> rows;
    double maxValue = 3;
    for (int i = int(report.sources.size()) - 1; i >= 0; --i) {
        const analytics::SourceRow &r = report.sources[std::size_t(i)];
        if (r.isUnknown || !r.metrics.ltvCac)
            continue;
        categories << rowName(r);
        rows << i;
        set->append(*r.metrics.ltvCac);
        maxValue = std::max(maxValue, *r.metrics.ltvCac);
    }
    rememberRows(set, rows);
    tooltips(set, categories, [](double v) { return QLocale().toString(v, 'f', 2); });
    // Nothing to draw: the legend says why, as the Budget's chart does for a window without
    // spend (an empty frame looked broken).
    const bool empty = categories.isEmpty();
    if (empty)
        set->setLabel(report.totals.customer > 0
                          ? QCoreApplication::translate("mikomi::ui::charts::ChartBuilder",
                                                        "LTV:CAC (spend or deal values missing)")
                          : QCoreApplication::translate("mikomi::ui::charts::ChartBuilder",
                                                        "LTV:CAC (no customers in the period)"));
    auto *series = new QHorizontalBarSeries;
    series->append(set);
    valueLabels(series, int(categories.size()), 10); // one decimal
    chart->addSeries(series);
    auto *y = sourceAxis(categories,
                         QCoreApplication::translate("mikomi::ui::charts::ChartBuilder", "Source"));
    auto *x = valueAxis(QCoreApplication::translate("mikomi::ui::charts::ChartBuilder", "LTV:CAC"),
                        maxValue, true, QStringLiteral("%.1f"));
    chart->addAxis(y, Qt::AlignLeft);
    chart->addAxis(x, Qt::AlignBottom);
    series->attachAxis(y);
    series->attachAxis(x);
    // The 3:1 reference line across the sources.
    auto *line = new QLineSeries;
    line->setName(QCoreApplication::translate("mikomi::ui::charts::ChartBuilder", "3:1 reference"));
    const double end = double(std::max<qsizetype>(categories.size(), 1)) - 0.5;
    line->append(3, -0.5);
    line->append(3, end);
    QPen pen(QColor::fromRgb(0xD55E00));
    pen.setStyle(Qt::DashLine);
    pen.setWidth(2);
    line->setPen(pen);
    chart->addSeries(line);
    if (empty) // the note alone in the legend (the title names the target)
        chart->legend()->markers(line).first()->setVisible(false);
    auto *hidden = new QValueAxis;
    hidden->setRange(-0.5, end);
    hidden->setVisible(false);
    chart->addAxis(hidden, Qt::AlignRight);
    line->attachAxis(x);
    line->attachAxis(hidden);
    return chart;
}

QChart *shareOfLeads(const analytics::SourceReport &report) {
    QChart *chart = newChart(QCoreApplication::translate("mikomi::ui::charts::ChartBuilder",
                                                         "Share of leads by source"));
    chart->legend()->setAlignment(Qt::AlignRight);
    auto *series = new QPieSeries;
    series->setHoleSize(0.4);
    series->setPieSize(0.85);
    chart->addSeries(series);
    int i = 0;
    for (std::size_t row = 0; row < report.sources.size(); ++row) {
        const analytics::SourceRow &r = report.sources[row];
        if (r.funnel.leads == 0)
            continue;
        const double share = r.metrics.share.value_or(0);
        QPieSlice *slice = series->append(percentText(share), double(r.funnel.leads));
        const QColor c = r.isUnknown ? QColor::fromRgb(0xBBBBBB) : paletteColor(i++);
        slice->setColor(c);
        slice->setBorderColor(Qt::white);
        slice->setLabelColor(textOn(c));
        slice->setLabelPosition(QPieSlice::LabelInsideNormal);
        // Smaller slices: in the tooltip (at 3.6% a label ran into its neighbours' at 1024 px).
        slice->setLabelVisible(share >= 0.04);
        slice->setProperty(kRowProperty, int(row));
        const QString text =
            QCoreApplication::translate("mikomi::ui::charts::ChartBuilder", "%1: %2 leads (%3%)")
                .arg(rowName(r), QLocale().toString(r.funnel.leads),
                     QLocale().toString(share * 100, 'f', 1));
        QObject::connect(slice, &QPieSlice::hovered, slice, [slice, text](bool state) {
            slice->setExploded(state);
            if (state)
                QToolTip::showText(QCursor::pos(), text);
            else
                QToolTip::hideText();
        });
        // The legend names the source; the slice shows its share.
        const QList<QLegendMarker *> markers = chart->legend()->markers(series);
        markers.last()->setLabel(rowName(r));
    }
    return chart;
}

QChart *funnel(const analytics::SourceReport &report, const analytics::FunnelSelection &selection) {
    const analytics::StageFunnel f = analytics::stageFunnel(report, selection);
    const QString name = selectionName(report, selection);
    const std::optional<double> l2c = f.leadToCustomer();
    QChart *chart = newChart(l2c ? QCoreApplication::translate("mikomi::ui::charts::ChartBuilder",
                                                               "Funnel: %1 (lead → customer %2)")
                                       .arg(name, percentText(*l2c))
                                 : QCoreApplication::translate("mikomi::ui::charts::ChartBuilder",
                                                               "Conversion funnel: %1")
                                       .arg(name));
    chart->legend()->setVisible(false);
    // Centred bars: a transparent pad either side of each stage's bar.
    auto *padLeft = new QBarSet(QString());
    auto *set = new QBarSet(QCoreApplication::translate("mikomi::ui::charts::ChartBuilder",
                                                        "Leads that reached the stage"));
    auto *padRight = new QBarSet(QString());
    const double top = f.at(Stage::Inquiry);
    // Bottom first, as a horizontal bar chart draws them: customers … leads.
    QStringList categories;
    for (int s = StageCount - 1; s >= 0; --s) {
        const auto stage = Stage(s);
        const double v = f.at(stage);
        padLeft->append((top - v) / 2);
        set->append(v);
        padRight->append((top - v) / 2);
        const QString label =
            s == 0 ? QCoreApplication::translate("mikomi::ui::charts::ChartBuilder", "Leads")
                   : stageLabel(stage);
        const std::optional<double> step = f.stepRate(stage);
        categories << (step ? QCoreApplication::translate("mikomi::ui::charts::ChartBuilder",
                                                          "%1 ↓ %2", "stage, step rate")
                                  .arg(label, percentText(*step))
                            : label);
    }
    for (QBarSet *pad : {padLeft, padRight}) {
        pad->setColor(Qt::transparent);
        pad->setBorderColor(Qt::transparent);
        pad->setLabelColor(Qt::transparent);
    }
    colour(set, paletteColor(4));
    set->setLabelColor(Qt::black);
    set->setProperty(kSideProperty, 0); // the selection's own stages (comparisonSide)
    // Customers of one source are attribution credit: fractional under multi-touch models.
    const bool credit = !selection.all && report.attribution != analytics::Attribution::First;
    QObject::connect(set, &QBarSet::hovered, set, [set, f, credit](bool status, int index) {
        if (!status || index < 0 || index >= StageCount) {
            QToolTip::hideText();
            return;
        }
        const double v = set->at(index);
        index = int(funnelStage(index));
        const QString stage =
            index == 0 ? QCoreApplication::translate("mikomi::ui::charts::ChartBuilder", "Leads")
                       : stageLabel(Stage(index));
        QString text =
            QCoreApplication::translate("mikomi::ui::charts::ChartBuilder", "%1: %2 leads")
                .arg(stage, countText(v));
        const double leads = f.at(Stage::Inquiry);
        if (index > 0 && leads > 0)
            text +=
                QStringLiteral(" (") +
                QCoreApplication::translate("mikomi::ui::charts::ChartBuilder", "%1% of the leads")
                    .arg(QLocale().toString(v / leads * 100, 'f', 1)) +
                QStringLiteral(")");
        if (const auto step = f.stepRate(Stage(index)))
            text += QStringLiteral("\n") +
                    QCoreApplication::translate("mikomi::ui::charts::ChartBuilder",
                                                "↓ %1 of the stage above")
                        .arg(percentText(*step));
        if (credit && index == int(Stage::Customer))
            text += QStringLiteral("\n") +
                    QCoreApplication::translate("mikomi::ui::charts::ChartBuilder",
                                                "Customers are credited by the attribution model.");
        QToolTip::showText(QCursor::pos(), text);
    });
    auto *series = new QHorizontalStackedBarSeries;
    series->append(padLeft);
    series->append(set);
    series->append(padRight);
    series->setBarWidth(0.8);
    series->setLabelsVisible(true);
    series->setLabelsFormat(QStringLiteral("@value"));
    series->setLabelsPosition(QAbstractBarSeries::LabelsCenter);
    series->setLabelsPrecision(precisionFor(top));
    chart->addSeries(series);
    auto *y = new QBarCategoryAxis;
    y->append(categories);
    y->setGridLineVisible(false);
    // "Opportunity ↓ 40.0%" in full in a narrow panel, so no axis title beside it (the tooltip
    // says what the rate is).
    y->setTruncateLabels(false);
    auto *x = new QValueAxis;
    x->setRange(0, top > 0 ? top : 1);
    x->setVisible(false);
    chart->addAxis(y, Qt::AlignLeft);
    chart->addAxis(x, Qt::AlignBottom);
    series->attachAxis(y);
    series->attachAxis(x);
    return chart;
}

QChart *funnelComparison(const analytics::SourceReport &report,
                         const analytics::FunnelSelection &first,
                         const analytics::FunnelSelection &second) {
    // Lead → customer of both in the title; the legend names them with their leads.
    const auto rate = [&report](const analytics::FunnelSelection &sel) {
        const std::optional<double> r = analytics::stageFunnel(report, sel).leadToCustomer();
        return r ? percentText(*r) : QStringLiteral("—");
    };
    QChart *chart = newChart(QCoreApplication::translate("mikomi::ui::charts::ChartBuilder",
                                                         "Lead → customer: %1 %2, %3 %4")
                                 .arg(selectionName(report, first), rate(first),
                                      selectionName(report, second), rate(second)));
    auto *series = new QHorizontalBarSeries;
    // Bottom first: customers … leads. Each stage names the step rates of both funnels under
    // it, in the colours of their bars, first then second as in the legend ("—" where the
    // stage above has no leads); the tooltips keep the rest.
    const analytics::StageFunnel funnels[2] = {analytics::stageFunnel(report, first),
                                               analytics::stageFunnel(report, second)};
    const auto stepText = [&funnels](int side, Stage stage) {
        const std::optional<double> step = funnels[side].stepRate(stage);
        return QStringLiteral("<span style=\"color:%1\">%2</span>")
            .arg(paletteColor(side).darker(135).name(),
                 step ? percentText(*step) : QStringLiteral("—"));
    };
    QStringList categories; // plain, for the tooltips
    QStringList axisLabels;
    for (int s = StageCount - 1; s >= 0; --s) {
        const QString label =
            s == 0 ? QCoreApplication::translate("mikomi::ui::charts::ChartBuilder", "Leads")
                   : stageLabel(Stage(s));
        categories << label;
        axisLabels << (s == 0 ? label.toHtmlEscaped()
                              : QCoreApplication::translate("mikomi::ui::charts::ChartBuilder",
                                                            "%1<br>↓ %2 · %3",
                                                            "stage, step rates of the first "
                                                            "and the second funnel")
                                    .arg(label.toHtmlEscaped(), stepText(0, Stage(s)),
                                         stepText(1, Stage(s))));
    }
    int i = 0;
    for (const analytics::FunnelSelection &sel : {first, second}) {
        const analytics::StageFunnel f = analytics::stageFunnel(report, sel);
        const double leads = f.at(Stage::Inquiry);
        auto *set = new QBarSet(
            QCoreApplication::translate("mikomi::ui::charts::ChartBuilder", "%1 (%2 leads)")
                .arg(selectionName(report, sel), countText(leads)));
        colour(set, paletteColor(i == 0 ? 0 : 1));
        set->setProperty(kSideProperty, i);
        for (int s = StageCount - 1; s >= 0; --s)
            set->append(leads > 0 ? f.at(Stage(s)) / leads * 100 : 0);
        QObject::connect(
            set, &QBarSet::hovered, set,
            [f, categories, name = selectionName(report, sel)](bool status, int index) {
                if (!status || index < 0 || index >= StageCount) {
                    QToolTip::hideText();
                    return;
                }
                QString text =
                    QCoreApplication::translate("mikomi::ui::charts::ChartBuilder", "%1, %2: %3")
                        .arg(name, categories.at(index),
                             countText(f.at(Stage(StageCount - 1 - index))));
                if (const auto step = f.stepRate(Stage(StageCount - 1 - index)))
                    text += QStringLiteral(" (↓ %1)").arg(percentText(*step));
                QToolTip::showText(QCursor::pos(), text);
            });
        series->append(set);
        ++i;
    }
    series->setLabelsVisible(true);
    series->setLabelsFormat(QCoreApplication::translate("mikomi::ui::charts::ChartBuilder",
                                                        "@value%", "a bar's label"));
    series->setLabelsPosition(QAbstractBarSeries::LabelsOutsideEnd);
    series->setLabelsPrecision(3);
    chart->addSeries(series);
    auto *y = new QBarCategoryAxis;
    y->append(axisLabels);
    y->setTruncateLabels(false);
    auto *x = new QValueAxis;
    x->setRange(0, 120);
    x->setTickCount(7);
    x->setLabelFormat(QStringLiteral("%.0f"));
    x->setTitleText(
        QCoreApplication::translate("mikomi::ui::charts::ChartBuilder", "% of its leads"));
    chart->addAxis(y, Qt::AlignLeft);
    chart->addAxis(x, Qt::AlignBottom);
    series->attachAxis(y);
    series->attachAxis(x);
    return chart;
}

QChart *leadsPerMonth(const analytics::MonthlyByCategory &monthly) {
    QChart *chart = newChart(QCoreApplication::translate("mikomi::ui::charts::ChartBuilder",
                                                         "Leads per month by category"));
    chart->legend()->setAlignment(Qt::AlignRight);
    QFont legendFont = chart->legend()->font(); // "パートナー・紹介" in full in a narrow panel
    legendFont.setPointSizeF(legendFont.pointSizeF() * 0.85);
    chart->legend()->setFont(legendFont);
    const int n = int(monthly.months.size());
    QStringList months; // with the year, for tooltips
    for (qint32 m : monthly.months)
        months << monthLabel(m, true);
    std::vector<qint64> totals;
    double maxValue = 0;
    for (std::size_t i = 0; i < monthly.months.size(); ++i) {
        totals.push_back(monthly.monthTotal(i));
        maxValue = std::max(maxValue, double(totals.back()));
    }
    auto *series = new QStackedBarSeries;
    for (SourceCategory c : monthly.categoriesWithLeads()) {
        auto *set = new QBarSet(categoryLabel(c));
        colour(set, categoryColor(c));
        set->setProperty(kCategoryProperty, int(c));
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
    // At most 8 month labels, each under its bar.
    auto *x = new QCategoryAxis;
    x->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    x->setRange(-0.5, std::max(n, 1) - 0.5);
    x->setStartValue(-0.5);
    x->setGridLineVisible(false);
    x->setTitleText(
        QCoreApplication::translate("mikomi::ui::charts::ChartBuilder", "Month created"));
    const int step = std::max(1, (n + 7) / 8);
    // Up to a year: the month, with the year where it changes; longer: 2026/05 (a month name
    // would repeat, and an axis drops a repeated label).
    for (int i = 0, year = -1; i < n; i += step) {
        const qint32 m = monthly.months[std::size_t(i)];
        x->append(n > 12
                      ? QStringLiteral("%1/%2").arg(m / 12).arg(m % 12 + 1, 2, 10, QLatin1Char('0'))
                      : monthLabel(m, m / 12 != year),
                  i);
        year = m / 12;
    }
    x->setLabelsAngle(n / step > 6 ? -45 : 0);
    x->setTruncateLabels(false);
    auto *y = valueAxis(
        QCoreApplication::translate("mikomi::ui::charts::ChartBuilder", "Number of leads"),
        maxValue, false);
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    series->attachAxis(x);
    series->attachAxis(y);
    return chart;
}

} // namespace mikomi::ui::charts
