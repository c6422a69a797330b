#pragma once

#include <QStyledItemDelegate>

namespace mikomi::ui {

// Draws a kanban card: company, person and deal value, score, temperature colour and a
// "ready for MQL/SQL" badge (a suggestion, never a stage change).
class PipelineCardDelegate final : public QStyledItemDelegate {
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};

} // namespace mikomi::ui
