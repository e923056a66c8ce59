"""The demo shop's catalogue: products with bilingual names, bins, prices, unit and case barcodes,
and at the end each product's opening receipt and stock figures, from the ledger the orders made."""

from __future__ import annotations

from orderapp.demo.plan import InsertRows, Making, SetStock
from orderapp.demo.sampling import weighted_pool
from orderapp.demo.writer import (
    BARCODE,
    BARCODE_COLUMNS,
    DAY,
    MOVEMENT,
    MOVEMENT_COLUMNS,
    PRODUCT,
    PRODUCT_COLUMNS,
    Row,
)
from orderapp.domain.gtin import Symbology, with_check_digit
from orderapp.domain.money import exponent
from orderapp.store.count_models import PRODUCT_SEARCH_TEXT
from orderapp.store.models import DEFAULT_USER_ID

# --- products --------------------------------------------------------------------------------------

# code, Chinese, English, aisle
_CATEGORIES: dict[str, tuple[str, str, str]] = {
    "TEA": ("茶叶", "Tea", "A"),
    "GRN": ("米面粮油", "Rice, Flour & Oil", "B"),
    "CND": ("调味品", "Condiments", "C"),
    "SNK": ("休闲零食", "Snacks", "D"),
    "DRK": ("饮料", "Drinks", "E"),
    "DAI": ("乳制品", "Dairy", "F"),
    "INS": ("方便速食", "Instant Food", "G"),
    "HSE": ("日用百货", "Household", "H"),
    "STN": ("文具", "Stationery", "J"),
    "IMP": ("进口食品", "Imported Food", "K"),
}

