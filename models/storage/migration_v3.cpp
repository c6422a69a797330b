#include "models/storage/schema.h"

namespace mikomi::storage {

// Schema version 3: pipeline, scoring rules, follow-up tasks and response-time rules, assignment
// rules. Thresholds (scoring/*) and the round-robin cursor (assignment/last_user) live in the
// settings table. Rules name sources by text (resolved through aliases when applied), so merging
// two sources needs no rewrite of rules.
Migration migrationV3() {
    return {
        3,
        {
            QStringLiteral(R"(CREATE TABLE scoring_rules (
    id INTEGER PRIMARY KEY,
    position INTEGER NOT NULL DEFAULT 0,
    kind TEXT NOT NULL CHECK (kind IN ('attribute','behaviour')),
    field TEXT NOT NULL DEFAULT '',
    op TEXT NOT NULL DEFAULT '' CHECK (op IN ('','contains','equals','in')),
    value TEXT NOT NULL DEFAULT '',
    activity TEXT NOT NULL DEFAULT '',
    points INTEGER NOT NULL,
    half_life_days INTEGER NOT NULL DEFAULT 0 CHECK (half_life_days >= 0)))"),
            // Defaults: seed 003/004 examples (scoring::Rules::defaults() keeps the same list).
            QStringLiteral(
                R"(INSERT INTO scoring_rules(position, kind, field, op, value, points) VALUES
    (0, 'attribute', 'title', 'contains', '部長', 15),
    (1, 'attribute', 'title', 'contains', 'Director', 15),
    (2, 'attribute', 'title', 'in', '社長, 代表取締役, CEO, 取締役', 20),
    (3, 'attribute', 'title', 'contains', '課長', 8),
    (4, 'attribute', 'title', 'contains', 'Manager', 8))"),
            QStringLiteral(
                R"(INSERT INTO scoring_rules(position, kind, activity, points, half_life_days) VALUES
    (10, 'behaviour', 'document_download', 10, 30),
    (11, 'behaviour', 'seminar', 15, 60),
    (12, 'behaviour', 'email_click', 3, 14),
    (13, 'behaviour', 'web_inquiry', 25, 60),
    (14, 'behaviour', 'pricing_page_visit', 15, 14),
    (15, 'behaviour', 'meeting', 20, 90))"),
            QStringLiteral(R"(CREATE TABLE response_rules (
    id INTEGER PRIMARY KEY,
    position INTEGER NOT NULL DEFAULT 0,
    source TEXT NOT NULL DEFAULT '',
    category TEXT NOT NULL DEFAULT ''
        CHECK (category IN ('','inbound','outbound','paid','partnership','event','unknown')),
    hours INTEGER NOT NULL CHECK (hours > 0)))"),
            QStringLiteral(R"(INSERT INTO response_rules(position, category, hours) VALUES
    (0, 'event', 4), (1, 'partnership', 24), (2, 'inbound', 24), (3, '', 72))"),
            QStringLiteral(R"(CREATE TABLE tasks (
    id INTEGER PRIMARY KEY,
    lead_id INTEGER NOT NULL REFERENCES leads(id) ON DELETE CASCADE,
    title TEXT NOT NULL DEFAULT '',
    owner_id INTEGER REFERENCES users(id) ON DELETE SET NULL,
    due_at TEXT NOT NULL,
    done_at TEXT,
    created_at TEXT NOT NULL))"),
            QStringLiteral("CREATE INDEX tasks_open ON tasks(due_at) WHERE done_at IS NULL"),
            QStringLiteral("CREATE INDEX tasks_lead ON tasks(lead_id)"),
            QStringLiteral(R"(CREATE TABLE assignment_rules (
    id INTEGER PRIMARY KEY,
    position INTEGER NOT NULL DEFAULT 0,
    source TEXT NOT NULL DEFAULT '',
    category TEXT NOT NULL DEFAULT ''
        CHECK (category IN ('','inbound','outbound','paid','partnership','event','unknown')),
    min_score INTEGER,
    max_score INTEGER,
    prefecture TEXT NOT NULL DEFAULT '',
    owner_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE))"),
            // The kanban: cards of one stage, newest first, without touching other rows.
            QStringLiteral(
                "CREATE INDEX leads_pipeline ON leads(lost, stage, created_at, deal_value)"),
        }};
}

} // namespace mikomi::storage
