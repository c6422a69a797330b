#include "models/pipelinemodel.h"

#include "models/appsettings.h"

#include <QDataStream>
#include <QIODevice>
#include <QLocale>
#include <QMimeData>

namespace mikomi {

PipelineModel::PipelineModel(storage::PipelineColumn column, QObject *parent)
    : QAbstractListModel(parent)
    , m_column(column) {}

void PipelineModel::setDatabase(storage::Database *db) {
    beginResetModel();
    m_db = db;
    m_cards.clear();
    m_totals = {};
    endResetModel();
}

void PipelineModel::setFilter(const storage::PipelineFilter &filter) {
    m_filter = filter;
}

void PipelineModel::setThresholds(const scoring::Thresholds &t) {
    m_thresholds = t;
    if (!m_cards.isEmpty())
        emit dataChanged(index(0), index(rowCount() - 1));
}

Status PipelineModel::reload(const storage::ColumnTotals &totals) {
    beginResetModel();
    m_cards.clear();
    m_totals = totals;
    Status status;
    if (m_db) {
        auto cards = storage::PipelineQuery(*m_db).cards(m_column, m_filter, m_limit);
        if (cards)
            m_cards = *cards;
        else
            status = Error{cards.error()};
    }
    endResetModel();
    return status;
}

void PipelineModel::setCards(const storage::ColumnTotals &totals,
                             QList<storage::PipelineCard> cards) {
    beginResetModel();
    m_totals = totals;
    m_cards = std::move(cards);
    endResetModel();
}

qint64 PipelineModel::versionOf(qint64 id) const {
    for (const storage::PipelineCard &c : m_cards) {
        if (c.id == id)
            return c.version;
    }
    return 0;
}

qint64 PipelineModel::leadId(int row) const {
    return row >= 0 && row < m_cards.size() ? m_cards.at(row).id : 0;
}

int PipelineModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : int(m_cards.size());
}

QVariant PipelineModel::data(const QModelIndex &index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const storage::PipelineCard &c = m_cards.at(index.row());
    Lead person;
    person.familyName = c.familyName;
    person.givenName = c.givenName;
    const QString name = person.displayName(QLocale().language() == QLocale::Japanese);
    const QDateTime now = m_now.isValid() ? m_now : QDateTime::currentDateTime();
    const QDateTime last = c.lastActivity.isValid() ? c.lastActivity : c.createdAt;
    const std::optional<int> days =
        last.isValid() ? std::optional<int>(int(last.date().daysTo(now.date()))) : std::nullopt;
    const Temperature temp =
        scoring::effectiveTemperature(m_thresholds, c.score, days, c.temperatureOverride);
    switch (role) {
    case Qt::DisplayRole: {
        QString line2 = name;
        if (c.dealValue)
            line2 += QStringLiteral(" · ") + formatMoney(*c.dealValue, AppSettings().currency());
        return QString((c.company.isEmpty() ? name : c.company) + QLatin1Char('\n') + line2);
    }
    case Qt::ToolTipRole: {
        const QString tempText = c.temperatureOverride
                                     ? tr("%1 (set by hand)").arg(temperatureLabel(temp))
                                     : temperatureLabel(temp);
        QString tip = tr("Score %1 · %2").arg(c.score).arg(tempText);
        switch (scoring::readiness(m_thresholds, c.stage, c.lost, c.score)) {
        case scoring::Readiness::Mql:
            tip += QLatin1Char('\n') + tr("Score reached the MQL threshold (%1): ready for MQL.")
                                           .arg(m_thresholds.mqlScore);
            break;
        case scoring::Readiness::Sql:
            tip += QLatin1Char('\n') + tr("Score reached the SQL threshold (%1): ready for SQL.")
                                           .arg(m_thresholds.sqlScore);
            break;
        case scoring::Readiness::None:
            break;
        }
        if (c.stage == Stage::Sql && c.sqlKind != SqlKind::None)
            tip += QStringLiteral(" · ") + sqlKindLabel(c.sqlKind);
        if (c.lost && !c.lostReason.isEmpty())
            tip += QLatin1Char('\n') + tr("Lost: %1").arg(c.lostReason);
        if (!c.owner.isEmpty())
            tip += QLatin1Char('\n') + tr("Owner: %1").arg(c.owner);
        return tip;
    }
    case IdRole:
        return c.id;
    case CompanyRole:
        return c.company;
    case NameRole:
        return name;
    case ScoreRole:
        return c.score;
    case DealValueRole:
        return c.dealValue ? QVariant(*c.dealValue) : QVariant();
    case TemperatureRole:
        return int(temp);
    case ReadinessRole:
        return int(scoring::readiness(m_thresholds, c.stage, c.lost, c.score));
    case StageRole:
        return int(c.stage);
    case SqlKindRole:
        return int(c.sqlKind);
    case LostReasonRole:
        return c.lostReason;
    case OwnerRole:
        return c.owner;
    case SourceRole:
        return c.source;
    case TemperatureOverriddenRole:
        return c.temperatureOverride.has_value();
    default:
        return {};
    }
}

Qt::ItemFlags PipelineModel::flags(const QModelIndex &index) const {
    if (!index.isValid())
        return Qt::ItemIsDropEnabled;
    return QAbstractListModel::flags(index) | Qt::ItemIsDragEnabled;
}

Qt::DropActions PipelineModel::supportedDropActions() const {
    return Qt::MoveAction;
}

Qt::DropActions PipelineModel::supportedDragActions() const {
    return Qt::MoveAction;
}

QStringList PipelineModel::mimeTypes() const {
    return {mimeType()};
}

QMimeData *PipelineModel::encode(const QList<qint64> &ids) {
    QByteArray bytes;
    QDataStream out(&bytes, QIODevice::WriteOnly);
    out << ids;
    auto *m = new QMimeData;
    m->setData(mimeType(), bytes);
    return m;
}

QList<qint64> PipelineModel::decode(const QMimeData *data) {
    QList<qint64> ids;
    if (!data || !data->hasFormat(mimeType()))
        return ids;
    QDataStream in(data->data(mimeType()));
    in >> ids;
    return ids;
}

QMimeData *PipelineModel::mimeData(const QModelIndexList &indexes) const {
    QList<qint64> ids;
    for (const QModelIndex &i : indexes) {
        if (i.isValid() && !ids.contains(leadId(i.row())))
            ids.append(leadId(i.row()));
    }
    return encode(ids);
}

bool PipelineModel::canDropMimeData(const QMimeData *data, Qt::DropAction action, int, int,
                                    const QModelIndex &) const {
    return (action == Qt::MoveAction || action == Qt::CopyAction) && data &&
           data->hasFormat(mimeType());
}

bool PipelineModel::dropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                                 const QModelIndex &parent) {
    if (!canDropMimeData(data, action, row, column, parent))
        return false;
    QList<qint64> ids = decode(data);
    // Cards already in this column stay where they are.
    ids.removeIf([this](qint64 id) {
        for (const auto &c : m_cards) {
            if (c.id == id)
                return true;
        }
        return false;
    });
    if (ids.isEmpty())
        return false;
    emit moveRequested(ids, m_column);
    // The move happens in the database; the view must not remove the dragged rows itself, the
    // reload after the command does.
    return false;
}

} // namespace mikomi
