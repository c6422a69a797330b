#include "ui/messagebox.h"

#include <QAbstractButton>
#include <QList>
#include <QPushButton>

namespace mikomi::ui {
namespace {

QList<MessageBox::Answer> &answers() {
    static QList<MessageBox::Answer> queue;
    return queue;
}

QStringList &shownBoxes() {
    static QStringList shown;
    return shown;
}

void record(const QString &title, const QString &text) {
    shownBoxes().append(title + QStringLiteral(": ") + text);
}

QMessageBox::StandardButton standard(QMessageBox::Icon icon, QWidget *parent, const QString &title,
                                     const QString &text, QMessageBox::StandardButtons buttons,
                                     QMessageBox::StandardButton defaultButton) {
    record(title, text);
    if (!answers().isEmpty()) {
        const MessageBox::Answer answer = answers().takeFirst();
        if (const auto *b = std::get_if<QMessageBox::StandardButton>(&answer))
            return *b;
        return QMessageBox::NoButton; // a text answer fits no standard box
    }
    QMessageBox box(icon, title, text, buttons, parent);
    if (defaultButton != QMessageBox::NoButton)
        box.setDefaultButton(defaultButton);
    box.exec();
    return box.standardButton(box.clickedButton());
}

} // namespace

QMessageBox::StandardButton MessageBox::warning(QWidget *parent, const QString &title,
                                                const QString &text,
                                                QMessageBox::StandardButtons buttons,
                                                QMessageBox::StandardButton defaultButton) {
    return standard(QMessageBox::Warning, parent, title, text, buttons, defaultButton);
}

QMessageBox::StandardButton MessageBox::information(QWidget *parent, const QString &title,
                                                    const QString &text,
                                                    QMessageBox::StandardButtons buttons,
                                                    QMessageBox::StandardButton defaultButton) {
    return standard(QMessageBox::Information, parent, title, text, buttons, defaultButton);
}

QMessageBox::StandardButton MessageBox::question(QWidget *parent, const QString &title,
                                                 const QString &text,
                                                 QMessageBox::StandardButtons buttons,
                                                 QMessageBox::StandardButton defaultButton) {
    return standard(QMessageBox::Question, parent, title, text, buttons, defaultButton);
}

QAbstractButton *MessageBox::exec(QMessageBox &box) {
    record(box.windowTitle(), box.text());
    if (!answers().isEmpty()) {
        const Answer answer = answers().takeFirst();
        if (const auto *b = std::get_if<QMessageBox::StandardButton>(&answer))
            return box.button(*b);
        const QString wanted = std::get<QString>(answer);
        const QList<QAbstractButton *> buttons = box.buttons();
        for (QAbstractButton *b : buttons) {
            if (b->text() == wanted)
                return b;
        }
        return nullptr;
    }
    box.exec();
    return box.clickedButton();
}

void MessageBox::setNextAnswer(const Answer &answer) {
    answers().append(answer);
}

int MessageBox::pendingAnswers() {
    return int(answers().size());
}

QStringList MessageBox::takeShown() {
    return std::exchange(shownBoxes(), {});
}

void MessageBox::clear() {
    answers().clear();
    shownBoxes().clear();
}

} // namespace mikomi::ui
