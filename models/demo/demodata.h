#pragma once

#include "models/domain/enums.h"

// The word lists the demo generator draws from. Static UTF-16 literals: a QString made from
// them with QString::fromRawData costs no allocation. Readings are katakana (カブシキガイシャ
// is left out of company readings, as Japanese lists do).
namespace mikomi::demo::data {

struct JaName {
    const char16_t *kanji;
    const char16_t *reading;
    const char *romaji; // lower-case Hepburn without macrons; unique within its table
    int weight;
};

inline constexpr JaName kJaFamilyNames[] = {
    {u"佐藤", u"サトウ", "sato", 20},
    {u"鈴木", u"スズキ", "suzuki", 18},
    {u"高橋", u"タカハシ", "takahashi", 15},
    {u"田中", u"タナカ", "tanaka", 14},
    {u"伊藤", u"イトウ", "ito", 12},
    {u"渡辺", u"ワタナベ", "watanabe", 12},
    {u"山本", u"ヤマモト", "yamamoto", 11},
    {u"中村", u"ナカムラ", "nakamura", 11},
    {u"小林", u"コバヤシ", "kobayashi", 10},
    {u"加藤", u"カトウ", "kato", 9},
    {u"吉田", u"ヨシダ", "yoshida", 9},
    {u"山田", u"ヤマダ", "yamada", 9},
    {u"佐々木", u"ササキ", "sasaki", 8},
    {u"山口", u"ヤマグチ", "yamaguchi", 7},
    {u"松本", u"マツモト", "matsumoto", 7},
    {u"井上", u"イノウエ", "inoue", 7},
    {u"木村", u"キムラ", "kimura", 6},
    {u"林", u"ハヤシ", "hayashi", 6},
    {u"斎藤", u"サイトウ", "saito", 6},
    {u"清水", u"シミズ", "shimizu", 6},
    {u"山崎", u"ヤマザキ", "yamazaki", 5},
    {u"森", u"モリ", "mori", 5},
    {u"池田", u"イケダ", "ikeda", 5},
    {u"橋本", u"ハシモト", "hashimoto", 5},
    {u"阿部", u"アベ", "abe", 5},
    {u"石川", u"イシカワ", "ishikawa", 5},
    {u"山下", u"ヤマシタ", "yamashita", 5},
    {u"中島", u"ナカジマ", "nakajima", 5},
    {u"石井", u"イシイ", "ishii", 4},
    {u"小川", u"オガワ", "ogawa", 4},
    {u"前田", u"マエダ", "maeda", 4},
    {u"岡田", u"オカダ", "okada", 4},
    {u"長谷川", u"ハセガワ", "hasegawa", 4},
    {u"藤田", u"フジタ", "fujita", 4},
    {u"後藤", u"ゴトウ", "goto", 4},
    {u"近藤", u"コンドウ", "kondo", 4},
    {u"村上", u"ムラカミ", "murakami", 4},
    {u"遠藤", u"エンドウ", "endo", 4},
    {u"青木", u"アオキ", "aoki", 4},
    {u"坂本", u"サカモト", "sakamoto", 4},
    {u"福田", u"フクダ", "fukuda", 3},
    {u"太田", u"オオタ", "ota", 3},
    {u"西村", u"ニシムラ", "nishimura", 3},
    {u"藤井", u"フジイ", "fujii", 3},
    {u"金子", u"カネコ", "kaneko", 3},
    {u"岡本", u"オカモト", "okamoto", 3},
    {u"藤原", u"フジワラ", "fujiwara", 3},
    {u"三浦", u"ミウラ", "miura", 3},
    {u"中野", u"ナカノ", "nakano", 3},
    {u"原田", u"ハラダ", "harada", 3},
    {u"松田", u"マツダ", "matsuda", 3},
    {u"竹内", u"タケウチ", "takeuchi", 3},
    {u"小野", u"オノ", "ono", 3},
    {u"田村", u"タムラ", "tamura", 3},
    {u"中山", u"ナカヤマ", "nakayama", 3},
    {u"和田", u"ワダ", "wada", 3},
    {u"石田", u"イシダ", "ishida", 3},
    {u"上田", u"ウエダ", "ueda", 3},
    {u"森田", u"モリタ", "morita", 3},
};

inline constexpr JaName kJaGivenNames[] = {
    {u"翔太", u"ショウタ", "shota", 4},  {u"大輔", u"ダイスケ", "daisuke", 5},
    {u"健太", u"ケンタ", "kenta", 4},    {u"拓也", u"タクヤ", "takuya", 4},
    {u"直樹", u"ナオキ", "naoki", 4},    {u"和也", u"カズヤ", "kazuya", 4},
    {u"達也", u"タツヤ", "tatsuya", 4},  {u"誠", u"マコト", "makoto", 5},
    {u"剛", u"ツヨシ", "tsuyoshi", 3},   {u"浩二", u"コウジ", "koji", 4},
    {u"隆", u"タカシ", "takashi", 5},    {u"健一", u"ケンイチ", "kenichi", 4},
    {u"亮", u"リョウ", "ryo", 3},        {u"悠斗", u"ユウト", "yuto", 3},
    {u"陽介", u"ヨウスケ", "yosuke", 3}, {u"雄一", u"ユウイチ", "yuichi", 3},
    {u"大樹", u"ダイキ", "daiki", 3},    {u"翼", u"ツバサ", "tsubasa", 3},
    {u"修", u"オサム", "osamu", 3},      {u"俊介", u"シュンスケ", "shunsuke", 3},
    {u"蓮", u"レン", "ren", 2},          {u"拓海", u"タクミ", "takumi", 3},
    {u"浩", u"ヒロシ", "hiroshi", 5},    {u"智也", u"トモヤ", "tomoya", 3},
    {u"陽子", u"ヨウコ", "yoko", 4},     {u"恵子", u"ケイコ", "keiko", 4},
    {u"美咲", u"ミサキ", "misaki", 4},   {u"由美", u"ユミ", "yumi", 4},
    {u"真由美", u"マユミ", "mayumi", 3}, {u"裕子", u"ユウコ", "yuko", 4},
    {u"直美", u"ナオミ", "naomi", 3},    {u"愛", u"アイ", "ai", 3},
    {u"彩", u"アヤ", "aya", 3},          {u"麻衣", u"マイ", "mai", 3},
    {u"沙織", u"サオリ", "saori", 3},    {u"明美", u"アケミ", "akemi", 3},
    {u"千尋", u"チヒロ", "chihiro", 2},  {u"智子", u"トモコ", "tomoko", 4},
    {u"香織", u"カオリ", "kaori", 3},    {u"奈々", u"ナナ", "nana", 2},
    {u"美穂", u"ミホ", "miho", 3},       {u"結衣", u"ユイ", "yui", 2},
    {u"さくら", u"サクラ", "sakura", 2}, {u"葵", u"アオイ", "aoi", 2},
    {u"優花", u"ユウカ", "yuka", 2},     {u"理恵", u"リエ", "rie", 3},
    {u"綾香", u"アヤカ", "ayaka", 2},    {u"恵", u"メグミ", "megumi", 3},
};

struct EnName {
    const char16_t *name;
    int weight;
};

inline constexpr EnName kEnFamilyNames[] = {
    {u"Smith", 10},   {u"Johnson", 8},  {u"Williams", 7}, {u"Brown", 7},   {u"Jones", 6},
    {u"Miller", 5},   {u"Davis", 5},    {u"Garcia", 5},   {u"Wilson", 5},  {u"Taylor", 5},
    {u"Anderson", 4}, {u"Thomas", 4},   {u"Moore", 4},    {u"Martin", 4},  {u"Jackson", 4},
    {u"Thompson", 4}, {u"White", 4},    {u"Harris", 3},   {u"Clark", 3},   {u"Lewis", 3},
    {u"Walker", 3},   {u"Hall", 3},     {u"Young", 3},    {u"King", 3},    {u"Wright", 3},
    {u"Scott", 3},    {u"Green", 3},    {u"Baker", 3},    {u"Adams", 3},   {u"Nelson", 3},
    {u"Hill", 3},     {u"Campbell", 3}, {u"Mitchell", 3}, {u"Roberts", 3}, {u"Carter", 3},
    {u"Phillips", 2}, {u"Evans", 3},    {u"Turner", 2},   {u"Parker", 2},  {u"Collins", 2},
    {u"Edwards", 2},  {u"Hughes", 2},
};

inline constexpr EnName kEnGivenNames[] = {
    {u"James", 5},       {u"Mary", 4},    {u"John", 5},    {u"Patricia", 3},  {u"Robert", 4},
    {u"Jennifer", 4},    {u"Michael", 5}, {u"Linda", 3},   {u"William", 4},   {u"Elizabeth", 3},
    {u"David", 5},       {u"Barbara", 2}, {u"Richard", 3}, {u"Susan", 3},     {u"Joseph", 3},
    {u"Jessica", 3},     {u"Thomas", 3},  {u"Sarah", 4},   {u"Charles", 2},   {u"Karen", 2},
    {u"Christopher", 3}, {u"Nancy", 2},   {u"Daniel", 4},  {u"Lisa", 3},      {u"Matthew", 3},
    {u"Emily", 4},       {u"Andrew", 3},  {u"Emma", 3},    {u"Oliver", 3},    {u"Olivia", 3},
    {u"George", 3},      {u"Sophie", 3},  {u"Harry", 2},   {u"Charlotte", 3}, {u"Jack", 3},
    {u"Amelia", 2},      {u"Ethan", 2},   {u"Grace", 2},   {u"Ryan", 3},      {u"Hannah", 2},
};

struct Word {
    const char16_t *text;
    const char16_t *reading; // katakana; for English words unused
    const char *romaji;      // domain part
};

// 40 × 20 fictional Japanese companies ("株式会社サンプル商事" reads "サンプルショウジ").
inline constexpr Word kJaCompanyStems[] = {
    {u"サンプル", u"サンプル", "sample"},
    {u"青葉", u"アオバ", "aoba"},
    {u"北斗", u"ホクト", "hokuto"},
    {u"若葉", u"ワカバ", "wakaba"},
    {u"光陽", u"コウヨウ", "koyo"},
    {u"大空", u"オオゾラ", "ozora"},
    {u"翔栄", u"ショウエイ", "shoei"},
    {u"白山", u"ハクサン", "hakusan"},
    {u"緑川", u"ミドリカワ", "midorikawa"},
    {u"東和", u"トウワ", "towa"},
    {u"西海", u"サイカイ", "saikai"},
    {u"南星", u"ナンセイ", "nansei"},
    {u"北辰", u"ホクシン", "hokushin"},
    {u"中央", u"チュウオウ", "chuo"},
    {u"さくら", u"サクラ", "sakura"},
    {u"日の出", u"ヒノデ", "hinode"},
    {u"銀河", u"ギンガ", "ginga"},
    {u"新星", u"シンセイ", "shinsei"},
    {u"平和", u"ヘイワ", "heiwa"},
    {u"永和", u"エイワ", "eiwa"},
    {u"共栄", u"キョウエイ", "kyoei"},
    {u"協和", u"キョウワ", "kyowa"},
    {u"三和", u"サンワ", "sanwa"},
    {u"丸山", u"マルヤマ", "maruyama"},
    {u"高砂", u"タカサゴ", "takasago"},
    {u"常盤", u"トキワ", "tokiwa"},
    {u"弥生", u"ヤヨイ", "yayoi"},
    {u"ミライ", u"ミライ", "mirai"},
    {u"アーク", u"アーク", "arc"},
    {u"ネクスト", u"ネクスト", "next"},
    {u"グローバル", u"グローバル", "global"},
    {u"フロンティア", u"フロンティア", "frontier"},
    {u"ブルースカイ", u"ブルースカイ", "bluesky"},
    {u"テクノ", u"テクノ", "techno"},
    {u"晴海", u"ハルミ", "harumi"},
    {u"湊", u"ミナト", "minato"},
    {u"飛鳥", u"アスカ", "asuka"},
    {u"葵", u"アオイ", "aoi"},
    {u"千代田", u"チヨダ", "chiyoda"},
    {u"浪速", u"ナニワ", "naniwa"},
};

inline constexpr Word kJaCompanyKinds[] = {
    {u"商事", u"ショウジ", "shoji"},
    {u"工業", u"コウギョウ", "kogyo"},
    {u"製作所", u"セイサクショ", "seisakusho"},
    {u"電機", u"デンキ", "denki"},
    {u"物産", u"ブッサン", "bussan"},
    {u"建設", u"ケンセツ", "kensetsu"},
    {u"食品", u"ショクヒン", "shokuhin"},
    {u"化学", u"カガク", "kagaku"},
    {u"精機", u"セイキ", "seiki"},
    {u"システムズ", u"システムズ", "systems"},
    {u"ソリューションズ", u"ソリューションズ", "solutions"},
    {u"テクノロジー", u"テクノロジー", "technology"},
    {u"ロジスティクス", u"ロジスティクス", "logistics"},
    {u"不動産", u"フドウサン", "fudosan"},
    {u"印刷", u"インサツ", "insatsu"},
    {u"産業", u"サンギョウ", "sangyo"},
    {u"通信", u"ツウシン", "tsushin"},
    {u"製薬", u"セイヤク", "seiyaku"},
    {u"興産", u"コウサン", "kosan"},
    {u"情報システム", u"ジョウホウシステム", "johosystem"},
};

// 30 × 20 fictional English companies ("Acme Systems Inc.", "Globex Corp.").
inline constexpr Word kEnCompanyStems[] = {
    {u"Acme", nullptr, "acme"},
    {u"Globex", nullptr, "globex"},
    {u"Initech", nullptr, "initech"},
    {u"Northwind", nullptr, "northwind"},
    {u"Contoso", nullptr, "contoso"},
    {u"Fabrikam", nullptr, "fabrikam"},
    {u"Tailspin", nullptr, "tailspin"},
    {u"Wingtip", nullptr, "wingtip"},
    {u"Litware", nullptr, "litware"},
    {u"Blue Yonder", nullptr, "blueyonder"},
    {u"Summit", nullptr, "summit"},
    {u"Pinnacle", nullptr, "pinnacle"},
    {u"Redwood", nullptr, "redwood"},
    {u"Silverline", nullptr, "silverline"},
    {u"Brightpath", nullptr, "brightpath"},
    {u"Harbor", nullptr, "harbor"},
    {u"Keystone", nullptr, "keystone"},
    {u"Evergreen", nullptr, "evergreen"},
    {u"Ironbridge", nullptr, "ironbridge"},
    {u"Lakeside", nullptr, "lakeside"},
    {u"Meridian", nullptr, "meridian"},
    {u"Oakridge", nullptr, "oakridge"},
    {u"Riverstone", nullptr, "riverstone"},
    {u"Sterling", nullptr, "sterling"},
    {u"Horizon", nullptr, "horizon"},
    {u"Crescent", nullptr, "crescent"},
    {u"Vantage", nullptr, "vantage"},
    {u"Beacon", nullptr, "beacon"},
    {u"Cobalt", nullptr, "cobalt"},
    {u"Falcon", nullptr, "falcon"},
};

inline constexpr Word kEnCompanyKinds[] = {
    {u"", nullptr, ""},
    {u"Systems", nullptr, "systems"},
    {u"Solutions", nullptr, "solutions"},
    {u"Technologies", nullptr, "tech"},
    {u"Analytics", nullptr, "analytics"},
    {u"Logistics", nullptr, "logistics"},
    {u"Labs", nullptr, "labs"},
    {u"Software", nullptr, "software"},
    {u"Industries", nullptr, "industries"},
    {u"Media", nullptr, "media"},
    {u"Networks", nullptr, "networks"},
    {u"Consulting", nullptr, "consulting"},
    {u"Manufacturing", nullptr, "mfg"},
    {u"Health", nullptr, "health"},
    {u"Energy", nullptr, "energy"},
    {u"Foods", nullptr, "foods"},
    {u"Robotics", nullptr, "robotics"},
    {u"Data", nullptr, "data"},
    {u"Cloud", nullptr, "cloud"},
    {u"Supply", nullptr, "supply"},
};

// Japanese business districts with their real postal codes and area codes.
struct JaTown {
    const char16_t *prefecture;
    const char16_t *city;
    const char16_t *town;
    const char16_t *postalCode;
    const char *areaCode; // 2 digits: 0A-XXXX-XXXX; 3 digits: 0AB-XXX-XXXX
    bool chome;           // addresses are written "…2丁目7-3"
    int weight;
};

inline constexpr JaTown kJaTowns[] = {
    {u"東京都", u"千代田区", u"丸の内", u"100-0005", "03", true, 8},
    {u"東京都", u"千代田区", u"大手町", u"100-0004", "03", true, 5},
    {u"東京都", u"千代田区", u"神田駿河台", u"101-0062", "03", true, 3},
    {u"東京都", u"中央区", u"日本橋", u"103-0027", "03", true, 6},
    {u"東京都", u"中央区", u"銀座", u"104-0061", "03", true, 4},
    {u"東京都", u"中央区", u"八重洲", u"103-0028", "03", true, 3},
    {u"東京都", u"港区", u"虎ノ門", u"105-0001", "03", true, 5},
    {u"東京都", u"港区", u"赤坂", u"107-0052", "03", true, 4},
    {u"東京都", u"港区", u"芝浦", u"108-0023", "03", true, 3},
    {u"東京都", u"港区", u"港南", u"108-0075", "03", true, 4},
    {u"東京都", u"新宿区", u"西新宿", u"160-0023", "03", true, 6},
    {u"東京都", u"新宿区", u"新宿", u"160-0022", "03", true, 3},
    {u"東京都", u"渋谷区", u"渋谷", u"150-0002", "03", true, 5},
    {u"東京都", u"渋谷区", u"道玄坂", u"150-0043", "03", true, 3},
    {u"東京都", u"渋谷区", u"恵比寿", u"150-0013", "03", true, 2},
    {u"東京都", u"品川区", u"大崎", u"141-0032", "03", true, 4},
    {u"東京都", u"品川区", u"東品川", u"140-0002", "03", true, 2},
    {u"東京都", u"江東区", u"豊洲", u"135-0061", "03", true, 3},
    {u"東京都", u"江東区", u"有明", u"135-0063", "03", true, 2},
    {u"神奈川県", u"横浜市西区", u"みなとみらい", u"220-0012", "045", true, 5},
    {u"神奈川県", u"川崎市幸区", u"堀川町", u"212-0013", "044", false, 2},
    {u"埼玉県", u"さいたま市大宮区", u"桜木町", u"330-0854", "048", true, 3},
    {u"千葉県", u"千葉市中央区", u"新町", u"260-0028", "043", false, 2},
    {u"大阪府", u"大阪市北区", u"梅田", u"530-0001", "06", true, 6},
    {u"大阪府", u"大阪市北区", u"中之島", u"530-0005", "06", true, 3},
    {u"大阪府", u"大阪市中央区", u"北浜", u"541-0041", "06", true, 3},
    {u"大阪府", u"大阪市中央区", u"本町", u"541-0053", "06", true, 3},
    {u"愛知県", u"名古屋市中村区", u"名駅", u"450-0002", "052", true, 4},
    {u"愛知県", u"名古屋市中区", u"栄", u"460-0008", "052", true, 3},
    {u"北海道", u"札幌市中央区", u"北一条西", u"060-0001", "011", true, 3},
    {u"宮城県", u"仙台市青葉区", u"中央", u"980-0021", "022", true, 2},
    {u"福岡県", u"福岡市博多区", u"博多駅前", u"812-0011", "092", true, 3},
    {u"福岡県", u"福岡市中央区", u"天神", u"810-0001", "092", true, 2},
    {u"京都府", u"京都市下京区", u"東塩小路町", u"600-8216", "075", false, 2},
    {u"兵庫県", u"神戸市中央区", u"三宮町", u"650-0021", "078", true, 2},
    {u"広島県", u"広島市中区", u"基町", u"730-0011", "082", false, 2},
    {u"静岡県", u"静岡市葵区", u"紺屋町", u"420-0852", "054", false, 1},
    {u"新潟県", u"新潟市中央区", u"東大通", u"950-0087", "025", true, 1},
    {u"岡山県", u"岡山市北区", u"駅元町", u"700-0024", "086", false, 1},
    {u"沖縄県", u"那覇市", u"久茂地", u"900-0015", "098", true, 1},
};

inline constexpr const char16_t *kJaBuildingSuffixes[] = {
    u"ビル", u"センタービル", u"スクエア", u"タワー", u"第一ビル", u"ビジネスセンター",
};

struct EnCity {
    const char16_t *region; // US state or UK region, stored as the prefecture
    const char16_t *city;
    const char *country;     // ISO 3166-1 alpha-2
    const char *postalBase;  // US: ZIP without its last digit; UK: outward codes, space-separated
    const char *phonePrefix; // "+1 415-" / "+44 20 7"
    const char16_t *streets[3];
    int weight;
};

inline constexpr EnCity kEnCities[] = {
    {u"CA",
     u"San Francisco",
     "US",
     "9410",
     "+1 415-",
     {u"Market Street", u"Mission Street", u"Howard Street"},
     5},
    {u"NY",
     u"New York",
     "US",
     "1001",
     "+1 212-",
     {u"Broadway", u"Park Avenue", u"Fifth Avenue"},
     6},
    {u"MA",
     u"Boston",
     "US",
     "0211",
     "+1 617-",
     {u"Boylston Street", u"State Street", u"Summer Street"},
     3},
    {u"IL",
     u"Chicago",
     "US",
     "6060",
     "+1 312-",
     {u"Wacker Drive", u"Michigan Avenue", u"LaSalle Street"},
     3},
    {u"TX",
     u"Austin",
     "US",
     "7870",
     "+1 512-",
     {u"Congress Avenue", u"Lavaca Street", u"Colorado Street"},
     2},
    {u"WA",
     u"Seattle",
     "US",
     "9810",
     "+1 206-",
     {u"Pine Street", u"Fourth Avenue", u"Union Street"},
     3},
    {u"CO",
     u"Denver",
     "US",
     "8020",
     "+1 303-",
     {u"17th Street", u"Larimer Street", u"Blake Street"},
     2},
    {u"GA",
     u"Atlanta",
     "US",
     "3030",
     "+1 404-",
     {u"Peachtree Street", u"Spring Street", u"Marietta Street"},
     2},
    {u"Greater London",
     u"London",
     "GB",
     "EC1A EC2A EC2M EC3V EC4M SE1 W1T WC2N",
     "+44 20 7",
     {u"Old Street", u"Bishopsgate", u"Southwark Street"},
     6},
    {u"Greater Manchester",
     u"Manchester",
     "GB",
     "M1 M2 M3 M4",
     "+44 161 ",
     {u"Deansgate", u"King Street", u"Portland Street"},
     2},
    {u"West Midlands",
     u"Birmingham",
     "GB",
     "B1 B2 B3 B4",
     "+44 121 ",
     {u"Colmore Row", u"Broad Street", u"New Street"},
     2},
    {u"Scotland",
     u"Edinburgh",
     "GB",
     "EH1 EH2 EH3",
     "+44 131 ",
     {u"George Street", u"Princes Street", u"Lothian Road"},
     1},
};

struct Weighted {
    const char16_t *text;
    int weight;
};

inline constexpr Weighted kJaDepartments[] = {
    {u"営業部", 20},         {u"マーケティング部", 15},
    {u"情報システム部", 12}, {u"経営企画部", 8},
    {u"総務部", 8},          {u"人事部", 5},
    {u"経理部", 4},          {u"購買部", 5},
    {u"開発部", 8},          {u"製造部", 5},
    {u"品質管理部", 3},      {u"広報部", 3},
    {u"事業開発部", 5},      {u"カスタマーサクセス部", 3},
    {u"DX推進室", 4},
};

// Titles; the first three are board members, who are listed without a department.
inline constexpr Weighted kJaTitles[] = {
    {u"代表取締役", 3},   {u"取締役", 2},   {u"執行役員", 2}, {u"部長", 12},
    {u"次長", 4},         {u"課長", 14},    {u"係長", 8},     {u"主任", 12},
    {u"マネージャー", 8}, {u"リーダー", 6}, {u"担当", 9},     {u"", 20},
};
inline constexpr int kJaBoardTitles = 3;

struct EnDepartment {
    const char16_t *name; // empty: executives
    const char16_t *titles[4];
    int weight;
};

inline constexpr EnDepartment kEnDepartments[] = {
    {u"", {u"CEO", u"Founder", u"Managing Director", u"COO"}, 3},
    {u"Sales", {u"VP Sales", u"Sales Director", u"Sales Manager", u"Account Executive"}, 18},
    {u"Marketing",
     {u"VP Marketing", u"Director of Marketing", u"Marketing Manager",
      u"Demand Generation Manager"},
     18},
    {u"IT", {u"CIO", u"Head of IT", u"IT Manager", u"Systems Engineer"}, 14},
    {u"Operations",
     {u"VP Operations", u"Operations Director", u"Operations Manager", u"Operations Analyst"},
     8},
    {u"Finance", {u"CFO", u"Finance Director", u"Finance Manager", u"Controller"}, 5},
    {u"Procurement",
     {u"Head of Procurement", u"Procurement Manager", u"Purchasing Manager", u"Buyer"},
     5},
    {u"Business Development",
     {u"VP Business Development", u"Head of Partnerships", u"Business Development Manager",
      u"Partnership Manager"},
     8},
    {u"Customer Success",
     {u"VP Customer Success", u"Director of Customer Success", u"Customer Success Manager",
      u"Support Lead"},
     5},
};

inline constexpr Weighted kJaLostReasons[] = {
    {u"価格", 25},     {u"競合", 22},      {u"時期尚早", 18},        {u"予算不足", 15},
    {u"連絡不通", 10}, {u"ニーズなし", 7}, {u"社内決裁が通らず", 3},
};
inline constexpr Weighted kEnLostReasons[] = {
    {u"Budget", 22}, {u"Chose competitor", 22}, {u"Price", 15},
    {u"Timing", 16}, {u"No response", 15},      {u"No need", 10},
};

inline constexpr const char16_t *kJaNotes[] = {
    u"展示会ブースで名刺交換。資料送付希望。",
    u"来期の予算で検討中とのこと。",
    u"現在は他社ツールを利用中。契約更新は10月。",
    u"デモを希望。決裁者は部長。",
    u"導入事例の資料を送付済み。",
    u"代表電話経由のため担当者を確認中。",
};
inline constexpr const char16_t *kEnNotes[] = {
    u"Met at the booth; asked for the brochure.",
    u"Evaluating for next fiscal year.",
    u"Currently on a competitor; renewal in October.",
    u"Wants a demo; the VP signs off.",
    u"Sent the case study.",
};

} // namespace mikomi::demo::data
