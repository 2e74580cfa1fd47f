// 来源视图（www/sources.js）中计算器自己的文字，简体中文：各项假设、数字能耗数值和日常对比的出处、它们的单位，以及排放因子的来源。
// API 给出的是英文（Rust 表格里就是英文）；这里按英文原文逐字查表，查不到的保持英文。引文（作者、标题、期刊、网址、
// 许可协议、行代码）按原样保留。tests/page/i18n.test.mjs 检查 API 给出的每段文字在这里都有条目。
// 数字和单位的写法与 ./chain.js 一致：单位写成汉字，紧跟数字（“17.87公里”“22克/公里”）。
import { lookup, CCF, SWD } from '../lookup.js';

export const lang = 'zh-CN';

/** 中文也照原样书写的单位符号（纯属引文的来源由 ../lookup.js 统一按原样保留）。 */
const AS_PUBLISHED = ['PUE'];

const CCF_ZH = 'Cloud Carbon Footprint methodology (cloudcarbonfootprint.org/docs/methodology)。';
const SWD_ZH = 'Sustainable Web Design Model v4 (sustainablewebdesign.org)，与 CO2.js 相同。';

/** 假设、数字能耗数值（“来源. 说明”）、日常对比和排放因子的来源，按英文原文。 */
const SOURCES = {
  // 配送链的假设
  assumption: '假设',
  'assumption in the usual 1.2–1.4 circuity range (Ballou, Rahardja & Sakai 2002, Transp. Res. A 36(9))':
    '假设，取常见绕行系数范围1.2–1.4之内的值（Ballou, Rahardja & Sakai 2002, Transp. Res. A 36(9)）',
  'DESNZ 2025 van size classes, Class I to Class III, WTW, as a share of the average van (OGL v3.0)':
    'DESNZ 2025 货车车型等级（Class I 至 Class III），WTW，以平均货车的倍数表示（OGL v3.0）',
  "University of Westminster / Pedal Me 2021: the rider's extra food, up to 22 g/km; not counted centrally":
    'University of Westminster / Pedal Me 2021：骑手额外消耗的食物，最多22克/公里；中心值不计入',
  "assumption: China's parcels travel further between cities than the UK's": '假设：中国的包裹在城市之间运输的距离比英国远',
  "assumption: the extra road km of trunking through the carrier's sort centre instead of straight to the delivery depot":
    '假设：干线运输经快递公司分拨中心中转、而非直达派送网点时多出的道路里程',
  "assumption: a typical e-commerce parcel, as charged on the trunk (the order's weightKg when given)":
    '假设：典型的电商包裹，按干线运输计重（订单给出 weightKg 时用该值）',
  "assumption, per parcel handled at one logistics site; in line with Evri's 2021 site electricity, about 8 g CO2e per parcel over its whole network (derived); GLEC's default hub intensities could not be opened":
    '假设，按一个物流站点处理的每件包裹计；与 Evri 2021年各站点的用电量相符，折合其整个网络每件包裹约8克CO₂e（推算）；GLEC 的默认枢纽排放强度无法打开',
  'Shahmohammadi et al. 2020: carrier depot to round, geometric mean 17.87 km each way; range an assumption':
    'Shahmohammadi et al. 2020：快递网点到派送区域，几何平均值单程17.87公里；范围为假设',
  "urban: Allen et al. 2018, Transp. Res. D 61:325–338 (central London: 127 parcels, 11.9 km); suburban: Shahmohammadi et al. 2020 Table 3 (32 / 100 / 168 parcels; 11.9 / 45 / 96 km); rural: Shahmohammadi's sparse end (assumption for the range)":
    '城市：Allen et al. 2018, Transp. Res. D 61:325–338（伦敦市中心：127件，11.9公里）；郊区：Shahmohammadi et al. 2020 Table 3（32 / 100 / 168件；11.9 / 45 / 96公里）；农村：Shahmohammadi 数据中最稀疏的一端（范围为假设）',
  "assumption: a fixed delivery day fills the carrier's round; high 1.68 = Shahmohammadi's 168 over 100":
    '假设：固定配送日让快递公司的派送路线装得更满；高值1.68 = Shahmohammadi 的168件除以100件',
  'assumption near the break-even of about six stops a trip reported for rush deliveries (Jaller & Pahwa 2020, Transp. Res. D, press summary)':
    '假设，接近据报道的急送平衡点，即每趟约6个停靠点（Jaller & Pahwa 2020, Transp. Res. D，据新闻摘要）',
  "assumption: a same-day courier's local hub to the shopper's area, each way": '假设：当日达快递员的本地站点到顾客所在区域，单程',
  'assumption: parcel stations (快递驿站) sit in or at the gate of residential compounds': '假设：快递驿站设在小区内或小区门口',
  'assumption: station pickups are on foot': '假设：到驿站取件都是步行',
  'assumption: parcels a van leaves at one locker bank': '假设：一辆货车在一组快递柜投放的包裹数',
  'assumption: lockers (智能快递柜) stand inside residential compounds': '假设：智能快递柜设在小区内',
  'assumption: locker pickups are on foot': '假设：到快递柜取件都是步行',
  "assumption: a locker bank's electricity over the parcels it holds": '假设：一组快递柜的用电量，分摊到柜中的包裹',
  "assumption: shoppers' trips combined with other errands add no km (trip chaining, Brown & Guiffrida 2014, Int. J. Logistics Res. Appl.)":
    '假设：顾客顺路办其他事时取件，不额外增加里程（出行链，Brown & Guiffrida 2014, Int. J. Logistics Res. Appl.）',
  "Llorca & Moeckel 2021 (ETRR 13:33): at least half of parcels still need vans; high McLeod et al. 2020 (most of a central-London carrier's manifest moved to bikes and porters)":
    'Llorca & Moeckel 2021 (ETRR 13:33)：至少一半包裹仍需货车运送；高值取自 McLeod et al. 2020（伦敦市中心一家快递公司的大部分货件改由自行车和步行投递员派送）',
  "IMRG/NetDespatch 2019: 2.77% of first attempts carded, Mar 2018–Feb 2019; high Metapack's June 2014 peak 9.21%; low an assumption":
    'IMRG/NetDespatch 2019：2018年3月至2019年2月，2.77%的首次派送未成功、只留下取件通知卡；高值为 Metapack 统计的2014年6月峰值9.21%；低值为假设',
  'assumption: failed parcels the shopper collects at once (the rest are re-attempted, then collected if the re-attempt fails too)':
    '假设：派送失败后由顾客立即自取的包裹（其余再次派送，若再次失败也由顾客自取）',
  "assumption: shopper to the carrier's depot, one way": '假设：顾客到快递网点，单程',
  'assumption: collection trips by car (the rest on foot or by public transport, not counted)':
    '假设：开车取件的出行（其余步行或乘公共交通，不计入）',
  "assumption; a collection point's trip emits 13% of a depot trip (Edwards et al. 2010, Transp. Res. Rec. 2191)":
    '假设；去代收点取件的排放是去网点取件的13%（Edwards et al. 2010, Transp. Res. Rec. 2191）',
  'MEE, NBS & NEA 2023 national electricity carbon footprint factor, 0.6205 kg CO2e/kWh (life cycle, with T&D) ÷ the CO2-only 0.5306 = 1.169; range an assumption':
    'MEE, NBS & NEA 2023 全国电力碳足迹因子0.6205千克CO₂e/千瓦时（全生命周期，含输配电）÷ 仅计二氧化碳的0.5306 = 1.169；范围为假设',
  "assumption, no published per-km value found: DESNZ's UK van as a proxy, wider range (low: much of the last mile runs on electric tricycles)":
    '假设，未找到公开的每公里数值：以 DESNZ 的英国货车为替代，范围放宽（低值：末端配送大多使用电动三轮车）',
  "assumption, no published per-km value found: DESNZ's UK car as a proxy, wider range":
    '假设，未找到公开的每公里数值：以 DESNZ 的英国汽车为替代，范围放宽',
  'assumption: US ground parcels cross a continent': '假设：美国陆运包裹要横跨大陆',
  'assumption: fewer, further pickup points': '假设：自提点更少、更远',
  'assumption: most pickup trips by car': '假设：去自提点的出行大多开车',
  'assumption: lockers in stores, reached by road': '假设：快递柜设在商店里，需经道路前往',
  'assumption: most locker trips by car': '假设：去快递柜的出行大多开车',
  'assumption: T&D losses, upstream fuel supply and CH4/N2O over a CO2-only factor at generation':
    '假设：在发电端仅计二氧化碳的因子之上，加计输配电损耗、上游燃料供应以及 CH₄/N₂O',
  "assumption: US carriers' walk-in step vans are larger than UK vans; no per-km value verified":
    '假设：美国快递公司的步入式厢式货车（step van）比英国货车大；每公里数值未经核实',
  "EPA Automotive Trends Report 2023: new model-year 2022 vehicles 337 g CO2/mile on the road (209 g/km) against DESNZ's average petrol car 163 g/km TTW; the fleet is older, so the range runs higher (public domain)":
    'EPA Automotive Trends Report 2023：2022车型年新车实际道路排放为每英里337克CO₂（209克/公里），DESNZ 的平均汽油车为163克/公里（TTW）；在用车辆更老旧，因此范围偏高（公有领域）',
  'assumption: convenience-store pickups nearby': '假设：在附近的便利店取件',
  'assumption: lockers at stations and apartment blocks': '假设：快递柜设在车站和公寓楼',
  'MLIT 宅配便再配達実態調査, October 2024: 10.2% of parcels redelivered (urban 11.6%, rural 8.1%; Yamato, Sagawa, Japan Post); Government of Japan Standard Terms of Use 2.0':
    'MLIT 宅配便再配達実態調査，2024年10月：10.2%的包裹需要再次派送（城市11.6%，农村8.1%；Yamato, Sagawa, Japan Post）；Government of Japan Standard Terms of Use 2.0',
  'assumption: upstream over a CO2-only factor, and the unverified average (wide)':
    '假设：在仅计二氧化碳的因子之上加计上游排放；平均值未经核实（因此范围较宽）',
  'assumption: many delivery vans are light or kei vans, smaller than UK vans':
    '假设：许多派送货车是轻型货车或轻自动车（kei），比英国货车小',
  'assumption: kei cars are a large share of the fleet': '假设：轻自动车（kei car）在在用车辆中占比很大',
  "assumption, used only without a merchant depot: merchant to the carrier's delivery depot by road":
    '假设，仅在商家未给出发货点时使用：商家到快递公司派送网点的道路里程',
  'assumption (merchant scenarios): shoppers driving to a pickup point; the rest walk or cycle':
    '假设（商家方案）：开车去自提点的顾客比例；其余步行或骑车',
  'assumption: shopper to a locker bank, one way': '假设：顾客到快递柜，单程',
  'assumption: locker trips by car (the rest on foot or by bike)': '假设：开车去快递柜的出行（其余步行或骑车）',
  "DESNZ's UK grid rows already count T&D losses and WTT: 1; another country's CO2-only grid factor is taken to the same boundary (its source says how)":
    'DESNZ 的英国电网各行已计入输配电损耗和 WTT：取1；其他国家仅计二氧化碳的电网因子换算到相同边界（换算方法见其来源）',
  "DESNZ's vans are the UK's fleet: 1; another country's vans as a share of them":
    'DESNZ 的货车即英国的在用货车：取1；其他国家的货车以相对它们的倍数表示',
  "DESNZ's cars are the UK's fleet: 1; another country's cars as a share of them":
    'DESNZ 的汽车即英国的在用汽车：取1；其他国家的汽车以相对它们的倍数表示',
  'assumption: dense Paketshop and Packstation networks': '假设：Paketshop（代收店）和 Packstation（快递柜）网点密集',
  "assumption: EU vans and cars like the UK's (DESNZ) within ±15%": '假设：欧盟的货车和汽车与英国（DESNZ）相当，相差在±15%以内',
  "assumption: France's life-cycle factors run well above its direct 32 g (nuclear and renewable upstream, T&D losses)":
    '假设：法国的全生命周期因子远高于其直接排放的32克（核电和可再生能源的上游排放、输配电损耗）',
  // 日常对比
  'assumption: a ~4,000 mAh, 3.85 V phone battery holds about 15 Wh; charger losses ignored':
    '假设：一块约4,000毫安时、3.85伏的手机电池可储存约15瓦时电能；不计充电器损耗',
  // 数字能耗：来源和说明
  [`${CCF} Per vCPU, from SPECpower results for the provider's processors (CCF, Appendix I).`]:
    `${CCF_ZH}按每个 vCPU 计，取自该云服务商所用处理器的 SPECpower 结果（CCF, Appendix I）。`,
  [`${CCF} CCF's conservative estimate from public AWS data.`]: `${CCF_ZH}CCF根据AWS公开数据作出的保守估计。`,
  [`${CCF} Data-centre energy ÷ IT energy, as CCF uses for the provider.`]:
    `${CCF_ZH}数据中心总能耗 ÷ IT 设备能耗，即 CCF 对该云服务商所用的值。`,
  [`${CCF} Microsoft's fleet-wide trailing 12-month PUE, as quoted in CCF's PUE section (its Appendix I says 1.125).`]:
    `${CCF_ZH}微软全部数据中心过去12个月的滚动 PUE，引自 CCF 的 PUE 一节（其 Appendix I 给出的是1.125）。`,
  [`${CCF} Hyperscale data centres in 2020, from the 2016 U.S. Data Center Energy Usage Report (LBNL), as CCF uses.`]:
    `${CCF_ZH}2020年超大规模数据中心的数值，取自 2016 U.S. Data Center Energy Usage Report（LBNL），与 CCF 相同。`,
  [`${SWD} Electricity per GB transferred, at the segment's grid.`]: `${SWD_ZH}每传输1 GB的用电量，按该环节所在的电网计算。`,
  [`${SWD} Making the equipment, expressed as kWh per GB; SWD converts it at its global grid intensity.`]:
    `${SWD_ZH}设备制造，折算为每 GB 的千瓦时；SWD 按其全球电网排放强度换算。`,
  [`${SWD} SWD v4 converts every embodied kWh at this fixed global figure, whatever the local grid.`]:
    `${SWD_ZH}SWD v4将每一千瓦时隐含能耗都按这一固定的全球数值换算，不论当地电网如何。`,
  // 排放因子
  'no fuel or electricity used': '不消耗燃料或电力',
  'Ember yearly electricity data, 2024 annual average (as bundled by CO2.js)': 'Ember yearly electricity data，2024年全年平均值（CO2.js 自带的数据）',
};

