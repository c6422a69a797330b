#include "models/analytics/matrix.h"

#include <QCoreApplication>
#include <QLocale>

#include <algorithm>

namespace mikomi::analytics {
namespace {

constexpr LevelRange lv(Level a, Level b) {
    return {a, b};
}
constexpr LevelRange lv(Level a) {
    return {a, a};
}
constexpr SpeedRange sp(Speed a, Speed b) {
    return {a, b};
}
constexpr SpeedRange sp(Speed a) {
    return {a, a};
}

template <typename T> Range<T> unite(Range<T> a, Range<T> b) {
    return {std::min(a.low, b.low), std::max(a.high, b.high)};
}

// The five named categories share the volume of leads evenly as the reference.
constexpr double kNamedCategories = 5.0;

std::optional<double> ratio(std::optional<double> value, std::optional<double> reference) {
    if (!value || !reference || *reference == 0)
        return std::nullopt;
    return *value / *reference;
}

MatrixCell measure(Dimension d, std::optional<double> value, std::optional<double> reference,
                   const std::optional<CategoryDefault> &def) {
    MatrixCell cell;
    cell.value = value;
    cell.ratio = ratio(value, reference);
    if (!cell.ratio)
        return cell;
    const int level = levelOfRatio(d, *cell.ratio);
    cell.level = level;
    if (!def) {
        cell.agreement = Agreement::NoDefault;
        return cell;
    }
    int low = 0;
    int high = 0;
    switch (d) {
    case Dimension::Volume:
        low = int(def->volume.low), high = int(def->volume.high);
        break;
    case Dimension::Quality:
        low = int(def->quality.low), high = int(def->quality.high);
        break;
    case Dimension::Speed:
        low = int(def->speed.low), high = int(def->speed.high);
        break;
    case Dimension::Cost:
        low = int(def->cost.low), high = int(def->cost.high);
        break;
    }
    cell.agreement =
        level > high ? Agreement::Above : (level < low ? Agreement::Below : Agreement::Agrees);
    return cell;
}

void fill(MatrixRow &row, const Metrics &m, std::optional<double> volumeRatio,
          const SourceMatrix &refs) {
    row.defaults = categoryDefault(row.category);
    // Volume: the share of leads is the value; the ratio to an even split decides the level.
    MatrixCell &volume = row.cells[int(Dimension::Volume)];
    volume.value = m.share;
    volume.ratio = volumeRatio;
    if (volumeRatio) {
        const MatrixCell c = measure(Dimension::Volume, *volumeRatio, 1.0, row.defaults);
        volume.level = c.level;
        volume.agreement = c.agreement;
    }
    row.cells[int(Dimension::Quality)] =
        measure(Dimension::Quality, m.leadToCustomer, refs.leadToCustomer, row.defaults);
    row.cells[int(Dimension::Speed)] =
        measure(Dimension::Speed, m.medianDaysToClose, refs.medianDays, row.defaults);
    row.cells[int(Dimension::Cost)] = measure(Dimension::Cost, m.cpl, refs.cpl, row.defaults);
}

} // namespace

const std::vector<SeedMatrixRow> &seedMatrix() {
    using L = Level;
    using S = Speed;
    // Seed 004, "ソース比較マトリックス": ボリュームポテンシャル, 品質ポテンシャル, 結果までの速度,
    // コストレベル, 最適な用途.
    static const std::vector<SeedMatrixRow> rows{
        {QT_TRANSLATE_NOOP("mikomi::analytics::Matrix", "Organic search"), "オーガニック検索",
         SourceCategory::Inbound, lv(L::High), lv(L::High), sp(S::Slow),
         QT_TRANSLATE_NOOP("mikomi::analytics::Matrix", "Slow (3–6 months)"), lv(L::Low),
         QT_TRANSLATE_NOOP("mikomi::analytics::Matrix", "Long-term growth")},
        {QT_TRANSLATE_NOOP("mikomi::analytics::Matrix", "Content / inbound"),
         "コンテンツ/インバウンド", SourceCategory::Inbound, lv(L::Medium, L::High), lv(L::High),
         sp(S::Slow), QT_TRANSLATE_NOOP("mikomi::analytics::Matrix", "Slow (2–6 months)"),
         lv(L::Medium), QT_TRANSLATE_NOOP("mikomi::analytics::Matrix", "Educating buyers")},
        {QT_TRANSLATE_NOOP("mikomi::analytics::Matrix", "Paid search"), "有料検索",
         SourceCategory::Paid, lv(L::High), lv(L::Medium, L::High), sp(S::Fast),
         QT_TRANSLATE_NOOP("mikomi::analytics::Matrix", "Fast (days)"), lv(L::High),
         QT_TRANSLATE_NOOP("mikomi::analytics::Matrix", "Immediate pipeline")},
        {QT_TRANSLATE_NOOP("mikomi::analytics::Matrix", "Paid social"), "有料ソーシャル",
         SourceCategory::Paid, lv(L::High), lv(L::Medium), sp(S::Fast),
         QT_TRANSLATE_NOOP("mikomi::analytics::Matrix", "Fast (days)"), lv(L::Medium, L::High),
         QT_TRANSLATE_NOOP("mikomi::analytics::Matrix", "Awareness and demand generation")},
        {QT_TRANSLATE_NOOP("mikomi::analytics::Matrix", "Outbound / cold"),
         "アウトバウンド/コールド", SourceCategory::Outbound, lv(L::Medium), lv(L::Low, L::Medium),
         sp(S::Fast, S::Medium),
         QT_TRANSLATE_NOOP("mikomi::analytics::Matrix", "Fast (days to weeks)"), lv(L::Medium),
         QT_TRANSLATE_NOOP("mikomi::analytics::Matrix", "Specific targeting")},
        {QT_TRANSLATE_NOOP("mikomi::analytics::Matrix", "Referrals"), "紹介",
         SourceCategory::Partnership, lv(L::Low, L::Medium), lv(L::VeryHigh), sp(S::Fast, S::Slow),
         QT_TRANSLATE_NOOP("mikomi::analytics::Matrix", "Varies"), lv(L::Low, L::Medium),
         QT_TRANSLATE_NOOP("mikomi::analytics::Matrix", "Trust-based selling")},
        {QT_TRANSLATE_NOOP("mikomi::analytics::Matrix", "Events"), "イベント",
         SourceCategory::Event, lv(L::Medium), lv(L::Medium, L::High), sp(S::Fast),
         QT_TRANSLATE_NOOP("mikomi::analytics::Matrix", "Fast to follow up"), lv(L::High),
         QT_TRANSLATE_NOOP("mikomi::analytics::Matrix", "Relationship building")},
        {QT_TRANSLATE_NOOP("mikomi::analytics::Matrix", "Partnerships"), "パートナーシップ",
         SourceCategory::Partnership, lv(L::Low, L::Medium), lv(L::High), sp(S::Slow),
         QT_TRANSLATE_NOOP("mikomi::analytics::Matrix", "Slow (3+ months)"), lv(L::Low, L::Medium),
         QT_TRANSLATE_NOOP("mikomi::analytics::Matrix", "New market access")},
    };
    return rows;
}

std::optional<CategoryDefault> categoryDefault(SourceCategory c) {
    std::optional<CategoryDefault> out;
    for (const SeedMatrixRow &r : seedMatrix()) {
        if (r.category != c)
            continue;
        if (!out) {
            out = CategoryDefault{r.volume, r.quality, r.speed, r.cost};
            continue;
        }
        out->volume = unite(out->volume, r.volume);
        out->quality = unite(out->quality, r.quality);
        out->speed = unite(out->speed, r.speed);
        out->cost = unite(out->cost, r.cost);
    }
    return out;
}

QString levelLabel(Level l) {
    switch (l) {
    case Level::Low:
        return QCoreApplication::translate("mikomi::analytics::Matrix", "Low",
                                           "level in the source comparison matrix");
    case Level::Medium:
        return QCoreApplication::translate("mikomi::analytics::Matrix", "Medium",
                                           "level in the source comparison matrix");
    case Level::High:
        return QCoreApplication::translate("mikomi::analytics::Matrix", "High",
                                           "level in the source comparison matrix");
    case Level::VeryHigh:
        return QCoreApplication::translate("mikomi::analytics::Matrix", "Very high",
                                           "level in the source comparison matrix");
    }
    return {};
}

QString seedText(const char *text) {
    return QCoreApplication::translate("mikomi::analytics::Matrix", text);
}

QString levelRangeLabel(LevelRange r) {
    if (r.low == r.high)
        return levelLabel(r.low);
    static const char *const pairs[4][4] = {
        {nullptr, QT_TRANSLATE_NOOP("mikomi::analytics::Matrix", "Low–medium"),
         QT_TRANSLATE_NOOP("mikomi::analytics::Matrix", "Low–high"),
         QT_TRANSLATE_NOOP("mikomi::analytics::Matrix", "Low–very high")},
        {nullptr, nullptr, QT_TRANSLATE_NOOP("mikomi::analytics::Matrix", "Medium–high"),
         QT_TRANSLATE_NOOP("mikomi::analytics::Matrix", "Medium–very high")},
        {nullptr, nullptr, nullptr,
         QT_TRANSLATE_NOOP("mikomi::analytics::Matrix", "High–very high")},
        {nullptr, nullptr, nullptr, nullptr},
    };
    const Level a = std::min(r.low, r.high);
    const Level b = std::max(r.low, r.high);
    return QCoreApplication::translate("mikomi::analytics::Matrix", pairs[int(a)][int(b)]);
}

QString speedLabel(Speed s) {
    switch (s) {
    case Speed::Fast:
        return QCoreApplication::translate("mikomi::analytics::Matrix", "Fast",
                                           "speed in the source comparison matrix");
    case Speed::Medium:
        return QCoreApplication::translate("mikomi::analytics::Matrix", "Medium",
                                           "speed in the source comparison matrix");
    case Speed::Slow:
        return QCoreApplication::translate("mikomi::analytics::Matrix", "Slow",
                                           "speed in the source comparison matrix");
    }
    return {};
}

QString speedRangeLabel(SpeedRange r) {
    if (r.low == r.high)
        return speedLabel(r.low);
    if (r.low == Speed::Fast && r.high == Speed::Slow)
        return QCoreApplication::translate("mikomi::analytics::Matrix", "Varies",
                                           "speed in the source comparison matrix");
    if (r.low == Speed::Fast)
        return QCoreApplication::translate("mikomi::analytics::Matrix", "Fast–medium",
                                           "speed in the source comparison matrix");
    return QCoreApplication::translate("mikomi::analytics::Matrix", "Medium–slow",
                                       "speed in the source comparison matrix");
}

QString dimensionLabel(Dimension d) {
    switch (d) {
    case Dimension::Volume:
        return QCoreApplication::translate("mikomi::analytics::Matrix", "Volume");
    case Dimension::Quality:
        return QCoreApplication::translate("mikomi::analytics::Matrix", "Quality");
    case Dimension::Speed:
        return QCoreApplication::translate("mikomi::analytics::Matrix", "Speed");
    case Dimension::Cost:
        return QCoreApplication::translate("mikomi::analytics::Matrix", "Cost level");
    }
    return {};
}

int levelOfRatio(Dimension d, double r) {
    if (d == Dimension::Speed) {
        if (r < 2.0 / 3.0)
            return int(Speed::Fast);
        return r <= 1.5 ? int(Speed::Medium) : int(Speed::Slow);
    }
    if (r < 2.0 / 3.0)
        return int(Level::Low);
    if (r <= 1.5)
        return int(Level::Medium);
    return r <= 3.0 ? int(Level::High) : int(Level::VeryHigh);
}

bool MatrixRow::disagrees() const {
    return std::any_of(std::begin(cells), std::end(cells), [](const MatrixCell &c) {
        return c.agreement == Agreement::Above || c.agreement == Agreement::Below;
    });
}

SourceMatrix computeSourceMatrix(const SourceReport &report) {
    SourceMatrix matrix;
    matrix.leadToCustomer = report.totals.metrics.leadToCustomer;
    matrix.medianDays = report.totals.metrics.medianDaysToClose;
    matrix.cpl = report.totals.metrics.cpl;

    for (const GroupRow &g : report.byCategory) {
        if (!g.category)
            continue;
        MatrixRow row;
        row.category = *g.category;
        row.leads = g.funnel.leads;
        if (row.category == SourceCategory::Unknown && g.funnel.leads == 0 && g.funnel.spend == 0)
            continue;
        const std::optional<double> volume =
            g.metrics.share ? std::optional<double>(*g.metrics.share * kNamedCategories)
                            : std::nullopt;
        fill(row, g.metrics, volume, matrix);
        matrix.categories.push_back(std::move(row));
    }

    // Sources: volume against the mean of the named sources that have leads.
    qint64 namedLeads = 0;
    int namedWithLeads = 0;
    for (const SourceRow &s : report.sources) {
        if (!s.isUnknown && s.funnel.leads > 0) {
            namedLeads += s.funnel.leads;
            ++namedWithLeads;
        }
    }
    const std::optional<double> meanLeads =
        namedWithLeads > 0 ? std::optional<double>(double(namedLeads) / namedWithLeads)
                           : std::nullopt;
    for (const SourceRow &s : report.sources) {
        MatrixRow row;
        row.category = s.category;
        row.isSource = true;
        row.isUnknown = s.isUnknown;
        row.sourceIndex = s.sourceIndex;
        row.name = s.name;
        row.leads = s.funnel.leads;
        fill(row, s.metrics, ratio(double(s.funnel.leads), meanLeads), matrix);
        matrix.sources.push_back(std::move(row));
    }
    return matrix;
}

QString agreementText(const MatrixRow &row, Dimension d) {
    const MatrixCell &c = row.cell(d);
    if (!c.level || !row.defaults ||
        (c.agreement != Agreement::Above && c.agreement != Agreement::Below))
        return {};
    QString measured;
    QString expected;
    switch (d) {
    case Dimension::Volume:
        measured = levelLabel(Level(*c.level));
        expected = levelRangeLabel(row.defaults->volume);
        break;
    case Dimension::Quality:
        measured = levelLabel(Level(*c.level));
        expected = levelRangeLabel(row.defaults->quality);
        break;
    case Dimension::Speed:
        measured = speedLabel(Speed(*c.level));
        expected = speedRangeLabel(row.defaults->speed);
        break;
    case Dimension::Cost:
        measured = levelLabel(Level(*c.level));
        expected = levelRangeLabel(row.defaults->cost);
        break;
    }
    if (d == Dimension::Speed) {
        return c.agreement == Agreement::Above
                   ? QCoreApplication::translate(
                         "mikomi::analytics::Matrix",
                         "Measured: %1 — slower than the guide's default (%2).")
                         .arg(measured, expected)
                   : QCoreApplication::translate(
                         "mikomi::analytics::Matrix",
                         "Measured: %1 — faster than the guide's default (%2).")
                         .arg(measured, expected);
    }
    return c.agreement == Agreement::Above
               ? QCoreApplication::translate("mikomi::analytics::Matrix",
                                             "Measured: %1 — higher than the guide's default (%2).")
                     .arg(measured, expected)
               : QCoreApplication::translate("mikomi::analytics::Matrix",
                                             "Measured: %1 — lower than the guide's default (%2).")
                     .arg(measured, expected);
}

} // namespace mikomi::analytics
