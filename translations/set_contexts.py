#!/usr/bin/env python3
"""Give every translatable message a context named after its class or module (issue 13).

Messages used to be translated with QCoreApplication::translate("Mikomi", …) everywhere, which
put ~500 unrelated messages into one context. This script rewrites the context literal "Mikomi"
of QCoreApplication::translate(), QT_TRANSLATE_NOOP(), QT_TRANSLATE_NOOP3(), QT_TRANSLATE_N_NOOP()
and QT_TRANSLATE_N_NOOP3() in models/, app/ and ui/ to the context of the file (see CONTEXTS and
docs/translations.md for the scheme). It is idempotent: a second run changes nothing.

usage:
  translations/set_contexts.py [--check] [--no-format] [--update BUILD_DIR [--from OTHER.ts ...]]

  (no option)        rewrite the sources, clang-format the changed files, print what changed
  --check            change nothing; exit 1 if a "Mikomi" context is left or a runtime lookup
                     translate(CTX, variable) has no QT_TRANSLATE_NOOP(CTX, …) in its file
  --update BUILD_DIR afterwards: run `ninja -C BUILD_DIR update_translations`, carry the Japanese
                     of moved messages over from the .ts as it was before (merge_ts.py
                     --any-context), fill the English plurals, and print what is unfinished
  --from OTHER.ts    with --update: also take Japanese from these files (e.g. the mikomi_ja.ts of
                     a merged branch, when the .ts conflicted and this branch's file was kept)

After merging branches that add or split files, re-run:
  python3 translations/set_contexts.py --update build
"""
import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SCAN = ('models', 'app', 'ui')
OLD = 'Mikomi'

