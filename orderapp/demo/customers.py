"""The demo shop's customers: Chinese, American and British names, valid phone numbers and
addresses; regulars order far more often than the rest."""

from __future__ import annotations

from orderapp.demo.plan import InsertRows, Making
from orderapp.demo.sampling import random_digits, running_totals
from orderapp.demo.writer import CUSTOMER, CUSTOMER_COLUMNS, DAY, HOUR, Row

# --- customers -------------------------------------------------------------------------------------


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


def _pairs(text: str) -> tuple[tuple[str, str], ...]:
    """ "王 wang, 李 li" -> (("王", "wang"), ("李", "li"))"""
    return tuple((zh, latin) for zh, latin in (item.split() for item in text.split(",")))


_SURNAMES = _pairs(
    "王 wang, 李 li, 张 zhang, 刘 liu, 陈 chen, 杨 yang, 黄 huang, 赵 zhao, 吴 wu, 周 zhou, 徐 xu, "
    "孙 sun, 马 ma, 朱 zhu, 胡 hu, 郭 guo, 何 he, 林 lin, 高 gao, 罗 luo, 郑 zheng, 梁 liang, "
    "宋 song, 唐 tang"
)
_GIVEN = _pairs(
    "伟 wei, 芳 fang, 娜 na, 敏 min, 静 jing, 丽 li, 强 qiang, 磊 lei, 军 jun, 洋 yang, 勇 yong, "
    "艳 yan, 杰 jie, 娟 juan, 涛 tao, 明 ming, 超 chao, 秀英 xiuying, 霞 xia, 平 ping, 刚 gang, "
    "桂英 guiying, 建华 jianhua, 晓东 xiaodong, 海燕 haiyan, 子涵 zihan, 浩然 haoran, 雨桐 yutong, "
    "梓萱 zixuan, 宇轩 yuxuan, 思远 siyuan, 欣怡 xinyi"
)
_FIRST = _words(
    "James Mary John Patricia Robert Jennifer Michael Linda David Emily Oliver Amelia George Isla Harry Sophie "
    "Daniel Grace Thomas Chloe William Olivia Henry Charlotte"
)
_LAST = _words(
    "Smith Johnson Williams Brown Jones Taylor Wilson Davies Evans Miller Clarke Walker Wright Green Hall Moore "
    "Anderson Thompson Robinson Lewis"
)
# Mobile prefixes of China Mobile, China Unicom and China Telecom.
_CN_MOBILE = _words(
    "135 136 137 138 139 150 151 152 157 158 159 182 183 187 188 130 131 132 155 156 185 186 133 153 180 181 189 "
    "177 199 198"
)
# region, city, postcode prefix, districts
_CN_CITIES = (
    ("上海市", "上海市", "200", ("徐汇区", "浦东新区", "静安区", "黄浦区", "长宁区", "杨浦区", "闵行区")),
    ("北京市", "北京市", "100", ("朝阳区", "海淀区", "东城区", "西城区", "丰台区")),
    ("广东省", "广州市", "510", ("天河区", "越秀区", "海珠区")),
    ("广东省", "深圳市", "518", ("南山区", "福田区", "罗湖区")),
    ("浙江省", "杭州市", "310", ("西湖区", "拱墅区", "滨江区")),
    ("江苏省", "南京市", "210", ("鼓楼区", "玄武区", "秦淮区")),
    ("江苏省", "苏州市", "215", ("姑苏区", "吴中区")),
    ("四川省", "成都市", "610", ("武侯区", "锦江区", "青羊区")),
    ("湖北省", "武汉市", "430", ("武昌区", "江汉区", "洪山区")),
)
_CN_ROADS = _words(
    "中山路 人民路 解放路 建设路 和平路 文化路 新华路 胜利路 长江路 淮海中路 "
    "南京西路 世纪大道 漕溪北路 天府大道 延安东路"
)
# city, state, ZIP prefix, area codes
_US_CITIES = (
    ("New York", "NY", "100", ("212", "646", "917")),
    ("San Francisco", "CA", "941", ("415", "628")),
    ("Seattle", "WA", "981", ("206",)),
    ("Boston", "MA", "021", ("617", "857")),
    ("Chicago", "IL", "606", ("312", "773")),
)
_US_STREETS = (
    "Market St",
    "Broadway",
    "Main St",
    "Oak Ave",
    "Elm St",
    "Mission St",
    "Grand Ave",
    "Washington St",
    "Lake Shore Dr",
    "Pine St",
)
# city, country part, postcode districts
_GB_CITIES = (
    ("London", "England", ("NW1", "SW1A", "E1", "N1", "W1T", "SE1", "EC2A")),
    ("Manchester", "England", ("M1", "M4", "M14")),
    ("Edinburgh", "Scotland", ("EH1", "EH3", "EH8")),
    ("Bristol", "England", ("BS1", "BS8")),
)
_GB_STREETS = (
    "Baker Street",
    "High Street",
    "Church Road",
    "Station Road",
    "Victoria Road",
    "Park Lane",
    "Queen Street",
    "King's Road",
    "Mill Lane",
)
_GB_LETTERS = "ABDEFGHJLNPQRSTUWXYZ"  # letters used in the inward part of a UK postcode
_CN_MAIL = ("qq.com", "163.com", "126.com", "sina.com", "foxmail.com", "outlook.com")
_EN_MAIL = ("gmail.com", "outlook.com", "yahoo.com", "icloud.com", "example.co.uk")
_CUSTOMER_NOTES = (
    "",
    "",
    "",
    "",
    "",
    "",
    "老顾客 Regular customer",
    "Prefers WeChat Pay 微信支付",
    "送货前请来电 Call before delivery",
    "Leave with the doorman 放门卫室",
)


