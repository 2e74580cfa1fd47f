// 页面框架（标题、页眉、导航、语言菜单、页脚）、购物者视图、来源视图和 loading.js 的提示：../en-GB/page.js 的中文译本，导出相同。
import { n } from './numbers.js';

export const lang = 'zh-CN';
const plural = (count, forms) => (forms[new Intl.PluralRules(lang).select(count)] ?? forms.other).replace('#', n.count(count));

export const HTML = {
  title: 'green-delivery：在浏览器里算出的快递碳足迹',
  description: '看看合并配送能减少多少排放。全部在您的浏览器中计算，订单数据不会离开本页面。',
  tagline: '快递碳足迹与合并配送的减排量，全部在您的浏览器中计算。您输入的任何内容都不会离开本页面。',
  language: '语言',
  country: '国家/地区',
  navLabel: '视图',
  tabShopper: '购物者',
  tabMerchant: '商家',
  tabClassroom: '课堂',
  tabSources: '数据来源',
  footer: '在本地以 WebAssembly 运行。含依据《开放政府许可》（Open Government Licence v3.0）授权的英国公共部门信息。',
  shopperTitle: '我的快递有多环保？',
  placeInitial: '示例：送往EC2A，定位于邮编区中心，误差约1.7公里。请在上方输入您的邮编或城市，查看您自己的结果。',
  calculating: '正在计算……',
  resultsLabel: '配送方式，按每件包裹的二氧化碳当量从低到高排列',
  co2e: 'CO₂e',
  co2eNote: '（二氧化碳当量）把各种温室气体折算成产生同等升温效果的二氧化碳量。',
  placeLabel: '邮编或城市',
  placePlaceholder: '如：北京、100000',
  locate: '使用我的位置',
  placeHint: '您的邮编或位置只在本页面内查询，不会发送到任何地方。',
  vehicle: '派送车辆',
  dieselVan: '柴油货车',
  petrolVan: '汽油货车',
  electricVan: '电动货车',
  advanced: '高级：坐标、距离和店铺',
  theShop: '店铺',
  shopPlace: '店铺邮编或城市',
  shopPlacePlaceholder: '如：上海',
  shopLat: '店铺纬度',
  shopLon: '店铺经度',
  you: '您',
  yourLat: '您的纬度',
  yourLon: '您的经度',
  roadKm: '或填写店铺到您的道路里程（公里）',
  mapCaption: '点击地图设置您的位置。圆环以店铺为中心，每圈相隔5公里；不加载在线地图。',
  wholeOrder: '整笔订单',
  wholeOrderIntro: '配送只是订单碳足迹的一部分：包装和您在线浏览的时间也要算上。',
  orderOptionHint: '按您在上方选择的配送方式计算。',
  packaging: '包装',
  board: '纸箱',
  paper: '纸',
  plastic: '塑料',
  plasticFilm: '塑料膜',
  packagingMass: '包装重量（克）',
  endsUp: '最终去向',
  recycling: '回收利用',
  incineration: '焚烧（回收能量）',
  landfill: '填埋',
  pagesViewed: '浏览页面数',
  mbPerPage: '每页大小（MB）',
  partsCaption: '订单碳足迹构成',
  part: '部分',
  share: '占比',
  assumptions: '假设',
  sourcesTitle: '数据来源与假设',
  sourcesIntro: '列出每个默认因子及其来源、年份和许可。输入数值即可替换默认值：自定义值只保存在本浏览器（localStorage）中，不会发送到任何地方。',
  resetOverrides: '清除所有自定义值',
  searchLabel: '搜索因子（名称、ID 或来源）',
  searchPlaceholder: '如：柴油、电网、DESNZ、CC BY',
  factorsCaption: '因子（排放因子为“油井到车轮”口径，单位：千克二氧化碳当量/单位）与假设，按类别分组',
};

export const LOADING = {
  failed: '计算器加载失败，无法显示数据。请检查网络连接后重试。',
  retry: '重试',
  loading: '正在加载计算器…',
};

export const SHOPPER = {
  cited: (sentence) => [`${sentence}（`, '）'],
  /** An option's figure: "160 g (120–260 g) CO2e". */
  perParcel: (figure) => `${figure}CO₂e`,
  lowest: '排放最低',
  amongLowest: '排放最低之一',
  exampleTo: '示例：送往',
  exampleLine: (line) => `${line}请在上方输入您的邮编或城市，查看您自己的结果。`,
  stillFor: '仍在显示此前地点的结果：',
  stillForExample: '仍在显示示例地点的结果：',
  didYouMean: '您要找的是',
  sourcesLink: '数据来源与假设',
  deliveringTo: '送往',
  asYouSetIt: '您的设置',
  ourAssumption: '本站假设',
  howWorkedOut: '计算方法',
  everyday: (distance) => `相当于开汽油车行驶约${distance}。`,
  carFactor: (gramsPerKm) => `日常对比按汽油车每公里${gramsPerKm}二氧化碳当量计算。`,
  byRoad: (distance) => `距店铺道路里程${distance}处`,
  pickOption: '在上方选择一种配送方式，即可查看整笔订单的碳足迹。',
  withOption: (label) => `按上方选择的配送方式（${label}）计算。`,
  PARTS: { delivery: '配送', packaging: '包装', digital: '在线浏览', online: '在线浏览' },
  orderSummary: (total, parts) => `您的订单：${total}二氧化碳当量，其中${parts.map(([name, grams]) => `${name}${grams}`).join('、')}。`,
  orderError: '无法显示订单碳足迹。',
  mapByDistance: (shop, distance) => `地图：店铺位于${shop}；您距店铺道路里程${distance}。点击地图设置您的位置。`,
  mapByPlace: (shop, you) => `地图：店铺位于${shop}，您位于${you}。点击地图可移动您的位置。`,
  mapShop: '店铺',
  mapYou: '您',
  country: (name) => name,
};

