#pragma once

#include <QObject>
#include <QString>

class QTranslator;

namespace mikomi {

// Loads and swaps the translators (Mikomi's own and Qt's qtbase) at runtime. Installing a
// translator makes Qt send QEvent::LanguageChange to every widget, which retranslates itself.
class LanguageManager final : public QObject {
    Q_OBJECT
public:
    explicit LanguageManager(QObject *parent = nullptr);
    ~LanguageManager() override;

    // "ja" when the system locale is Japanese, else "en".
    static QString systemLanguage();
    // "ja" or "en"; anything else is refused (false) and nothing changes.
    bool apply(const QString &language);
    QString language() const { return m_language; }
    static QStringList available() { return {QStringLiteral("ja"), QStringLiteral("en")}; }

signals:
    void languageChanged(const QString &language);

private:
    QString m_language;
    QTranslator *m_app = nullptr;
    QTranslator *m_qt = nullptr;
};

} // namespace mikomi