# The context of each file: "<C++ namespace of the file>::<Unit>", Unit being the file's main class
# (then the context is the same one tr() in that class gets), or, for a file of free functions or
# of several small classes, the module's name in CamelCase. The command line keeps its one
# context, "mikomi::cli" (app/commands.h's tr()).
CONTEXTS = {
    'app/cmd_import.cpp': 'mikomi::cli',
    'app/cmd_report.cpp': 'mikomi::cli',
    'app/main.cpp': 'mikomi::startup::Startup',
    'app/startup.cpp': 'mikomi::startup::Startup',
    'models/analytics/budget.cpp': 'mikomi::analytics::Budget',
    'models/analytics/facts.cpp': 'mikomi::analytics::Facts',
    'models/analytics/matrix.cpp': 'mikomi::analytics::Matrix',
    'models/analytics/monthly.cpp': 'mikomi::analytics::Monthly',
    'models/analytics/planner.cpp': 'mikomi::analytics::Planner',
    'models/analytics/sourcereport.cpp': 'mikomi::analytics::SourceReport',
    'models/analytics/textreport.cpp': 'mikomi::analytics::TextReport',
    'models/budgetmodel.cpp': 'mikomi::BudgetModel',
    'models/campaignmodel.cpp': 'mikomi::CampaignModel',
    'models/commands/leadcommands.cpp': 'mikomi::commands::LeadCommands',
    'models/commands/pipelinecommands.cpp': 'mikomi::commands::PipelineCommands',
    'models/commands/sourcecommands.cpp': 'mikomi::commands::SourceCommands',
    'models/commands/spendcommands.cpp': 'mikomi::commands::SpendCommands',
    'models/commands/stagecommands.cpp': 'mikomi::commands::StageCommand',
    'models/domain/consent.cpp': 'mikomi::Consent',
    'models/domain/enums.cpp': 'mikomi::Enums',
    'models/domain/money.cpp': 'mikomi::Money',
    'models/domain/scoring.cpp': 'mikomi::scoring::Scoring',
    'models/domain/sourcedictionary.cpp': 'mikomi::sources::SourceDictionary',
    'models/domain/textcheck.cpp': 'mikomi::TextCheck',
    'models/io/csv.cpp': 'mikomi::io::Csv',
    'models/io/encoding.cpp': 'mikomi::io::Encoding',
    'models/io/headermap.cpp': 'mikomi::io::HeaderMap',
    'models/io/leadrow.cpp': 'mikomi::io::LeadRow',
    'models/io/vcard.cpp': 'mikomi::io::VCard',
    'models/matrixmodel.cpp': 'mikomi::MatrixModel',
    'models/plannermodel.cpp': 'mikomi::PlannerModel',
    'models/plansourcemodel.cpp': 'mikomi::PlanSourceModel',
    'models/services/exporter.cpp': 'mikomi::services::Exporter',
    'models/services/importer.cpp': 'mikomi::services::Importer',
    'models/services/importleadrows.cpp': 'mikomi::services::Importer',
    'models/services/importmerge.cpp': 'mikomi::services::Importer',
    'models/services/importrun.cpp': 'mikomi::services::Importer',
    'models/services/importsummary.cpp': 'mikomi::services::Importer',
    'models/services/importvcard.cpp': 'mikomi::services::Importer',
    'models/services/personexport.cpp': 'mikomi::services::PersonExport',
    'models/sourcereportmodel.cpp': 'mikomi::SourceReportModel',
    'models/spendgridmodel.cpp': 'mikomi::SpendGridModel',
    'models/storage/assignment.cpp': 'mikomi::storage::Assignment',
    'models/storage/bulkwriter.cpp': 'mikomi::storage::BulkWriter',
    'models/storage/countrystore.cpp': 'mikomi::storage::CountryStore',
    'models/storage/currencystore.cpp': 'mikomi::storage::CurrencyStore',
    'models/storage/database.cpp': 'mikomi::storage::Database',
    'models/storage/duplicates.cpp': 'mikomi::storage::Duplicates',
    'models/storage/factreader.cpp': 'mikomi::storage::FactReader',
    'models/storage/followups.cpp': 'mikomi::storage::FollowUpRepository',
    'models/storage/leadcustomfields.cpp': 'mikomi::storage::LeadCustomFields',
    'models/storage/leadsnapshot.cpp': 'mikomi::storage::LeadSnapshot',
    'models/storage/livefiles.cpp': 'mikomi::storage::LiveFiles',
    'models/storage/pipelinequery.cpp': 'mikomi::storage::PipelineQuery',
    'models/storage/privacy.cpp': 'mikomi::storage::Privacy',
    'models/storage/repositories.cpp': 'mikomi::storage::Repositories',
    'models/storage/scorepass.cpp': 'mikomi::storage::ScorePass',
    'models/storage/scoringstore.cpp': 'mikomi::storage::ScoringStore',
    'models/storage/sourceadmin.cpp': 'mikomi::storage::SourceAdmin',
    'models/storage/spendstore.cpp': 'mikomi::storage::SpendStore',
    'models/storage/sql.cpp': 'mikomi::storage::Sql',
    'models/text/phone.cpp': 'mikomi::text::Phone',
    'ui/budgetchart.cpp': 'mikomi::ui::budgetcharts::BudgetChart',
    'ui/chartbuilder.cpp': 'mikomi::ui::charts::ChartBuilder',
    'ui/dashboardpage.cpp': 'mikomi::ui::DashboardPage',
    'ui/importexport.cpp': 'mikomi::ui::ImportExport',
    'ui/leadeditor.cpp': 'mikomi::ui::LeadEditor',
    'ui/leadspage.cpp': 'mikomi::ui::LeadsPage',
    'ui/matrixview.cpp': 'mikomi::ui::MatrixView',
    'ui/ownerdialog.cpp': 'mikomi::ui::OwnerDialog',
    'ui/pipelinecarddelegate.cpp': 'mikomi::ui::PipelineCardDelegate',
    'ui/pipelinerulesdialog.cpp': 'mikomi::ui::PipelineRulesDialog',
    'ui/privacyactions.cpp': 'mikomi::ui::PrivacyActions',
}

CALL = re.compile(r'(QCoreApplication::translate|QT_TRANSLATE_NOOP3?|QT_TRANSLATE_N_NOOP3?)'
                  r'(\s*\(\s*)"' + OLD + '"')
# translate("Ctx", <not a string literal>): a lookup of a text marked elsewhere by a NOOP macro.
LOOKUP = re.compile(r'QCoreApplication::translate\(\s*"([^"]+)"\s*,\s*(?!["\s])([^,)]+)')
NOOP = re.compile(r'QT_TRANSLATE_N?_?NOOP3?\(\s*"([^"]+)"')
NAMESPACE = re.compile(r'^namespace\s+(mikomi[\w:]*)\s*\{', re.M)


def camel(stem):
    return ''.join(p[:1].upper() + p[1:] for p in re.split(r'[_\-]', stem) if p)


