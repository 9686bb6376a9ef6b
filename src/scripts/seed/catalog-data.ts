/**
 * The demo store's catalogue: five scenarios a Chinese merchant runs a
 * distribution programme for. Prices in CNY (major units) and HKD.
 */
export type DemoVariant = { title: string; sku: string; cny: number; hkd: number }
export type DemoProduct = {
  handle: string
  title: string
  category: string
  collection?: string
  description: string
  option: string
  variants: DemoVariant[]
}

export const CATEGORIES = [
  { handle: "beauty-skincare", name: "美妆护肤" },
  { handle: "mother-baby", name: "母婴用品" },
  { handle: "local-specialties", name: "地方特产" },
  { handle: "online-courses", name: "在线课程" },
  { handle: "apparel-accessories", name: "服饰配饰" },
]

export const COLLECTIONS = [
  { handle: "double-eleven", title: "双十一爆款" },
  { handle: "new-arrivals", title: "新品上市" },
]

const one = (sku: string, cny: number, hkd: number): DemoVariant[] => [
  { title: "标准装", sku, cny, hkd },
]

export const PRODUCTS: DemoProduct[] = [
  { handle: "hyaluronic-serum", title: "玻尿酸补水精华液 30ml", category: "beauty-skincare", collection: "double-eleven", description: "三重玻尿酸深层补水，敏感肌可用。", option: "规格", variants: [{ title: "30ml", sku: "SERUM-30", cny: 129.9, hkd: 148 }, { title: "50ml", sku: "SERUM-50", cny: 199, hkd: 228 }] },
  { handle: "repair-night-cream", title: "修护晚霜 50g", category: "beauty-skincare", description: "神经酰胺修护屏障，夜间密集滋养。", option: "规格", variants: one("CREAM-50", 259, 298) },
  { handle: "sunscreen-spf50", title: "清透防晒乳 SPF50+ PA++++", category: "beauty-skincare", collection: "new-arrivals", description: "轻薄不油腻，通勤户外都合适。", option: "规格", variants: one("SUN-60", 89, 102) },
  { handle: "amino-cleanser", title: "氨基酸洁面乳 120g", category: "beauty-skincare", description: "温和清洁，洗后不紧绷。", option: "规格", variants: one("CLEAN-120", 69.9, 80) },
  { handle: "sheet-mask-10", title: "积雪草舒缓面膜 10片", category: "beauty-skincare", collection: "double-eleven", description: "舒缓泛红，急救补水。", option: "规格", variants: [{ title: "10片", sku: "MASK-10", cny: 99, hkd: 114 }, { title: "30片", sku: "MASK-30", cny: 269, hkd: 309 }] },
  { handle: "lip-balm-set", title: "润唇膏三支装", category: "beauty-skincare", description: "天然蜂蜡，秋冬必备。", option: "规格", variants: one("LIP-3", 49.9, 58) },
  { handle: "infant-formula-3", title: "婴幼儿配方奶粉 3段 800g", category: "mother-baby", collection: "double-eleven", description: "新西兰奶源，含乳铁蛋白。", option: "规格", variants: [{ title: "单罐", sku: "MILK3-1", cny: 298, hkd: 342 }, { title: "三罐装", sku: "MILK3-3", cny: 849, hkd: 975 }] },
  { handle: "diapers-l", title: "超薄透气纸尿裤 L码 54片", category: "mother-baby", description: "3D立体护围，整夜干爽。", option: "尺码", variants: [{ title: "M 64片", sku: "DIAPER-M", cny: 119, hkd: 137 }, { title: "L 54片", sku: "DIAPER-L", cny: 119, hkd: 137 }, { title: "XL 44片", sku: "DIAPER-XL", cny: 129, hkd: 148 }] },
  { handle: "baby-wipes", title: "婴儿手口湿巾 80抽×6包", category: "mother-baby", description: "EDI纯水，无酒精无香精。", option: "规格", variants: one("WIPES-6", 59.9, 69) },
  { handle: "silicone-bottle", title: "宽口径硅胶奶瓶 240ml", category: "mother-baby", collection: "new-arrivals", description: "防胀气设计，仿母乳奶嘴。", option: "规格", variants: one("BOTTLE-240", 139, 160) },
  { handle: "baby-carrier", title: "四季款婴儿腰凳背带", category: "mother-baby", description: "人体工学坐垫，解放双手。", option: "颜色", variants: [{ title: "燕麦色", sku: "CARRIER-OAT", cny: 329, hkd: 378 }, { title: "雾霾蓝", sku: "CARRIER-BLUE", cny: 329, hkd: 378 }] },
  { handle: "kids-picture-books", title: "儿童睡前绘本 10册", category: "mother-baby", description: "3-6岁亲子共读，精装硬壳。", option: "规格", variants: one("BOOKS-10", 168, 193) },
  { handle: "wuchang-rice", title: "五常稻花香大米 5kg", category: "local-specialties", collection: "double-eleven", description: "黑龙江五常核心产区，当季新米。", option: "规格", variants: [{ title: "5kg", sku: "RICE-5", cny: 89.9, hkd: 103 }, { title: "10kg", sku: "RICE-10", cny: 169, hkd: 194 }] },
  { handle: "xihu-longjing", title: "明前西湖龙井 250g", category: "local-specialties", description: "杭州西湖产区，手工炒制。", option: "等级", variants: [{ title: "一级", sku: "LONGJING-1", cny: 399, hkd: 458 }, { title: "特级", sku: "LONGJING-S", cny: 699, hkd: 803 }] },
  { handle: "yunnan-pu-erh", title: "云南普洱熟茶饼 357g", category: "local-specialties", description: "勐海古树料，陈香醇厚。", option: "规格", variants: one("PUER-357", 238, 273) },
  { handle: "xinjiang-dates", title: "新疆若羌灰枣 1kg", category: "local-specialties", collection: "new-arrivals", description: "自然晾晒，皮薄肉厚。", option: "规格", variants: one("DATES-1", 59.9, 69) },
  { handle: "sichuan-hotpot-base", title: "重庆牛油火锅底料 4袋", category: "local-specialties", description: "老火慢炒，麻辣鲜香。", option: "辣度", variants: [{ title: "中辣", sku: "HOTPOT-M", cny: 45.8, hkd: 53 }, { title: "特辣", sku: "HOTPOT-H", cny: 45.8, hkd: 53 }] },
  { handle: "jinhua-ham", title: "金华火腿礼盒 1.5kg", category: "local-specialties", description: "传统工艺腌制，年货送礼佳品。", option: "规格", variants: one("HAM-1500", 368, 423) },
  { handle: "python-bootcamp", title: "Python 数据分析实战课", category: "online-courses", collection: "double-eleven", description: "60节视频课，含项目实战与答疑群。", option: "版本", variants: [{ title: "标准版", sku: "PY-STD", cny: 299, hkd: 343 }, { title: "陪跑版", sku: "PY-PRO", cny: 899, hkd: 1032 }] },
  { handle: "ielts-writing", title: "雅思写作 7分冲刺营", category: "online-courses", description: "名师批改 20 篇作文。", option: "版本", variants: one("IELTS-W", 1299, 1492) },
  { handle: "photography-basics", title: "手机摄影零基础入门", category: "online-courses", collection: "new-arrivals", description: "30天拍出朋友圈大片。", option: "版本", variants: one("PHOTO-101", 99, 114) },
  { handle: "wealth-literacy", title: "家庭理财必修课", category: "online-courses", description: "从记账到资产配置。", option: "版本", variants: one("MONEY-101", 199, 228) },
  { handle: "kids-coding", title: "少儿编程 Scratch 启蒙", category: "online-courses", description: "6-12岁，48课时。", option: "版本", variants: one("SCRATCH-48", 599, 688) },
  { handle: "silk-scarf", title: "桑蚕丝印花方巾", category: "apparel-accessories", collection: "double-eleven", description: "100%桑蚕丝，53×53cm。", option: "花色", variants: [{ title: "青花", sku: "SCARF-BLUE", cny: 189, hkd: 217 }, { title: "海棠", sku: "SCARF-PINK", cny: 189, hkd: 217 }] },
  { handle: "cashmere-sweater", title: "羊绒圆领毛衣", category: "apparel-accessories", description: "内蒙古山羊绒，亲肤不扎。", option: "尺码", variants: [{ title: "S", sku: "CASH-S", cny: 599, hkd: 688 }, { title: "M", sku: "CASH-M", cny: 599, hkd: 688 }, { title: "L", sku: "CASH-L", cny: 599, hkd: 688 }] },
  { handle: "canvas-tote", title: "帆布托特包", category: "apparel-accessories", collection: "new-arrivals", description: "加厚帆布，通勤大容量。", option: "颜色", variants: [{ title: "米白", sku: "TOTE-IVORY", cny: 79, hkd: 91 }, { title: "黑色", sku: "TOTE-BLACK", cny: 79, hkd: 91 }] },
  { handle: "sterling-earrings", title: "S925 银珍珠耳钉", category: "apparel-accessories", description: "淡水珍珠，防过敏。", option: "规格", variants: one("EAR-925", 129, 148) },
  { handle: "hanfu-hairpin", title: "古风发簪", category: "apparel-accessories", description: "黄铜镀金，手工点翠工艺。", option: "规格", variants: one("HAIRPIN-1", 68, 78) },
  { handle: "down-vest", title: "轻薄羽绒马甲", category: "apparel-accessories", description: "90%白鸭绒，可收纳。", option: "尺码", variants: [{ title: "M", sku: "VEST-M", cny: 259, hkd: 298 }, { title: "L", sku: "VEST-L", cny: 259, hkd: 298 }] },
  { handle: "bamboo-socks", title: "竹纤维商务袜 5双装", category: "apparel-accessories", description: "抑菌透气，四季可穿。", option: "规格", variants: one("SOCKS-5", 39.9, 46) },
]
