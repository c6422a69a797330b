#include "models/matrixmodel.h"

#include <QBrush>
#include <QColor>
#include <QCoreApplication>
#include <QFont>
#include <QLocale>

#include <cmath>

namespace mikomi {
namespace {

using analytics::Agreement;
using analytics::Dimension;

QString dash() {
    return QStringLiteral("—");
}

QString percent(double v) {
    return QLocale().toString(v * 100, 'f', 1) + QStringLiteral("%");
}

bool isMeasured(int column) {
    return column == MatrixModel::VolumeMeasured || column == MatrixModel::QualityMeasured ||
           column == MatrixModel::SpeedMeasured || column == MatrixModel::CostMeasured;
}

bool isDefault(int column) {
    return column == MatrixModel::VolumeDefault || column == MatrixModel::QualityDefault ||
           column == MatrixModel::SpeedDefault || column == MatrixModel::CostDefault;
}

QString measuredLabel(Dimension d, int level) {
    return d == Dimension::Speed ? analytics::speedLabel(analytics::Speed(level))
                                 : analytics::levelLabel(analytics::Level(level));
}

QString defaultLabel(Dimension d, const analytics::CategoryDefault &def) {
    switch (d) {
    case Dimension::Volume:
        return analytics::levelRangeLabel(def.volume);
    case Dimension::Quality:
        return analytics::levelRangeLabel(def.quality);
    case Dimension::Speed:
        return analytics::speedRangeLabel(def.speed);
    case Dimension::Cost:
        return analytics::levelRangeLabel(def.cost);
    }
    return {};
}

} // namespace

MatrixModel::MatrixModel(QObject *parent)
    : QAbstractTableModel(parent) {}

void MatrixModel::setMatrix(const analytics::SourceMatrix &matrix, Currency currency) {
    beginResetModel();
    m_matrix = matrix;
    m_currency = currency;
    rebuild();
    endResetModel();
}

void MatrixModel::setShowSources(bool show) {
    if (show == m_showSources)
        return;
    beginResetModel();
    m_showSources = show;
    rebuild();
    endResetModel();
}

void MatrixModel::rebuild() {
    m_rows.clear();
    for (const analytics::MatrixRow &c : m_matrix.categories) {
        m_rows.push_back(&c);
        if (!m_showSources)
            continue;
        for (const analytics::MatrixRow &s : m_matrix.sources) {
            if (s.category == c.category)
                m_rows.push_back(&s);
        }
    }
}

void MatrixModel::retranslate() {
    beginResetModel();
    rebuild();
    endResetModel();
}

int MatrixModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : int(m_rows.size());
}

int MatrixModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QString MatrixModel::columnTitle(Column c) {
    static const char *const titles[ColumnCount] = {
        QT_TRANSLATE_NOOP("mikomi::MatrixModel", "Category /\nsource"),
        QT_TRANSLATE_NOOP("mikomi::MatrixModel", "Leads"),
        QT_TRANSLATE_NOOP("mikomi::MatrixModel", "Share"),
        QT_TRANSLATE_NOOP("mikomi::MatrixModel", "Volume\n(measured)"),
        QT_TRANSLATE_NOOP("mikomi::MatrixModel", "Volume\n(guide)"),
        QT_TRANSLATE_NOOP("mikomi::MatrixModel", "Lead →\ncustomer"),
        QT_TRANSLATE_NOOP("mikomi::MatrixModel", "Quality\n(measured)"),
        QT_TRANSLATE_NOOP("mikomi::MatrixModel", "Quality\n(guide)"),
        QT_TRANSLATE_NOOP("mikomi::MatrixModel", "Days to close\n(median)"),
        QT_TRANSLATE_NOOP("mikomi::MatrixModel", "Speed\n(measured)"),
        QT_TRANSLATE_NOOP("mikomi::MatrixModel", "Speed\n(guide)"),
        QT_TRANSLATE_NOOP("mikomi::MatrixModel", "CPL"),
        QT_TRANSLATE_NOOP("mikomi::MatrixModel", "Cost level\n(measured)"),
        QT_TRANSLATE_NOOP("mikomi::MatrixModel", "Cost level\n(guide)"),
    };
    return QCoreApplication::translate("mikomi::MatrixModel", titles[c]);
}

std::optional<Dimension> MatrixModel::dimensionOf(int column) {
    switch (column) {
    case VolumeMeasured:
    case VolumeDefault:
        return Dimension::Volume;
    case QualityMeasured:
    case QualityDefault:
        return Dimension::Quality;
    case SpeedMeasured:
    case SpeedDefault:
        return Dimension::Speed;
    case CostMeasured:
    case CostDefault:
        return Dimension::Cost;
    default:
        return std::nullopt;
    }
}

