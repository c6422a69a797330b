#include "ui/sourcedelegate.h"

#include <QComboBox>

namespace mikomi::ui {

SourceEnumDelegate::SourceEnumDelegate(int count, std::function<QString(int)> label,
                                       QObject *parent)
    : QStyledItemDelegate(parent)
    , m_count(count)
    , m_label(std::move(label)) {}

QWidget *SourceEnumDelegate::createEditor(QWidget *parent, const QStyleOptionViewItem &,
                                          const QModelIndex &) const {
    auto *box = new QComboBox(parent);
    for (int i = 0; i < m_count; ++i)
        box->addItem(m_label(i), i);
    return box;
}

void SourceEnumDelegate::setEditorData(QWidget *editor, const QModelIndex &index) const {
    auto *box = static_cast<QComboBox *>(editor);
    box->setCurrentIndex(box->findData(index.data(Qt::EditRole).toInt()));
}

void SourceEnumDelegate::setModelData(QWidget *editor, QAbstractItemModel *model,
                                      const QModelIndex &index) const {
    auto *box = static_cast<QComboBox *>(editor);
    model->setData(index, box->currentData(), Qt::EditRole);
}

} // namespace mikomi::ui
