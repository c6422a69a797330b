#pragma once

#include <QStyledItemDelegate>

#include <functional>

namespace mikomi::ui {

// Edits an enum column (category, tier) with a combo box of its translated labels; the model
// takes and gives the enum value as an int in Qt::EditRole.
class SourceEnumDelegate final : public QStyledItemDelegate {
    Q_OBJECT
public:
    SourceEnumDelegate(int count, std::function<QString(int)> label, QObject *parent = nullptr);
    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option,
                          const QModelIndex &index) const override;
    void setEditorData(QWidget *editor, const QModelIndex &index) const override;
    void setModelData(QWidget *editor, QAbstractItemModel *model,
                      const QModelIndex &index) const override;

private:
    int m_count;
    std::function<QString(int)> m_label;
};

} // namespace mikomi::ui