# category, Chinese, English, unit, sizes, price in fen for the first size
_Sizes = tuple[tuple[str, float], ...]  # size as printed, price factor against the first size
_ITEMS: tuple[tuple[str, str, str, str, _Sizes, int], ...] = (
    ("TEA", "茉莉花茶", "Jasmine Tea", "box", (("250g", 1.0), ("100g", 0.46), ("500g", 1.8)), 3800),
    ("TEA", "西湖龙井", "Longjing Green Tea", "box", (("100g", 1.0), ("250g", 2.18)), 8800),
    ("TEA", "普洱熟茶", "Ripe Pu-erh Tea", "cake", (("357g", 1.0), ("200g", 0.61)), 12800),
    ("TEA", "安溪铁观音", "Tieguanyin Oolong", "box", (("125g", 1.0), ("250g", 1.8)), 6800),
    ("TEA", "祁门红茶", "Keemun Black Tea", "box", (("100g", 1.0), ("200g", 1.8)), 5600),
    ("TEA", "菊花茶", "Chrysanthemum Tea", "bag", (("50g", 1.0), ("100g", 1.8)), 1800),
    ("TEA", "大麦茶", "Roasted Barley Tea", "bag", (("300g", 1.0),), 1500),
    ("GRN", "东北大米", "Northeast Rice", "bag", (("5kg", 1.0), ("2.5kg", 0.55), ("10kg", 1.8)), 4590),
    ("GRN", "泰国香米", "Thai Jasmine Rice", "bag", (("5kg", 1.0), ("2.5kg", 0.55)), 5990),
    ("GRN", "花生油", "Peanut Oil", "bottle", (("1.8L", 1.0), ("5L", 2.38), ("900ml", 0.55)), 4290),
    ("GRN", "菜籽油", "Rapeseed Oil", "bottle", (("5L", 1.0), ("1.8L", 0.42)), 6990),
    ("GRN", "高筋面粉", "Bread Flour", "bag", (("2.5kg", 1.0), ("1kg", 0.46)), 2290),
    ("GRN", "挂面", "Dried Wheat Noodles", "pack", (("1kg", 1.0), ("500g", 0.55)), 990),
    ("GRN", "小米", "Foxtail Millet", "bag", (("1kg", 1.0),), 1690),
    ("GRN", "糯米", "Glutinous Rice", "bag", (("1kg", 1.0), ("2.5kg", 2.18)), 1490),
    ("CND", "生抽", "Light Soy Sauce", "bottle", (("500ml", 1.0), ("1.28L", 2.22)), 1190),
    ("CND", "老抽", "Dark Soy Sauce", "bottle", (("500ml", 1.0),), 1290),
    ("CND", "镇江香醋", "Zhenjiang Black Vinegar", "bottle", (("550ml", 1.0),), 990),
    ("CND", "蚝油", "Oyster Sauce", "bottle", (("510g", 1.0), ("700g", 1.31)), 1590),
    ("CND", "郫县豆瓣酱", "Pixian Chili Bean Paste", "jar", (("500g", 1.0),), 1290),
    ("CND", "小磨芝麻油", "Sesame Oil", "bottle", (("220ml", 1.0), ("400ml", 1.66)), 1990),
    ("CND", "风味豆豉油辣椒", "Chili Crisp", "jar", (("280g", 1.0),), 1190),
    ("CND", "加碘精制盐", "Iodised Salt", "bag", (("400g", 1.0),), 250),
    ("CND", "白砂糖", "White Sugar", "bag", (("1kg", 1.0), ("500g", 0.55)), 890),
    ("CND", "花椒", "Sichuan Peppercorns", "bag", (("100g", 1.0), ("50g", 0.55)), 1590),
    ("CND", "八角", "Star Anise", "bag", (("50g", 1.0),), 890),
    ("CND", "鸡精", "Chicken Bouillon Powder", "bag", (("200g", 1.0), ("454g", 2.01)), 1090),
    ("SNK", "五香瓜子", "Sunflower Seeds", "bag", (("500g", 1.0), ("260g", 0.57)), 1590),
    ("SNK", "薯片", "Potato Chips", "bag", (("70g", 1.0), ("135g", 1.75)), 790),
    ("SNK", "牛肉干", "Beef Jerky", "bag", (("100g", 1.0), ("250g", 2.18)), 3290),
    ("SNK", "苏打饼干", "Soda Crackers", "box", (("400g", 1.0),), 1290),
    ("SNK", "大白兔奶糖", "White Rabbit Milk Candy", "bag", (("227g", 1.0), ("454g", 1.8)), 1990),
    ("SNK", "辣条", "Spicy Gluten Strips", "bag", (("106g", 1.0), ("260g", 2.14)), 590),
    ("SNK", "开心果", "Pistachios", "bag", (("200g", 1.0), ("500g", 2.18)), 3990),
    ("SNK", "海苔脆片", "Seaweed Snack", "pack", (("40g", 1.0), ("4.5g×12", 1.29)), 1490),
    ("SNK", "凤梨酥", "Pineapple Cakes", "box", (("300g", 1.0),), 4590),
    ("SNK", "旺仔雪饼", "Rice Crackers", "bag", (("520g", 1.0), ("84g", 0.21)), 1990),
    ("DRK", "矿泉水", "Mineral Water", "bottle", (("550ml", 1.0), ("1.5L", 2.35), ("4L", 5.4)), 200),
    ("DRK", "可乐", "Cola", "can", (("330ml", 1.0), ("2L", 4.63)), 350),
    ("DRK", "凉茶", "Herbal Tea", "can", (("310ml", 1.0),), 450),
    ("DRK", "豆奶", "Soy Milk", "carton", (("250ml", 1.0), ("1L", 3.25)), 350),
    ("DRK", "鲜榨橙汁", "Orange Juice", "bottle", (("1L", 1.0), ("300ml", 0.36)), 1590),
    ("DRK", "椰汁", "Coconut Milk Drink", "can", (("245ml", 1.0), ("1L", 3.31)), 450),
    ("DRK", "冰红茶", "Iced Lemon Tea", "bottle", (("500ml", 1.0), ("1L", 1.8)), 350),
    ("DRK", "苏打水", "Sparkling Water", "bottle", (("410ml", 1.0),), 450),
    ("DRK", "青岛啤酒", "Tsingtao Beer", "can", (("500ml", 1.0), ("330ml", 0.7)), 650),
    ("DAI", "纯牛奶", "Whole Milk", "carton", (("250ml×12", 1.0), ("1L", 0.39), ("250ml", 0.12)), 6500),
    ("DAI", "原味酸奶", "Plain Yogurt", "cup", (("100g×8", 1.0), ("1kg", 1.21)), 2590),
    ("DAI", "奶酪片", "Cheese Slices", "pack", (("166g", 1.0),), 2290),
    ("DAI", "鲜鸡蛋", "Fresh Eggs", "box", (("10 pcs", 1.0), ("30 pcs", 2.54)), 1690),
    ("INS", "红烧牛肉面", "Braised Beef Instant Noodles", "pack", (("5 packs", 1.0), ("1 bowl", 0.25)), 1490),
    ("INS", "螺蛳粉", "Luosifen Rice Noodles", "bag", (("330g", 1.0),), 1390),
    ("INS", "自热火锅", "Self-heating Hot Pot", "box", (("420g", 1.0),), 2990),
    ("INS", "三鲜水饺", "Frozen Pork Dumplings", "bag", (("1kg", 1.0), ("500g", 0.55)), 2590),
    ("INS", "黑芝麻汤圆", "Black Sesame Tangyuan", "bag", (("500g", 1.0),), 1590),
    ("INS", "速冻馄饨", "Frozen Wontons", "bag", (("400g", 1.0),), 1890),
    ("HSE", "抽纸", "Facial Tissues", "pack", (("3 packs", 1.0), ("10 packs", 2.78)), 1590),
    ("HSE", "洗洁精", "Dish Soap", "bottle", (("1.5kg", 1.0), ("500g", 0.39)), 1290),
    ("HSE", "洗衣液", "Laundry Liquid", "bottle", (("2kg", 1.0), ("3kg", 1.41)), 3990),
    ("HSE", "垃圾袋", "Bin Bags", "roll", (("50 bags", 1.0), ("100 bags", 1.8)), 990),
    ("HSE", "保鲜膜", "Cling Film", "roll", (("30m", 1.0),), 1290),
    ("HSE", "碱性电池", "AA Alkaline Batteries", "pack", (("4 pcs", 1.0), ("12 pcs", 2.54)), 1990),
    ("HSE", "牙膏", "Toothpaste", "tube", (("120g", 1.0), ("180g", 1.41)), 1590),
    ("HSE", "软毛牙刷", "Soft Toothbrush", "pack", (("2 pcs", 1.0),), 1290),
    ("HSE", "洗发水", "Shampoo", "bottle", (("400ml", 1.0), ("750ml", 1.71)), 4590),
    ("HSE", "香皂", "Bar Soap", "pack", (("3×100g", 1.0),), 990),
    ("HSE", "一次性筷子", "Disposable Chopsticks", "pack", (("100 pairs", 1.0),), 890),
    ("STN", "中性笔", "Gel Pen 0.5mm", "box", (("12 pcs", 1.0),), 1490),
    ("STN", "笔记本", "Notebook A5", "each", (("80 sheets", 1.0),), 590),
    ("STN", "透明胶带", "Clear Tape", "roll", (("18mm", 1.0),), 290),
    ("STN", "剪刀", "Scissors", "each", (("17cm", 1.0),), 990),
    ("STN", "红包", "Red Envelopes", "pack", (("6 pcs", 1.0), ("20 pcs", 2.78)), 590),
)