def context_of(rel, text):
    """The context of a file, and how it was found ('table', 'split of X', 'derived')."""
    if rel in CONTEXTS:
        return CONTEXTS[rel], 'table'
    folder, name = os.path.split(rel)
    stem = os.path.splitext(name)[0]
    # A file split off a known one (models/io/vcard*.cpp from vcard.cpp) keeps that file's
    # context, so its messages keep their translations.
    known = [k for k in CONTEXTS if os.path.dirname(k) == folder
             and stem.startswith(os.path.splitext(os.path.basename(k))[0])]
    if known:
        best = max(known, key=lambda k: len(os.path.basename(k)))
        return CONTEXTS[best], 'split of ' + best
    if folder == 'app':
        return 'mikomi::cli', 'derived'
    m = NAMESPACE.search(text)
    ns = m.group(1) if m else ('mikomi::ui' if folder == 'ui' else 'mikomi')
    return ns + '::' + camel(stem), 'derived'


def sources():
    for top in SCAN:
        for dirpath, _, files in os.walk(os.path.join(ROOT, top)):
            for f in sorted(files):
                if f.endswith(('.cpp', '.h')):
                    path = os.path.join(dirpath, f)
                    yield os.path.relpath(path, ROOT), path


def check_lookups(rel, text):
    """Runtime lookups whose context has no NOOP in the same file (the Japanese would be lost)."""
    problems = []
    marked = set(NOOP.findall(text))
    for m in LOOKUP.finditer(text):
        ctx = m.group(1)
        if ctx not in marked and ctx != 'mikomi::cli':
            line = text.count('\n', 0, m.start()) + 1
            problems.append(f'{rel}:{line}: translate("{ctx}", {m.group(2).strip()}) looks up a '
                            f'text marked in another file or context')
    return problems


def rewrite(check_only, fmt):
    changed, problems, total = [], [], 0
    for rel, path in sources():
        with open(path, encoding='utf-8') as f:
            text = f.read()
        n = len(CALL.findall(text))
        if n:
            ctx, how = context_of(rel, text)
            total += n
            note = '' if how == 'table' else f'  [{how}; add it to CONTEXTS]'
            print(f'{rel}: {n} × "{OLD}" → "{ctx}"{note}')
            if not check_only:
                text = CALL.sub(lambda m: f'{m.group(1)}{m.group(2)}"{ctx}"', text)
                with open(path, 'w', encoding='utf-8') as f:
                    f.write(text)
                changed.append(path)
        problems += check_lookups(rel, text)
    if changed and fmt:
        exe = shutil.which('clang-format')
        if exe:
            subprocess.run([exe, '-i'] + changed, check=True, cwd=ROOT)
        else:
            print('clang-format not found: format the changed files yourself')
    for p in problems:
        print('check:', p)
    if total == 0:
        print(f'no "{OLD}" context left in {", ".join(SCAN)}')
    elif not check_only:
        print(f'{total} context(s) rewritten in {len(changed)} file(s)')
    return total, problems


def update(build, others=()):
    ja = os.path.join(ROOT, 'translations', 'mikomi_ja.ts')
    en = os.path.join(ROOT, 'translations', 'mikomi_en.ts')
    with tempfile.TemporaryDirectory() as tmp:
        before = os.path.join(tmp, 'mikomi_ja.before.ts')
        shutil.copy(ja, before)
        subprocess.run(['ninja', '-C', build, 'update_translations'], check=True)
        here = os.path.dirname(os.path.abspath(__file__))
        subprocess.run([sys.executable, os.path.join(here, 'merge_ts.py'), '--any-context', ja,
                        before] + list(others), check=True)
    subprocess.run([sys.executable, os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                                 'fill_en_plurals.py'), en], check=True)
    # Once more, so the files are written the way lupdate writes them (merge_ts.py writes XML
    # its own way); finished translations stay.
    subprocess.run(['ninja', '-C', build, 'update_translations'], check=True)
    with open(ja, encoding='utf-8') as f:
        text = f.read()
    print(f'{ja}: {text.count(chr(34) + "unfinished" + chr(34))} unfinished message(s)')


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--check', action='store_true')
    ap.add_argument('--no-format', action='store_true')
    ap.add_argument('--update', metavar='BUILD_DIR')
    ap.add_argument('--from', dest='others', metavar='OTHER.ts', nargs='+', default=[])
    args = ap.parse_args()
    total, problems = rewrite(args.check, not args.no_format)
    if args.check:
        sys.exit(1 if total or problems else 0)
    if args.update:
        update(args.update, [os.path.abspath(o) for o in args.others])


if __name__ == '__main__':
    main()