QVariant MatrixModel::value(const analytics::MatrixRow &r, int column) const {
    const auto opt = [](const std::optional<double> &v) { return v ? QVariant(*v) : QVariant(); };
    switch (column) {
    case Name:
        if (!r.isSource)
            return categoryLabel(r.category);
        return r.isUnknown ? QCoreApplication::translate("mikomi::MatrixModel", "Unknown") : r.name;
    case Leads:
        return r.leads;
    case Share:
        return opt(r.cell(Dimension::Volume).value);
    case LeadToCustomer:
        return opt(r.cell(Dimension::Quality).value);
    case MedianDays:
        return opt(r.cell(Dimension::Speed).value);
    case Cpl:
        return opt(r.cell(Dimension::Cost).value);
    default:
        break;
    }
    const std::optional<Dimension> d = dimensionOf(column);
    if (!d)
        return {};
    if (isMeasured(column)) {
        const auto &level = r.cell(*d).level;
        return level ? QVariant(*level) : QVariant();
    }
    if (!r.defaults)
        return {};
    return defaultLabel(*d, *r.defaults);
}

QString MatrixModel::display(const analytics::MatrixRow &r, int column) const {
    if (column == Name) {
        const QString name = value(r, column).toString();
        return r.isSource ? QStringLiteral("    ") + name : name;
    }
    const QVariant v = value(r, column);
    if (!v.isValid())
        return dash();
    const QLocale locale;
    switch (column) {
    case Leads:
        return locale.toString(v.toLongLong());
    case Share:
    case LeadToCustomer:
        return percent(v.toDouble());
    case MedianDays:
        return locale.toString(v.toDouble(), 'f', 1);
    case Cpl:
        return formatMoney(Money(std::llround(v.toDouble())), m_currency, locale);
    default:
        break;
    }
    if (isMeasured(column)) {
        const Dimension d = *dimensionOf(column);
        const analytics::Agreement a = r.cell(d).agreement;
        const QString label = measuredLabel(d, v.toInt());
        return a == Agreement::Above || a == Agreement::Below ? label + QStringLiteral(" ≠")
                                                              : label;
    }
    return v.toString();
}

QVariant MatrixModel::data(const QModelIndex &index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const analytics::MatrixRow &r = *m_rows[std::size_t(index.row())];
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        return display(r, column);
    case SortRole:
        return value(r, column);
    case AgreementRole:
        if (isMeasured(column))
            return int(r.cell(*dimensionOf(column)).agreement);
        return {};
    case IsSourceRole:
        return r.isSource;
    case Qt::TextAlignmentRole:
        if (column == Name)
            return QVariant(Qt::AlignLeft | Qt::AlignVCenter);
        if (isMeasured(column) || isDefault(column))
            return QVariant(Qt::AlignCenter);
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    case Qt::FontRole:
        if (!r.isSource) {
            QFont f;
            f.setBold(true);
            return f;
        }
        return {};
    case Qt::BackgroundRole:
        if (isMeasured(column)) {
            const Agreement a = r.cell(*dimensionOf(column)).agreement;
            if (a == Agreement::Above || a == Agreement::Below)
                return QBrush(QColor(0xfd, 0xe6, 0x8a)); // amber: differs from the article
        }
        if (isDefault(column))
            return QBrush(QColor(0xf1, 0xf5, 0xf9)); // the article's columns, quietly tinted
        return {};
    case Qt::ForegroundRole:
        if (isMeasured(column) || isDefault(column))
            return QBrush(QColor(0x1f, 0x29, 0x37)); // readable on the tints in dark themes too
        return {};
    case Qt::ToolTipRole: {
        const std::optional<Dimension> d = dimensionOf(column);
        if (!d)
            return {};
        if (isDefault(column) && !r.defaults)
            return QCoreApplication::translate("mikomi::MatrixModel",
                                               "The guide gives no default for this category.");
        if (isMeasured(column)) {
            const QString text = analytics::agreementText(r, *d);
            if (!text.isEmpty())
                return text;
            if (!r.cell(*d).level)
                return QCoreApplication::translate("mikomi::MatrixModel",
                                                   "Not enough data in the period to measure.");
        }
        return {};
    }
    default:
        return {};
    }
}

QVariant MatrixModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::DisplayRole)
        return columnTitle(Column(section));
    return {};
}

} // namespace mikomi