# Products sold under an English name only (imported goods): English, category, unit, sizes, price.
_IMPORTED: tuple[tuple[str, str, str, _Sizes, int], ...] = (
    ("Earl Grey Tea", "TEA", "box", (("50 bags", 1.0), ("100 bags", 1.8)), 4590),
    ("English Breakfast Tea", "TEA", "box", (("80 bags", 1.0),), 3990),
    ("Digestive Biscuits", "IMP", "pack", (("400g", 1.0),), 2290),
    ("Crunchy Peanut Butter", "IMP", "jar", (("340g", 1.0), ("510g", 1.41)), 3490),
    ("Instant Coffee", "IMP", "jar", (("200g", 1.0), ("100g", 0.55)), 5990),
    ("Oat Milk", "DAI", "carton", (("1L", 1.0),), 2290),
    ("Maple Syrup", "IMP", "bottle", (("250ml", 1.0), ("500ml", 1.8)), 6890),
    ("Extra Virgin Olive Oil", "GRN", "bottle", (("500ml", 1.0), ("1L", 1.8)), 7990),
    ("Spaghetti No. 5", "IMP", "pack", (("500g", 1.0),), 1590),
    ("Tomato Ketchup", "CND", "bottle", (("460g", 1.0),), 1990),
    ("Dark Chocolate 70%", "SNK", "bar", (("100g", 1.0),), 2290),
    ("Salted Pretzels", "SNK", "bag", (("200g", 1.0),), 1890),
    ("Rolled Oats", "GRN", "bag", (("1kg", 1.0),), 3290),
    ("Sparkling Apple Juice", "DRK", "bottle", (("750ml", 1.0),), 3990),
)

# Chinese, English (brands or lines of the shop's suppliers; fictional)
_BRANDS: tuple[tuple[str, str], ...] = (
    ("", ""),
    ("金禾", "Golden Grain"),
    ("山泉", "Spring Hill"),
    ("福满", "Fortune Farm"),
    ("老街", "Old Street"),
    ("青山", "Green Hills"),
    ("海之味", "Taste of the Sea"),
    ("百家", "Baijia"),
    ("江南", "Jiangnan"),
    ("小熊", "Little Bear"),
    ("丰收", "Harvest"),
    ("悦享", "Joyful"),
)
_VARIANTS: tuple[tuple[str, str], ...] = (
    ("", ""),
    ("特级", "Premium"),
    ("有机", "Organic"),
    ("低糖", "Low Sugar"),
    ("经典", "Classic"),
    ("家庭装", "Family Pack"),
    ("精选", "Select"),
    ("原味", "Original"),
    ("香辣", "Spicy"),
)
_IMPORTED_BRANDS = ("", "Hillside", "Nordic Farm", "Baker & Sons", "Maple Grove", "Golden Valley", "Coastline")


