#pragma once

#include "models/analytics/matrix.h"
#include "models/domain/money.h"

#include <QAbstractTableModel>

namespace mikomi {

// The source comparison matrix (analytics::SourceMatrix) as a table: one row per category,
// optionally followed by the rows of its sources (setShowSources). For each dimension the
// measured value, the measured level and the article's default level; a measured level that
// disagrees with the default is marked ("≠", a tinted background, a tooltip in plain words).
// Null values show "—".
class MatrixModel final : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        Name = 0,
        Leads,
        Share,
        VolumeMeasured,
        VolumeDefault,
        LeadToCustomer,
        QualityMeasured,
        QualityDefault,
        MedianDays,
        SpeedMeasured,
        SpeedDefault,
        Cpl,
        CostMeasured,
        CostDefault,
        ColumnCount
    };
    enum Role {
        SortRole = Qt::UserRole + 1, // plain numbers (null = invalid QVariant)
        AgreementRole,               // analytics::Agreement as int, on the measured columns
        IsSourceRole,                // bool
    };

    explicit MatrixModel(QObject *parent = nullptr);

    void setMatrix(const analytics::SourceMatrix &matrix, Currency currency);
    const analytics::SourceMatrix &matrix() const { return m_matrix; }
    void setShowSources(bool show);
    bool showSources() const { return m_showSources; }

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // Headers and labels follow the language: call on QEvent::LanguageChange.
    void retranslate();

    static QString columnTitle(Column c);
    // The dimension of a measured or default column (nullopt for the other columns).
    static std::optional<analytics::Dimension> dimensionOf(int column);

private:
    void rebuild();
    QVariant value(const analytics::MatrixRow &r, int column) const;
    QString display(const analytics::MatrixRow &r, int column) const;

    analytics::SourceMatrix m_matrix;
    Currency m_currency = Currency::JPY;
    bool m_showSources = false;
    std::vector<const analytics::MatrixRow *> m_rows;
};

} // namespace mikomi
