#include "models/language.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace mikomi {

LanguageManager::LanguageManager(QObject *parent)
    : QObject(parent) {}

LanguageManager::~LanguageManager() {
    if (m_app)
        QCoreApplication::removeTranslator(m_app);
    if (m_qt)
        QCoreApplication::removeTranslator(m_qt);
}

QString LanguageManager::systemLanguage() {
    return QLocale::system().language() == QLocale::Japanese ? QStringLiteral("ja")
                                                             : QStringLiteral("en");
}

bool LanguageManager::apply(const QString &language) {
    if (!available().contains(language))
        return false;
    auto *app = new QTranslator(this);
    if (!app->load(QStringLiteral(":/i18n/mikomi_%1.qm").arg(language))) {
        delete app;
        return false;
    }
    auto *qt = new QTranslator(this);
    if (!qt->load(QStringLiteral("qtbase_%1").arg(language),
                  QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        // Qt ships no qtbase_en; Qt's own strings are English already.
        delete qt;
        qt = nullptr;
    }
    if (m_app) {
        QCoreApplication::removeTranslator(m_app);
        delete m_app;
    }
    if (m_qt) {
        QCoreApplication::removeTranslator(m_qt);
        delete m_qt;
    }
    m_app = app;
    m_qt = qt;
    if (m_qt)
        QCoreApplication::installTranslator(m_qt);
    QCoreApplication::installTranslator(m_app);
    QLocale::setDefault(language == QLatin1String("ja")
                            ? QLocale(QLocale::Japanese, QLocale::Japan)
                            : QLocale(QLocale::English, QLocale::UnitedStates));
    const bool changed = m_language != language;
    m_language = language;
    if (changed)
        emit languageChanged(language);
    return true;
}

} // namespace mikomi
