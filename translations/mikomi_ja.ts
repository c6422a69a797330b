<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>mikomi::ui::ComingPage</name>
    <message>
        <source>This page is coming in a later version of Mikomi.</source>
        <translation>このページは Mikomi の今後のバージョンで提供予定です。</translation>
    </message>
</context>
<context>
    <name>mikomi::ui::MainWindow</name>
    <message>
        <source>Mikomi — %1</source>
        <translation>Mikomi — %1</translation>
    </message>
    <message>
        <source>Mikomi</source>
        <translation>Mikomi</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>ファイル(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;New Database…</source>
        <translation>新しいデータベース(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Open Database…</source>
        <translation>データベースを開く(&amp;O)…</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近使ったデータベース(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>インポート(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>エクスポート(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>編集(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>終了(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>設定(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>環境設定(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>言語(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>ヘルプ(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About Mikomi</source>
        <translation>Mikomi について(&amp;A)</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Qt について(&amp;Q)</translation>
    </message>
    <message>
        <source>Cannot open the database</source>
        <translation>データベースを開けません</translation>
    </message>
    <message>
        <source>No recent databases</source>
        <translation>最近使ったデータベースはありません</translation>
    </message>
    <message>
        <source>No database open</source>
        <translation>データベースが開かれていません</translation>
    </message>
    <message numerus="yes">
        <source>%n lead(s)</source>
        <translation>
            <numerusform>リード %n 件</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot count leads: %1</source>
        <translation>リード数を集計できません：%1</translation>
    </message>
    <message>
        <source>New Database</source>
        <translation>新しいデータベース</translation>
    </message>
    <message>
        <source>Mikomi databases (*.mikomi *.db);;All files (*)</source>
        <translation>Mikomi データベース (*.mikomi *.db);;すべてのファイル (*)</translation>
    </message>
    <message>
        <source>%1 already exists. Use Open Database to open it.</source>
        <translation>%1 はすでに存在します。「データベースを開く」から開いてください。</translation>
    </message>
    <message>
        <source>Cannot create the database</source>
        <translation>データベースを作成できません</translation>
    </message>
    <message>
        <source>Open Database</source>
        <translation>データベースを開く</translation>
    </message>
    <message>
        <source>About Mikomi</source>
        <translation>Mikomi について</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Mikomi %1&lt;/h3&gt;&lt;p&gt;Lead generation and nurturing for small sales teams, on your own computer.&lt;/p&gt;&lt;p&gt;Licensed under the GNU General Public License, version 3 or later.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Mikomi %1&lt;/h3&gt;&lt;p&gt;小規模な営業チームのための、リードの獲得と育成をお使いのコンピューター上で行えるアプリケーションです。&lt;/p&gt;&lt;p&gt;GNU General Public License バージョン 3 以降のもとで提供されています。&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>Mikomi</name>
    <message>
        <source>Inquiry</source>
        <translation>問い合わせ</translation>
    </message>
    <message>
        <source>MQL</source>
        <translation>MQL</translation>
    </message>
    <message>
        <source>SQL</source>
        <translation>SQL</translation>
    </message>
    <message>
        <source>Opportunity</source>
        <translation>商談</translation>
    </message>
    <message>
        <source>Customer (won)</source>
        <comment>stage</comment>
        <translation>受注</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>SAL</source>
        <comment>SQL accepted from marketing</comment>
        <translation>SAL</translation>
    </message>
    <message>
        <source>SGL</source>
        <comment>SQL generated by sales</comment>
        <translation>SGL</translation>
    </message>
    <message>
        <source>Inbound</source>
        <translation>インバウンド</translation>
    </message>
    <message>
        <source>Outbound</source>
        <translation>アウトバウンド</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>有料広告</translation>
    </message>
    <message>
        <source>Partnership</source>
        <translation>パートナー・紹介</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>イベント</translation>
    </message>
    <message>
        <source>Unknown</source>
        <comment>source category</comment>
        <translation>不明</translation>
    </message>
    <message>
        <source>Core 70%</source>
        <translation>実証済みコア 70%</translation>
    </message>
    <message>
        <source>Growth 20%</source>
        <translation>成長機会 20%</translation>
    </message>
    <message>
        <source>Experiment 10%</source>
        <translation>実験 10%</translation>
    </message>
    <message>
        <source>Hot</source>
        <translation>ホット</translation>
    </message>
    <message>
        <source>Warm</source>
        <translation>ウォーム</translation>
    </message>
    <message>
        <source>Cold</source>
        <translation>コールド</translation>
    </message>
    <message>
        <source>Document download</source>
        <translation>資料ダウンロード</translation>
    </message>
    <message>
        <source>Seminar / webinar</source>
        <translation>セミナー・ウェビナー参加</translation>
    </message>
    <message>
        <source>Email link click</source>
        <translation>メール内リンクのクリック</translation>
    </message>
    <message>
        <source>Web inquiry</source>
        <translation>Web問い合わせ</translation>
    </message>
    <message>
        <source>Call</source>
        <comment>activity</comment>
        <translation>電話</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>打ち合わせ</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>訪問</translation>
    </message>
    <message>
        <source>Email</source>
        <comment>activity</comment>
        <translation>メール送信</translation>
    </message>
    <message>
        <source>Pricing page visit</source>
        <translation>料金ページ閲覧</translation>
    </message>
    <message>
        <source>Note</source>
        <comment>activity</comment>
        <translation>メモ</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>失注</translation>
    </message>
    <message>
        <source>The quoted field that starts on line %1 is never closed: a closing quote (&quot;) is missing.</source>
        <translation>%1 行目から始まる引用符付きのフィールドが閉じられていません。閉じる引用符 (&quot;) がありません。</translation>
    </message>
    <message>
        <source>Cannot open the file %1: %2</source>
        <translation>ファイル %1 を開けません：%2</translation>
    </message>
    <message>
        <source>The file is not open for reading.</source>
        <translation>ファイルが読み込み用に開かれていません。</translation>
    </message>
    <message>
        <source>Row %1 cannot be written: %2</source>
        <translation>%1 行目を書き込めません：%2</translation>
    </message>
    <message>
        <source>Cannot write the file: %1</source>
        <translation>ファイルを書き込めません：%1</translation>
    </message>
    <message>
        <source>The text encoding %1 is not available on this system.</source>
        <translation>文字コード %1 はこのシステムでは使用できません。</translation>
    </message>
    <message>
        <source>Line %1 contains bytes that are not valid %2 text.</source>
        <translation>%1 行目に %2 として正しくないバイトが含まれています。</translation>
    </message>
    <message>
        <source>UTF-8</source>
        <translation>UTF-8</translation>
    </message>
    <message>
        <source>UTF-8 with BOM</source>
        <translation>UTF-8 (BOM 付き)</translation>
    </message>
    <message>
        <source>UTF-16 (little endian)</source>
        <translation>UTF-16 (リトルエンディアン)</translation>
    </message>
    <message>
        <source>UTF-16 (big endian)</source>
        <translation>UTF-16 (ビッグエンディアン)</translation>
    </message>
    <message>
        <source>Shift_JIS (CP932)</source>
        <translation>Shift_JIS (CP932)</translation>
    </message>
    <message>
        <source>The file is neither UTF-8 nor Shift_JIS (CP932) text: line %1 contains bytes that are not valid in either.</source>
        <translation>このファイルは UTF-8 でも Shift_JIS (CP932) でもありません。%1 行目に、どちらの文字コードとしても正しくないバイトが含まれています。</translation>
    </message>
    <message>
        <source>The text contains a broken character (an unpaired surrogate).</source>
        <translation>テキストに壊れた文字（対になっていないサロゲート）が含まれています。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; (U+%2) on line %3</source>
        <translation>%3 行目の「%1」(U+%2)</translation>
    </message>
    <message numerus="yes">
        <source>%n character(s) cannot be written in Shift_JIS (CP932): %1. Export as UTF-8 instead.</source>
        <translation>
            <numerusform>%n 文字を Shift_JIS (CP932) で書き出せません：%1。UTF-8 でエクスポートしてください。</numerusform>
        </translation>
    </message>
    <message>
        <source>Company</source>
        <translation>会社名</translation>
    </message>
    <message>
        <source>Company reading</source>
        <translation>会社名（フリガナ）</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>部署</translation>
    </message>
    <message>
        <source>Job title</source>
        <translation>役職</translation>
    </message>
    <message>
        <source>Family name</source>
        <translation>姓</translation>
    </message>
    <message>
        <source>Given name</source>
        <translation>名</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>氏名</translation>
    </message>
    <message>
        <source>Family name reading</source>
        <translation>姓（フリガナ）</translation>
    </message>
    <message>
        <source>Given name reading</source>
        <translation>名（フリガナ）</translation>
    </message>
    <message>
        <source>Full name reading</source>
        <translation>氏名（フリガナ）</translation>
    </message>
    <message>
        <source>Email address</source>
        <translation>メールアドレス</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>電話番号</translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation>携帯電話</translation>
    </message>
    <message>
        <source>Postal code</source>
        <translation>郵便番号</translation>
    </message>
    <message>
        <source>Prefecture / state</source>
        <translation>都道府県</translation>
    </message>
    <message>
        <source>City</source>
        <translation>市区町村</translation>
    </message>
    <message>
        <source>Street</source>
        <translation>町域・番地</translation>
    </message>
    <message>
        <source>Building</source>
        <translation>建物名</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>国</translation>
    </message>
    <message>
        <source>Website</source>
        <translation>ウェブサイト</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>リードソース</translation>
    </message>
    <message>
        <source>Source category</source>
        <translation>ソース種別</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>ステージ</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>作成日</translation>
    </message>
    <message>
        <source>Won date</source>
        <translation>受注日</translation>
    </message>
    <message>
        <source>Lost date</source>
        <translation>失注日</translation>
    </message>
    <message>
        <source>Lost reason</source>
        <translation>失注理由</translation>
    </message>
    <message>
        <source>Deal value</source>
        <translation>受注金額</translation>
    </message>
    <message>
        <source>Lifetime value</source>
        <translation>生涯価値</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>担当者</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>メモ</translation>
    </message>
    <message>
        <source>Opt-out</source>
        <translation>配信停止</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>年月</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金額</translation>
    </message>
    <message>
        <source>Date and time</source>
        <translation>日時</translation>
    </message>
    <message>
        <source>Medium</source>
        <translation>メディア</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>キャンペーン</translation>
    </message>
    <message>
        <source>Content</source>
        <translation>コンテンツ</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>Leads</source>
        <translation>リード</translation>
    </message>
    <message>
        <source>Spend</source>
        <translation>費用</translation>
    </message>
    <message>
        <source>Touchpoints</source>
        <translation>タッチポイント</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid date; use YYYY-MM-DD, YYYY/MM/DD or YYYY-MM-DD HH:MM.</source>
        <translation>「%1」は正しい日付ではありません。YYYY-MM-DD、YYYY/MM/DD、YYYY-MM-DD HH:MM のいずれかの形式で入力してください。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; has decimals, but this currency has none.</source>
        <translation>「%1」に小数が含まれていますが、この通貨では小数を使えません。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid amount; use digits, optionally with thousands separators such as 1,200.</source>
        <translation>「%1」は正しい金額ではありません。数字で入力してください（1,200 のような桁区切りも使えます）。</translation>
    </message>
    <message>
        <source>A value is required in this column.</source>
        <translation>この列には値が必要です。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid email address.</source>
        <translation>「%1」は正しいメールアドレスではありません。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid phone number.</source>
        <translation>「%1」は正しい電話番号ではありません。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a known source category; use inbound, outbound, paid, partnership, event or unknown.</source>
        <translation>「%1」はソース種別として認識できません。inbound、outbound、paid、partnership、event、unknown のいずれかを指定してください。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a known stage; use inquiry, mql, sql, opportunity, customer or lost.</source>
        <translation>「%1」はステージとして認識できません。inquiry、mql、sql、opportunity、customer、lost のいずれかを指定してください。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid opt-out value; use yes or no, 1 or 0, true or false, はい or いいえ.</source>
        <translation>「%1」は配信停止の値として正しくありません。yes/no、1/0、true/false、はい/いいえ のいずれかを指定してください。</translation>
    </message>
    <message>
        <source>The row is empty or has no identifying field: it needs a company, a family name, an email address or a phone number.</source>
        <translation>行が空か、リードを識別できる項目がありません。会社名、姓、メールアドレス、電話番号のいずれかが必要です。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid month; use YYYY-MM or YYYY/MM.</source>
        <translation>「%1」は正しい年月ではありません。YYYY-MM または YYYY/MM の形式で入力してください。</translation>
    </message>
    <message>
        <source>This line is not a vCard property and was skipped.</source>
        <translation>この行は vCard のプロパティではないため、スキップしました。</translation>
    </message>
    <message>
        <source>The text of this line is not valid in its character set; it was read as Latin-1.</source>
        <translation>この行のテキストは指定された文字セットとして正しくないため、Latin-1 として読み込みました。</translation>
    </message>
    <message>
        <source>A card nested inside another card was skipped.</source>
        <translation>別のカードの中に入れ子になっているカードをスキップしました。</translation>
    </message>
    <message>
        <source>END:VCARD without BEGIN:VCARD.</source>
        <translation>BEGIN:VCARD のない END:VCARD があります。</translation>
    </message>
    <message>
        <source>This line is outside any card and was skipped.</source>
        <translation>この行はどのカードにも含まれていないため、スキップしました。</translation>
    </message>
    <message>
        <source>The card that starts on this line has no END:VCARD.</source>
        <translation>この行から始まるカードに END:VCARD がありません。</translation>
    </message>
    <message>
        <source>No source is in the tier %1, so its budget is left unallocated.</source>
        <translation>配分区分「%1」にリードソースがないため、その予算は未配分のままです。</translation>
    </message>
    <message>
        <source>The budget total cannot be negative.</source>
        <translation>予算の合計に負の値は指定できません。</translation>
    </message>
    <message>
        <source>First touch</source>
        <translation>ファーストタッチ</translation>
    </message>
    <message>
        <source>Last touch</source>
        <translation>ラストタッチ</translation>
    </message>
    <message>
        <source>Linear</source>
        <translation>線形</translation>
    </message>
    <message>
        <source>Time decay</source>
        <translation>減衰</translation>
    </message>
    <message>
        <source>Position-based (40/20/40)</source>
        <translation>接点ベース（40/20/40）</translation>
    </message>
    <message>
        <source>The number of months must be at least 1.</source>
        <translation>月数には 1 以上を指定してください。</translation>
    </message>
    <message>
        <source>Give either a revenue target or a growth factor.</source>
        <translation>売上目標か成長倍率のどちらか一方を指定してください。</translation>
    </message>
    <message>
        <source>The revenue target or growth factor cannot be negative.</source>
        <translation>売上目標と成長倍率に負の値は指定できません。</translation>
    </message>
    <message>
        <source>The reference period has no leads, so there are no conversion rates to plan with.</source>
        <translation>基準期間にリードがないため、計画に使う移行率を算出できません。</translation>
    </message>
    <message>
        <source>No lead of the reference period became an MQL: the lead → MQL rate is zero, so the plan is impossible.</source>
        <translation>基準期間のリードが 1 件も MQL になっていません。リード → MQL の移行率が 0 のため、計画を立てられません。</translation>
    </message>
    <message>
        <source>No MQL of the reference period became an SQL: the MQL → SQL rate is zero, so the plan is impossible.</source>
        <translation>基準期間の MQL が 1 件も SQL になっていません。MQL → SQL の移行率が 0 のため、計画を立てられません。</translation>
    </message>
    <message>
        <source>No SQL of the reference period became an opportunity: the SQL → opportunity rate is zero, so the plan is impossible.</source>
        <translation>基準期間の SQL が 1 件も商談になっていません。SQL → 商談 の移行率が 0 のため、計画を立てられません。</translation>
    </message>
    <message>
        <source>No opportunity of the reference period was won: the opportunity → customer rate is zero, so the plan is impossible.</source>
        <translation>基準期間の商談が 1 件も受注に至っていません。商談 → 受注 の移行率が 0 のため、計画を立てられません。</translation>
    </message>
    <message>
        <source>The customers of the reference period have no deal values, so the average deal size is zero and the plan is impossible.</source>
        <translation>基準期間の受注に受注金額が入力されていないため、平均受注単価が 0 となり、計画を立てられません。</translation>
    </message>
    <message>
        <source>The plan&apos;s numbers are too large to compute.</source>
        <translation>計画の数値が大きすぎるため計算できません。</translation>
    </message>
    <message>
        <source>The report data refers to a lead or source that does not exist.</source>
        <translation>レポートのデータが、存在しないリードまたはリードソースを参照しています。</translation>
    </message>
    <message>
        <source>%1 brings %2% of all leads; relying on one source is risky.</source>
        <translation>%1 が全リードの %2% を占めています。1 つのリードソースへの依存はリスクがあります。</translation>
    </message>
    <message>
        <source>%1% of the leads have an unknown source; record where leads come from.</source>
        <translation>リードの %1% はリードソースが不明です。流入元を記録してください。</translation>
    </message>
    <message>
        <source>%1 has an LTV:CAC of %2, below 3; its customers cost too much.</source>
        <translation>%1 の LTV:CAC は %2 で、3 を下回っています。顧客獲得コストが高すぎます。</translation>
    </message>
    <message>
        <source>The report period starts after it ends.</source>
        <translation>レポート期間の開始日が終了日より後になっています。</translation>
    </message>
    <message>
        <source>%1%</source>
        <comment>percentage</comment>
        <translation>%1%</translation>
    </message>
    <message>
        <source>Opportunities</source>
        <translation>商談</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>受注</translation>
    </message>
    <message>
        <source>Revenue</source>
        <translation>売上</translation>
    </message>
    <message>
        <source>CPL</source>
        <translation>CPL</translation>
    </message>
    <message>
        <source>CAC</source>
        <translation>CAC</translation>
    </message>
    <message>
        <source>LTV</source>
        <translation>LTV</translation>
    </message>
    <message>
        <source>LTV:CAC</source>
        <translation>LTV:CAC</translation>
    </message>
    <message>
        <source>ROI</source>
        <translation>ROI</translation>
    </message>
    <message>
        <source>Lead → customer</source>
        <translation>リード → 受注</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>構成比</translation>
    </message>
    <message>
        <source>Median days to close</source>
        <translation>受注までの日数（中央値）</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>種別</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>配分区分</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合計</translation>
    </message>
    <message>
        <source>Leads created from %1 to %2; attribution: %3.</source>
        <translation>対象：%1〜%2 に作成されたリード。アトリビューション：%3。</translation>
    </message>
    <message>
        <source>Warnings:</source>
        <translation>警告：</translation>
    </message>
    <message>
        <source>Lead → MQL</source>
        <translation>リード → MQL</translation>
    </message>
    <message>
        <source>MQL → SQL</source>
        <translation>MQL → SQL</translation>
    </message>
    <message>
        <source>SQL → opportunity</source>
        <translation>SQL → 商談</translation>
    </message>
    <message>
        <source>Opportunity → customer</source>
        <translation>商談 → 受注</translation>
    </message>
    <message>
        <source>Target share</source>
        <translation>目標比率</translation>
    </message>
    <message>
        <source>Unallocated</source>
        <translation>未配分</translation>
    </message>
    <message>
        <source>Actual spend</source>
        <translation>実績費用</translation>
    </message>
    <message>
        <source>Actual share</source>
        <translation>実績比率</translation>
    </message>
    <message>
        <source>Budget %1, split 70-20-10.</source>
        <translation>予算 %1 を 70-20-10 で配分。</translation>
    </message>
    <message>
        <source>Revenue target: %1. Average deal: %2.</source>
        <translation>売上目標：%1。平均受注単価：%2。</translation>
    </message>
    <message>
        <source>Conversion rate</source>
        <translation>移行率</translation>
    </message>
    <message>
        <source>Required</source>
        <translation>必要数</translation>
    </message>
    <message numerus="yes">
        <source>Per month (%n months)</source>
        <translation>
            <numerusform>月あたり（%n か月）</numerusform>
        </translation>
    </message>
    <message>
        <source>Leads needed</source>
        <translation>必要リード数</translation>
    </message>
    <message>
        <source>Database error: %1</source>
        <translation>データベースエラー：%1</translation>
    </message>
    <message>
        <source>The transaction was already finished.</source>
        <translation>トランザクションはすでに終了しています。</translation>
    </message>
    <message>
        <source>The database is locked by another program. Close it and try again.</source>
        <translation>データベースが別のプログラムによってロックされています。そのプログラムを閉じてから、もう一度お試しください。</translation>
    </message>
    <message>
        <source>The database file is damaged or is not a Mikomi database (%1).</source>
        <translation>データベースファイルが破損しているか、Mikomi のデータベースではありません（%1）。</translation>
    </message>
    <message>
        <source>The disk is full: %1</source>
        <translation>ディスクの空き容量が不足しています：%1</translation>
    </message>
    <message>
        <source>Budget</source>
        <translation>予算</translation>
    </message>
    <message>
        <source>Split a budget 70-20-10 over core, growth and experiment sources.</source>
        <translation>予算を 70-20-10 の比率で、実証済みコア・成長機会・実験のリードソースに配分します。</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>ダッシュボード</translation>
    </message>
    <message>
        <source>Compare sources: conversion, cost per lead, LTV:CAC and charts.</source>
        <translation>リードソースを移行率、リード獲得単価、LTV:CAC で比較し、グラフで表示します。</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>インポート</translation>
    </message>
    <message>
        <source>Import is coming in a later version of Mikomi.</source>
        <translation>インポートは Mikomi の今後のバージョンで提供予定です。</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>エクスポート</translation>
    </message>
    <message>
        <source>Export is coming in a later version of Mikomi.</source>
        <translation>エクスポートは Mikomi の今後のバージョンで提供予定です。</translation>
    </message>
    <message>
        <source>All leads: search, edit, business-card entry and duplicates.</source>
        <translation>すべてのリードの検索、編集、名刺入力、重複の確認を行います。</translation>
    </message>
    <message>
        <source>Pipeline</source>
        <translation>パイプライン</translation>
    </message>
    <message>
        <source>Leads by nurturing stage, moved by drag and drop.</source>
        <translation>育成ステージごとのリードを表示し、ドラッグ＆ドロップで移動します。</translation>
    </message>
    <message>
        <source>Planner</source>
        <translation>目標逆算</translation>
    </message>
    <message>
        <source>Work back from a revenue goal to the leads you need.</source>
        <translation>売上目標から、必要なリード数を逆算します。</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>リードソース</translation>
    </message>
    <message>
        <source>Lead sources with their category, tier and aliases.</source>
        <translation>リードソースとその種別、配分区分、別名を管理します。</translation>
    </message>
    <message>
        <source>Move lead to %1</source>
        <translation>リードを %1 に移動</translation>
    </message>
    <message>
        <source>Mark lead as lost</source>
        <translation>リードを失注にする</translation>
    </message>
    <message>
        <source>Recycle lead to nurturing</source>
        <translation>リードをリサイクル（育成に戻す）</translation>
    </message>
    <message>
        <source>Mikomi needs a display to open its window, and none was found (DISPLAY and WAYLAND_DISPLAY are empty).
Run it under a virtual display:  xvfb-run -a mikomi
or without a visible window:  QT_QPA_PLATFORM=offscreen mikomi
Commands such as &apos;mikomi report sources&apos; need no display.</source>
        <translation>Mikomi のウィンドウを開くにはディスプレイが必要ですが、見つかりませんでした（DISPLAY と WAYLAND_DISPLAY が空です）。
仮想ディスプレイで実行する場合:  xvfb-run -a mikomi
ウィンドウを表示せずに実行する場合:  QT_QPA_PLATFORM=offscreen mikomi
&apos;mikomi report sources&apos; などのコマンドはディスプレイなしで使えます。</translation>
    </message>
    <message>
        <source>Cannot open the database</source>
        <translation>データベースを開けません</translation>
    </message>
    <message>
        <source>%1 needs a value.</source>
        <translation>%1 には値が必要です。</translation>
    </message>
    <message>
        <source>Unknown language &quot;%1&quot;: use ja or en.</source>
        <translation>言語「%1」は使用できません。ja または en を指定してください。</translation>
    </message>
    <message>
        <source>%1 is a folder, not a database file.</source>
        <translation>%1 はフォルダーです。データベースファイルを指定してください。</translation>
    </message>
    <message>
        <source>%1 is not a Mikomi database, or it is damaged. It was not changed.</source>
        <translation>%1 は Mikomi のデータベースではないか、破損しています。ファイルは変更していません。</translation>
    </message>
    <message>
        <source>Cannot create the folder %1.</source>
        <translation>フォルダー %1 を作成できません。</translation>
    </message>
    <message>
        <source>The SQLite driver for Qt is not installed (QSQLITE).</source>
        <translation>Qt の SQLite ドライバー (QSQLITE) がインストールされていません。</translation>
    </message>
    <message>
        <source>Cannot open the database %1: %2</source>
        <translation>データベース %1 を開けません：%2</translation>
    </message>
    <message>
        <source>Cannot read the database %1: %2</source>
        <translation>データベース %1 を読み込めません：%2</translation>
    </message>
    <message>
        <source>The database %1 was made by a newer version of Mikomi (schema version %2; this version knows up to %3). Please update Mikomi. The file was not changed.</source>
        <translation>データベース %1 は新しいバージョンの Mikomi で作成されています（スキーマバージョン %2。このバージョンが対応しているのは %3 までです）。Mikomi を更新してください。ファイルは変更していません。</translation>
    </message>
    <message>
        <source>The database %1 needs an upgrade but was opened read-only.</source>
        <translation>データベース %1 はアップグレードが必要ですが、読み取り専用で開かれています。</translation>
    </message>
    <message>
        <source>Cannot make a backup copy of %1 before upgrading it; the database was not changed.</source>
        <translation>アップグレード前に %1 のバックアップを作成できません。データベースは変更していません。</translation>
    </message>
    <message>
        <source>Upgrading the database to schema version %1 failed: %2 The database was left unchanged.</source>
        <translation>データベースをスキーマバージョン %1 にアップグレードできませんでした：%2 データベースは変更していません。</translation>
    </message>
    <message>
        <source>Upgrading the database failed: %1 The database was left unchanged.</source>
        <translation>データベースをアップグレードできませんでした：%1 データベースは変更していません。</translation>
    </message>
    <message>
        <source>The source no longer exists.</source>
        <translation>このリードソースはすでに存在しません。</translation>
    </message>
    <message>
        <source>An alias cannot be empty.</source>
        <translation>別名を空にすることはできません。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is already the name of a source; merge the two sources instead.</source>
        <translation>「%1」はすでにリードソース名として使われています。2 つのリードソースを統合してください。</translation>
    </message>
    <message>
        <source>The lead no longer exists; it may have been deleted.</source>
        <translation>このリードは存在しません。削除された可能性があります。</translation>
    </message>
    <message>
        <source>This lead is already stored.</source>
        <translation>このリードはすでに保存されています。</translation>
    </message>
    <message>
        <source>Spend needs a source.</source>
        <translation>費用にはリードソースを指定してください。</translation>
    </message>
</context>
<context>
    <name>mikomi::ui::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>設定</translation>
    </message>
    <message>
        <source>Japanese yen (¥)</source>
        <translation>日本円 (¥)</translation>
    </message>
    <message>
        <source>US dollar ($)</source>
        <translation>米ドル ($)</translation>
    </message>
    <message>
        <source>Your name, used as the owner of new leads</source>
        <translation>新しいリードの担当者として使われる名前</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>言語：</translation>
    </message>
    <message>
        <source>Currency:</source>
        <translation>通貨：</translation>
    </message>
    <message>
        <source>Your name:</source>
        <translation>あなたの名前：</translation>
    </message>
</context>
<context>
    <name>mikomi::cli</name>
    <message>
        <source>Number of leads to generate.</source>
        <translation>生成するリードの件数。</translation>
    </message>
    <message>
        <source>Random seed (same seed, same data).</source>
        <translation>乱数シード（同じシードからは同じデータが生成されます）。</translation>
    </message>
    <message>
        <source>The date the demo data ends on (YYYY-MM-DD).</source>
        <translation>デモデータの最終日（YYYY-MM-DD）。</translation>
    </message>
    <message>
        <source>Usage: mikomi demo [--leads N] [--seed S]</source>
        <translation>使い方: mikomi demo [--leads N] [--seed S]</translation>
    </message>
    <message>
        <source>--leads needs a whole number from 0 to 10000000.</source>
        <translation>--leads には 0〜10000000 の整数を指定してください。</translation>
    </message>
    <message>
        <source>--seed needs a whole number.</source>
        <translation>--seed には整数を指定してください。</translation>
    </message>
    <message>
        <source>--today needs a date as YYYY-MM-DD.</source>
        <translation>--today には YYYY-MM-DD 形式の日付を指定してください。</translation>
    </message>
    <message>
        <source>Added %1 demo leads to %2 in %3 s.</source>
        <translation>%2 にデモ用のリードを %1 件追加しました（%3 秒）。</translation>
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
        <translation>使い方: mikomi [--db PATH] [--lang ja|en] [COMMAND]
コマンドを指定しないとウィンドウを開きます。コマンド:
  demo [--leads N] [--seed S]        データベースにサンプルデータを入れる
  import FILE …                      リード、費用、タッチポイント、vCard をインポート
  export FILE …                      リードを CSV または vCard でエクスポート
  sources [list|set|alias|merge] …   リードソースを管理
  report sources …                   リードソースを比較
  budget --total AMOUNT …            70-20-10 の予算配分
  plan (--revenue-target A | --growth F) …   売上目標に必要なリード数を逆算</translation>
    </message>
    <message>
        <source>Unknown command &quot;%1&quot;.</source>
        <translation>「%1」というコマンドはありません。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not available in this version of Mikomi yet.</source>
        <translation>「%1」はこのバージョンの Mikomi ではまだ使用できません。</translation>
    </message>
    <message>
        <source>Output format: table or json.</source>
        <translation>出力形式：table または json。</translation>
    </message>
    <message>
        <source>Source category.</source>
        <translation>ソース種別。</translation>
    </message>
    <message>
        <source>Tier: core, growth or experiment.</source>
        <translation>配分区分：core、growth、experiment のいずれか。</translation>
    </message>
    <message>
        <source>--format must be table or json.</source>
        <translation>--format には table または json を指定してください。</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>リードソース</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>種別</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>配分区分</translation>
    </message>
    <message>
        <source>Leads</source>
        <translation>リード数</translation>
    </message>
    <message>
        <source>Aliases</source>
        <translation>別名</translation>
    </message>
    <message>
        <source>Usage: mikomi sources set NAME [--category C] [--tier T]</source>
        <translation>使い方: mikomi sources set NAME [--category C] [--tier T]</translation>
    </message>
    <message>
        <source>There is no source named &quot;%1&quot;.</source>
        <translation>「%1」という名前のリードソースはありません。</translation>
    </message>
    <message>
        <source>Unknown category &quot;%1&quot;: use inbound, outbound, paid, partnership, event or unknown.</source>
        <translation>種別「%1」は使用できません。inbound、outbound、paid、partnership、event、unknown のいずれかを指定してください。</translation>
    </message>
    <message>
        <source>Unknown tier &quot;%1&quot;: use core, growth or experiment.</source>
        <translation>配分区分「%1」は使用できません。core、growth、experiment のいずれかを指定してください。</translation>
    </message>
    <message>
        <source>Usage: mikomi sources alias ALIAS NAME</source>
        <translation>使い方: mikomi sources alias ALIAS NAME</translation>
    </message>
    <message>
        <source>Unknown sources action &quot;%1&quot;: use list, set, alias or merge.</source>
        <translation>sources の操作「%1」は使用できません。list、set、alias、merge のいずれかを指定してください。</translation>
    </message>
    <message>
        <source>Database file.</source>
        <translation>データベースファイル。</translation>
    </message>
    <message>
        <source>Language of messages: ja or en.</source>
        <translation>メッセージの言語：ja または en。</translation>
    </message>
</context>
</TS>
