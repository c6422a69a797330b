#pragma once

#include <QMessageBox>
#include <QString>
#include <QStringList>

#include <variant>

// Every message box of the window goes through here, so that a test can answer one without a
// modal loop and read what was shown (KeePassXC's MessageBox::setNextAnswer is the model). With
// no answer queued the box is shown as usual.
namespace mikomi::ui {

class MessageBox final {
public:
    MessageBox() = delete;

    static QMessageBox::StandardButton
    warning(QWidget *parent, const QString &title, const QString &text,
            QMessageBox::StandardButtons buttons = QMessageBox::Ok,
            QMessageBox::StandardButton defaultButton = QMessageBox::NoButton);
    static QMessageBox::StandardButton
    information(QWidget *parent, const QString &title, const QString &text,
                QMessageBox::StandardButtons buttons = QMessageBox::Ok,
                QMessageBox::StandardButton defaultButton = QMessageBox::NoButton);
    static QMessageBox::StandardButton
    question(QWidget *parent, const QString &title, const QString &text,
             QMessageBox::StandardButtons buttons = QMessageBox::Yes | QMessageBox::No,
             QMessageBox::StandardButton defaultButton = QMessageBox::NoButton);

    // A box the caller built (its own buttons): runs it, or takes the next queued answer. Returns
    // the button chosen (nullptr when closed with Escape and no button has the reject role).
    static QAbstractButton *exec(QMessageBox &box);

    // Tests: the answer the next box gets without being shown: a standard button, or for a box
    // with its own buttons the text of the button to press. Answers are taken in order.
    using Answer = std::variant<QMessageBox::StandardButton, QString>;
    static void setNextAnswer(const Answer &answer);
    static int pendingAnswers();
    // Tests: "title: text" of every box shown or answered since the last call.
    static QStringList takeShown();
    static void clear();
};

} // namespace mikomi::ui