_HALF_RANGE = 5 * 10**9
_CHINESE_COUNTS = {" pcs": "个", " packs": "包", " bags": "袋", " pairs": "双", " sheets": "页", " bowl": "桶"}


def _chinese_size(size: str) -> str:
    """ "10 pcs" -> "10个": a Chinese label counts in Chinese; metric symbols stay as they are."""
    for english, chinese in _CHINESE_COUNTS.items():
        size = size.replace(english, chinese)
    return size


class Catalogue:
    """The products, written at once; keeps what orders need and what the stock ledger adds up."""

    def __init__(self, making: Making) -> None:
        self.making = making
        plan, rng, report = making.plan, making.rng, making.report
        count, opening_us = plan.size.products, plan.opening_us
        self.first_id = plan.first.product
        scale = 10 ** exponent(plan.currency)  # prices below are in hundredths of a major unit
        self.ids: list[int] = []
        self.skus: list[str] = []
        self.names: list[str] = []
        self.prices: list[int] = []
        self.pack_qty: list[int] = []  # case size where the product has a case barcode, else 0
        # What an order line copies, in one tuple per product: id, SKU, name, price, case size.
        self.line_facts: list[tuple[int, str, str, int, int]] = []
        self.reorder_point: list[int] = []
        self.reorder_qty: list[int] = []
        # Ledger sums, filled as orders are made.
        self.committed = [0] * count  # ever reserved, plus sold over the counter
        self.shipped = [0] * count  # left the shop: ship + sale
        self.reserved = [0] * count
        self.returned = [0] * count

        barcode_id = plan.first.barcode
        product_rows: list[Row] = []
        barcode_rows: list[Row] = []
        bilingual_or_not = weighted_pool({"both": 60, "zh": 25, "en": 15}, 100)
        n_items, n_imported = len(_ITEMS), len(_IMPORTED)
        item_order = list(range(n_items))
        rng.shuffle(item_order)
        stamp = making.stamps.stamp
        random_ = rng.random
        done_every = max(1, count // 20)
        for index in range(count):
            product_id = self.first_id + index
            style = bilingual_or_not[int(random_() * len(bilingual_or_not))]
            if style == "en" and random_() < 0.7:
                english, code, unit, sizes, base = _IMPORTED[(index * 7 + int(random_() * 3)) % n_imported]
                brand = _IMPORTED_BRANDS[(index // n_imported) % len(_IMPORTED_BRANDS)]
                size_text, factor = sizes[(index // n_imported) % len(sizes)]
                name = f"{brand} {english} {size_text}".strip()
                upc = True
            else:
                code, zh, en, unit, sizes, base = _ITEMS[item_order[index % n_items]]
                cycle = index // n_items
                size_text, factor = sizes[cycle % len(sizes)]
                brand_zh, brand_en = _BRANDS[(cycle // len(sizes)) % len(_BRANDS)]
                variant_zh, variant_en = _VARIANTS[(cycle // (len(sizes) * len(_BRANDS))) % len(_VARIANTS)]
                zh_name = f"{brand_zh}{variant_zh}{zh}"
                en_name = " ".join(part for part in (brand_en, variant_en, en) if part)
                if style == "zh":
                    name = f"{zh_name} {_chinese_size(size_text)}"
                elif style == "en":
                    name = f"{en_name} {size_text}"
                else:
                    name = f"{zh_name} {en_name} {size_text}"
                upc = random_() < 0.05
            price = max(10, round(base * factor * (0.8 + 0.5 * random_()) / 10) * 10) * scale // 100
            cost = price * (55 + int(random_() * 25)) // 100
            aisle = _CATEGORIES[code][2]
            location = f"{aisle}-{1 + int(random_() * 24):02d}-{1 + int(random_() * 5)}"
            sku = f"{code}-{product_id:06d}"
            reorder_point = 4 + int(random_() * 27)
            reorder_qty = (2 + int(random_() * 9)) * 6
            created = stamp(opening_us - int(random_() * 60) * DAY - DAY)
            product_rows.append(
                (
                    product_id,
                    sku,
                    name,
                    _CATEGORIES[code][1],
                    location,
                    unit,
                    price,
                    cost,
                    reorder_point,
                    reorder_qty,
                    0,
                    0,
                    True,
                    created,
                    created,
                )
            )
            self.ids.append(product_id)
            self.skus.append(sku)
            self.names.append(name)
            self.prices.append(price)
            self.reorder_point.append(reorder_point)
            self.reorder_qty.append(reorder_qty)

            # Unit barcode: EAN-13 with a Chinese GS1 prefix (690-694), or a UPC-A for imported
            # goods. The multiplier is coprime with 5 * 10**9, so distinct products get distinct codes;
            # case EAN-13s use 695-699, so they never meet a unit code.
            scrambled = (index * 7_919_993 + 104_729) % _HALF_RANGE
            if upc:
                unit_code = with_check_digit(f"0{scrambled:010d}")
                symbology = Symbology.UPCA.value
            else:
                unit_code = with_check_digit(f"69{scrambled:010d}")
                symbology = Symbology.EAN13.value
            barcode_rows.append((barcode_id, product_id, unit_code, symbology, "unit", 1, unit_code.zfill(14)))
            barcode_id += 1
            pack = 0
            if random_() < 0.1:
                pack = (6, 12, 24)[int(random_() * 3)]
                if random_() < 0.7:
                    # GTIN-14: packaging indicator + the unit code's digits, new check digit.
                    case_code = with_check_digit(f"{1 + int(random_() * 8)}{unit_code.rjust(13, '0')[:12]}")
                    case_symbology = Symbology.GTIN14.value
                else:
                    case_code = with_check_digit(f"69{_HALF_RANGE + scrambled:010d}")
                    case_symbology = Symbology.EAN13.value
                barcode_rows.append(
                    (barcode_id, product_id, case_code, case_symbology, "case", pack, case_code.zfill(14))
                )
                barcode_id += 1
            self.pack_qty.append(pack)
            self.line_facts.append((product_id, sku, name, price, pack))
            if (index + 1) % done_every == 0:
                report("products", index + 1, count)
        # The product list's search index: one statement for all the products, not an FTS write each.
        refill = f"INSERT INTO product_search_fts(rowid, body) SELECT id, {PRODUCT_SEARCH_TEXT} FROM product"
        without = ("product_search_ai", refill + f" WHERE id >= {self.first_id}")
        making.out(InsertRows(PRODUCT.name, PRODUCT_COLUMNS, product_rows, without_trigger=without))
        making.out(InsertRows(BARCODE.name, BARCODE_COLUMNS, barcode_rows))
        report("products", count, count)

    def finish_stock(self) -> None:
        """Write each product's opening receipt and set its figures to the ledger's sums.

        The receipt covers everything ever reserved or sold, so available stock never went below
        zero; a few products are left at or below their reorder point, some of them sold out. The
        receipts take the first movement ids (``plan.first.movement``), kept for them from the start.
        """
        making = self.making
        rng, first_movement_id = making.rng, making.plan.first.movement
        count = len(self.ids)
        low = set(rng.sample(range(count), max(1, round(count * 0.07))))
        at = making.stamps.stamp(making.plan.opening_us)
        receipts: list[Row] = []
        updates: list[tuple[int, int, int, int]] = []
        random_ = rng.random
        for index in range(count):
            reorder_point = self.reorder_point[index]
            committed, reserved = self.committed[index], self.reserved[index]
            released_or_kept = committed - self.shipped[index]  # still reserved, or reserved then released
            if index in low:
                spare = 0 if random_() < 0.3 else int(random_() * (reorder_point // 2 + 1))
                if committed + spare == 0:
                    spare = 1
            else:
                spare = reorder_point + 1 + int(random_() * self.reorder_qty[index] * 1.5)
            receipt = committed + spare
            on_hand = receipt - self.shipped[index] + self.returned[index]
            assert on_hand == released_or_kept + spare + self.returned[index]
            if index in low:
                reorder_point = max(reorder_point, on_hand)
            receipts.append(
                (
                    first_movement_id + index,
                    self.ids[index],
                    at,
                    DEFAULT_USER_ID,
                    "receive",
                    receipt,
                    0,
                    "Opening stock",
                    "OPENING",
                    None,
                )
            )
            updates.append((on_hand, reserved, reorder_point, self.ids[index]))
        making.out(InsertRows(MOVEMENT.name, MOVEMENT_COLUMNS, receipts))
        making.out(SetStock(updates))
        making.report("stock", count, count)