/** 假设、数字能耗数值和日常对比的单位，按英文原文；写法同 ./page.js 的“千克CO₂e/车公里”。 */
const UNITS = {
  km: '公里',
  kg: '千克',
  'road km/great-circle km': '道路公里/直线公里',
  '× DESNZ average van': '× DESNZ 平均货车',
  'kg CO2e/km': '千克CO₂e/公里',
  'kWh/parcel': '千瓦时/件',
  'parcels/round': '件/路线',
  'km/round': '公里/路线',
  '× parcels/round': '× 件/路线',
  'parcels/run': '件/趟',
  'parcels/stop': '件/次',
  share: '比例',
  '× grid factor': '× 电网因子',
  '× DESNZ fuelled van': '× DESNZ 燃油货车',
  '× DESNZ fuelled car': '× DESNZ 燃油汽车',
  'W/vCPU': '瓦/vCPU',
  ratio: '比值',
  'kWh/GB': '千瓦时/GB',
  'g CO2e/kWh': '克CO₂e/千瓦时',
  'kWh/charge': '千瓦时/次充电',
};

export const { sourceText, unitText, translates } = lookup({ asPublished: AS_PUBLISHED, sources: SOURCES, units: UNITS });
/** 借用其他国家的来源（作为替代值）时，写在该国名称之后。 */
export const fromCountry = (country, source) => `${country}：${source}`;