class CustomerBook:
    """The customers, written at once; regulars order far more often than the rest. Drawn from their
    own random stream (``Making.stream``), so a big shop's builder can make them while its maker
    process makes the products; the book then goes to the maker (plain lists: it pickles)."""

    def __init__(self, making: Making) -> None:
        plan, rng, stamp = making.plan, making.stream("customers"), making.stamps.stamp
        count, opening_us, first_id = plan.size.customers, plan.opening_us, plan.first.customer
        self.ids: list[int] = []
        self.abroad: list[bool] = []
        # An order's ship_* columns by fulfilment: the whole address for a delivery, the name and
        # phone for a pickup or a counter sale.
        self.ship_to: dict[str, list[tuple[str, ...]]] = {"delivery": [], "pickup": []}
        self.ship_to["walk_in"] = self.ship_to["pickup"]
        rows: list[Row] = []
        random_ = rng.random
        for index in range(count):
            customer_id = first_id + index
            country_roll = random_()
            chinese_name = random_() < (0.92 if country_roll < 0.85 else 0.2)
            if chinese_name:
                surname, surname_py = _SURNAMES[int(random_() * len(_SURNAMES))]
                given, given_py = _GIVEN[int(random_() * len(_GIVEN))]
                name = surname + given
                mail_user = (
                    f"{given_py}.{surname_py}{int(random_() * 1000)}"
                    if random_() < 0.6
                    else f"{rng.randrange(10_000_000, 3_000_000_000)}"
                )
            else:
                first, last = _FIRST[int(random_() * len(_FIRST))], _LAST[int(random_() * len(_LAST))]
                name = f"{first} {last}"
                mail_user = f"{first.lower()}.{last.lower()}{int(random_() * 100)}"
            if country_roll < 0.85:
                region, city, zip_prefix, districts = _CN_CITIES[int(random_() * len(_CN_CITIES))]
                phone = f"+86{_CN_MOBILE[int(random_() * len(_CN_MOBILE))]}{random_digits(rng, 8)}"
                line1 = (
                    f"{districts[int(random_() * len(districts))]}"
                    f"{_CN_ROADS[int(random_() * len(_CN_ROADS))]}{1 + int(random_() * 999)}号"
                )
                roll = random_()
                line2 = (
                    f"{1 + int(random_() * 30)}号楼{1 + int(random_() * 30)}{1 + int(random_() * 4):02d}室"
                    if roll < 0.6
                    else f"{1 + int(random_() * 6)}单元{1 + int(random_() * 18)}01室"
                    if roll < 0.8
                    else ""
                )
                postcode, country = f"{zip_prefix}{random_digits(rng, 3)}", "CN"
                domains = _CN_MAIL if chinese_name else _EN_MAIL
            elif country_roll < 0.94:
                city, region, zip_prefix, area_codes = _US_CITIES[int(random_() * len(_US_CITIES))]
                exchange = f"{2 + int(random_() * 8)}{random_digits(rng, 2)}"
                if exchange[1:] == "11" or exchange == "555":
                    exchange = "734"
                phone = f"+1{area_codes[int(random_() * len(area_codes))]}{exchange}{random_digits(rng, 4)}"
                line1 = f"{1 + int(random_() * 2400)} {_US_STREETS[int(random_() * len(_US_STREETS))]}"
                line2 = f"Apt {1 + int(random_() * 20)}{'ABCDEF'[int(random_() * 6)]}" if random_() < 0.5 else ""
                postcode, country = f"{zip_prefix}{random_digits(rng, 2)}", "US"
                domains = _EN_MAIL
            else:
                city, region, districts = _GB_CITIES[int(random_() * len(_GB_CITIES))]
                phone = f"+4477{1 + int(random_() * 7)}{random_digits(rng, 7)}"
                line1 = f"{1 + int(random_() * 220)} {_GB_STREETS[int(random_() * len(_GB_STREETS))]}"
                line2 = f"Flat {1 + int(random_() * 12)}" if random_() < 0.4 else ""
                letters = _GB_LETTERS[int(random_() * 20)] + _GB_LETTERS[int(random_() * 20)]
                postcode = f"{districts[int(random_() * len(districts))]} {int(random_() * 10)}{letters}"
                country = "GB"
                domains = _EN_MAIL
            email = f"{mail_user}@{domains[int(random_() * len(domains))]}" if random_() < 0.85 else ""
            notes = _CUSTOMER_NOTES[int(random_() * len(_CUSTOMER_NOTES))]
            created = stamp(opening_us - int(random_() * 400 * DAY) - HOUR)
            rows.append(
                (customer_id, name, phone, email, line1, line2, city, region, postcode, country, notes, created)
            )
            self.ids.append(customer_id)
            self.abroad.append(country != "CN")
            self.ship_to["delivery"].append((name, phone, line1, line2, city, region, postcode, country))
            self.ship_to["pickup"].append((name, phone, "", "", "", "", "", ""))
        making.out(InsertRows(CUSTOMER.name, CUSTOMER_COLUMNS, rows))
        making.report("customers", count, count)
        # Regulars order more often than the rest (a gentle Zipf curve), in no particular id order.
        ranks = list(range(count))
        rng.shuffle(ranks)
        self.cumulative = running_totals([1.0 / (rank + 20) for rank in ranks])
