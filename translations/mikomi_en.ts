<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>mikomi::ui::ComingPage</name>
    <message>
        <source>This page is coming in a later version of Mikomi.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mikomi::ui::MainWindow</name>
    <message>
        <source>Mikomi — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mikomi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New Database…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open Database…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Mikomi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open the database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No recent databases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No database open</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n lead(s)</source>
        <translation>
            <numerusform>%n lead</numerusform>
            <numerusform>%n leads</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot count leads: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New Database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mikomi databases (*.mikomi *.db);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 already exists. Use Open Database to open it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot create the database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open Database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About Mikomi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;Mikomi %1&lt;/h3&gt;&lt;p&gt;Lead generation and nurturing for small sales teams, on your own computer.&lt;/p&gt;&lt;p&gt;Licensed under the GNU General Public License, version 3 or later.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Mikomi</name>
    <message>
        <source>Inquiry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MQL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SQL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opportunity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer (won)</source>
        <comment>stage</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>—</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SAL</source>
        <comment>SQL accepted from marketing</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SGL</source>
        <comment>SQL generated by sales</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inbound</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outbound</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Partnership</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown</source>
        <comment>source category</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Core 70%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Growth 20%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Experiment 10%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Document download</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seminar / webinar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email link click</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Web inquiry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Call</source>
        <comment>activity</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Visit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email</source>
        <comment>activity</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pricing page visit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <comment>activity</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The quoted field that starts on line %1 is never closed: a closing quote (&quot;) is missing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open the file %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file is not open for reading.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Row %1 cannot be written: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write the file: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The text encoding %1 is not available on this system.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line %1 contains bytes that are not valid %2 text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>UTF-8</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>UTF-8 with BOM</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>UTF-16 (little endian)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>UTF-16 (big endian)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shift_JIS (CP932)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file is neither UTF-8 nor Shift_JIS (CP932) text: line %1 contains bytes that are not valid in either.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The text contains a broken character (an unpaired surrogate).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; (U+%2) on line %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n character(s) cannot be written in Shift_JIS (CP932): %1. Export as UTF-8 instead.</source>
        <translation>
            <numerusform>%n character cannot be written in Shift_JIS (CP932): %1. Export as UTF-8 instead.</numerusform>
            <numerusform>%n characters cannot be written in Shift_JIS (CP932): %1. Export as UTF-8 instead.</numerusform>
        </translation>
    </message>
    <message>
        <source>Company</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Company reading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Department</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Job title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Family name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Given name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Full name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Family name reading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Given name reading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Full name reading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Postal code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prefecture / state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>City</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Street</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Building</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Country</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Website</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Won date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lost date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lost reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deal value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lifetime value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Owner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opt-out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date and time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Medium</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Content</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Touchpoints</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid date; use YYYY-MM-DD, YYYY/MM/DD or YYYY-MM-DD HH:MM.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; has decimals, but this currency has none.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid amount; use digits, optionally with thousands separators such as 1,200.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A value is required in this column.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid email address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid phone number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a known source category; use inbound, outbound, paid, partnership, event or unknown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a known stage; use inquiry, mql, sql, opportunity, customer or lost.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid opt-out value; use yes or no, 1 or 0, true or false, はい or いいえ.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The row is empty or has no identifying field: it needs a company, a family name, an email address or a phone number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid month; use YYYY-MM or YYYY/MM.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This line is not a vCard property and was skipped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The text of this line is not valid in its character set; it was read as Latin-1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A card nested inside another card was skipped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>END:VCARD without BEGIN:VCARD.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This line is outside any card and was skipped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The card that starts on this line has no END:VCARD.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No source is in the tier %1, so its budget is left unallocated.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The budget total cannot be negative.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First touch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last touch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Linear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time decay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Position-based (40/20/40)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The number of months must be at least 1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give either a revenue target or a growth factor.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The revenue target or growth factor cannot be negative.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The reference period has no leads, so there are no conversion rates to plan with.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No lead of the reference period became an MQL: the lead → MQL rate is zero, so the plan is impossible.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No MQL of the reference period became an SQL: the MQL → SQL rate is zero, so the plan is impossible.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No SQL of the reference period became an opportunity: the SQL → opportunity rate is zero, so the plan is impossible.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No opportunity of the reference period was won: the opportunity → customer rate is zero, so the plan is impossible.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The customers of the reference period have no deal values, so the average deal size is zero and the plan is impossible.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The plan&apos;s numbers are too large to compute.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The report data refers to a lead or source that does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 brings %2% of all leads; relying on one source is risky.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1% of the leads have an unknown source; record where leads come from.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has an LTV:CAC of %2, below 3; its customers cost too much.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The report period starts after it ends.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1%</source>
        <comment>percentage</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opportunities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revenue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CAC</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LTV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LTV:CAC</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ROI</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lead → customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Median days to close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leads created from %1 to %2; attribution: %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warnings:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lead → MQL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MQL → SQL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SQL → opportunity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opportunity → customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target share</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unallocated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Actual spend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Actual share</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Budget %1, split 70-20-10.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revenue target: %1. Average deal: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conversion rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Required</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Per month (%n months)</source>
        <translation>
            <numerusform>Per month (%n months)</numerusform>
            <numerusform>Per month (%n months)</numerusform>
        </translation>
    </message>
    <message>
        <source>Leads needed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database error: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The transaction was already finished.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database is locked by another program. Close it and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database file is damaged or is not a Mikomi database (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The disk is full: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Budget</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Split a budget 70-20-10 over core, growth and experiment sources.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare sources: conversion, cost per lead, LTV:CAC and charts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import is coming in a later version of Mikomi.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export is coming in a later version of Mikomi.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All leads: search, edit, business-card entry and duplicates.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pipeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leads by nurturing stage, moved by drag and drop.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Planner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Work back from a revenue goal to the leads you need.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sources</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lead sources with their category, tier and aliases.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move lead to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark lead as lost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recycle lead to nurturing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mikomi needs a display to open its window, and none was found (DISPLAY and WAYLAND_DISPLAY are empty).
Run it under a virtual display:  xvfb-run -a mikomi
or without a visible window:  QT_QPA_PLATFORM=offscreen mikomi
Commands such as &apos;mikomi report sources&apos; need no display.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open the database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 needs a value.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown language &quot;%1&quot;: use ja or en.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is a folder, not a database file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a Mikomi database, or it is damaged. It was not changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot create the folder %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The SQLite driver for Qt is not installed (QSQLITE).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open the database %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the database %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database %1 was made by a newer version of Mikomi (schema version %2; this version knows up to %3). Please update Mikomi. The file was not changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database %1 needs an upgrade but was opened read-only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot make a backup copy of %1 before upgrading it; the database was not changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upgrading the database to schema version %1 failed: %2 The database was left unchanged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upgrading the database failed: %1 The database was left unchanged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The source no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An alias cannot be empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is already the name of a source; merge the two sources instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The lead no longer exists; it may have been deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This lead is already stored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spend needs a source.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mikomi::ui::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Japanese yen (¥)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>US dollar ($)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your name, used as the owner of new leads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Currency:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your name:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mikomi::cli</name>
    <message>
        <source>Number of leads to generate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Random seed (same seed, same data).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The date the demo data ends on (YYYY-MM-DD).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: mikomi demo [--leads N] [--seed S]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--leads needs a whole number from 0 to 10000000.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--seed needs a whole number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--today needs a date as YYYY-MM-DD.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added %1 demo leads to %2 in %3 s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: mikomi [--db PATH] [--lang ja|en] [COMMAND]
Without a command, opens the window. Commands:
  demo [--leads N] [--seed S]        fill the database with sample data
  import FILE …                      import leads, spend, touchpoints or vCards
  export FILE …                      export leads as CSV or vCard
  sources [list|set|alias|merge] …   manage lead sources
  report sources …                   compare sources
  budget --total AMOUNT …            70-20-10 budget
  plan (--revenue-target A | --growth F) …   leads needed for a revenue goal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown command &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not available in this version of Mikomi yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Output format: table or json.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source category.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tier: core, growth or experiment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--format must be table or json.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aliases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: mikomi sources set NAME [--category C] [--tier T]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no source named &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown category &quot;%1&quot;: use inbound, outbound, paid, partnership, event or unknown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown tier &quot;%1&quot;: use core, growth or experiment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: mikomi sources alias ALIAS NAME</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown sources action &quot;%1&quot;: use list, set, alias or merge.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language of messages: ja or en.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
