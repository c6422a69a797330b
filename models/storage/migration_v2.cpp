#include "models/storage/leadsearch.h"
#include "models/storage/schema.h"

namespace mikomi::storage {

// The text the lead search looks in, built from the normalised key columns (NFKC, case-folded,
// readings in hiragana; see models/text/normalize.h) plus the raw company and company reading,
// so "サンプル", "ｻﾝﾌﾟﾙ", "株式会社サンプル", "やまだ" and "0312345678" all find their lead.
QString leadSearchTextSql(const QString &row) {
    return QStringLiteral("%1.company_key || ' ' || %1.person_key || ' ' || %1.reading_key || ' ' "
                          "|| %1.email_key || ' ' || %1.phone_key || ' ' || %1.mobile_key || ' ' "
                          "|| lower(%1.company) || ' ' || lower(%1.company_reading)")
        .arg(row);
}

QStringList leadSearchTriggerNames() {
    return {QStringLiteral("leads_fts_insert"), QStringLiteral("leads_fts_delete"),
            QStringLiteral("leads_fts_update")};
}

namespace {

// The triggers as schema version 2 created them (version 4 replaces them: leadSearchTriggers()).
QStringList leadSearchTriggersV2() {
    const QString newText = leadSearchTextSql(QStringLiteral("new"));
    const QString oldText = leadSearchTextSql(QStringLiteral("old"));
    return {
        QStringLiteral("CREATE TRIGGER leads_fts_insert AFTER INSERT ON leads BEGIN "
                       "INSERT INTO leads_fts(rowid, search) VALUES (new.id, %1); END")
            .arg(newText),
        QStringLiteral("CREATE TRIGGER leads_fts_delete AFTER DELETE ON leads BEGIN "
                       "INSERT INTO leads_fts(leads_fts, rowid, search) VALUES ('delete', old.id, "
                       "%1); END")
            .arg(oldText),
        QStringLiteral(
            "CREATE TRIGGER leads_fts_update AFTER UPDATE OF company, company_reading, "
            "company_key, person_key, reading_key, email_key, phone_key, mobile_key ON leads BEGIN "
            "INSERT INTO leads_fts(leads_fts, rowid, search) VALUES ('delete', old.id, %1); "
            "INSERT INTO leads_fts(rowid, search) VALUES (new.id, %2); END")
            .arg(oldText, newText),
    };
}

} // namespace

QStringList leadSearchTriggers() {
    // A lead whose id is in a pending range (search_pending: written in bulk, not indexed yet) is
    // left to SearchIndex::catchUp(); every other change goes to the index at once.
    const auto notPending = [](const char *row) {
        return QStringLiteral("NOT EXISTS (SELECT 1 FROM search_pending p WHERE %1.id BETWEEN "
                              "p.lo AND p.hi)")
            .arg(QLatin1String(row));
    };
    const QString newText = leadSearchTextSql(QStringLiteral("new"));
    const QString oldText = leadSearchTextSql(QStringLiteral("old"));
    return {
        QStringLiteral("CREATE TRIGGER leads_fts_insert AFTER INSERT ON leads WHEN %1 BEGIN "
                       "INSERT INTO leads_fts(rowid, search) VALUES (new.id, %2); END")
            .arg(notPending("new"), newText),
        QStringLiteral("CREATE TRIGGER leads_fts_delete AFTER DELETE ON leads WHEN %1 BEGIN "
                       "INSERT INTO leads_fts(leads_fts, rowid, search) VALUES ('delete', old.id, "
                       "%2); END")
            .arg(notPending("old"), oldText),
        QStringLiteral(
            "CREATE TRIGGER leads_fts_update AFTER UPDATE OF company, company_reading, "
            "company_key, person_key, reading_key, email_key, phone_key, mobile_key ON leads WHEN "
            "%1 BEGIN "
            "INSERT INTO leads_fts(leads_fts, rowid, search) VALUES ('delete', old.id, %2); "
            "INSERT INTO leads_fts(rowid, search) VALUES (new.id, %3); END")
            .arg(notPending("old"), oldText, newText),
    };
}

// Schema version 2: lead search (full-text index) and what the Leads page needs.
// leads_fts is an external-content trigram FTS5 index over the view leads_search (keyed by the
// lead id), so substrings of three or more characters are answered by the index; shorter ones
// use LIKE on the same text (see leadquery.cpp).
Migration migrationV2() {
    QStringList s{
        QStringLiteral("CREATE VIEW leads_search AS SELECT l.id AS id, %1 AS search FROM leads l")
            .arg(leadSearchTextSql(QStringLiteral("l"))),
        QStringLiteral("CREATE VIRTUAL TABLE leads_fts USING fts5(search, content='leads_search', "
                       "content_rowid='id', tokenize='trigram')"),
        QStringLiteral("INSERT INTO leads_fts(leads_fts) VALUES ('rebuild')"),
        // Sorting the list by these walks an index instead of sorting a million rows.
        QStringLiteral("CREATE INDEX leads_company_sort ON leads(company_reading, company_key)"),
        QStringLiteral("CREATE INDEX leads_score ON leads(score)"),
        // Expression indexes for the stage and temperature orders (the same expressions as
        // leadquery.cpp's ORDER BY, which must stay identical for SQLite to use them).
        QStringLiteral("CREATE INDEX leads_stage_order ON leads(CASE stage WHEN 'inquiry' THEN 0 "
                       "WHEN 'mql' THEN 1 WHEN 'sql' THEN 2 WHEN 'opportunity' THEN 3 ELSE 4 END)"),
    };
    s << leadSearchTriggersV2();
    return {2, s};
}

} // namespace mikomi::storage
