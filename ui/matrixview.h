#pragma once

#include "models/analytics/matrix.h"
#include "models/domain/money.h"

#include <QWidget>

class QCheckBox;
class QLabel;
class QTableView;
class QTableWidget;

namespace mikomi {
class MatrixModel;
}

namespace mikomi::ui {

// The source comparison matrix of the Dashboard: per category (and, on demand, per source) the
// measured volume, quality, speed and cost level of the period beside the defaults of the
// lead-source article (seed 004), with disagreements marked; below it, the article's own table.
class MatrixView final : public QWidget {
    Q_OBJECT
public:
    explicit MatrixView(QWidget *parent = nullptr);
    void setMatrix(const analytics::SourceMatrix &matrix, Currency currency);
    MatrixModel *model() const { return m_model; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void fillSeedTable();

    QLabel *m_intro = nullptr;
    QCheckBox *m_showSources = nullptr;
    QTableView *m_table = nullptr;
    MatrixModel *m_model = nullptr;
    QLabel *m_seedTitle = nullptr;
    QTableWidget *m_seed = nullptr;
};

} // namespace mikomi::ui
