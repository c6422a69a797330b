#include "models/campaignmodel.h"

#include "models/domain/dates.h"
#include "models/storage/spendstore.h"

#include <QBrush>
#include <QColor>
#include <QCoreApplication>
#include <QLocale>

namespace mikomi {
namespace {

// "+¥200,000" for over budget, "−¥50,000" under, "¥0" on budget.
QString signedMoney(Money amount, Currency currency) {
    if (amount > 0)
        return QStringLiteral("+") + formatMoney(amount, currency);
    if (amount < 0)
        return QStringLiteral("−") + formatMoney(-amount, currency);
    return formatMoney(0, currency);
}

QString shownDate(const std::optional<QDate> &d) {
    return d ? dates::toIsoDate(*d) : QString(); // as the date fields show them
}

} // namespace

CampaignModel::CampaignModel(QObject *parent)
    : QAbstractTableModel(parent) {}

void CampaignModel::setDatabase(storage::Database *db) {
    m_db = db; // the caller reloads (and reports an error)
}

void CampaignModel::setCurrency(Currency currency) {
    if (currency == m_currency)
        return;
    m_currency = currency;
    if (!m_campaigns.isEmpty())
        emit dataChanged(index(0, Budget), index(rowCount() - 1, Difference));
}

Status CampaignModel::reload() {
    beginResetModel();
    m_campaigns.clear();
    Status status;
    if (m_db) {
        auto list = storage::CampaignStore(*m_db).list();
        if (list)
            m_campaigns = std::move(*list);
        else
            status = Error{list.error()};
    }
    endResetModel();
    return status;
}

int CampaignModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : int(m_campaigns.size());
}

int CampaignModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

int CampaignModel::rowOf(qint64 id) const {
    for (int r = 0; r < m_campaigns.size(); ++r)
        if (m_campaigns[r].id == id)
            return r;
    return -1;
}

Money CampaignModel::totalBudget() const {
    Money sum = 0;
    for (const Campaign &c : m_campaigns)
        sum += c.budget;
    return sum;
}

Money CampaignModel::totalActual() const {
    Money sum = 0;
    for (const Campaign &c : m_campaigns)
        sum += c.actualCost;
    return sum;
}

QString CampaignModel::summary() const {
    if (m_campaigns.isEmpty())
        return tr("No campaigns yet.");
    const Money budget = totalBudget();
    const Money actual = totalActual();
    const QString head =
        tr("%n campaign(s): budget %1, actual cost %2.", nullptr, int(m_campaigns.size()))
            .arg(formatMoney(budget, m_currency), formatMoney(actual, m_currency));
    if (actual > budget)
        return head + QLatin1Char(' ') +
               tr("%1 over budget.").arg(formatMoney(actual - budget, m_currency));
    if (actual < budget)
        return head + QLatin1Char(' ') +
               tr("%1 under budget.").arg(formatMoney(budget - actual, m_currency));
    return head + QLatin1Char(' ') + tr("Exactly on budget.");
}

QVariant CampaignModel::data(const QModelIndex &index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Campaign &c = m_campaigns[index.row()];
    const Money difference = c.actualCost - c.budget;
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Name:
            return c.name;
        case Source:
            return c.source.isEmpty() ? QStringLiteral("—") : c.source;
        case Start:
            return shownDate(c.start);
        case End:
            return shownDate(c.end);
        case Budget:
            return formatMoney(c.budget, m_currency);
        case Actual:
            return formatMoney(c.actualCost, m_currency);
        case Difference:
            return signedMoney(difference, m_currency);
        }
        return {};
    case SortRole:
        switch (index.column()) {
        case Name:
            return c.name;
        case Source:
            return c.source;
        case Start:
            return c.start ? QVariant(*c.start) : QVariant();
        case End:
            return c.end ? QVariant(*c.end) : QVariant();
        case Budget:
            return c.budget;
        case Actual:
            return c.actualCost;
        case Difference:
            return difference;
        }
        return {};
    case AmountRole:
        switch (index.column()) {
        case Budget:
            return c.budget;
        case Actual:
            return c.actualCost;
        case Difference:
            return difference;
        }
        return {};
    case IdRole:
        return c.id;
    case Qt::ToolTipRole:
        if (index.column() == Difference && difference != 0)
            return difference > 0 ? tr("Over budget") : tr("Under budget");
        if (index.column() == Name && !c.notes.isEmpty())
            return c.notes;
        return {};
    case Qt::ForegroundRole:
        if (index.column() == Difference && difference > 0)
            return QBrush(QColor(0xb9, 0x1c, 0x1c));
        return {};
    case Qt::TextAlignmentRole:
        return index.column() >= Budget ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
                                        : QVariant(Qt::AlignLeft | Qt::AlignVCenter);
    default:
        return {};
    }
}

QVariant CampaignModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0 ||
        section >= ColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    static const char *const titles[ColumnCount] = {
        QT_TRANSLATE_NOOP("mikomi::CampaignModel", "Campaign"),
        QT_TRANSLATE_NOOP("mikomi::CampaignModel", "Source"),
        QT_TRANSLATE_NOOP("mikomi::CampaignModel", "Start"),
        QT_TRANSLATE_NOOP("mikomi::CampaignModel", "End"),
        QT_TRANSLATE_NOOP("mikomi::CampaignModel", "Budget"),
        QT_TRANSLATE_NOOP("mikomi::CampaignModel", "Actual cost"),
        QT_TRANSLATE_NOOP("mikomi::CampaignModel", "Actual − budget")};
    return QCoreApplication::translate("mikomi::CampaignModel", titles[section]);
}

void CampaignModel::retranslate() {
    if (!m_campaigns.isEmpty())
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
    emit headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
}

} // namespace mikomi