export const SOURCES = {
  HEADINGS: ['因子', 'ID', '数值', '单位', '来源', '年份', '许可'],
  KINDS: {
    vehicles: '车辆与出行（每公里）',
    freight: '货运：干线运输（每吨公里）',
    grids: '电网（每千瓦时）',
    fuels: '燃料（每升）',
    materials: '材料与废弃物（每吨）',
    digital: '数字：服务器与数据传输',
    chain: '配送链：设定（中心值，低–高；可在 API、组件或命令行中按 ID 覆盖）',
    comparisons: '日常对比',
    other: '其他',
  },
  overrideOf: (value, source) => `您的自定义值，代替默认值 ${value}（${source}）`,
  ownValue: '您自己的数值',
  COMPARISON_NAMES: { phoneChargeKwh: '手机充满一次电所需的电量' },
  perUnit: (unit) => `千克CO₂e/${unit}`,
  rows: (rows) => `第${rows}行`,
  everydayRow: (name) => `日常对比：${name}`,
  byArea: (urban, rural) => `城市：${urban}；农村：${rural}`,
  countAll: (total) => plural(total, { other: '共#个因子和假设。' }),
  countNone: (query) => `没有与“${query}”匹配的因子。试试更短的词，如“货车”或“电网”。`,
  countSome: (shown, total, query) => `共${n.count(total)}个，其中${n.count(shown)}个与“${query}”匹配。`,
  overridden: (count) => plural(count, { other: '本浏览器中已自定义#个因子。' }),
  notSaved: (why) => `未保存：${why}`,
};

/** 各因子的中文名，按 id（计算器自带的名称是英文）；包装类由材料和去向组合。 */
const FACTORS = {
  'diesel-van': '柴油货车（平均，3.5吨以下）',
  'petrol-van': '汽油货车（平均，3.5吨以下）',
  'electric-van': '纯电动货车（平均，3.5吨以下）',
  'e-cargo-bike': '电动货运自行车',
  'hgv-artic': '柴油半挂牵引车，每吨公里',
  'petrol-car': '汽油车（平均）',
  'diesel-car': '柴油车（平均）',
  'electric-car': '纯电动汽车（平均）',
  walk: '步行',
  cycle: '骑自行车',
  'diesel-fuel': '柴油（含平均比例生物燃料）',
  'petrol-fuel': '汽油（含平均比例生物燃料）',
  'uk-grid-2025': '英国电网电力 2025（发电、输配电及上游）',
  'grid-world': '全球平均电网电力',
  'grid-eu': '欧盟电网电力',
  'ccf-utilisation': '平均 vCPU 利用率（实际未知时）',
  'swd-embodied-grid': '计算隐含排放所用的全球电网排放强度',
};
const MATERIALS = {
  board: '纸板', paper: '纸', plastic: '塑料（平均）', 'plastic-film': '塑料膜',
  'weee-small': '小型电子电器', 'weee-large': '大型电子电器', 'weee-mixed': '混合电子电器',
  battery: '电池', 'battery-li-ion': '锂离子电池', 'battery-alkaline': '碱性电池',
};
const ROUTES = {
  landfill: '填埋', incineration: '焚烧（回收能量）', recycling: '闭环回收',
  'recycling-open': '开环回收', primary: '原生生产', 'closed-loop-source': '以闭环回收料生产',
};
const PROVIDERS = { aws: 'AWS', gcp: 'Google Cloud', azure: 'Azure' };
const CCF = { 'min-watts': '每 vCPU 空载功率', 'max-watts': '每 vCPU 满载功率', pue: 'PUE' };
const SEGMENTS = { 'data-centre': '数据中心', network: '网络', 'user-device': '用户设备' };
const regions = new Intl.DisplayNames([lang], { type: 'region' });
/** 由 id 得到因子名称；未知的保留计算器自带的名称。 */
export function factorLabel(id, label) {
  if (FACTORS[id]) return FACTORS[id];
  const grid = id.match(/^grid-([a-z]{2})$/);
  if (grid) return `${regions.of(grid[1].toUpperCase())}电网电力`;
  const material = Object.keys(ROUTES).map((r) => id.match(new RegExp(`^(.+)-${r}$`)) && [id.slice(0, -r.length - 1), r]).find(Boolean);
  if (material && MATERIALS[material[0]]) return `${MATERIALS[material[0]]}，${ROUTES[material[1]]}`;
  const ccf = id.match(/^ccf-(aws|gcp|azure)-(.+)$/);
  if (ccf && CCF[ccf[2]]) return `${PROVIDERS[ccf[1]]}，${CCF[ccf[2]]}`;
  const swd = id.match(/^swd-(.+)-(operational|embodied)$/);
  if (swd && SEGMENTS[swd[1]]) return `${SEGMENTS[swd[1]]}，${swd[2] === 'operational' ? '运行' : '隐含（设备制造）'}`;
  return label;
}
const UNITS = { 'vehicle-km': '车公里', 'passenger-km': '人公里', 'tonne-km': '吨公里', litre: '升', tonne: '吨' };
export const unitName = (unit) => UNITS[unit] ?? unit;
