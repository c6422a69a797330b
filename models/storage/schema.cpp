#include "models/storage/schema.h"

namespace mikomi::storage {
namespace {

// Version 1: what the spec needs first. Money is INTEGER minor units; dates are ISO-8601 text
// ("YYYY-MM-DD"), times ISO-8601 with offset ("YYYY-MM-DDTHH:MM:SS+09:00"). The *_key columns
// hold normalised values (models/text/normalize.h) for duplicate detection, matching and sorting.
} // namespace

Migration migrationV1() {
    return {
        1,
        {
            QStringLiteral(R"(CREATE TABLE settings (
    key TEXT PRIMARY KEY NOT NULL,
    value TEXT NOT NULL))"),
            QStringLiteral(R"(CREATE TABLE users (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    name_key TEXT NOT NULL UNIQUE,
    active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    created_at TEXT NOT NULL))"),
            QStringLiteral(R"(CREATE TABLE sources (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    name_key TEXT NOT NULL UNIQUE,
    category TEXT NOT NULL DEFAULT 'unknown'
        CHECK (category IN ('inbound','outbound','paid','partnership','event','unknown')),
    tier TEXT NOT NULL DEFAULT 'experiment' CHECK (tier IN ('core','growth','experiment')),
    created_at TEXT NOT NULL))"),
            QStringLiteral(R"(CREATE TABLE source_aliases (
    id INTEGER PRIMARY KEY,
    alias TEXT NOT NULL,
    alias_key TEXT NOT NULL UNIQUE,
    source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE))"),
            QStringLiteral(R"(CREATE TABLE leads (
    id INTEGER PRIMARY KEY,
    company TEXT NOT NULL DEFAULT '',
    company_reading TEXT NOT NULL DEFAULT '',
    department TEXT NOT NULL DEFAULT '',
    title TEXT NOT NULL DEFAULT '',
    family_name TEXT NOT NULL DEFAULT '',
    given_name TEXT NOT NULL DEFAULT '',
    family_reading TEXT NOT NULL DEFAULT '',
    given_reading TEXT NOT NULL DEFAULT '',
    honorific TEXT NOT NULL DEFAULT '',
    email TEXT NOT NULL DEFAULT '',
    phone TEXT NOT NULL DEFAULT '',
    mobile TEXT NOT NULL DEFAULT '',
    postal_code TEXT NOT NULL DEFAULT '',
    prefecture TEXT NOT NULL DEFAULT '',
    city TEXT NOT NULL DEFAULT '',
    street TEXT NOT NULL DEFAULT '',
    building TEXT NOT NULL DEFAULT '',
    country TEXT NOT NULL DEFAULT '',
    website TEXT NOT NULL DEFAULT '',
    owner_id INTEGER REFERENCES users(id) ON DELETE SET NULL,
    source_id INTEGER REFERENCES sources(id) ON DELETE SET NULL,
    notes TEXT NOT NULL DEFAULT '',
    stage TEXT NOT NULL DEFAULT 'inquiry'
        CHECK (stage IN ('inquiry','mql','sql','opportunity','customer')),
    sql_kind TEXT NOT NULL DEFAULT '' CHECK (sql_kind IN ('','sal','sgl')),
    furthest_stage TEXT NOT NULL DEFAULT 'inquiry'
        CHECK (furthest_stage IN ('inquiry','mql','sql','opportunity','customer')),
    lost INTEGER NOT NULL DEFAULT 0 CHECK (lost IN (0, 1)),
    lost_reason TEXT NOT NULL DEFAULT '',
    anonymous INTEGER NOT NULL DEFAULT 0 CHECK (anonymous IN (0, 1)),
    opt_out INTEGER NOT NULL DEFAULT 0 CHECK (opt_out IN (0, 1)),
    temperature_override TEXT CHECK (temperature_override IN ('hot','warm','cold')),
    score INTEGER NOT NULL DEFAULT 0,
    deal_value INTEGER,
    lifetime_value INTEGER,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    won_at TEXT,
    lost_at TEXT,
    email_key TEXT NOT NULL DEFAULT '',
    phone_key TEXT NOT NULL DEFAULT '',
    mobile_key TEXT NOT NULL DEFAULT '',
    company_key TEXT NOT NULL DEFAULT '',
    person_key TEXT NOT NULL DEFAULT '',
    reading_key TEXT NOT NULL DEFAULT ''))"),
            QStringLiteral(
                "CREATE INDEX leads_email_key ON leads(email_key) WHERE email_key <> ''"),
            QStringLiteral(
                "CREATE INDEX leads_phone_key ON leads(phone_key) WHERE phone_key <> ''"),
            QStringLiteral(
                "CREATE INDEX leads_mobile_key ON leads(mobile_key) WHERE mobile_key <> ''"),
            QStringLiteral("CREATE INDEX leads_company_person ON leads(company_key, person_key)"),
            QStringLiteral("CREATE INDEX leads_source ON leads(source_id)"),
            QStringLiteral("CREATE INDEX leads_owner ON leads(owner_id)"),
            QStringLiteral("CREATE INDEX leads_created ON leads(created_at)"),
            QStringLiteral("CREATE INDEX leads_stage ON leads(stage)"),
            QStringLiteral("CREATE INDEX leads_reading ON leads(reading_key)"),
            QStringLiteral(R"(CREATE TABLE stage_history (
    id INTEGER PRIMARY KEY,
    lead_id INTEGER NOT NULL REFERENCES leads(id) ON DELETE CASCADE,
    from_stage TEXT,
    to_stage TEXT NOT NULL CHECK (to_stage IN ('inquiry','mql','sql','opportunity','customer')),
    lost INTEGER NOT NULL DEFAULT 0,
    recycled INTEGER NOT NULL DEFAULT 0,
    changed_at TEXT NOT NULL,
    user_name TEXT NOT NULL DEFAULT '',
    note TEXT NOT NULL DEFAULT ''))"),
            QStringLiteral("CREATE INDEX stage_history_lead ON stage_history(lead_id, changed_at)"),
            QStringLiteral(R"(CREATE TABLE campaigns (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    source_id INTEGER REFERENCES sources(id) ON DELETE SET NULL,
    start_date TEXT,
    end_date TEXT,
    budget INTEGER NOT NULL DEFAULT 0,
    actual_cost INTEGER NOT NULL DEFAULT 0,
    notes TEXT NOT NULL DEFAULT ''))"),
            QStringLiteral(R"(CREATE TABLE touchpoints (
    id INTEGER PRIMARY KEY,
    lead_id INTEGER NOT NULL REFERENCES leads(id) ON DELETE CASCADE,
    occurred_at TEXT NOT NULL,
    source_id INTEGER REFERENCES sources(id) ON DELETE SET NULL,
    medium TEXT NOT NULL DEFAULT '',
    campaign TEXT NOT NULL DEFAULT '',
    content TEXT NOT NULL DEFAULT '',
    url TEXT NOT NULL DEFAULT ''))"),
            QStringLiteral("CREATE INDEX touchpoints_lead ON touchpoints(lead_id, occurred_at)"),
            QStringLiteral("CREATE INDEX touchpoints_source ON touchpoints(source_id)"),
            QStringLiteral(R"(CREATE TABLE activities (
    id INTEGER PRIMARY KEY,
    lead_id INTEGER NOT NULL REFERENCES leads(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    occurred_at TEXT NOT NULL,
    user_name TEXT NOT NULL DEFAULT '',
    notes TEXT NOT NULL DEFAULT ''))"),
            QStringLiteral("CREATE INDEX activities_lead ON activities(lead_id, occurred_at)"),
            QStringLiteral(R"(CREATE TABLE spend (
    id INTEGER PRIMARY KEY,
    source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
    month TEXT NOT NULL CHECK (length(month) = 7),
    amount INTEGER NOT NULL,
    UNIQUE (source_id, month)))"),
        }};
}

const std::vector<Migration> &builtinMigrations() {
    static const std::vector<Migration> all{
        migrationV1(),  migrationV2(),  migrationV3(),  migrationV4(),  migrationV5(),
        migrationV6(),  migrationV7(),  migrationV8(),  migrationV9(),  migrationV10(),
        migrationV11(), migrationV12(), migrationV13(), migrationV14(), migrationV15(),
        migrationV16(), migrationV17(), migrationV18(), migrationV19(), migrationV20(),
        migrationV21(), migrationV22(), migrationV23()};
    return all;
}

int currentSchemaVersion() {
    return builtinMigrations().back().version;
}

} // namespace mikomi::storage
